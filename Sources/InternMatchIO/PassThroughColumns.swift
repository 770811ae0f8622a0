/// The columns of `students.csv` the format does not use (`name`, `email`, `guardian_email`, …),
/// kept as the district wrote them so that rosters and letters can carry them.
///
/// Every value of every column lives in one byte buffer, one after another, with the offset
/// where each ends: no `String` is made until one is asked for, and a dataset without such
/// columns costs nothing.
///
/// ```swift
/// let extra = PassThroughColumns(names: ["name", "email"], rows: [["Ana Ruiz", "ana@example.org"]])
/// extra.value(row: 0, column: 1)  // "ana@example.org"
/// extra.values(ofRow: 0)          // ["Ana Ruiz", "ana@example.org"]
/// ```
///
/// - Complexity: O(1) to find a value, O(k) to make its `String` of k bytes; memory is the
///   values' bytes plus one `Int` per value.
public struct PassThroughColumns: Hashable, Sendable {
  /// The header names, as written (trimmed), in file order.
  public let names: [String]
  /// Where each value (row-major: row `r`, column `c` at `r · names.count + c`) ends in `bytes`;
  /// each starts where the one before ends.
  private var ends: [Int] = []
  /// Every value's UTF-8 bytes, one after another.
  private var bytes: [UInt8] = []

  /// No columns (a dataset built in code, or a students.csv with only the format's columns).
  public init() { names = [] }

  /// Columns `names` with one array of values per student row (each as long as `names`).
  public init(names: [String], rows: [[String]]) {
    precondition(
      rows.allSatisfy { $0.count == names.count },
      "PassThroughColumns: every row needs one value per column")
    self.names = names
    for row in rows {
      for value in row { append(Array(value.utf8)) }
    }
  }

  /// Columns `names`, values appended row by row with ``append(_:)``.
  init(names: [String], reservingValues count: Int, bytes byteCount: Int) {
    self.names = names
    ends.reserveCapacity(count)
    bytes.reserveCapacity(byteCount)
  }

  /// Appends the next value (the next column of the current row, or the first of the next).
  mutating func append(_ value: some Collection<UInt8>) {
    bytes.append(contentsOf: value)
    ends.append(bytes.count)
  }

  /// The number of rows (students); 0 when there are no columns.
  public var rows: Int { names.isEmpty ? 0 : ends.count / names.count }

  /// The value of `column` for student row `row` (empty when the cell was empty).
  public func value(row: Int, column: Int) -> String {
    precondition(names.indices.contains(column), "PassThroughColumns: no column \(column)")
    let k = row * names.count + column
    let start = k == 0 ? 0 : ends[k - 1]
    return String(decoding: bytes[start..<ends[k]], as: UTF8.self)
  }

  /// The first column whose header means `name`, case and punctuation ignored as for the
  /// format's own columns (`First Name` for `first_name`), or `nil`.
  public func column(named name: String) -> Int? {
    let key = HeaderKey(name)
    return names.firstIndex { HeaderKey($0) == key }
  }

  /// Every value of student row `row`, in column order; empty when there are no columns.
  public func values(ofRow row: Int) -> [String] {
    names.indices.map { value(row: row, column: $0) }
  }
}

extension PassThroughColumns {
  /// The columns `fields` (header positions) of every record of `table`, in record order.
  ///
  /// - Complexity: O(bytes of those fields), one pass.
  init(_ table: CSVTable, fields: [Int]) {
    guard !fields.isEmpty else {
      self.init()
      return
    }
    var size = 0
    for record in table.records {
      for k in fields { size += table.withBytes(of: record, field: k) { $0.count } }
    }
    self.init(
      names: fields.map { table.header[$0] }, reservingValues: table.records.count * fields.count,
      bytes: size)
    for record in table.records {
      for k in fields { table.withBytes(of: record, field: k) { append($0) } }
    }
  }
}
