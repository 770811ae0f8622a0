import InternMatchModel

/// Typed access to the columns of a ``CSVTable`` by name, collecting every problem it meets.
///
/// Columns are found by name in any order. A missing required column is an error; a column the
/// format does not know is a warning. Empty cells mean "not given".
///
/// ```swift
/// var reader = ColumnReader(table, required: ["id"], optional: ["grade"])
/// let grade = reader.integer(record, "grade")  // nil when empty; an error when not an integer
/// ```
struct ColumnReader {
  let table: CSVTable
  private(set) var issues: [DatasetIssue] = []
  private var index: [String: Int] = [:]
  private var columns: [(name: String, length: Int, field: Int)] = []

  /// Whether every required column is present.
  private(set) var hasRequiredColumns = true

  init(_ table: CSVTable, required: [String], optional: [String]) {
    self.table = table
    issues = table.issues
    let known = Set(required + optional)
    for (k, name) in table.header.enumerated() {
      if index[name] != nil {
        issues.append(
          DatasetIssue(
            .error, file: table.file, line: 1, column: table.headerColumn(k),
            "column '\(name)' appears twice in the header"))
      } else {
        index[name] = k
      }
      if !known.contains(name) {
        issues.append(
          DatasetIssue(
            .warning, file: table.file, line: 1, column: table.headerColumn(k),
            "unknown column '\(name)' ignored (known: \(known.sorted().joined(separator: ", ")))"))
      }
    }
    columns = index.map { (name: $0.key, length: $0.key.utf8.count, field: $0.value) }
    for name in required where index[name] == nil {
      hasRequiredColumns = false
      issues.append(
        DatasetIssue(
          .error, file: table.file, line: 1, column: nil, "missing required column '\(name)'"))
    }
  }

  /// The 1-based column where field `name` of `record` starts, if the column exists.
  /// The field index of column `name`: a scan of the few header names, cheaper than hashing
  /// the name once per field of every record.
  private func field(_ name: String) -> Int? {
    let length = name.utf8.count  // O(1); most names differ in length, sparing the comparison
    for column in columns where column.length == length && column.name == name {
      return column.field
    }
    return nil
  }

  func column(of name: String, in record: CSVTable.Record) -> Int? {
    field(name).map { table.column(of: record, field: $0) }
  }

  /// The trimmed text of field `name`, or `nil` when the column is absent or the cell empty.
  func text(_ record: CSVTable.Record, _ name: String) -> String? {
    guard let k = field(name) else { return nil }
    let value = record.field(k)
    return value.isEmpty ? nil : value
  }

  /// The text of a required field; an error and `""` when it is empty.
  mutating func requiredText(_ record: CSVTable.Record, _ name: String) -> String {
    if let value = text(record, name) { return value }
    if field(name) != nil { report(.error, record, name, "\(name) is empty") }
    return ""
  }

  /// The integer in a required field; an error when it is empty or not an integer, and then
  /// `placeholder`, a valid value that raises no further error, so each mistake is reported once.
  mutating func requiredInteger(_ record: CSVTable.Record, _ name: String, placeholder: Int)
    -> Int
  {
    if text(record, name) == nil {
      _ = requiredText(record, name)
      return placeholder
    }
    return integer(record, name) ?? placeholder
  }

  /// The integer in field `name`, `nil` when empty; an error when it is not an integer.
  mutating func integer(_ record: CSVTable.Record, _ name: String) -> Int? {
    guard let value = text(record, name) else { return nil }
    guard let number = Int(value) else {
      report(.error, record, name, "\(name) '\(value)' is not an integer")
      return nil
    }
    return number
  }

  /// The number in field `name`, `nil` when empty; an error when it is not a finite number.
  mutating func number(_ record: CSVTable.Record, _ name: String) -> Double? {
    guard let value = text(record, name) else { return nil }
    guard let number = Double(value), number.isFinite else {
      report(.error, record, name, "\(name) '\(value)' is not a number")
      return nil
    }
    return number
  }

  /// The `;`-separated items of field `name`, trimmed, empty items dropped.
  ///
  /// - Complexity: O(length of the field); the split is on UTF-8 bytes (`;`, space and tab are
  ///   ASCII and never part of a multi-byte character), not on `Character`s.
  func list(_ record: CSVTable.Record, _ name: String) -> [String] {
    guard var value = text(record, name) else { return [] }
    return value.withUTF8 { bytes in
      let isSpace = { (b: UInt8) in b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
      var items: [String] = []
      items.reserveCapacity(1 + bytes.count { $0 == UInt8(ascii: ";") })
      var start = 0
      while start <= bytes.count {
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: ";") { end += 1 }
        var a = start
        var b = end
        while a < b, isSpace(bytes[a]) { a += 1 }
        while b > a, isSpace(bytes[b - 1]) { b -= 1 }
        // The field is valid UTF-8 and the cuts are at ASCII bytes: each item is too.
        if a < b {
          items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self))
        }
        start = end + 1
      }
      return items
    }
  }

  /// A coordinate from the `lat` and `lon` fields; an error when only one is given.
  mutating func coordinate(_ record: CSVTable.Record) -> Coordinate? {
    let lat = number(record, "lat")
    let lon = number(record, "lon")
    switch (lat, lon) {
    case (let lat?, let lon?): return Coordinate(latitude: lat, longitude: lon)
    case (nil, nil): return nil
    default:
      if text(record, "lat") != nil, text(record, "lon") != nil { return nil }  // already reported
      report(.error, record, lat == nil ? "lon" : "lat", "lat and lon must be given together")
      return nil
    }
  }

  /// Records an issue at field `name` of `record`.
  mutating func report(
    _ severity: InstanceIssue.Severity, _ record: CSVTable.Record, _ name: String, _ message: String
  ) {
    issues.append(
      DatasetIssue(
        severity, file: table.file, line: record.line, column: column(of: name, in: record),
        message))
  }
}
