import Foundation
import InternMatchModel

/// A dataset read from a directory: the validated instance and the warnings met on the way.
public struct Dataset: Sendable {
  /// The placement problem.
  public var instance: PlacementInstance
  /// Warnings (skipped list entries, unknown columns, …), each with its place in the files.
  public var warnings: [DatasetIssue]
  /// Every file that was read, in the order the reader took them, with what identifies it.
  public var inputs: [DatasetInput] = []
  /// The line of each pin of the instance's rules in `pins.csv`, in order (for audits).
  public var pinLines: [Int] = []
  /// The columns of `students.csv` the format does not use (`name`, `email`, …), one row per
  /// student in input order, for rosters and letters; none for a dataset built in code.
  public var passThrough = PassThroughColumns()

  /// A dataset of an instance built in code (no files, so no inputs to record).
  public init(
    instance: PlacementInstance, warnings: [DatasetIssue] = [], inputs: [DatasetInput] = []
  ) {
    self.instance = instance
    self.warnings = warnings
    self.inputs = inputs
  }
}

/// One file a dataset was read from, as a run manifest records it.
public struct DatasetInput: Hashable, Sendable, Codable {
  /// The file's name in the dataset, such as `students.csv`.
  public var name: String
  /// The SHA-256 digest of the bytes read, in lowercase hexadecimal (what `sha256sum` prints).
  public var sha256: String
  /// The file's size in bytes.
  public var bytes: Int
  /// Data rows (CSV records after the header); `nil` for a file that is not a table.
  public var rows: Int?
}

/// Where a dataset's files come from: a directory, or files held in memory (an upload).
///
/// ```swift
/// let upload = DatasetSource.files(["students.csv": studentsData, "worksites.csv": sitesData])
/// let dataset = try DatasetReader.read(upload)
/// ```
public enum DatasetSource: Sendable {
  /// The files of a directory on disk.
  case directory(String)
  /// Files by name (`students.csv`, `policy.json`, …), held in memory.
  case files([String: [UInt8]])

  /// How the source is named in messages and manifests: the directory, or `(uploaded files)`.
  public var description: String {
    switch self {
    case .directory(let path): path
    case .files: "(uploaded files)"
    }
  }
}

/// Reads a dataset directory (`students.csv`, `worksites.csv`, optional `clusters.csv`,
/// `rankings.csv` and `policy.json`; the format is described in `Datasets/README.md`).
///
/// Every file is read and checked before anything is reported, so that one run lists every
/// problem: malformed CSV, missing required columns, values that are not integers or numbers,
/// and the instance-level checks of ``/InternMatchModel/PlacementInstance`` (duplicate ids, unknown clusters,
/// negative capacities …), each located as `file:line:column`.
///
/// ```swift
/// let dataset = try DatasetReader.read(directory: "Datasets/tiny")
/// dataset.instance.students.count  // 6
/// ```
///
/// - Complexity: O(total file size).
public enum DatasetReader {
  /// Columns of each file: required first, then optional; each with the aliases an export may
  /// use for it (listed in `Datasets/README.md`).
  static let studentColumns: (required: [ColumnSpec], optional: [ColumnSpec]) = (
    required: [
      ColumnSpec("id", aliases: "Student ID", "OSIS", "student"),
      ColumnSpec("school", aliases: "DBN", "School DBN"),
      ColumnSpec("cluster", aliases: "Career Cluster"),
    ],
    optional: [
      ColumnSpec("grade", aliases: "Grade Level"), "age", "borough",
      ColumnSpec("lat", aliases: "latitude"), ColumnSpec("lon", aliases: "longitude", "lng"),
      "credentials", "groups", "availability",
      ColumnSpec("preferences", aliases: "Choices", "Ranked choices"), "role",
    ]
  )
  /// What becomes of a `students.csv` column the format does not use (`name`, `email`,
  /// `guardian_email`, …): it passes through to rosters and letters as written, in file order
  /// (``Dataset/passThrough``), with a warning only when its name is a near miss of a known
  /// column (`prefrences`). Other files ignore such columns with a warning.
  static let studentUnknownColumns = ColumnReader.UnknownColumns.passedThrough
  /// Columns of `students.csv` that are read but never written (``DatasetWriter`` writes the
  /// model's values: an age, not the birth date it came from).
  static let studentReadOnlyColumns: [ColumnSpec] = [
    ColumnSpec("birth_date", aliases: "DOB", "Date of Birth")
  ]
  /// The other layout of a student's list in `students.csv`: one worksite per column.
  static let studentChoiceColumns = NumberedColumns("choice", aliases: "preference", "pref")
  static let worksiteColumns: (required: [ColumnSpec], optional: [ColumnSpec]) = (
    required: [
      ColumnSpec("id", aliases: "Worksite ID", "site"),
      ColumnSpec("cluster", aliases: "Career Cluster"),
      ColumnSpec("capacity", aliases: "Seats"),
    ],
    optional: [
      "employer", "borough", ColumnSpec("lat", aliases: "latitude"),
      ColumnSpec("lon", aliases: "longitude", "lng"), "min_age", "min_grade", "requires",
      "schedule", "kind", "max_per_school", "min_group", "reserve", "slots",
    ]
  )
  static let rankingColumns: (required: [ColumnSpec], optional: [ColumnSpec]) = (
    required: ["worksite", "student", "rank"], optional: []
  )
  static let clusterColumns: (required: [ColumnSpec], optional: [ColumnSpec]) = (
    required: ["id", "name"], optional: []
  )
  static let employerColumns: (required: [ColumnSpec], optional: [ColumnSpec]) = (
    required: ["id", "capacity"], optional: []
  )
  static let linkColumns: (required: [ColumnSpec], optional: [ColumnSpec]) = (
    required: ["student_a", "student_b"], optional: []
  )
  static let pinColumns: (required: [ColumnSpec], optional: [ColumnSpec]) = (
    required: ["student", "worksite"], optional: ["slot"]
  )
  static let activityColumns: (required: [ColumnSpec], optional: [ColumnSpec]) = (
    required: ["kind", "max_per_participant", "priority", "participants"],
    optional: ["max_per_employer"]
  )
  /// `choices.csv`: students' lists in long form, one row per choice.
  static let choiceColumns: (required: [ColumnSpec], optional: [ColumnSpec]) = (
    required: ["student", "worksite", "rank"], optional: []
  )

