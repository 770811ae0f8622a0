/// Worksite rankings as an instance is given them, and their checks.
extension PlacementInstance {
  /// The valid rankings, named by their ids, in file order.
  ///
  /// ```swift
  /// instance.rankings.first  // WorksiteRanking(worksite: "W1", student: "S1", rank: 1)
  /// ```
  ///
  /// - Complexity: O(R) for R valid rankings: they are kept as indices
  ///   and named when asked for.
  public var rankings: [WorksiteRanking] {
    rankingIndices.map {
      WorksiteRanking(
        worksite: worksites[Int($0.worksite)].id, student: students[Int($0.student)].id,
        rank: Int($0.rank))
    }
  }

  /// Checks every ranking, whose worksite and student `resolved` gives (-1 when unknown):
  /// ranks outside ``DatasetLimits/rank`` and repeated pairs are errors (the first ranking of a
  /// pair keeps it), unknown ids warnings; returns the rest as indices. Texts are made only
  /// for the issues.
  ///
  /// - Complexity: O(R + S + W) for R rankings, S students and W worksites; no hashing.
  static func validate(
    rankings: RankingInput, resolved: [(worksite: Int32, student: Int32)], students: Int,
    worksites: Int, into issues: inout [InstanceIssue]
  ) -> [(worksite: Int32, student: Int32, rank: Int32)] {
    let repeated = repeatedPairs(resolved, students: students, worksites: worksites)
    var indices: [(worksite: Int32, student: Int32, rank: Int32)] = []
    indices.reserveCapacity(rankings.count)
    for k in 0..<rankings.count {
      let rank = rankings.rank(k)
      var ok = true
      if !DatasetLimits.rank.contains(rank) {
        DatasetLimits.check(rank, DatasetLimits.rank, field: "rank", .ranking(k), into: &issues)
        ok = false
      }
      let (w, s) = resolved[k]
      if w < 0 {
        issues.append(
          .init(
            .warning, .ranking(k), field: "worksite",
            "unknown worksite '\(rankings[k].worksite)'; ranking skipped"))
        ok = false
      }
      if s < 0 {
        issues.append(
          .init(
            .warning, .ranking(k), field: "student",
            "unknown student '\(rankings[k].student)'; ranking skipped"))
        ok = false
      }
      if let first = repeated[k] {
        let r = rankings[k]
        issues.append(
          .init(
            .error, .ranking(k), field: "student",
            "worksite '\(r.worksite)' ranks student '\(r.student)' twice (first at record \(first + 1))"
          ))
        ok = false
      }
      if ok { indices.append((w, s, Int32(rank))) }
    }
    return indices
  }

  /// The rankings that repeat an earlier ranking's (worksite, student) pair, each with the
  /// record of that first ranking; pairs with an unknown id (-1) repeat nothing.
  ///
  /// The rankings are bucketed by student (a counting sort, file order kept within a student),
  /// and each student's worksites are marked in one array over the worksites.
  ///
  /// - Complexity: O(R + S + W) time, O(R + S + W) memory, for R rankings, S students and W
  ///   worksites.
  private static func repeatedPairs(
    _ resolved: [(worksite: Int32, student: Int32)], students: Int, worksites: Int
  ) -> [Int: Int] {
    func known(_ pair: (worksite: Int32, student: Int32)) -> Bool {
      pair.worksite >= 0 && pair.student >= 0
    }
    var start = [Int32](repeating: 0, count: students + 1)
    for pair in resolved where known(pair) { start[Int(pair.student) + 1] += 1 }
    for s in 0..<students { start[s + 1] += start[s] }
    var next = start
    var order = [Int32](repeating: 0, count: Int(start[students]))
    for (k, pair) in resolved.enumerated() where known(pair) {
      order[Int(next[Int(pair.student)])] = Int32(k)
      next[Int(pair.student)] += 1
    }
    // The student whose rankings were last marked at each worksite, and the first of them.
    var marked = [Int32](repeating: -1, count: worksites)
    var first = [Int32](repeating: 0, count: worksites)
    var repeated: [Int: Int] = [:]
    for s in 0..<students {
      for k in order[Int(start[s])..<Int(start[s + 1])] {
        let w = Int(resolved[Int(k)].worksite)
        if marked[w] == Int32(s) {
          repeated[Int(k)] = Int(first[w])
        } else {
          (marked[w], first[w]) = (Int32(s), k)
        }
      }
    }
    return repeated
  }
}

/// Worksite rankings as an instance is given them: values built in code, or the ranks a reader
/// read, whose ids it resolved (``ResolvedReferences/rankings``) and whose texts it makes only
/// when a message needs them (so no `String` is kept per ranking).
///
/// ```swift
/// let input = RankingInput([WorksiteRanking(worksite: "W1", student: "S1", rank: 1)])
/// input[0].student  // "S1"
/// ```
package struct RankingInput: Sendable {
  /// The rank of each ranking, as written (it may be outside ``DatasetLimits/rank``).
  private let ranks: [Int]
  /// The ranking `k` with its ids as written.
  private let text: @Sendable (Int) -> WorksiteRanking

  /// Rankings built in code.
  package init(_ values: [WorksiteRanking]) {
    ranks = values.map(\.rank)
    text = { values[$0] }
  }

  /// Rankings a reader read: `ranks` in file order, and `text`, which names ranking `k`.
  package init(ranks: [Int], text: @escaping @Sendable (Int) -> WorksiteRanking) {
    (self.ranks, self.text) = (ranks, text)
  }

  /// The number of rankings.
  package var count: Int { ranks.count }

  /// The rank of ranking `k`.
  package func rank(_ k: Int) -> Int { ranks[k] }

  /// Ranking `k`, its ids as written.
  package subscript(k: Int) -> WorksiteRanking { text(k) }
}
