/// Potentials of the nodes of a placement circulation (see ``AssignmentNetwork``).
struct CirculationPotentials {
  /// π of each student node.
  var student: [Int]
  /// π of each worksite node.
  var worksite: [Int]
  /// π(S).
  var source: Int
  /// π(T).
  var sink: Int
}

extension PrimalDualAssignment {
  /// Whether `potentials` prove the flow optimal for the circulation closed by a return arc
  /// `T → S` of cost `−returnCost` and capacity `S`: every arc with room left has reduced cost
  /// `c + π(u) − π(v) ≥ 0` and every arc with flow has it `≤ 0` (complementary slackness, so the
  /// flow and the potentials are optimal primal and dual solutions).
  ///
  /// ```swift
  /// flow.satisfiesComplementarySlackness(flow.circulationPotentials(returnCost: m), returnCost: m)
  /// ```
  ///
  /// - Complexity: O(S + W + L).
  func satisfiesComplementarySlackness(_ potentials: CirculationPotentials, returnCost: Int)
    -> Bool
  {
    // An arc of capacity `capacity` carrying `flow` with reduced cost `reduced`.
    func slack(_ reduced: Int, flow: Int, capacity: Int) -> Bool {
      (flow == capacity || reduced >= 0) && (flow == 0 || reduced <= 0)
    }
    var placed = 0
    for s in 0..<studentCount {
      let own = Int(assignedEntry(of: s))
      let flowIn = own >= 0 ? 1 : 0
      placed += flowIn
      guard slack(potentials.source - potentials.student[s], flow: flowIn, capacity: 1) else {
        return false
      }
      for e in Int(entryStart[s])..<Int(entryStart[s + 1]) {
        let entry = entries[e]
        let reduced =
          Int(entry.cost) + potentials.student[s] - potentials.worksite[Int(entry.worksite)]
        guard slack(reduced, flow: e == own ? 1 : 0, capacity: 1) else { return false }
      }
    }
    for w in 0..<worksiteCount {
      let reduced = potentials.worksite[w] - potentials.sink
      guard slack(reduced, flow: Int(load[w]), capacity: Int(capacity[w])) else { return false }
    }
    let reduced = -returnCost + potentials.sink - potentials.source
    return slack(reduced, flow: placed, capacity: studentCount)
  }
}
