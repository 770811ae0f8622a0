import InternMatchModel

extension StudentRoster {
  /// The rankings of the worksites that rank their applicants.
  ///
  /// Each worksite ranks with a probability set by its kind
  /// (``Calibration/rankingShare(_:)``, about 20% of worksites in all). A ranking worksite
  /// orders every student who listed it by a seeded score, uniform in `[0, 1)` plus
  /// ``Calibration/rankingGradeBonus`` per grade above 10, best first, as ranks 1, 2, ….
  /// Entries come by worksite, then rank.
  ///
  /// - Complexity: O(E + A log A) for E list entries and A entries at ranking worksites.
  func rankings(of pool: WorksitePool, using rng: inout SplitMix64) -> [WorksiteRanking] {
    let worksiteCount = pool.worksites.count
    var ranks = [Bool](repeating: false, count: worksiteCount)
    for w in 0..<worksiteCount {
      ranks[w] = rng.chance(Calibration.rankingShare(pool.worksites[w].kind))
    }
    // Applicants of each ranking worksite, in student order (counting sort).
    var start = [Int](repeating: 0, count: worksiteCount + 1)
    for w in choices where ranks[Int(w)] { start[Int(w) + 1] += 1 }
    for w in 0..<worksiteCount { start[w + 1] += start[w] }
    var next = start
    var applicants = [Int32](repeating: 0, count: start[worksiteCount])
    for s in students.indices {
      for c in choiceStart[s]..<choiceStart[s + 1] where ranks[Int(choices[c])] {
        let w = Int(choices[c])
        applicants[next[w]] = Int32(s)
        next[w] += 1
      }
    }

    var result: [WorksiteRanking] = []
    result.reserveCapacity(applicants.count)
    var scored: [(score: Double, student: Int32)] = []
    for w in 0..<worksiteCount where ranks[w] {
      scored.removeAll(keepingCapacity: true)
      for a in start[w]..<start[w + 1] {
        let s = applicants[a]
        let bonus = Double(Int(grade[Int(s)]) - 10) * Calibration.rankingGradeBonus
        scored.append((rng.unit() + bonus, s))
      }
      // Ties (all but impossible) go to the earlier student, so the order never depends on
      // the sort algorithm.
      scored.sort { $0.score > $1.score || ($0.score == $1.score && $0.student < $1.student) }
      let id = pool.worksites[w].id
      for (r, entry) in scored.enumerated() {
        result.append(
          WorksiteRanking(worksite: id, student: students[Int(entry.student)].id, rank: r + 1))
      }
    }
    return result
  }
}
