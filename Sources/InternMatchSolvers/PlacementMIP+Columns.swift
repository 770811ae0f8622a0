import GLPK

extension PlacementMIP {
  /// Which columns of the full model the LP holds now, as columns leave it (set aside for
  /// pricing, or fixed by their reduced cost) and come back; and the value of each column out.
  ///
  /// ```swift
  /// var map = ColumnMap(columns: 4)
  /// map.remove([(column: 1, value: 0)])   // LP columns now: model columns 0, 2, 3
  /// map.append(1)                         // 0, 2, 3, 1
  /// map.expand([5, 6, 7, 8])              // [5, 8, 6, 7]
  /// ```
  ///
  /// - Complexity: O(columns) per removal, O(1) per append.
  struct ColumnMap {
    /// The model column of each LP column.
    private(set) var original: [Int]
    /// The LP column of each model column, `-1` when it is out.
    private(set) var current: [Int]
    /// The value each model column has while out of the LP.
    private(set) var outValue: [Double]

    init(columns: Int) {
      original = Array(0..<columns)
      current = original
      outValue = [Double](repeating: 0, count: columns)
    }

    /// Records the removal of LP columns (ascending, as ``LinearProgram/removeColumns(_:)``
    /// takes them): the columns after each move down, in order.
    mutating func remove(_ removed: [(column: Int, value: Double)]) {
      guard !removed.isEmpty else { return }
      var gone = [Bool](repeating: false, count: original.count)
      for (column, value) in removed {
        gone[column] = true
        outValue[original[column]] = value
        current[original[column]] = -1
      }
      original = original.indices.filter { !gone[$0] }.map { original[$0] }
      for (k, model) in original.enumerated() { current[model] = k }
    }

    /// Records model column `model` appended to the LP.
    mutating func append(_ model: Int) {
      precondition(current[model] < 0, "ColumnMap: column \(model) is already in the LP")
      current[model] = original.count
      original.append(model)
    }

    /// One value per model column, from one value per LP column.
    func expand(_ values: [Double]) -> [Double] {
      precondition(values.count == original.count, "ColumnMap: one value per LP column")
      var all = outValue
      for (k, model) in original.enumerated() { all[model] = values[k] }
      return all
    }

    /// One value per LP column, from one value per model column; `nil` when a column out of
    /// the LP has another value than it is held at.
    func restrict(_ values: [Double]) -> [Double]? {
      precondition(values.count == current.count, "ColumnMap: one value per model column")
      for (model, k) in current.enumerated() where k < 0 && values[model] != outValue[model] {
        return nil
      }
      return original.map { values[$0] }
    }
  }
}
