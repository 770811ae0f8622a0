import InternMatchModel

/// The placement problem as one min-cost circulation, solved exactly by
/// ``PrimalDualAssignment`` and certified by its potentials.
///
/// Nodes: a source `S`, a sink `T`, every student with an eligible choice and every worksite.
/// Arcs: `S → s` (capacity 1, cost 0), `s → w` for each eligible choice (capacity 1, cost
/// `rankCost(rank)`), `w → T` (capacity `capacity(w)`, cost 0) and a return arc `T → S`
/// (capacity = number of students, cost `−M`). A circulation of value `k` costs `C − k·M`, where
/// `C` is the rank cost of the placement it encodes.
///
/// Why its optimum is the lexicographic one: let `M = 1 + Σ_s maxcost(s)`, where `maxcost(s)` is
/// the largest cost among student `s`'s eligible choices. Every placement has `0 ≤ C ≤ M − 1`, so
/// for placements of values `k + 1` and `k`, `C₁ − (k+1)M < C₀ − kM` always holds: one more
/// placed student outweighs any cost difference, and among placements of the maximum value the
/// cheapest wins. The primal–dual solver computes that min-cost maximum flow directly; its
/// potentials, lifted by a constant on the nodes the source can no longer reach, are optimal
/// duals of the circulation, and every arc's complementary slackness is checked before the
/// result is returned — a certificate of optimality independent of how it was found. All
/// arithmetic is in exact integers (`Int`).
///
/// ```swift
/// let network = try AssignmentNetwork(instance, rankCost: .linear)
/// network.objective  // PlacementObjective(placed: 4, cost: 7)
/// ```
///
/// - Complexity: builds O(S + W + L) nodes and arcs; solving: see ``PrimalDualAssignment``;
///   checking the certificate O(S + W + L).
struct AssignmentNetwork {
  /// The optimal placement.
  var placement: Placement
  /// Its objective, read from the flow.
  var objective: PlacementObjective
  /// Nodes and arcs of the network.
  var nodes: Int
  var arcs: Int
  /// Students placed by ``ChoicePruning`` before the network was built.
  var fixedBeforeSolving: Int
  /// Shortest-path phases and augmenting paths of the solve.
  var phases: Int
  var augmentations: Int
  /// Phases that found a path an earlier phase at the same distance missed (0 when each phase
  /// is complete).
  var repeatedPhases: Int
  /// Optimal potentials π of the worksite nodes, by worksite index, in the circulation above
  /// (reduced cost `c + π(u) − π(v)`, π(S) = 0, π(T) = M): LP duals of the worksites'
  /// conservation rows with the sign convention `dual(w) = −π(w)`.
  var worksitePotential: [Int]

  init(_ instance: PlacementInstance, rankCost: RankCost) throws(SolverError) {
    let choices = instance.choices
    let studentCount = instance.students.count
    let pruned = ChoicePruning(instance)
    let kept = pruned.kept
    // Students with choices left, renumbered; their kept entries in CSR form.
    var members: [Int] = []
    var entryStart: [Int32] = [0]
    var entryWorksite: [Int32] = []
    var entryCost: [Int] = []
    entryWorksite.reserveCapacity(choices.count - pruned.dropped)
    entryCost.reserveCapacity(choices.count - pruned.dropped)
    var bigM = 1
    // Students in order of their first choice, by index within one (a counting sort, O(S + W)):
    // those a worksite seats lie close together in memory, which the solver's scans of a
    // worksite's seats reward at scale.
    var firstChoiceStart = [Int](repeating: 0, count: instance.worksites.count + 1)
    for s in 0..<studentCount where !kept[s].isEmpty {
      firstChoiceStart[Int(choices.worksite[kept[s].lowerBound]) + 1] += 1
    }
    for w in 0..<instance.worksites.count { firstChoiceStart[w + 1] += firstChoiceStart[w] }
    var order = [Int](repeating: 0, count: firstChoiceStart[instance.worksites.count])
    for s in 0..<studentCount where !kept[s].isEmpty {
      let w = Int(choices.worksite[kept[s].lowerBound])
      order[firstChoiceStart[w]] = s
      firstChoiceStart[w] += 1
    }
    for s in order {
      members.append(s)
      var worst = 0
      for c in kept[s] {
        let cost = rankCost.cost(ofRank: Int(choices.rank[c]))
        worst = max(worst, cost)
        entryWorksite.append(choices.worksite[c])
        entryCost.append(cost)
      }
      bigM += worst
      entryStart.append(Int32(entryWorksite.count))
    }
    let flow = PrimalDualAssignment(
      entryStart: entryStart, entryWorksite: entryWorksite, entryCost: entryCost,
      capacity: pruned.capacity.map { Int32($0) })
    flow.solve()
    let potentials = flow.circulationPotentials(returnCost: bigM)
    guard flow.satisfiesComplementarySlackness(potentials, returnCost: bigM) else {
      throw SolverError.backend("primal-dual: the potentials do not certify the flow as optimal")
    }

    var placement = Placement(studentCount: studentCount)
    var cost = 0
    for (s, c) in pruned.fixed {
      placement.assign(student: s, to: Int(choices.worksite[c]))
      cost += rankCost.cost(ofRank: Int(choices.rank[c]))
    }
    for (k, s) in members.enumerated() {
      let e = flow.assignedEntry(of: k)
      guard e >= 0 else { continue }
      placement.assign(student: s, to: Int(entryWorksite[Int(e)]))
      cost += entryCost[Int(e)]
    }
    self.placement = placement
    self.objective = PlacementObjective(placed: flow.placed + pruned.fixed.count, cost: cost)
    self.nodes = members.count + instance.worksites.count + 2
    self.arcs = entryWorksite.count + members.count + instance.worksites.count + 1
    self.fixedBeforeSolving = pruned.fixed.count
    self.phases = flow.phases
    self.augmentations = flow.augmentations
    self.repeatedPhases = flow.repeatedPhases
    self.worksitePotential = potentials.worksite
  }
}
