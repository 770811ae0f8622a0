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
      "max_per_school", "min_group", "reserve",
    ]
  )
  static let rankingColumns = (required: ["worksite", "student", "rank"], optional: [String]())
  static let clusterColumns = (required: ["id", "name"], optional: [String]())
  static let employerColumns = (required: ["id", "capacity"], optional: [String]())
  static let linkColumns = (required: ["student_a", "student_b"], optional: [String]())
  static let pinColumns = (required: ["student", "worksite"], optional: [String]())

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
    let employerTable = load("employers.csv", required: false)
    let linkTable = load("links.csv", required: false)
    let pinTable = load("pins.csv", required: false)
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

    let (employerReader, employers) = rows(of: employerTable, employerColumns) { r, c in
      EmployerCapacity(
        employer: c.requiredText(r, "id"),
        capacity: c.requiredInteger(r, "capacity", placeholder: 0))
    }
    let (linkReader, links) = rows(of: linkTable, linkColumns) { r, c in
      StudentLink(first: c.requiredText(r, "student_a"), second: c.requiredText(r, "student_b"))
    }
    let (pinReader, pins) = rows(of: pinTable, pinColumns) { r, c in
      Pin(student: c.requiredText(r, "student"), worksite: c.requiredText(r, "worksite"))
    }
    let readers = Readers(
      clusters: clusterReader, students: studentReader, worksites: worksiteReader,
      rankings: rankingReader, employers: employerReader, links: linkReader, pins: pinReader)
    for reader in readers.all { if let reader { issues += reader.issues } }
    let readersComplete =
      [studentReader, worksiteReader].allSatisfy { $0?.hasRequiredColumns == true }
      && readers.all.allSatisfy { $0?.hasRequiredColumns != false }
    var rules = PlacementRules(employerCapacity: employers, links: links, pins: pins)
    rules.schoolFloor = policy.schoolFloor

    guard readersComplete else { throw DatasetError(.badData, issues: sorted(issues)) }
    do {
      let instance = try PlacementInstance(
        students: students, worksites: worksites, clusters: clusters, rankings: rankings,
        policy: policy, rules: rules)
      issues += instance.warnings.map { locate($0, in: readers) }
      if issues.contains(where: { $0.severity == .error }) {
        throw DatasetError(.badData, issues: sorted(issues))
      }
      return Dataset(instance: instance, warnings: sorted(issues))
    } catch let error as InstanceValidationError {
      issues += error.issues.map { locate($0, in: readers) }
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
      kind: kind, maxPerSchool: c.integer(r, "max_per_school"),
      minimumGroupSize: c.integer(r, "min_group"), reserves: readReserves(r, &c))
  }

  /// Reserves written `group:seats` or `group:share%`, separated by `;` (`ell:3;iep:20%`).
  private static func readReserves(_ r: CSVTable.Record, _ c: inout ColumnReader) -> [SeatReserve] {
    c.list(r, "reserve").compactMap { item in
      let parts = item.split(separator: ":", maxSplits: 1).map { String($0).trimmingSpaces() }
      if parts.count == 2, !parts[0].isEmpty {
        if parts[1].hasSuffix("%"), let p = Double(parts[1].dropLast()) {
          return SeatReserve(group: parts[0], seats: .fraction(p / 100))
        }
        if let n = Int(parts[1]) { return SeatReserve(group: parts[0], seats: .seats(n)) }
      }
      c.report(
        .error, r, "reserve", "reserve '\(item)' is not group:seats or group:share% (e.g. ell:3)")
      return nil
    }
  }

  /// The column readers of every table read, to locate instance-level issues.
  private struct Readers {
    var clusters, students, worksites, rankings, employers, links, pins: ColumnReader?
    var all: [ColumnReader?] { [clusters, students, worksites, rankings, employers, links, pins] }
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
    let order = [
      "clusters.csv", "students.csv", "worksites.csv", "rankings.csv", "employers.csv",
      "links.csv", "pins.csv", "policy.json",
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
