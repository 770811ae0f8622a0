import Foundation
import InternMatchModel

/// A dataset read from a directory: the validated instance and the warnings met on the way.
public struct Dataset: Sendable {
  /// The placement problem.
  public var instance: PlacementInstance
  /// Warnings (skipped list entries, unknown columns, …), each with its place in the files.
  public var warnings: [DatasetIssue]
}

/// Reads a dataset directory (`students.csv`, `worksites.csv`, optional `clusters.csv`,
/// `rankings.csv` and `policy.json`; the format is described in `Datasets/README.md`).
///
/// Every file is read and checked before anything is reported, so that one run lists every
/// problem: malformed CSV, missing required columns, values that are not integers or numbers,
/// and the instance-level checks of ``PlacementInstance`` (duplicate ids, unknown clusters,
/// negative capacities …), each located as `file:line:column`.
///
/// ```swift
/// let dataset = try DatasetReader.read(directory: "Datasets/tiny")
/// dataset.instance.students.count  // 6
/// ```
///
/// - Complexity: O(total file size).
public enum DatasetReader {
  /// Columns of each file: required first, then optional.
  static let studentColumns = (
    required: ["id", "school", "cluster"],
    optional: [
      "grade", "age", "borough", "lat", "lon", "credentials", "groups", "availability",
      "preferences",
    ]
  )
  static let worksiteColumns = (
    required: ["id", "cluster", "capacity"],
    optional: [
      "employer", "borough", "lat", "lon", "min_age", "min_grade", "requires", "schedule", "kind",
    ]
  )
  static let rankingColumns = (required: ["worksite", "student", "rank"], optional: [String]())
  static let clusterColumns = (required: ["id", "name"], optional: [String]())

  /// Reads and validates the dataset in `directory`.
  ///
  /// - Throws: ``DatasetError`` with kind `.missingInput` when the directory, `students.csv` or
  ///   `worksites.csv` is missing, and `.badData` listing every error (and warning) otherwise.
  public static func read(directory: String) throws(DatasetError) -> Dataset {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw DatasetError(
        .missingInput,
        issues: [
          DatasetIssue(.error, file: directory, line: nil, column: nil, "no such dataset directory")
        ])
    }
    var issues: [DatasetIssue] = []
    var missing: [DatasetIssue] = []
    func load(_ name: String, required: Bool) -> CSVTable? {
      let path = (directory as NSString).appendingPathComponent(name)
      guard let data = FileManager.default.contents(atPath: path) else {
        if required || FileManager.default.fileExists(atPath: path) {
          missing.append(
            DatasetIssue(
              .error, file: name, line: nil, column: nil,
              FileManager.default.fileExists(atPath: path)
                ? "cannot read the file" : "required file is missing"))
        }
        return nil
      }
      do {
        return try CSVTable(parsing: [UInt8](data), file: name)
      } catch {
        issues.append(error)
        return nil
      }
    }

    let studentTable = load("students.csv", required: true)
    let worksiteTable = load("worksites.csv", required: true)
    let clusterTable = load("clusters.csv", required: false)
    let rankingTable = load("rankings.csv", required: false)
    let policyPath = (directory as NSString).appendingPathComponent(PolicyReader.file)
    var policy = Policy()
    if let data = FileManager.default.contents(atPath: policyPath) {
      policy = PolicyReader.read(data, issues: &issues)
    }
    guard missing.isEmpty else { throw DatasetError(.missingInput, issues: missing + issues) }

    let (clusterReader, clusterRows) = rows(of: clusterTable, clusterColumns) { r, c in
      Cluster(id: c.requiredText(r, "id"), name: c.requiredText(r, "name"))
    }
    let clusters = clusterTable == nil ? Cluster.nycDefaults : clusterRows
    let (studentReader, students) = rows(of: studentTable, studentColumns, readStudent)
    let (worksiteReader, worksites) = rows(of: worksiteTable, worksiteColumns, readWorksite)
    let (rankingReader, rankings) = rows(of: rankingTable, rankingColumns) { r, c in
      WorksiteRanking(
        worksite: c.requiredText(r, "worksite"), student: c.requiredText(r, "student"),
        rank: c.requiredInteger(r, "rank", placeholder: 1))
    }

    for reader in [clusterReader, studentReader, worksiteReader, rankingReader] {
      if let reader { issues += reader.issues }
    }
    let readersComplete =
      [studentReader, worksiteReader].allSatisfy { $0?.hasRequiredColumns == true }
      && clusterReader?.hasRequiredColumns != false && rankingReader?.hasRequiredColumns != false

