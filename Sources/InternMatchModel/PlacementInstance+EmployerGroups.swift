extension PlacementInstance {
  /// Each worksite's `max_per_employer` group (``EmployerOfKind``: its kind and employer, or the
  /// worksite alone without one) as a small integer, numbered in order of first appearance.
  ///
  /// ```swift
  /// instance.employerGroupIDs()  // [0, 1, 0]: worksites 0 and 2 are mock interviews of "A"
  /// ```
  ///
  /// - Complexity: O(W) hashes for W worksites.
  package func employerGroupIDs() -> [Int32] {
    var ids: [EmployerOfKind: Int32] = [:]
    return worksites.map { site in
      let key = EmployerOfKind(site)
      if let id = ids[key] { return id }
      let id = Int32(ids.count)
      ids[key] = id
      return id
    }
  }
}
