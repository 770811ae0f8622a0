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
    keepingChoices { Int(choices.rank[$0]) <= rank }
  }

  /// The same instance with only the eligible choices of worksites of `kind` (a menu's kind
  /// placed on its own).
  ///
  /// - Complexity: O(S + L).
  package func keepingChoices(ofKind kind: WorksiteKind) -> PlacementInstance {
    keepingChoices { worksites[Int(choices.worksite[$0])].kind == kind }
  }

  /// The same instance with only the eligible choices (entries of ``choices``) `keep` accepts.
  private func keepingChoices(_ keep: (Int) -> Bool) -> PlacementInstance {
    var offsets = [0]
    offsets.reserveCapacity(students.count + 1)
    var worksite: [Int32] = []
    var kept: [Int32] = []
    for s in 0..<students.count {
      for c in choices.range(of: s) where keep(c) {
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