  /// Reads and validates the dataset in `directory`.
  ///
  /// - Throws: ``DatasetError`` with kind `.missingInput` when the directory, `students.csv` or
  ///   `worksites.csv` is missing, and `.badData` listing every error (and warning) otherwise.
  public static func read(directory: String) throws(DatasetError) -> Dataset {
    try read(.directory(directory), sharing: .standard)
  }

  /// Reads and validates the dataset in `directory`, whose files are in `encoding`
  /// (``TextEncoding``: each file that needs it is converted to UTF-8 first).
  public static func read(directory: String, encoding: TextEncoding) throws(DatasetError)
    -> Dataset
  {
    try read(.directory(directory), sharing: .standard, encoding: encoding)
  }

  /// Reads and validates the dataset whose files `source` holds, in `encoding`.
  public static func read(_ source: DatasetSource, encoding: TextEncoding) throws(DatasetError)
    -> Dataset
  {
    try read(source, sharing: .standard, encoding: encoding)
  }

  /// Reads and validates the dataset whose files `source` holds, as ``read(directory:)`` does.
  ///
  /// - Throws: ``DatasetError`` as ``read(directory:)``; for files in memory, `.missingInput`
  ///   when `students.csv` or `worksites.csv` is not among them.
  public static func read(_ source: DatasetSource) throws(DatasetError) -> Dataset {
    try read(source, sharing: .standard)
  }

  /// Reads the dataset in `directory`, sharing the work out over the cores as `sharing` says.
  static func read(directory: String, sharing: Sharing) throws(DatasetError) -> Dataset {
    try read(.directory(directory), sharing: sharing)
  }

