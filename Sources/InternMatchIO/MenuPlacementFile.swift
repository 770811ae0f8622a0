import InternMatchModel

/// A menu's `placements.csv` read back — ours or hand-made — resolved against a dataset with
/// a menu of activities (`activities.csv`), for `verify`, `rematch` and `solve --pin-from`.
///
/// Columns as `solve` writes them: `student` (required), `worksite` (empty on a short row),
/// `rank` (read but not trusted: ranks are recomputed within each kind), `reason` (a short
/// row's ``/InternMatchModel/MenuShortfall``), `kind` and `slot`. A person may have any number
/// of rows. Nothing is judged here beyond resolving ids: a row naming a student or worksite the
/// dataset does not have is kept aside (``unknownStudents``, ``unknownWorksites``), and every
/// other row is kept with its line, its kind and slot as written, for the audit to check.
///
/// ```swift
/// let file = try MenuPlacementFile.read(bytes, file: "placements.csv", instance: instance)
/// file.placement.placements(of: 0).count  // the first person's placements in the file
/// file.rows.first?.line                   // 2
/// ```
///
/// - Complexity: O(file size + n log n) for n placement rows.
public struct MenuPlacementFile: Sendable {
  /// One row naming a known person: a placement at a known worksite, or a short row.
  public struct Row: Hashable, Sendable {
    /// The row's line in the file.
    public var line: Int
    /// The person's index.
    public var student: Int
    /// The worksite's index; `nil` on a short row.
    public var worksite: Int?
    /// The `kind` cell as written (`nil` when empty).
    public var kind: String?
    /// The `slot` cell as written (`nil` when empty).
    public var slot: String?
    /// The `reason` cell as written (`nil` when empty).
    public var reason: String?

    /// The kind the row names, when the cell is one of ``/InternMatchModel/WorksiteKind``.
    public var namedKind: WorksiteKind? { kind.flatMap(WorksiteKind.init(rawValue:)) }
  }

  /// The file's name, as messages cite it.
  public var file: String
  /// Rows naming a known person (and, with a worksite, a known one), in file order.
  public var rows: [Row]
  /// Rows whose student is not in the dataset.
  public var unknownStudents: [PlacementFile.UnknownRow] = []
  /// Rows whose worksite is not in the dataset.
  public var unknownWorksites: [PlacementFile.UnknownRow] = []
  /// The `kind` cell of each of ``unknownWorksites`` as written (`nil` when empty), for a
  /// re-match's changes.
  public var unknownWorksiteKinds: [String?] = []
  /// What identifies the file: its digest, size and data rows.
  public var input: DatasetInput

  /// The placements of the rows with a worksite. A slot label the worksite does not have (or
  /// any label at a worksite without slots) becomes slot index `-1`, which
  /// ``/InternMatchModel/PlacementInstance/violations(in:)-(MenuPlacement)`` reports as a bad
  /// slot.
  public let placement: MenuPlacement

  /// Lines of every placement row, by (person, worksite) (the key is `student << 32 |
  /// worksite`), in file order.
  public let placementLines: [Int: [Int]]

