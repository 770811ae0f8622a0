extension SeatValue {
  /// The dual GLPK reports for a worksite's capacity row on the GLPK path, and the exact
  /// interval of every optimal dual of that row (the `glpk_dual,dual_low,dual_high` columns of
  /// seat-values.csv).
  ///
  /// Units and sign: level-2 rank cost (the run's units) *saved* per seat, with the number
  /// placed in the worksite's component of the choice graph held at its level-1 optimum — the
  /// LP GLPK solves (`OptimalStrategy`'s GLPK backend, one LP per component). Let `V(c)` be
  /// that LP's optimal rank cost with the worksite's capacity set to `c`, `+∞` when no
  /// placement of that many students fits. `V` is convex and piecewise linear with integral
  /// breakpoints (a min-cost flow in one arc's capacity), so the optimal duals of the row are
  /// its subdifferential, which in this sign is `[V(c) − V(c+1), V(c−1) − V(c)]` at the run's
  /// capacity `c`: ``low`` ≥ 0 is what one more seat saves, ``high`` what one seat fewer costs
  /// (`nil`: one seat fewer cannot keep the placed count, or `c` is 0). GLPK's own
  /// `glp_get_row_dual` is `∂cost/∂capacity` (≤ 0 at a minimum); ``glpk`` is its negation, so
  /// `low ≤ glpk ≤ high`. The LP is degenerate at this row when `low < high`: GLPK's value is
  /// then just the vertex its simplex stopped at.
  ///
  /// ```swift
  /// // A lists W, V and B lists W, V, U; one seat each: V(1) = 3 (one of them at W, the
  /// // other at V), V(2) = 2 (both at W), V(0) = 5 (A at V, B at U): the row of W is [1, 2].
  /// SeatValue.CapacityDual(glpk: 1, low: 1, high: 2).isDegenerate  // true
  /// ```
  public struct CapacityDual: Hashable, Sendable, Codable {
    /// Minus GLPK's reported row dual.
    public var glpk: Double
    /// `V(c) − V(c+1)`: what one more seat saves, exactly (≥ 0).
    public var low: Int
    /// `V(c−1) − V(c)`: what one seat fewer costs, exactly; `nil` when unbounded.
    public var high: Int?

    /// Creates a value.
    public init(glpk: Double, low: Int, high: Int?) {
      self.glpk = glpk
      self.low = low
      self.high = high
    }

    /// Whether the row has more than one optimal dual (`low < high`).
    public var isDegenerate: Bool { high.map { low < $0 } ?? true }

    /// Whether `glpk` lies in `[low, high]`, up to `tolerance`.
    public func contains(_ value: Double, tolerance: Double = 1e-6) -> Bool {
      value >= Double(low) - tolerance && high.map { value <= Double($0) + tolerance } ?? true
    }
  }
}