  /// Reads the dataset of `source`, sharing the work out over the cores as `sharing` says.
  static func read(
    _ source: DatasetSource, sharing: Sharing, encoding: TextEncoding = .utf8
  ) throws(DatasetError) -> Dataset {
    if case .directory(let directory) = source {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
        isDirectory.boolValue
      else {
        throw DatasetError(
          .missingInput,
          issues: [
            DatasetIssue(
              .error, file: directory, line: nil, column: nil, "no such dataset directory",
              code: "missing-file")
          ])
      }
    }
    var issues: [DatasetIssue] = []
    var missing: [DatasetIssue] = []
    var inputs: [DatasetInput] = []
    /// The bytes of file `name` as UTF-8, recorded as an input (as they are on disk); an issue
    /// when it exists but cannot be read or converted.
    func bytes(of name: String) -> [UInt8]? {
      let found: [UInt8]?
      switch source {
      case .directory(let directory):
        let path = (directory as NSString).appendingPathComponent(name)
        switch contents(ofFile: path, sharing: sharing) {
        case .success(let read): found = read
        case .failure(let failure):
          found = nil
          // A missing optional file is no issue; a missing required one is reported by `load`.
          if failure.exists {
            missing.append(
              DatasetIssue(
                .error, file: name, line: nil, column: nil, failure.reason,
                code: "unreadable-file"))
          }
        }
      case .files(let files):
        found = files[name]
      }
      guard let found else { return nil }
      inputs.append(DatasetInput(name: name, sha256: SHA256.hex(of: found), bytes: found.count))
      // policy.json in UTF-8 is StrictJSON's to check: it names other encodings itself.
      if name == PolicyReader.file, encoding == .utf8 { return found }
      switch encoding.utf8(found) {
      case .success(let text): return text
      case .failure(let problem):
        issues.append(
          DatasetIssue(
            .error, file: name, line: nil, column: nil, problem.message, code: "encoding"))
        return nil
      }
    }
    func load(_ name: String, required: Bool) -> CSVTable? {
      guard let bytes = bytes(of: name) else {
        if required, !missing.contains(where: { $0.file == name }),
          !issues.contains(where: { $0.file == name })
        {
          missing.append(
            DatasetIssue(
              .error, file: name, line: nil, column: nil, "required file is missing",
              code: "missing-file"))
        }
        return nil
      }
      do {
        let table = try CSVTable(parsing: bytes, file: name, splitAbove: sharing.bytes)
        inputs[inputs.count - 1].rows = table.records.count
        return table
      } catch {
        issues.append(error)
        return nil
      }
    }

    let studentTable = load("students.csv", required: true)
    let worksiteTable = load("worksites.csv", required: true)
    let clusterTable = load("clusters.csv", required: false)
    let rankingTable = load("rankings.csv", required: false)
    let employerTable = load("employers.csv", required: false)
    let linkTable = load("links.csv", required: false)
    let pinTable = load("pins.csv", required: false)
    let activityTable = load("activities.csv", required: false)
    let choiceTable = load("choices.csv", required: false)
    var policy = Policy()
    if let data = bytes(of: PolicyReader.file) {
      policy = PolicyReader.read(Data(data), issues: &issues)
    }
    guard missing.isEmpty else { throw DatasetError(.missingInput, issues: missing + issues) }

    let (clusterReader, clusterRows) = rows(of: clusterTable, clusterColumns, sharing) { r, c in
      // An empty id is the instance's to report (once), as for students and worksites.
      Cluster(id: c.text(r, c["id"]) ?? "", name: c.requiredText(r, c["name"]))
    }
    let clusters = clusterTable == nil ? Cluster.nycDefaults : clusterRows
    let clusterKeys = ValueKeys(
      field: "cluster", keys: clusters.map(\.id), names: clusters.map { ($0.id, $0.name) })
    // Worksites and students first: list entries and rankings resolve against their ids.
    let (worksiteReader, worksites, _) = rows(
      of: worksiteTable, worksiteColumns, sharing,
      start: { WorksiteRows($0, clusters: clusterKeys) },
      { $0.read($1, &$2) })
    let worksiteIDs = worksites.map(\.id)
    let worksiteIndex = IdentifierIndex(
      ids: worksiteIDs,
      referencesAreASCII: [studentTable, rankingTable, choiceTable].allSatisfy {
        $0?.isASCII != false
      })
    let (studentReader, studentRows, studentParts) = rows(
      of: studentTable,
      (studentColumns.required, studentColumns.optional + studentReadOnlyColumns),
      numbered: studentChoiceColumns, sharing, unknown: studentUnknownColumns,
      start: {
        StudentRows(
          $0, worksites: worksiteIndex, clusters: clusterKeys,
          placementStart: policy.placementStart.flatMap { CivilDate(text: Array($0.utf8)) })
      },
      { $0.read($1, &$2) })
    var students = studentRows
    // Only rankings and choices name students: without them no index is built.
    let studentIndex = IdentifierIndex(
      ids: rankingTable == nil && choiceTable == nil ? [] : students.map { $0.id },
      referencesAreASCII: rankingTable?.isASCII != false && choiceTable?.isASCII != false)
    let (rankingReader, ranks, rankingParts) = rows(
      of: rankingTable, rankingColumns, sharing,
      start: { RankingRows($0, worksites: worksiteIndex, students: studentIndex) },
      { $0.read($1, &$2) })
    StudentRows.attachLists(of: studentParts, to: &students, worksiteIDs: worksiteIDs)
    let (choiceReader, choiceRows, _) = rows(
      of: choiceTable, choiceColumns, sharing,
      start: { ChoiceRows($0, worksites: worksiteIndex, students: studentIndex) },
      { $0.read($1, &$2) })
    if var reader = choiceReader {
      if reader.hasRequiredColumns {
        Self.apply(choiceRows, reader: &reader, to: &students, worksiteIDs: worksiteIDs)
      }
      issues += reader.issues
    }
    if let studentReader {
      issues += Self.layoutConflicts(studentReader, choiceTable)
      if let k = studentReader["birth_date"].field, policy.placementStart == nil {
        issues.append(
          DatasetIssue(
            .error, file: studentReader.table.file, line: 1,
            column: studentReader.table.headerColumn(k),
            "ages from birth_date need placement_start in policy.json, the date they are "
              + "counted at (e.g. \"placement_start\": \"2027-07-01\")", code: "birth-date"))
      }
    }
    let references = ResolvedReferences(
      preferences: nil, rankings: rankingParts.flatMap(\.resolved),
      setNumbers: StudentRows.setNumbers(of: studentParts))

    let (employerReader, employers) = rows(of: employerTable, employerColumns, sharing) { r, c in
      EmployerCapacity(
        employer: c.requiredText(r, c["id"]),
        capacity: c.requiredInteger(
          r, c["capacity"], range: DatasetLimits.seats, substitute: 0))
    }
    let (linkReader, links) = rows(of: linkTable, linkColumns, sharing) { r, c in
      StudentLink(
        first: c.requiredText(r, c["student_a"]), second: c.requiredText(r, c["student_b"]))
    }
    let (pinReader, pins) = rows(of: pinTable, pinColumns, sharing) { r, c in
      Pin(
        student: c.requiredText(r, c["student"]), worksite: c.requiredText(r, c["worksite"]),
        slot: c.text(r, c["slot"]))
    }
    // A row whose kind or participants cannot be read is reported and left out; `activityRows`
    // keeps the record of each rule that is read.
    let (activityReader, activityRules) = rows(of: activityTable, activityColumns, sharing) {
      r, c in
      var kinds = Self.keyed(WorksiteKind.self, "kind")
      var roles = Self.keyed(ParticipantRole.self, "participants")
      let kind: WorksiteKind? = Self.choice(r, c["kind"], &c, &kinds)
      let participants: ParticipantRole? = Self.choice(r, c["participants"], &c, &roles)
      let rule = ActivityRule(
        kind: kind ?? .internship,
        maxPerParticipant: c.requiredInteger(
          r, c["max_per_participant"], range: DatasetLimits.activitiesPerParticipant,
          substitute: 0),
        priority: c.requiredInteger(
          r, c["priority"], range: DatasetLimits.activityPriority, substitute: 1),
        participants: participants,
        maxPerEmployer: c.integer(
          r, c["max_per_employer"], range: DatasetLimits.activitiesPerParticipant))
      return kind == nil || participants == nil ? nil : rule
    }
    let readers = Readers(
      clusters: clusterReader, students: studentReader, worksites: worksiteReader,
      rankings: rankingReader, employers: employerReader, links: linkReader, pins: pinReader,
      activities: activityReader,
      activityRows: activityRules.indices.filter { activityRules[$0] != nil })
    for reader in readers.all { if let reader { issues += reader.issues } }
    let readersComplete =
      [studentReader, worksiteReader].allSatisfy { $0?.hasRequiredColumns == true }
      && (readers.all + [choiceReader]).allSatisfy { $0?.hasRequiredColumns != false }
    var rules = PlacementRules(employerCapacity: employers, links: links, pins: pins)
    rules.schoolFloor = policy.schoolFloor
    if activityTable != nil { rules.activities = ActivityMenu(activityRules.compactMap { $0 }) }

    guard readersComplete else { throw DatasetError(.badData, issues: sorted(issues)) }
    do {
      let instance = try PlacementInstance(
        students: students, worksites: worksites, clusters: clusters,
        rankings: Self.rankingInput(rankingReader, ranks: ranks), policy: policy, rules: rules,
        references: references, sharing: sharing)
      issues += instance.warnings.map { locate($0, in: readers) }
      issues += nameMismatches(
        students: instance.students, worksites: instance.worksites, policy: policy,
        reader: worksiteReader)
      if issues.contains(where: { $0.severity == .error }) {
        throw DatasetError(.badData, issues: sorted(issues))
      }
      var dataset = Dataset(instance: instance, warnings: sorted(issues), inputs: inputs)
      dataset.pinLines = pinReader?.table.records.map(\.line) ?? []
      if let studentReader {
        dataset.passThrough = PassThroughColumns(
          studentReader.table, fields: studentReader.passThroughFields)
      }
      return dataset
    } catch let error as InstanceValidationError {
      issues += error.issues.map { locate($0, in: readers) }
      throw DatasetError(.badData, issues: sorted(issues))
    } catch let error as DatasetError {
      throw error
    } catch {
      throw DatasetError(
        .badData,
        issues: [
          DatasetIssue(
            .error, file: source.description, line: nil, column: nil, "\(error)",
            code: "internal")
        ]
      )
    }
  }

