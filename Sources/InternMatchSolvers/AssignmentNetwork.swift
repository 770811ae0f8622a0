import InternMatchModel

/// The placement problem as one min-cost circulation, solved exactly by ``NetworkSimplex``.
///
/// Nodes: a source `S`, a sink `T`, every student with an eligible choice and every worksite one
/// of them lists. Arcs: `S → s` (capacity 1, cost 0), `s → w` for each eligible choice (capacity
/// 1, cost `rankCost(rank)`), `w → T` (capacity `capacity(w)`, cost 0) and a return arc `T → S`
/// (capacity = number of students, cost `−M`). A circulation of value `k` costs `C − k·M`, where
/// `C` is the rank cost of the placement it encodes. The network is built with every arc
/// reversed (flow runs `S → T → w → s → S`), an equivalent problem whose greedy starting basis
/// is both strongly feasible and close to the optimal duals (see `greedyBasis`).
///
/// Why one run gives the lexicographic optimum: let `M = 1 + Σ_s maxcost(s)`, where `maxcost(s)`
/// is the largest cost among student `s`'s eligible choices. Every placement has
/// `0 ≤ C ≤ M − 1`, so for placements of values `k + 1` and `k`,
/// `C₁ − (k+1)M < C₀ − kM` always holds: one more placed student outweighs any cost difference,
/// and among placements of the maximum value the cheapest wins. All arithmetic is in exact
/// integers (`Int`), so no tolerance is involved.
///
/// ```swift
/// let network = AssignmentNetwork(instance, rankCost: .linear)
/// network.objective  // PlacementObjective(placed: 4, cost: 7)
/// ```
///
/// - Complexity: builds O(S + W + L) nodes and arcs; solving is network simplex.
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
  /// Potentials of the worksite nodes (the duals of the capacity rows), by worksite index; 0
  /// for worksites no student lists.
  var worksitePotential: [Int]

  init(_ instance: PlacementInstance, rankCost: RankCost) throws(SolverError) {
    let choices = instance.choices
    let studentCount = instance.students.count
    let pruned = ChoicePruning(instance)
    let kept = pruned.kept
    // Node numbering: 0 = S, 1 = T, then students with choices, then listed worksites.
    var studentNode = [Int32](repeating: -1, count: studentCount)
    var worksiteNode = [Int32](repeating: -1, count: instance.worksites.count)
    var next: Int32 = 2
    var bigM = 1
    for s in 0..<studentCount where !kept[s].isEmpty {
      studentNode[s] = next
      next += 1
      var worst = 0
      for c in kept[s] {
        worst = max(worst, rankCost.cost(ofRank: Int(choices.rank[c])))
      }
      bigM += worst
    }
    let firstWorksiteNode = next
    for range in kept {
      for c in range where worksiteNode[Int(choices.worksite[c])] < 0 {
        worksiteNode[Int(choices.worksite[c])] = next
        next += 1
      }
    }
    let placeable = Int(firstWorksiteNode) - 2
    var network = NetworkSimplex(nodeCount: Int(next))
    network.reserveArcs(choices.count - pruned.dropped + Int(next) + 1)
    // Choice arcs first: they are the ones pricing scans most. Every arc is reversed.
    for s in 0..<studentCount where studentNode[s] >= 0 {
      for c in kept[s] {
        network.addArc(
          from: Int(worksiteNode[Int(choices.worksite[c])]), to: Int(studentNode[s]), capacity: 1,
          cost: rankCost.cost(ofRank: Int(choices.rank[c])))
      }
    }
    for s in 0..<studentCount where studentNode[s] >= 0 {
      network.addArc(from: Int(studentNode[s]), to: 0, capacity: 1, cost: 0)
    }
    for (w, node) in worksiteNode.enumerated() where node >= 0 {
      network.addArc(from: 1, to: Int(node), capacity: pruned.capacity[w], cost: 0)
    }
    let returnArc = network.addArc(from: 0, to: 1, capacity: placeable, cost: -bigM)
    let start = Self.greedyBasis(
      instance, pruned: pruned, studentNode: studentNode, worksiteNode: worksiteNode,
      network: network, returnArc: returnArc)

    switch network.run(warmStart: start) {
    case .optimal: break
    case .infeasible: throw SolverError("network simplex: the circulation is infeasible")
    case .unbounded: throw SolverError("network simplex: the circulation is unbounded")
    }

    var placement = Placement(studentCount: studentCount)
    var arc = 0
    var cost = 0
    for (s, c) in pruned.fixed {
      placement.assign(student: s, to: Int(choices.worksite[c]))
      cost += rankCost.cost(ofRank: Int(choices.rank[c]))
    }
    for s in 0..<studentCount where studentNode[s] >= 0 {
      for c in kept[s] {
        let f = network.flow(arc)
        if f == 1 {
          placement.assign(student: s, to: Int(choices.worksite[c]))
          cost += rankCost.cost(ofRank: Int(choices.rank[c]))
        }
        arc += 1
      }
    }
    let placedInNetwork = network.flow(returnArc)
    let placed = placedInNetwork + pruned.fixed.count
    let fixedCost = pruned.fixed.reduce(0) { $0 + rankCost.cost(ofRank: Int(choices.rank[$1.entry])) }
    guard network.totalCost == cost - fixedCost - placedInNetwork * bigM else {
      throw SolverError("network simplex: flow cost \(network.totalCost) disagrees with placement")
    }
    self.placement = placement
    self.objective = PlacementObjective(placed: placed, cost: cost)
    self.nodes = network.nodeCount
    self.arcs = network.arcCount
    self.fixedBeforeSolving = pruned.fixed.count
    self.worksitePotential = worksiteNode.map { $0 >= 0 ? network.potential(Int($0)) : 0 }
  }

  /// A strongly feasible starting basis from a greedy placement by rounds (every student's
  /// first eligible choice if it has room, then second choices, …).
  ///
  /// Tree, in the reversed network: `T` hangs from the artificial root; each worksite that got
  /// students hangs from `T` by `T → w`, and each of its students below it by `w → s`; `S` hangs
  /// from `T` by the return arc `S → T` while it has room (else from the root); unplaced students
  /// and empty worksites hang from the root. Every tree arc can carry more flow toward the root
  /// (it either points to the root with room left, or away from it with positive flow), which is
  /// strong feasibility (Cunningham 1976). The potentials it implies are the greedy placement's
  /// own duals, so pricing only finds arcs that truly improve on it.
  ///
  /// - Complexity: O(L) over all list entries.
  private static func greedyBasis(
    _ instance: PlacementInstance, pruned: ChoicePruning, studentNode: [Int32],
    worksiteNode: [Int32], network: NetworkSimplex, returnArc: Int
  ) -> NetworkSimplex.Basis {
    let choices = instance.choices
    let studentCount = instance.students.count
    let kept = pruned.kept
    var room = pruned.capacity
    var chosen = [Int](repeating: -1, count: studentCount)  // choice entry, or -1
    var longest = 0
    for s in 0..<studentCount { longest = max(longest, kept[s].count) }
    for round in 0..<longest {
      for s in 0..<studentCount where chosen[s] < 0 {
        let range = kept[s]
        guard round < range.count else { continue }
        let c = range.lowerBound + round
        let w = Int(choices.worksite[c])
        if room[w] > 0 {
          room[w] -= 1
          chosen[s] = c
        }
      }
    }
    // Arc numbering follows the builder: choice arcs (one per entry of students with choices,
    // in order), then s → S per such student, then T → w per listed worksite, then S → T.
    var treeArc = [Int](repeating: -1, count: network.nodeCount)
    var atUpper = [Bool](repeating: false, count: network.arcCount)
    var arc = 0
    var placed = 0
    var used = [Bool](repeating: false, count: instance.worksites.count)
    for s in 0..<studentCount where studentNode[s] >= 0 {
      for c in kept[s] {
        if c == chosen[s] {
          treeArc[Int(studentNode[s])] = arc
          used[Int(choices.worksite[c])] = true
          placed += 1
        }
        arc += 1
      }
    }
    for s in 0..<studentCount where studentNode[s] >= 0 {
      if chosen[s] >= 0 { atUpper[arc] = true }
      arc += 1
    }
    for (w, node) in worksiteNode.enumerated() where node >= 0 {
      if used[w] { treeArc[Int(node)] = arc }
      arc += 1
    }
    if placed < network.arcCapacity(returnArc) {
      treeArc[0] = returnArc
    } else {
      atUpper[returnArc] = true
    }
    return NetworkSimplex.Basis(treeArc: treeArc, atUpperBound: atUpper)
  }
}
