import GLPK

extension PlacementRun {
  /// What a run is doing, for a progress display (``Configuration/progress``).
  public enum Progress: Hashable, Sendable {
    /// A phase begins: `solve`, `cross-check`, `verify`, `summary`, `explain`.
    case phase(String)
    /// A branch-and-cut search stands here (objective `−M·placed + cost`; GLPK's relative gap).
    case branchAndCut(incumbent: Double?, bound: Double?, relativeGap: Double?, nodes: Int)
  }

  /// Runs `body` with every branch-and-cut search inside it reported to `progress`.
  static func reportingSearches<T>(
    to progress: (@Sendable (Progress) -> Void)?, _ body: () -> T
  ) -> T {
    guard let progress else { return body() }
    return BranchAndCutProgress.observing({ search in
      progress(
        .branchAndCut(
          incumbent: search.incumbent, bound: search.bound, relativeGap: search.relativeGap,
          nodes: search.nodes))
    }) { body() }
  }
}