  /// Reads every record of `table` with `make` when its required columns are present; returns
  /// the reader, which holds the issues met, and the values (none when columns are missing).
  static func rows<T>(
    of table: CSVTable?, _ columns: (required: [ColumnSpec], optional: [ColumnSpec]),
    _ sharing: Sharing,
    _ make: (CSVTable.Record, inout ColumnReader) -> T
  ) -> (ColumnReader?, [T]) {
    let (reader, values, _) = rows(of: table, columns, sharing, start: { _ in () }) { _, r, c in
      make(r, &c)
    }
    return (reader, values)
  }

  /// Reads every record of `table` with `make` when its required columns are present, in
  /// shares (as `sharing` says) read at once, each from a ``ColumnReader/fresh()`` reader and a
  /// state that `start` makes; returns the reader holding every issue, the values, and each
  /// share's final state, all in record order, as one serial pass would give them.
  ///
  /// - Complexity: O(records) calls of `make`, on up to as many threads as there are cores.
  static func rows<State, T>(
    of table: CSVTable?, _ columns: (required: [ColumnSpec], optional: [ColumnSpec]),
    numbered: NumberedColumns? = nil, _ sharing: Sharing,
    unknown: ColumnReader.UnknownColumns = .ignored,
    start: (ColumnReader) -> State, _ make: (inout State, CSVTable.Record, inout ColumnReader) -> T
  ) -> (ColumnReader?, [T], [State]) {
    guard let table else { return (nil, [], []) }
    var reader = ColumnReader(
      table, required: columns.required, optional: columns.optional, numbered: numbered,
      unknown: unknown)
    guard reader.hasRequiredColumns else { return (reader, [], []) }
    let records = table.records
    let shares = sharing.shares(of: records.count)
    let base = reader
    var parts: [(reader: ColumnReader, state: State)] = []
    // Each share makes its records' values in place: no value is copied to join the shares.
    let values = [T](unsafeUninitializedCapacity: records.count) { buffer, initialized in
      guard let first = buffer.baseAddress else { return }
      parts = concurrentMap(shares) { k in
        var shareReader = base.fresh()
        var state = start(shareReader)
        for i in records.count * k / shares..<records.count * (k + 1) / shares {
          (first + i).initialize(to: make(&state, records[i], &shareReader))
        }
        return (shareReader, state)
      }
      initialized = records.count
    }
    for part in parts { reader.adopt(part.reader) }
    return (reader, values, parts.map(\.state))
  }

