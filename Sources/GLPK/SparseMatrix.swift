/// A sparse matrix in coordinate form: entry `k` is `values[k]` at (`rows[k]`, `columns[k]`),
/// 0-based.
///
/// ```swift
/// var a = SparseMatrix()
/// a.append(row: 0, column: 1, value: 1)
/// a.count  // 1
/// ```
public struct SparseMatrix: Hashable, Sendable {
  /// Row index of each entry.
  public private(set) var rows: [Int] = []
  /// Column index of each entry.
  public private(set) var columns: [Int] = []
  /// Value of each entry.
  public private(set) var values: [Double] = []

  /// Creates an empty matrix.
  public init() {}

  /// Creates a matrix from parallel arrays.
  public init(rows: [Int], columns: [Int], values: [Double]) {
    precondition(
      rows.count == columns.count && columns.count == values.count,
      "SparseMatrix: parallel arrays differ in length")
    self.rows = rows
    self.columns = columns
    self.values = values
  }

  /// Number of entries.
  public var count: Int { values.count }

  /// Reserves room for `n` entries.
  public mutating func reserveCapacity(_ n: Int) {
    rows.reserveCapacity(n)
    columns.reserveCapacity(n)
    values.reserveCapacity(n)
  }

  /// Appends one entry.
  public mutating func append(row: Int, column: Int, value: Double) {
    rows.append(row)
    columns.append(column)
    values.append(value)
  }

  /// Whether some (row, column) pair appears twice.
  ///
  /// - Complexity: O(n log n).
  func hasDuplicates(columnCount: Int) -> Bool {
    let keys = zip(rows, columns).map { $0 * max(columnCount, 1) + $1 }.sorted()
    return zip(keys, keys.dropFirst()).contains { $0 == $1 }
  }
}