  /// Reads `bytes` (the contents of `file`) against `instance`.
  ///
  /// - Precondition: the instance has a menu.
  /// - Throws: ``DatasetError`` (`.badData`) when the CSV is malformed or lacks `student`.
  public static func read(_ bytes: [UInt8], file: String, instance: PlacementInstance)
    throws(DatasetError) -> MenuPlacementFile
  {
    precondition(instance.activities != nil, "MenuPlacementFile: the instance has no menu")
    let (table, opened) = try PlacementFile.columns(of: bytes, file: file)
    var reader = opened
    let (studentColumn, worksiteColumn) = (reader["student"], reader["worksite"])
    let (kindColumn, slotColumn, reasonColumn) = (reader["kind"], reader["slot"], reader["reason"])
    var rows: [Row] = []
    var unknownStudents: [PlacementFile.UnknownRow] = []
    var unknownWorksites: [PlacementFile.UnknownRow] = []
    var unknownWorksiteKinds: [String?] = []
    for record in table.records {
      let id = reader.requiredText(record, studentColumn)
      let site = reader.text(record, worksiteColumn)
      guard let s = instance.studentIndex[id] else {
        unknownStudents.append(.init(line: record.line, id: id, student: nil, worksite: site))
        continue
      }
      var w: Int?
      if let site {
        guard let known = instance.worksiteIndex[site] else {
          unknownWorksites.append(.init(line: record.line, id: site, student: s, worksite: site))
          unknownWorksiteKinds.append(reader.text(record, kindColumn))
          continue
        }
        w = known
      }
      rows.append(
        Row(
          line: record.line, student: s, worksite: w, kind: reader.text(record, kindColumn),
          slot: reader.text(record, slotColumn), reason: reader.text(record, reasonColumn)))
    }
    var read = MenuPlacementFile(
      file: file, rows: rows, unknownStudents: unknownStudents,
      unknownWorksites: unknownWorksites,
      input: DatasetInput(
        name: file, sha256: SHA256.hex(of: bytes), bytes: bytes.count, rows: table.records.count),
      instance: instance)
    read.unknownWorksiteKinds = unknownWorksiteKinds
    return read
  }

  /// Reads the file at `path` against `instance`.
  ///
  /// - Throws: ``DatasetError`` with kind `.missingInput` when it cannot be read, `.badData`
  ///   when it is not a placement file.
  public static func read(path: String, instance: PlacementInstance) throws(DatasetError)
    -> MenuPlacementFile
  {
    try read(PlacementFile.contents(atPath: path), file: path, instance: instance)
  }

  private init(
    file: String, rows: [Row], unknownStudents: [PlacementFile.UnknownRow],
    unknownWorksites: [PlacementFile.UnknownRow], input: DatasetInput,
    instance: PlacementInstance
  ) {
    self.file = file
    self.rows = rows
    self.unknownStudents = unknownStudents
    self.unknownWorksites = unknownWorksites
    self.input = input
    var entries: [MenuPlacement.Entry] = []
    var lines: [Int: [Int]] = [:]
    for row in rows {
      guard let w = row.worksite else { continue }
      let slots = instance.worksites[w].slots
      let slot: Int? = row.slot.map { slots.firstIndex(of: $0) ?? -1 }
      entries.append(MenuPlacement.Entry(student: row.student, worksite: w, slot: slot))
      lines[row.student << 32 | w, default: []].append(row.line)
    }
    placement = MenuPlacement(entries)
    placementLines = lines
  }
}

extension Dataset {
  /// The dataset with every placement `file` names held as a pin (`solve --pin-from` on a menu
  /// of activities): each row with a worksite of the dataset becomes a pin of the person there,
  /// in the row's slot (`pins.csv`'s `slot`), after the dataset's own pins; a row whose pair
  /// `pins.csv` pins already adds nothing. The file is recorded among the inputs.
  ///
  /// - Throws: ``DatasetError`` (`.badData`) when the holds break a rule pins must keep (a
  ///   slot missing or unknown, two in one slot label, over `max_per_participant`,
  ///   `max_per_employer` or the seats, a kind not offered to the person), each error at the
  ///   file's line of the row.
  public func holding(_ file: MenuPlacementFile) throws(DatasetError) -> Dataset {
    var rules = instance.rules
    let base = rules.pins.count
    var lines: [Int?] = []
    for row in file.rows {
      guard let w = row.worksite, instance.menuPin(of: row.student, at: w) == nil else { continue }
      rules.pins.append(
        Pin(
          student: instance.students[row.student].id, worksite: instance.worksites[w].id,
          slot: row.slot))
      lines.append(row.line)
    }
    var dataset = self
    do {
      dataset.instance = try PlacementInstance(
        students: instance.students, worksites: instance.worksites, clusters: instance.clusters,
        rankings: instance.rankings, policy: instance.policy, rules: rules)
    } catch {
      throw Self.heldPinErrors(error, file: file.file, base: base, lines: lines)
    }
    dataset.inputs.append(file.input)
    return dataset
  }
}