  /// Why a file could not be read: whether it exists, and the reason for a person.
  struct ReadFailure: Error {
    var exists: Bool
    var reason: String
  }

  /// The bytes of the regular file at `path`, read straight into the array, as two halves at
  /// once when `sharing` says it is large (the copy and the first touch of the memory are
  /// shared out). Anything but a regular file (a directory, a FIFO, a device) is not read: it is
  /// opened without blocking and refused, so that `validate` on a FIFO returns at once. A file
  /// that changes size while it is read is read again, once.
  static func contents(ofFile path: String, sharing: Sharing) -> Result<[UInt8], ReadFailure> {
    let fd = open(path, O_RDONLY | O_NONBLOCK)
    guard fd >= 0 else {
      let code = errno
      return .failure(
        ReadFailure(
          exists: code != ENOENT && code != ENOTDIR,
          reason: code == ENOENT
            ? "required file is missing"
            : "cannot read the file: \(String(cString: strerror(code)))"))
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      return .failure(ReadFailure(exists: true, reason: "cannot read the file: not a regular file"))
    }
    for _ in 0..<2 {
      if let bytes = read(fd, sharing: sharing) { return .success(bytes) }
      guard fstat(fd, &info) == 0 else { break }
    }
    return .failure(
      ReadFailure(exists: true, reason: "cannot read the file: it changed while it was read"))
  }

