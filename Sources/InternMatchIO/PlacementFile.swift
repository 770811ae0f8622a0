import Foundation
import InternMatchModel

/// A `placements.csv` read back — ours or hand-made — resolved against a dataset's instance,
/// for `verify`, `rematch` and `solve --pin-from`.
///
/// Columns: `student` (required), `worksite` (empty for an unplaced student); `rank` and
/// `reason`, as `solve` writes them, are read but not trusted: ranks are recomputed from the
/// students' lists. Students of the dataset the file leaves out count as unplaced. Rows naming
/// a student or worksite the dataset does not have are kept aside as ``unknownStudents`` and
/// ``unknownWorksites`` (a re-match reports them; an audit counts them as violations), and a
/// student's second row as ``duplicateRows``.
///
/// ```swift
/// let file = try PlacementFile.read(bytes, file: "placements.csv", instance: instance)
/// file.placement.worksite(of: 0)  // where the file puts the dataset's first student
/// file.line[0]                    // the line that says so
/// ```
///
/// - Complexity: O(file size + S).
public struct PlacementFile: Sendable {
  /// A row that names a student or worksite the instance does not have.
  public struct UnknownRow: Hashable, Sendable {
    /// The row's line in the file.
    public var line: Int
    /// The id as the file spells it.
    public var id: String
    /// The student of the row, for an unknown worksite (`nil` for an unknown student).
    public var student: Int?
    /// The row's worksite as the file spells it (`nil` when empty).
    public var worksite: String?
  }

  /// The file's name, as messages cite it.
  public var file: String
  /// The placement the file describes, over the instance's students and worksites.
  public var placement: Placement
  /// The line of each student's row (`nil` when the file has none).
  public var line: [Int?]
  /// Rows whose student is not in the dataset.
  public var unknownStudents: [UnknownRow] = []
  /// Rows whose worksite is not in the dataset (the student is then taken as unplaced).
  public var unknownWorksites: [UnknownRow] = []
  /// Second and later rows of a student, with the line of the row that counted.
  public var duplicateRows: [(line: Int, first: Int, student: Int)] = []
  /// The data rows in the file.
  public var rows: Int
  /// What identifies the file: its digest, size and data rows.
  public var input: DatasetInput

  /// Reads `bytes` (the contents of `file`) against `instance`.
  ///
  /// - Throws: ``DatasetError`` (`.badData`) when the CSV is malformed or lacks `student`.
  public static func read(_ bytes: [UInt8], file: String, instance: PlacementInstance)
    throws(DatasetError) -> PlacementFile
  {
    guard instance.activities == nil else {
      throw DatasetError(
        .badData,
        issues: [
          DatasetIssue(
            .error, file: file, line: nil, column: nil,
            "the dataset has a menu of activities (activities.csv): its placements are read "
              + "by MenuPlacementFile")
        ])
    }
    let (table, opened) = try columns(of: bytes, file: file)
    var reader = opened
    let studentColumn = reader["student"]
    let worksiteColumn = reader["worksite"]
    var result = PlacementFile(
      file: file, placement: Placement(studentCount: instance.students.count),
      line: [Int?](repeating: nil, count: instance.students.count), rows: table.records.count,
      input: DatasetInput(
        name: file, sha256: SHA256.hex(of: bytes), bytes: bytes.count, rows: table.records.count))
    for record in table.records {
      let id = reader.requiredText(record, studentColumn)
      let site = reader.text(record, worksiteColumn)
      guard let s = instance.studentIndex[id] else {
        result.unknownStudents.append(
          UnknownRow(line: record.line, id: id, student: nil, worksite: site))
        continue
      }
      if let first = result.line[s] {
        result.duplicateRows.append((record.line, first, s))
        continue
      }
      result.line[s] = record.line
      guard let site else { continue }
      guard let w = instance.worksiteIndex[site] else {
        result.unknownWorksites.append(
          UnknownRow(line: record.line, id: site, student: s, worksite: site))
        continue
      }
      result.placement.assign(student: s, to: w)
    }
    return result
  }

  /// Reads the file at `path` against `instance`.
  ///
  /// - Throws: ``DatasetError`` with kind `.missingInput` when it cannot be read.
  public static func read(path: String, instance: PlacementInstance) throws(DatasetError)
    -> PlacementFile
  {
    try read(contents(atPath: path), file: path, instance: instance)
  }

  /// The bytes of the file at `path`.
  ///
  /// - Throws: ``DatasetError`` with kind `.missingInput` when it cannot be read.
  static func contents(atPath path: String) throws(DatasetError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DatasetError(
        .missingInput,
        issues: [
          DatasetIssue(
            .error, file: path, line: nil, column: nil, "cannot read the file",
            code: "unreadable-file")
        ])
    }
    return [UInt8](data)
  }

  /// The table of a placement file and its columns (`student` required; `worksite`, `rank`,
  /// `reason`, `kind`, `slot` optional).
  ///
  /// - Throws: ``DatasetError`` (`.badData`) when the CSV is malformed or lacks `student`.
  static func columns(of bytes: [UInt8], file: String) throws(DatasetError) -> (
    CSVTable, ColumnReader
  ) {
    let table: CSVTable
    do {
      table = try CSVTable(parsing: bytes, file: file)
    } catch {
      throw DatasetError(.badData, issues: [error])
    }
    let reader = ColumnReader(
      table, required: ["student"], optional: ["worksite", "rank", "reason", "kind", "slot"])
    let errors = reader.issues.filter { $0.severity == .error }
    guard reader.hasRequiredColumns, errors.isEmpty else {
      throw DatasetError(.badData, issues: reader.issues)
    }
    return (table, reader)
  }
}

extension Dataset {
  /// The dataset with every student `file` places held at that worksite as a pin (`solve
  /// --pin-from`), and the file recorded among its inputs. Unplaced rows, and rows naming ids the
  /// dataset does not have, hold nobody.
  ///
  /// - Throws: ``DatasetError`` (`.badData`) when the holds break a rule pins must keep (more
  ///   students than seats, than `max_per_school` or an employer's capacity allow, reserves),
  ///   each error at the file's line of the student's row.
  public func holding(_ file: PlacementFile) throws(DatasetError) -> Dataset {
    let base = instance.rules.pins.count
    let held = file.placement.assignment
    let newlyPinned = held.indices.filter { held[$0] >= 0 && instance.pinnedWorksite[$0] < 0 }
    var dataset = self
    do {
      dataset.instance = try instance.holding(held)
    } catch {
      throw Self.heldPinErrors(
        error, file: file.file, base: base, lines: newlyPinned.map { file.line[$0] })
    }
    dataset.inputs.append(file.input)
    return dataset
  }

  /// The errors of an instance rebuilt with pins held from a placement file (`--pin-from`),
  /// each pin record from `base` on at the file's line of its row (`lines`, in pin order).
  static func heldPinErrors(
    _ error: InstanceValidationError, file: String, base: Int, lines: [Int?]
  ) -> DatasetError {
    let issues = error.issues.map { issue -> DatasetIssue in
      let line: Int?
      if case .pin(let k) = issue.record, k >= base, k - base < lines.count {
        line = lines[k - base]
      } else {
        line = nil
      }
      return DatasetIssue(
        issue.severity, file: file, line: line, column: nil, issue.message,
        code: "check.\(issue.field)")
    }
    return DatasetError(.badData, issues: issues)
  }
}
