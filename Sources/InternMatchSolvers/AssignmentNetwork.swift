import InternMatchModel

/// The placement problem as one min-cost circulation, solved exactly by ``NetworkSimplex``.
///
/// Nodes: a source `S`, a sink `T`, every student with an eligible choice and every worksite one
/// of them lists. Arcs: `S → s` (capacity 1, cost 0), `s → w` for each eligible choice (capacity
/// 1, cost `rankCost(rank)`), `w → T` (capacity `capacity(w)`, cost 0) and a return arc `T → S`
/// (capacity = number of students, cost `−M`). A circulation of value `k` costs `C − k·M`, where
/// `C` is the rank cost of the placement it encodes.
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
  /// Potentials of the worksite nodes (the duals of the capacity rows), by worksite index; 0
  /// for worksites no student lists.
  var worksitePotential: [Int]

  init(_ instance: PlacementInstance, rankCost: RankCost) throws(SolverError) {
    let choices = instance.choices
    let studentCount = instance.students.count
    // Node numbering: 0 = S, 1 = T, then students with choices, then listed worksites.
    var studentNode = [Int32](repeating: -1, count: studentCount)
    var worksiteNode = [Int32](repeating: -1, count: instance.worksites.count)
    var next: Int32 = 2
    var bigM = 1
    for s in 0..<studentCount where !choices.range(of: s).isEmpty {
      studentNode[s] = next
      next += 1
      var worst = 0
      for c in choices.range(of: s) { worst = max(worst, rankCost.cost(ofRank: Int(choices.rank[c]))) }
      bigM += worst
    }
    let firstWorksiteNode = next
    for c in 0..<choices.count where worksiteNode[Int(choices.worksite[c])] < 0 {
      worksiteNode[Int(choices.worksite[c])] = next
      next += 1
    }
    let placeable = Int(firstWorksiteNode) - 2
    var network = NetworkSimplex(nodeCount: Int(next))
    network.reserveArcs(choices.count + Int(next) + 1)
    // Choice arcs first: they are the ones pricing scans most.
    for s in 0..<studentCount where studentNode[s] >= 0 {
      for c in choices.range(of: s) {
        network.addArc(
          from: Int(studentNode[s]), to: Int(worksiteNode[Int(choices.worksite[c])]), capacity: 1,
          cost: rankCost.cost(ofRank: Int(choices.rank[c])))
      }
    }
    for s in 0..<studentCount where studentNode[s] >= 0 {
      network.addArc(from: 0, to: Int(studentNode[s]), capacity: 1, cost: 0)
    }
    for (w, node) in worksiteNode.enumerated() where node >= 0 {
      network.addArc(from: Int(node), to: 1, capacity: instance.worksites[w].capacity, cost: 0)
    }
    let returnArc = network.addArc(from: 1, to: 0, capacity: placeable, cost: -bigM)

    switch network.run() {
    case .optimal: break
    case .infeasible: throw SolverError("network simplex: the circulation is infeasible")
    case .unbounded: throw SolverError("network simplex: the circulation is unbounded")
    }

    var placement = Placement(studentCount: studentCount)
    var arc = 0
    var cost = 0
    for s in 0..<studentCount where studentNode[s] >= 0 {
      for c in choices.range(of: s) {
        let f = network.flow(arc)
        if f == 1 {
          placement.assign(student: s, to: Int(choices.worksite[c]))
          cost += rankCost.cost(ofRank: Int(choices.rank[c]))
        }
        arc += 1
      }
    }
    let placed = network.flow(returnArc)
    guard network.totalCost == cost - placed * bigM else {
      throw SolverError("network simplex: flow cost \(network.totalCost) disagrees with placement")
    }
    self.placement = placement
    self.objective = PlacementObjective(placed: placed, cost: cost)
    self.nodes = network.nodeCount
    self.arcs = network.arcCount
    self.worksitePotential = worksiteNode.map { $0 >= 0 ? network.potential(Int($0)) : 0 }
  }
}