    guard readersComplete else { throw DatasetError(.badData, issues: sorted(issues)) }
    do {
      let instance = try PlacementInstance(
        students: students, worksites: worksites, clusters: clusters, rankings: rankings,
        policy: policy)
      issues += instance.warnings.map {
        locate(
          $0, clusters: clusterReader, students: studentReader, worksites: worksiteReader,
          rankings: rankingReader)
      }
      if issues.contains(where: { $0.severity == .error }) {
        throw DatasetError(.badData, issues: sorted(issues))
      }
      return Dataset(instance: instance, warnings: sorted(issues))
    } catch let error as InstanceValidationError {
      issues += error.issues.map {
        locate(
          $0, clusters: clusterReader, students: studentReader, worksites: worksiteReader,
          rankings: rankingReader)
      }
      throw DatasetError(.badData, issues: sorted(issues))
    } catch let error as DatasetError {
      throw error
    } catch {
      throw DatasetError(
        .badData,
        issues: [DatasetIssue(.error, file: directory, line: nil, column: nil, "\(error)")])
    }
  }

  /// Reads every record of `table` with `make` when its required columns are present; returns
  /// the reader, which holds the issues met, and the values (none when columns are missing).
  private static func rows<T>(
    of table: CSVTable?, _ columns: (required: [String], optional: [String]),
    _ make: (CSVTable.Record, inout ColumnReader) -> T
  ) -> (ColumnReader?, [T]) {
    guard let table else { return (nil, []) }
    var reader = ColumnReader(table, required: columns.required, optional: columns.optional)
    guard reader.hasRequiredColumns else { return (reader, []) }
    let values = table.records.map { make($0, &reader) }
    return (reader, values)
  }

  private static func readStudent(_ r: CSVTable.Record, _ c: inout ColumnReader) -> Student {
    Student(
      id: c.requiredText(r, "id"), school: c.requiredText(r, "school"),
      cluster: c.requiredText(r, "cluster"), grade: c.integer(r, "grade"), age: c.integer(r, "age"),
      borough: c.text(r, "borough"), location: c.coordinate(r),
      credentials: Set(c.list(r, "credentials")), groups: Set(c.list(r, "groups")),
      availability: Set(c.list(r, "availability")), preferences: c.list(r, "preferences"))
  }

  private static func readWorksite(_ r: CSVTable.Record, _ c: inout ColumnReader) -> Worksite {
    var kind = WorksiteKind.internship
    if let text = c.text(r, "kind") {
      if let k = WorksiteKind(rawValue: text) {
        kind = k
      } else {
        c.report(
          .error, r, "kind",
          "kind '\(text)' is not one of \(WorksiteKind.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
    }
    return Worksite(
      id: c.requiredText(r, "id"), employer: c.text(r, "employer"),
      cluster: c.requiredText(r, "cluster"),
      capacity: c.requiredInteger(r, "capacity", placeholder: 0),
      borough: c.text(r, "borough"), location: c.coordinate(r),
      minimumAge: c.integer(r, "min_age") ?? 0, minimumGrade: c.integer(r, "min_grade") ?? 0,
      requiredCredentials: Set(c.list(r, "requires")), schedule: Set(c.list(r, "schedule")),
      kind: kind)
  }

  /// Gives an instance-level issue its file, line and column.
  private static func locate(
    _ issue: InstanceIssue, clusters: ColumnReader?, students: ColumnReader?,
    worksites: ColumnReader?, rankings: ColumnReader?
  ) -> DatasetIssue {
    let reader: ColumnReader?
    let row: Int
    let file: String
    switch issue.record {
    case .cluster(let k): (reader, row, file) = (clusters, k, "clusters.csv")
    case .student(let k): (reader, row, file) = (students, k, "students.csv")
    case .worksite(let k): (reader, row, file) = (worksites, k, "worksites.csv")
    case .ranking(let k): (reader, row, file) = (rankings, k, "rankings.csv")
    case .policy:
      return DatasetIssue(
        issue.severity, file: PolicyReader.file, line: nil, column: nil, issue.message)
    }
    guard let reader, reader.table.records.indices.contains(row) else {
      return DatasetIssue(issue.severity, file: file, line: nil, column: nil, issue.message)
    }
    let record = reader.table.records[row]
    return DatasetIssue(
      issue.severity, file: reader.table.file, line: record.line,
      column: reader.column(of: issue.field, in: record), issue.message)
  }

  /// Issues in a stable reading order: by file, line and column.
  private static func sorted(_ issues: [DatasetIssue]) -> [DatasetIssue] {
    let order = ["clusters.csv", "students.csv", "worksites.csv", "rankings.csv", "policy.json"]
    func key(_ i: DatasetIssue) -> (Int, Int, Int) {
      (order.firstIndex(of: i.file) ?? order.count, i.line ?? 0, i.column ?? 0)
    }
    return issues.enumerated().sorted { a, b in
      let (ka, kb) = (key(a.element), key(b.element))
      return ka != kb ? ka < kb : a.offset < b.offset
    }.map(\.element)
  }
}
