extension ConstrainedNetworkModel {
  /// An optimal starting basis for the network simplex, from the primal–dual core, when the
  /// model is a plain assignment network (`S → student → worksite → T → S`, no school, employer
  /// or seat-type nodes) whose lower bounds are those of students held at one worksite and
  /// least loads the core's optimum meets; `nil` otherwise. When `deadline` passes before the
  /// core's optimum is reached, the core stops at its next phase: with `keepingPartialFlow`,
  /// its flow so far — feasible and the cheapest of its value, not optimal — gives the basis
  /// (a start for a simplex that is to stop at once with a feasible flow); without, `nil` (a
  /// re-optimisation's plan is dropped then). Held students take their seats before the core
  /// places the others.
  ///
  /// The core's flow and its certified potentials give every arc's reduced cost; the tree is
  /// the arcs strictly between their bounds (reduced cost 0 by complementary slackness), then
  /// as many other arcs of reduced cost 0 as join what is still apart (Kruskal's union–find);
  /// the parts left apart hang from the simplex's artificial root with no flow. From there the
  /// simplex has few pivots left, or none.
  ///
  /// ```swift
  /// var network = model.builder.network
  /// network.run(warmStart: model.primalDualStart())
  /// ```
  ///
  /// - Complexity: the primal–dual solve, plus O(N + A·α(N)) for N nodes and A arcs.
  func primalDualStart(
    deadline: ContinuousClock.Instant? = nil, keepingPartialFlow: Bool = false
  ) -> NetworkSimplex.Basis? {
    guard
      let solved = primalDualFlow(deadline: deadline, keepingPartialFlow: keepingPartialFlow)
    else { return nil }
    return Self.tree(of: builder, flow: solved.flow, potentials: solved.potentials)
  }

  /// The primal–dual core's flow on the model, when ``primalDualStart(deadline:keepingPartialFlow:)``
  /// would give a start: each arc's flow above its lower bound, node potentials, and whether
  /// the core finished — then the flow is optimal, certified by those potentials, and no
  /// network simplex is needed to know it.
  ///
  /// ```swift
  /// model.primalDualFlow()?.finished  // true: an optimal flow of the model
  /// ```
  ///
  /// - Complexity: the primal–dual solve, plus O(N + A) for N nodes and A arcs.
  func primalDualFlow(
    deadline: ContinuousClock.Instant? = nil, keepingPartialFlow: Bool = false
  ) -> (flow: [Int], potentials: [Int], finished: Bool)? {
    let net = builder
    let (source, sink) = (0, 1)
    guard net.costs[returnArc] < 0 else { return nil }
    var worksiteOf = [Int](repeating: -1, count: net.nodeCount)
    for (w, arc) in loadArc.enumerated() {
      guard net.heads[arc] == sink else { return nil }
      worksiteOf[net.tails[arc]] = w
    }
    var studentOf = [Int32](repeating: -1, count: net.nodeCount)
    // Each student's arc from the source.
    var studentArcs: [Int] = []
    var held: [Bool] = []
    for arc in net.tails.indices where net.tails[arc] == source && arc != returnArc {
      guard studentOf[net.heads[arc]] < 0, net.capacities[arc] == 1 else { return nil }
      studentOf[net.heads[arc]] = Int32(studentArcs.count)
      studentArcs.append(arc)
      held.append(net.lowers[arc] == 1)
    }
    guard 2 + studentArcs.count + loadArc.count == net.nodeCount else { return nil }
    // Each student's choice arcs, `entryArcs[firstEntry[k] ..< firstEntry[k + 1]]` (flat: at a
    // million students an array per student costs more than the arcs themselves).
    var firstEntry = [Int](repeating: 0, count: studentArcs.count + 1)
    var counted = studentArcs.count + loadArc.count + 1
    for arc in net.tails.indices where studentOf[net.tails[arc]] >= 0 {
      guard worksiteOf[net.heads[arc]] >= 0, net.capacities[arc] == 1, net.lowers[arc] == 0,
        net.costs[arc] >= 0
      else { return nil }
      firstEntry[Int(studentOf[net.tails[arc]]) + 1] += 1
      counted += 1
    }
    guard counted == net.tails.count, net.lowers[returnArc] == 0 else { return nil }
    for k in studentArcs.indices { firstEntry[k + 1] += firstEntry[k] }
    var entryArcs = [Int32](repeating: 0, count: firstEntry[studentArcs.count])
    var filled = firstEntry
    for arc in net.tails.indices where studentOf[net.tails[arc]] >= 0 {
      let k = Int(studentOf[net.tails[arc]])
      entryArcs[filled[k]] = Int32(arc)
      filled[k] += 1
    }
    studentOf = []
    filled = []
    /// Student `k`'s choice arcs.
    func entries(_ k: Int) -> ArraySlice<Int32> {
      entryArcs[firstEntry[k]..<firstEntry[k + 1]]
    }

    // The core places the students not held, in the seats the held ones leave.
    var seats = loadArc.map { net.capacities[$0] }
    var entryStart: [Int32] = [0]
    var entryWorksite: [Int32] = []
    var entryCost: [Int] = []
    var coreIndex = [Int](repeating: -1, count: studentArcs.count)
    for k in studentArcs.indices {
      let list = entries(k)
      if held[k] {
        guard list.count == 1, let only = list.first else { return nil }
        seats[worksiteOf[net.heads[Int(only)]]] -= 1
        continue
      }
      coreIndex[k] = entryStart.count - 1
      for arc in list.lazy.map(Int.init) {
        entryWorksite.append(Int32(worksiteOf[net.heads[arc]]))
        entryCost.append(net.costs[arc])
      }
      entryStart.append(Int32(entryWorksite.count))
    }
    guard seats.allSatisfy({ $0 >= 0 }) else { return nil }
    let core = PrimalDualAssignment(
      entryStart: entryStart, entryWorksite: entryWorksite, entryCost: entryCost,
      capacity: seats.map { Int32($0) })
    // The core holds its own copies: these are freed before it runs.
    (entryWorksite, entryCost) = ([], [])
    let finished = core.solve(stoppingWhen: {
      deadline.map { ContinuousClock.now >= $0 } ?? false
    })
    guard finished || keepingPartialFlow else { return nil }
    let returnCost = -net.costs[returnArc]
    let potentials = core.circulationPotentials(returnCost: returnCost)
    // A stopped core's potentials certify nothing for the circulation; any spanning tree of a
    // feasible flow is a basis, so they only choose which arcs at a bound join it.
    guard !finished || core.satisfiesComplementarySlackness(potentials, returnCost: returnCost)
    else { return nil }

    // Each model node's potential and each arc's flow.
    var pi = [Int](repeating: 0, count: net.nodeCount)
    pi[source] = potentials.source
    pi[sink] = potentials.sink
    for (w, arc) in loadArc.enumerated() { pi[net.tails[arc]] = potentials.worksite[w] }
    // Flows as the simplex counts them: above the lower bounds.
    var flow = [Int](repeating: 0, count: net.tails.count)
    var load = loadArc.map { _ in 0 }
    for (k, arc) in studentArcs.enumerated() {
      let node = net.heads[arc]
      var choice = -1
      if held[k] {
        choice = Int(entryArcs[firstEntry[k]])  // its one arc (checked above)
        // The held seat's arc is tight: the student's potential follows from its worksite's.
        pi[node] = pi[net.heads[choice]] - net.costs[choice]
      } else {
        pi[node] = potentials.student[coreIndex[k]]
        let e = Int(core.assignedEntry(of: coreIndex[k]))
        if e >= 0 { choice = Int(entryArcs[firstEntry[k] + e - Int(entryStart[coreIndex[k]])]) }
      }
      guard choice >= 0 else { continue }
      flow[arc] = 1 - net.lowers[arc]
      flow[choice] = 1
      load[worksiteOf[net.heads[choice]]] += 1
    }
    // A least load the core's optimum meets leaves it optimal; one it misses, no start.
    for (w, arc) in loadArc.enumerated() {
      guard load[w] >= net.lowers[arc] else { return nil }
      flow[arc] = load[w] - net.lowers[arc]
    }
    flow[returnArc] = load.reduce(0, +)
    return (flow, pi, finished)
  }

