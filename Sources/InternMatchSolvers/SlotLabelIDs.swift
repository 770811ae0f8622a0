import InternMatchModel

extension PlacementInstance {
  /// Each worksite's slot labels as small integers, in the order of ``Worksite/slots``: equal
  /// labels (compared exactly) get one id, numbered in order of first appearance.
  ///
  /// ```swift
  /// instance.slotLabelIDs()  // [[0, 1], [], [1]] for slots ["am", "pm"], none, ["pm"]
  /// ```
  ///
  /// - Complexity: O(total labels).
  func slotLabelIDs() -> [[Int32]] {
    var ids: [String: Int32] = [:]
    return worksites.map { site in
      site.slots.map { text in
        if let id = ids[text] { return id }
        let id = Int32(ids.count)
        ids[text] = id
        return id
      }
    }
  }
}