  /// The whole regular file `fd`, or `nil` when reading fails or the file changed size.
  private static func read(_ fd: Int32, sharing: Sharing) -> [UInt8]? {
    var info = stat()
    guard fstat(fd, &info) == 0 else { return nil }
    let size = Int(info.st_size)
    let pieces = size >= sharing.bytes ? 2 : 1
    var complete = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
      guard let base = buffer.baseAddress else { return }
      let read = concurrentMap(pieces) { k in
        var offset = size * k / pieces
        let end = size * (k + 1) / pieces
        while offset < end {
          let n = pread(fd, base + offset, end - offset, off_t(offset))
          if n < 0, errno == EINTR { continue }
          guard n > 0 else { return false }
          offset += n
        }
        return true
      }
      // A byte past the size means the file grew.
      complete = !read.contains(false) && pread(fd, base + size, 1, off_t(size)) == 0
      count = complete ? size : 0
    }
    return complete ? bytes : nil
  }

  /// Reads students, each list entry resolved to a worksite from its bytes and each repeated
  /// text or set of texts made once.
  private struct StudentRows {
    let id, school, cluster, grade, age, borough, lat, lon: ColumnReader.Column
    let credentials, groups, availability, preferences, birthDate, role: ColumnReader.Column
    var roles = DatasetReader.keyed(ParticipantRole.self, "role")
    /// The date ages are counted at, from `birth_date` (policy.json's `placement_start`).
    let placementStart: CivilDate?
    /// The `choice_N` columns, by number (read when there is no `preferences` column).
    let choices: [ColumnReader.Column]
    let worksites: IdentifierIndex
    var interned = FieldInterner()
    var clusters: KeyedField
    /// The code of every list entry read so far: a worksite record, or, for an id no worksite
    /// has, the worksite count plus its place in `unknownNames`.
    var codes: [Int32] = []
    /// The ids of list entries that name no worksite, in the order met.
    var unknownNames: [String] = []
    /// Where each student's codes end in `codes` (student `k`'s are `ends[k]..<ends[k + 1]`).
    var ends: [Int] = [0]
    /// The number of the credentials and of the free blocks of each student read so far
    /// (equal numbers, equal sets; -1 when empty).
    var setNumbers: [(credentials: Int32, availability: Int32)] = []

    init(
      _ c: ColumnReader, worksites: IdentifierIndex, clusters: ValueKeys,
      placementStart: CivilDate?
    ) {
      (id, school, cluster, grade, age) = (c["id"], c["school"], c["cluster"], c["grade"], c["age"])
      (borough, lat, lon) = (c["borough"], c["lat"], c["lon"])
      (credentials, groups, availability) = (c["credentials"], c["groups"], c["availability"])
      (preferences, birthDate, role) = (c["preferences"], c["birth_date"], c["role"])
      self.placementStart = placementStart
      choices = c.numberedColumns
      self.worksites = worksites
      // An unknown cluster is the instance's to report, naming the nearest.
      self.clusters = KeyedField(clusters, reportsUnknown: false)
    }

    /// The set numbers of every share, in order, renumbered so that numbers of different
    /// shares differ.
    static func setNumbers(of shares: [StudentRows]) -> [(credentials: Int32, availability: Int32)]
    {
      var numbers: [(credentials: Int32, availability: Int32)] = []
      numbers.reserveCapacity(shares.reduce(0) { $0 + $1.setNumbers.count })
      var offset: Int32 = 0
      for share in shares {
        func shifted(_ n: Int32) -> Int32 { n < 0 ? n : n + offset }
        numbers += share.setNumbers.lazy.map { (shifted($0.credentials), shifted($0.availability)) }
        offset += Int32(share.interned.setCount)
      }
      return numbers
    }

    mutating func read(_ r: CSVTable.Record, _ c: inout ColumnReader) -> Student {
      let id = c.text(r, id) ?? ""  // an empty id is the instance's to report
      let school = interned.text(r, school, &c, required: true) ?? ""
      let cluster = clusters.read(r, cluster, &c, required: true) ?? ""
      let grade = c.grade(r, grade)
      let age = statedOrCountedAge(r, &c)
      let borough = interned.text(r, borough, &c, required: false)
      let location = c.coordinate(r, lat: lat, lon: lon)
      let (held, heldNumber) = interned.set(r, credentials, c)
      let groups = interned.set(r, groups, c).value
      let (free, freeNumber) = interned.set(r, availability, c)
      list(r, c)
      setNumbers.append((heldNumber, freeNumber))
      // The list is attached once every share is read (``attachLists(of:to:worksiteIDs:)``).
      var student = Student(
        id: id, school: school, cluster: cluster, grade: grade, age: age, borough: borough,
        location: location, credentials: held, groups: groups, availability: free,
        preferences: WorksiteList())
      if let role: ParticipantRole = DatasetReader.choice(r, role, &c, &roles) {
        student.role = role
      }
      return student
    }

    /// The age in `age`, or else counted from `birth_date` at `placement_start`; an error when
    /// both are given and disagree, when the birth date is not a date, or when it comes after
    /// the start.
    private func statedOrCountedAge(_ r: CSVTable.Record, _ c: inout ColumnReader) -> Int? {
      let stated = c.integer(r, age, range: DatasetLimits.age)
      guard let start = placementStart,
        let text = c.withBytes(r, birthDate, { $0.isEmpty ? nil : Array($0) }) ?? nil
      else { return stated }
      guard let born = CivilDate(text: text) else {
        c.report(
          .error, r, birthDate,
          "birth_date '\(String(decoding: text, as: UTF8.self))' is not a date "
            + "(write YYYY-MM-DD or MM/DD/YYYY)", code: "birth-date")
        return stated
      }
      guard born <= start else {
        c.report(
          .error, r, birthDate, "birth_date \(born) is after placement_start \(start)",
          code: "birth-date")
        return stated
      }
      let counted = born.age(on: start)
      if let stated, stated != counted {
        c.report(
          .error, r, age,
          "age \(stated) disagrees with birth_date \(born), which gives \(counted) on "
            + "placement_start \(start)", code: "age-mismatch")
      }
      return stated ?? counted
    }

    /// Reads the list entries into `codes`, each resolved to its worksite record from its
    /// bytes (no `String` is made but for an id that no worksite has), and closes the
    /// student's list in `ends`.
    private mutating func list(_ r: CSVTable.Record, _ c: ColumnReader) {
      let worksites = worksites  // borrowed once per list, not once per entry
      /// Appends the code of the entry in `bytes`.
      func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        let j = worksites.record(bytes)
        if j >= 0 {
          codes.append(j)
        } else {
          codes.append(Int32(worksites.count + unknownNames.count))
          unknownNames.append(String(decoding: bytes, as: UTF8.self))
        }
      }
      if preferences.field == nil, !choices.isEmpty {
        // One entry per non-empty `choice_N` cell, in the order of N: empty cells close up,
        // as empty items of a `;` list do.
        for column in choices {
          c.withBytes(r, column) { bytes in
            if !bytes.isEmpty { add(bytes) }
          }
        }
      } else {
        c.withBytes(r, preferences) { bytes in
          if codes.capacity == 0 {
            // Room for lists like the first, twice over, for every record of the table: room
            // never used is never touched, so it costs no memory, and the codes are not
            // copied as they grow.
            codes.reserveCapacity(2 * ColumnReader.itemCount(bytes) * c.table.records.count)
          }
          ColumnReader.forEachItem(of: bytes) { add($0) }
        }
      }
      ends.append(codes.count)
    }

    /// Gives each student read by `shares` (in order) the list its share read: the lists of a
    /// share share one storage, whose names are the worksite ids, then the share's unknown ids.
    ///
    /// - Complexity: O(S) for S students, plus O(W) per share with an unknown id.
    static func attachLists(
      of shares: [StudentRows], to students: inout [Student], worksiteIDs: [String]
    ) {
      var first = 0
      for share in shares {
        let storage = WorksiteList.Storage(
          names: share.unknownNames.isEmpty ? worksiteIDs : worksiteIDs + share.unknownNames,
          codes: share.codes, recordCount: worksiteIDs.count)
        for k in 0..<share.ends.count - 1 {
          students[first + k].preferences = WorksiteList(storage, share.ends[k]..<share.ends[k + 1])
        }
        first += share.ends.count - 1
      }
    }
  }

  /// Reads rankings: each id resolved to a worksite or student record from its bytes (no
  /// `String` is made; ``rankingInput(_:ranks:)`` names a ranking when a message needs it),
  /// and the rank.
  private struct RankingRows {
    let worksite, student, rank: ColumnReader.Column
    let worksites, students: IdentifierIndex
    /// The worksite and student of every ranking read so far (-1 when unknown).
    var resolved: [(worksite: Int32, student: Int32)] = []

    init(_ c: ColumnReader, worksites: IdentifierIndex, students: IdentifierIndex) {
      (worksite, student, rank) = (c["worksite"], c["student"], c["rank"])
      (self.worksites, self.students) = (worksites, students)
    }

    /// The rank of record `r` (1 when it cannot be read: that is reported here), its ids
    /// resolved into ``resolved``.
    mutating func read(_ r: CSVTable.Record, _ c: inout ColumnReader) -> Int {
      let w = Self.reference(r, worksite, in: worksites, &c)
      resolved.append((w, Self.reference(r, student, in: students, &c)))
      return c.requiredInteger(r, rank, range: DatasetLimits.rank, substitute: 1)
    }

    /// The record that the id in a required field names (-1 when unknown, or empty, which is
    /// reported).
    private static func reference(
      _ r: CSVTable.Record, _ column: ColumnReader.Column, in index: IdentifierIndex,
      _ c: inout ColumnReader
    ) -> Int32 {
      if let found = c.withBytes(r, column, { $0.isEmpty ? nil : index.record($0) }) ?? nil {
        return found
      }
      _ = c.requiredText(r, column)
      return -1
    }
  }

  /// The rankings of `reader`'s table as an instance takes them: `ranks` in record order, and
  /// each ranking's ids as written, made from the table when a message names them.
  private static func rankingInput(_ reader: ColumnReader?, ranks: [Int]) -> RankingInput {
    guard let reader, !ranks.isEmpty else { return RankingInput([]) }
    let (table, worksite, student) = (reader.table, reader["worksite"], reader["student"])
    return RankingInput(ranks: ranks) { k in
      let record = table.records[k]
      func text(_ column: ColumnReader.Column) -> String {
        column.field.map { table.field($0, of: record) } ?? ""
      }
      return WorksiteRanking(worksite: text(worksite), student: text(student), rank: ranks[k])
    }
  }

  /// Reads worksites, each repeated text or set of texts made once.
  private struct WorksiteRows {
    let id, employer, cluster, capacity, borough, lat, lon, minimumAge: ColumnReader.Column
    let minimumGrade, requires, schedule, kind, maxPerSchool, minimumGroup: ColumnReader.Column
    let reserve, slots: ColumnReader.Column
    var interned = FieldInterner()
    var clusters: KeyedField
    var kinds = KeyedField(
      ValueKeys(field: "kind", keys: WorksiteKind.allCases.map(\.rawValue)), reportsUnknown: true)

    init(_ c: ColumnReader, clusters: ValueKeys) {
      (id, employer, cluster, capacity) = (c["id"], c["employer"], c["cluster"], c["capacity"])
      (borough, lat, lon, minimumAge) = (c["borough"], c["lat"], c["lon"], c["min_age"])
      (minimumGrade, requires, schedule) = (c["min_grade"], c["requires"], c["schedule"])
      (kind, maxPerSchool, minimumGroup) = (c["kind"], c["max_per_school"], c["min_group"])
      (reserve, slots) = (c["reserve"], c["slots"])
      self.clusters = KeyedField(clusters, reportsUnknown: false)
    }

    mutating func read(_ r: CSVTable.Record, _ c: inout ColumnReader) -> Worksite {
      let kind = kinds.read(r, kind, &c, required: false).flatMap(WorksiteKind.init) ?? .internship
      let id = c.text(r, id) ?? ""  // an empty id is the instance's to report
      let employer = interned.text(r, employer, &c, required: false)
      let cluster = clusters.read(r, cluster, &c, required: true) ?? ""
      let capacity = c.requiredInteger(r, capacity, range: DatasetLimits.seats, substitute: 0)
      let borough = interned.text(r, borough, &c, required: false)
      let location = c.coordinate(r, lat: lat, lon: lon)
      let minimumAge = c.integer(r, minimumAge, range: DatasetLimits.age) ?? 0
      let minimumGrade = c.grade(r, minimumGrade) ?? 0
      let requires = interned.set(r, requires, c).value
      let schedule = interned.set(r, schedule, c).value
      return Worksite(
        id: id, employer: employer, cluster: cluster, capacity: capacity, borough: borough,
        location: location, minimumAge: minimumAge, minimumGrade: minimumGrade,
        requiredCredentials: requires, schedule: schedule, kind: kind,
        maxPerSchool: c.integer(r, maxPerSchool, range: DatasetLimits.seats),
        minimumGroupSize: c.integer(r, minimumGroup, range: DatasetLimits.seats),
        reserves: DatasetReader.readReserves(r, reserve, &c), slots: c.list(r, slots))
    }
  }

  /// Reserves written `group:seats` or `group:share%`, separated by `;` (`ell:3;iep:20%`).
  private static func readReserves(
    _ r: CSVTable.Record, _ reserve: ColumnReader.Column, _ c: inout ColumnReader
  ) -> [SeatReserve] {
    c.list(r, reserve).compactMap { item in
      let parts = item.split(separator: ":", maxSplits: 1).map { String($0).trimmingSpaces() }
      if parts.count == 2, !parts[0].isEmpty {
        if parts[1].hasSuffix("%") {
          // A share is a finite number from 0 to 100 (NaN, infinities and 1e400 are not).
          if let p = Double(parts[1].dropLast()), p.isFinite, (0...100).contains(p) {
            return SeatReserve(group: parts[0], seats: .fraction(p / 100))
          }
          c.report(
            .error, r, reserve,
            "reserve share '\(item)' must be a number from 0% to 100% (e.g. ell:20%)",
            code: "invalid-value")
          return nil
        }
        if let n = Int(parts[1]) { return SeatReserve(group: parts[0], seats: .seats(n)) }
        let digits = Array(parts[1].utf8)
        if digits.withUnsafeBufferPointer(ColumnReader.isIntegerText) {
          c.report(
            .error, r, reserve,
            "reserve '\(item)' is out of range (\(DatasetLimits.describe(DatasetLimits.seats)) seats)",
            code: "invalid-value")
          return nil
        }
      }
      c.report(
        .error, r, reserve, "reserve '\(item)' is not group:seats or group:share% (e.g. ell:3)",
        code: "invalid-value")
      return nil
    }
  }

  /// The value of an enumeration (`role`, `kind`, `participants`) in field `column`, read as a
  /// keyed value (``ValueKeys``: exact, or folded with a warning); `nil` when empty, or, with
  /// an error naming the values it may take, when it names none.
  private static func choice<Value: RawRepresentable & CaseIterable>(
    _ r: CSVTable.Record, _ column: ColumnReader.Column, _ c: inout ColumnReader,
    _ field: inout KeyedField
  ) -> Value? where Value.RawValue == String {
    field.read(r, column, &c, required: false).flatMap(Value.init(rawValue:))
  }

  /// A reader of the keyed values of `Value` in column `name`.
  private static func keyed<Value: RawRepresentable & CaseIterable>(_: Value.Type, _ name: String)
    -> KeyedField where Value.RawValue == String
  {
    KeyedField(
      ValueKeys(field: name, keys: Value.allCases.map(\.rawValue)), reportsUnknown: true)
  }

  /// The column readers of every table read, to locate instance-level issues.
  private struct Readers {
    var clusters, students, worksites, rankings, employers, links, pins: ColumnReader?
    var activities: ColumnReader?
    /// The record of each rule of the menu (rows that could not be read are not rules).
    var activityRows: [Int] = []
    var all: [ColumnReader?] {
      [clusters, students, worksites, rankings, employers, links, pins, activities]
    }
  }

  /// Gives an instance-level issue its file, line and column.
  private static func locate(_ issue: InstanceIssue, in readers: Readers) -> DatasetIssue {
    let reader: ColumnReader?
    let row: Int
    let file: String
    switch issue.record {
    case .cluster(let k): (reader, row, file) = (readers.clusters, k, "clusters.csv")
    case .student(let k): (reader, row, file) = (readers.students, k, "students.csv")
    case .worksite(let k): (reader, row, file) = (readers.worksites, k, "worksites.csv")
    case .ranking(let k): (reader, row, file) = (readers.rankings, k, "rankings.csv")
    case .employer(let k): (reader, row, file) = (readers.employers, k, "employers.csv")
    case .link(let k): (reader, row, file) = (readers.links, k, "links.csv")
    case .pin(let k): (reader, row, file) = (readers.pins, k, "pins.csv")
    case .activity(let k):
      (reader, row, file) = (
        readers.activities, readers.activityRows.indices.contains(k) ? readers.activityRows[k] : -1,
        "activities.csv"
      )
    case .policy:
      return DatasetIssue(
        issue.severity, file: PolicyReader.file, line: nil, column: nil, issue.message,
        code: "check.\(issue.field)")
    }
    guard let reader, reader.table.records.indices.contains(row) else {
      return DatasetIssue(
        issue.severity, file: file, line: nil, column: nil, issue.message,
        code: "check.\(issue.field)")
    }
    let record = reader.table.records[row]
    return DatasetIssue(
      issue.severity, file: reader.table.file, line: record.line,
      column: reader.column(of: issue.field, in: record), issue.message,
      code: "check.\(issue.field)")
  }

  /// Issues in a stable reading order: by file, line and column.
  private static func sorted(_ issues: [DatasetIssue]) -> [DatasetIssue] {
    let order = [
      "clusters.csv", "students.csv", "choices.csv", "worksites.csv", "rankings.csv",
      "employers.csv", "links.csv", "pins.csv", "activities.csv", "policy.json",
    ]
    func key(_ i: DatasetIssue) -> (Int, Int, Int) {
      (order.firstIndex(of: i.file) ?? order.count, i.line ?? 0, i.column ?? 0)
    }
    return issues.enumerated().sorted { a, b in
      let (ka, kb) = (key(a.element), key(b.element))
      return ka != kb ? ka < kb : a.offset < b.offset
    }.map(\.element)
  }
}