  /// The spanning tree described above, for `flow` (above the lower bounds) and `potentials`
  /// of `net` (optimal ones make it an optimal basis; any make it a feasible one); `nil` when the arcs strictly between their bounds close a cycle
  /// (then no tree holds them all).
  private static func tree(of net: NetworkBuilder, flow: [Int], potentials pi: [Int])
    -> NetworkSimplex.Basis?
  {
    func room(_ arc: Int) -> Int { net.capacities[arc] - net.lowers[arc] }
    var parts = DisjointSets(count: net.nodeCount)
    // The forest's arcs (fewer than the nodes), then listed by node (flat, as above).
    var joined: [Int32] = []
    func join(_ arc: Int) -> Bool {
      guard parts.union(net.tails[arc], net.heads[arc]) else { return false }
      joined.append(Int32(arc))
      return true
    }
    let arcs = net.tails.indices
    for arc in arcs where flow[arc] > 0 && flow[arc] < room(arc) {
      guard join(arc) else { return nil }
    }
    for arc in arcs where flow[arc] == 0 || flow[arc] == room(arc) {
      if net.costs[arc] + pi[net.tails[arc]] - pi[net.heads[arc]] == 0 { _ = join(arc) }
    }
    parts = DisjointSets(count: 0)
    var firstAdjacent = [Int32](repeating: 0, count: net.nodeCount + 1)
    for arc in joined {
      firstAdjacent[net.tails[Int(arc)] + 1] += 1
      firstAdjacent[net.heads[Int(arc)] + 1] += 1
    }
    for u in 0..<net.nodeCount { firstAdjacent[u + 1] += firstAdjacent[u] }
    var adjacent = [Int32](repeating: 0, count: Int(firstAdjacent[net.nodeCount]))
    var filled = firstAdjacent
    for arc in joined {
      let (u, v) = (net.tails[Int(arc)], net.heads[Int(arc)])
      adjacent[Int(filled[u])] = arc
      filled[u] += 1
      adjacent[Int(filled[v])] = arc
      filled[v] += 1
    }
    joined = []
    filled = []
    // Orient each part from its first node, which hangs from the artificial root.
    var treeArc = [Int](repeating: -2, count: net.nodeCount)
    var queue: [Int] = []
    for start in 0..<net.nodeCount where treeArc[start] == -2 {
      treeArc[start] = -1
      queue.append(start)
      while let u = queue.popLast() {
        for arc in adjacent[Int(firstAdjacent[u])..<Int(firstAdjacent[u + 1])].lazy.map(Int.init) {
          let v = net.tails[arc] == u ? net.heads[arc] : net.tails[arc]
          guard treeArc[v] == -2 else { continue }
          treeArc[v] = arc
          queue.append(v)
        }
      }
    }
    return NetworkSimplex.Basis(
      treeArc: treeArc, atUpperBound: arcs.map { flow[$0] > 0 && flow[$0] == room($0) })
  }
}
