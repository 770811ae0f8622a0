import InternMatchModel

extension PlacementStrategy {
  /// The side constraints of `instance` this strategy cannot honour; empty when it can run.
  ///
  /// ```swift
  /// StableStrategy(seed: 1).unsupportedRules(in: instance)  // [.links] when links.csv is given
  /// ```
  public func unsupportedRules(in instance: PlacementInstance) -> [SideRule] {
    instance.sideRules.subtracting(supportedRules).sorted { $0.rawValue < $1.rawValue }
  }

  /// Throws when `instance` has a side constraint the strategy cannot honour.
  func requireSupport(of instance: PlacementInstance) throws(SolverError) {
    let missing = unsupportedRules(in: instance)
    guard missing.isEmpty else {
      throw SolverError.unsupportedRule(
        "\(name) cannot honour "
          + missing.map(\.rawValue).joined(separator: ", ")
          + "; use optimal, which honours every side constraint")
    }
  }
}
