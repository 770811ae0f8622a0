extension PlacementInstance {
  /// The same instance with every eligible choice ranked worse than `rank` removed (pins stay:
  /// they are not choices).
  ///
  /// ```swift
  /// instance.keepingChoices(upToRank: 3).choices.rank.max()  // 3 at most
  /// ```
  ///
  /// - Complexity: O(S + L).
  public func keepingChoices(upToRank rank: Int) -> PlacementInstance {
    var offsets = [0]
    offsets.reserveCapacity(students.count + 1)
    var worksite: [Int32] = []
    var kept: [Int32] = []
    for s in 0..<students.count {
      for c in choices.range(of: s) where Int(choices.rank[c]) <= rank {
        worksite.append(choices.worksite[c])
        kept.append(choices.rank[c])
      }
      offsets.append(worksite.count)
    }
    var restricted = self
    restricted.choices = ChoiceTable(offsets: offsets, worksite: worksite, rank: kept)
    return restricted
  }
}

extension PlacementInstance {
  /// The same instance with only the eligible choices of worksites of `kind` (a menu's kind
  /// placed on its own).
  ///
  /// - Complexity: O(S + L).
  package func keepingChoices(ofKind kind: WorksiteKind) -> PlacementInstance {
    var offsets = [0]
    offsets.reserveCapacity(students.count + 1)
    var worksite: [Int32] = []
    var kept: [Int32] = []
    for s in 0..<students.count {
      for c in choices.range(of: s) where worksites[Int(choices.worksite[c])].kind == kind {
        worksite.append(choices.worksite[c])
        kept.append(choices.rank[c])
      }
      offsets.append(worksite.count)
    }
    var restricted = self
    restricted.choices = ChoiceTable(offsets: offsets, worksite: worksite, rank: kept)
    return restricted
  }
}
