/// Minimum-cost flow by the primal network simplex method, on flat integer arrays.
///
/// Build the network with ``addArc(from:to:capacity:cost:)`` and node supplies, then call
/// `run()`; read the answer with ``flow(_:)``, ``potential(_:)`` and ``totalCost``. Supplies are
/// positive at sources and negative at sinks and must sum to zero; a network whose supplies are
/// all zero is a circulation. All data is integral and the arithmetic exact (`Int`), so the
/// optimum found is exact and integral.
///
/// ```swift
/// var net = NetworkSimplex(nodeCount: 3)
/// net.supply[0] = 2; net.supply[2] = -2
/// let a = net.addArc(from: 0, to: 1, capacity: 2, cost: 1)
/// let b = net.addArc(from: 1, to: 2, capacity: 2, cost: 1)
/// net.run()       // .optimal
/// net.totalCost   // 4
/// ```
///
/// Conventions: the reduced cost of arc `(u, v)` is `cost + π(u) − π(v)`; at the optimum every arc
/// with flow strictly between its bounds has reduced cost 0, arcs at 0 have it ≥ 0 and saturated
/// arcs ≤ 0. The potentials π are therefore the LP duals of the flow-conservation rows with the
/// sign convention `dual(u) = −π(u)` (up to a common constant).
///
/// Algorithm: primal network simplex with a strongly feasible spanning-tree basis (Cunningham
/// 1976; leaving-arc tie-break on the cycle's orientation), an artificial root joined to every
/// node, and block-search pivoting (Grigoriadis 1986; as in LEMON's `NetworkSimplex`, Kovács,
/// "Minimum-cost flow algorithms: an experimental evaluation", 2015). The tree is kept as parent
/// pointers with child lists; after a pivot only the subtree that moves is re-walked.
///
/// - Complexity: exponential in the worst case, like every simplex; in practice roughly linear
///   in the number of pivots times the size of the subtrees they move. Memory O(n + m).
package struct NetworkSimplex: Sendable {
  /// Outcome of `run()`.
  package enum Outcome: Hashable, Sendable {
    /// An optimal flow was found.
    case optimal
    /// No flow meets the supplies within the capacities.
    case infeasible
    /// A negative-cost cycle of unbounded capacity exists.
    case unbounded
    /// The deadline passed: the flow meets every supply and bound (a feasible flow, no
    /// artificial flow left) but is not proven optimal. Only a run given a deadline ends so.
    case stopped
  }

  /// Node supplies: positive at sources, negative at sinks.
  package var supply: [Int]
  /// Capacity large enough to mean "unbounded".
  package static let unboundedCapacity = Int.max / 4

  package private(set) var nodeCount: Int
  private var source: [Int32] = []
  private var target: [Int32] = []
  private var capacity: [Int] = []
  private var cost: [Int] = []
  private var arcFlow: [Int] = []
  // State of each arc: 1 at its lower bound, -1 at its upper bound, 0 in the tree.
  private var state: [Int8] = []
  private var pi: [Int] = []
  private var solvedCost = 0

  /// Creates a network with `nodeCount` nodes, no arcs and zero supplies.
  package init(nodeCount: Int) {
    precondition(nodeCount >= 0 && nodeCount < Int(Int32.max) - 1, "NetworkSimplex: node count")
    self.nodeCount = nodeCount
    supply = [Int](repeating: 0, count: nodeCount)
  }

  /// Number of arcs added.
  package var arcCount: Int { source.count }

  /// Reserves room for `n` arcs.
  package mutating func reserveArcs(_ n: Int) {
    source.reserveCapacity(n)
    target.reserveCapacity(n)
    capacity.reserveCapacity(n)
    cost.reserveCapacity(n)
  }

  /// Adds an arc with lower bound 0 and returns its index.
  @discardableResult
  package mutating func addArc(from u: Int, to v: Int, capacity c: Int, cost w: Int) -> Int {
    precondition(u >= 0 && u < nodeCount && v >= 0 && v < nodeCount, "NetworkSimplex: bad node")
    precondition(c >= 0 && c <= Self.unboundedCapacity, "NetworkSimplex: bad capacity")
    source.append(Int32(u))
    target.append(Int32(v))
    capacity.append(c)
    cost.append(w)
    return source.count - 1
  }

  /// Capacity of arc `arc`.
  package func arcCapacity(_ arc: Int) -> Int { capacity[arc] }

  /// Flow on arc `arc` after `run()`.
  package func flow(_ arc: Int) -> Int { arcFlow[arc] }

  /// Potential π of `node` after `run()` (see the type's sign convention).
  package func potential(_ node: Int) -> Int { pi[node] }

  /// Total cost `Σ cost·flow` of the flow found.
  package var totalCost: Int { solvedCost }

  /// A starting basis: a spanning tree of the network plus the bound of every other arc.
  ///
  /// Node `u` hangs from its parent by arc `treeArc[u]`, or from an artificial root when it is
  /// `-1`; arcs outside the tree sit at their upper bound when `atUpperBound[arc]`, else at 0.
  /// The flows on tree arcs follow from flow conservation. A good basis — strongly feasible, near
  /// the optimum — saves most of the pivots of a cold start.
  package struct Basis: Sendable {
    /// The arc joining each node to its parent, or -1 for the artificial root.
    package var treeArc: [Int]
    /// For each arc: whether it starts at its upper bound (ignored for tree arcs).
    package var atUpperBound: [Bool]

    /// Creates a basis.
    package init(treeArc: [Int], atUpperBound: [Bool]) {
      self.treeArc = treeArc
      self.atUpperBound = atUpperBound
    }
  }

  /// Solves the problem, from `warmStart` when it is a valid spanning tree whose implied flows
  /// respect every bound, otherwise from the all-artificial basis.
  ///
  /// With a `deadline`, the run ends ``Outcome/stopped`` at the first check after it passes
  /// (every 1,024 pivots) where the flow is feasible — no artificial arc carries flow, so every
  /// supply and bound holds — and goes on until it is: a stopped run always leaves a feasible
  /// flow. A run that needs no pivots beyond the deadline still ends `optimal` or
  /// `infeasible`.
  ///
  /// ```swift
  /// var net = network
  /// net.run(deadline: .now + .seconds(5))  // .optimal, or .stopped with a feasible flow
  /// ```
  ///
  /// - Complexity: see the type; the deadline costs one clock read per 1,024 pivots, and once
  ///   passed O(n) per check, with checks at least n pivots apart.
  ///
  /// With `abandoningAtDeadline`, a run past the deadline whose flow is not yet feasible stops
  /// too (``flowIsFeasible`` is then `false`, and the flow is to be dropped): for a run whose
  /// answer is only worth having in time.
  @discardableResult
  package mutating func run(
    warmStart: Basis? = nil, deadline: ContinuousClock.Instant? = nil,
    abandoningAtDeadline: Bool = false
  ) -> Outcome {
    precondition(supply.reduce(0, +) == 0, "NetworkSimplex: supplies must sum to zero")
    // A previous run's results are replaced below: freed first, not kept beside the tree.
    (arcFlow, state, pi, finalBasis) = ([], [], [], nil)
    let tree = SpanningTree(
      nodeCount: nodeCount, source: source, target: target, capacity: capacity, cost: cost,
      supply: supply)
    if let warmStart, warmStart.treeArc.count == nodeCount,
      warmStart.atUpperBound.count == arcCount
    {
      tree.load(warmStart, supply: supply)
    }
    let outcome = tree.solve(deadline: deadline, abandoning: abandoningAtDeadline)
    flowIsFeasible = !tree.abandoned
    arcFlow = Array(tree.flow.storage.prefix(arcCount))
    state = Array(tree.state.storage.prefix(arcCount))
    pi = Array(tree.pi.storage.prefix(nodeCount))
    let realArcs = arcCount
    finalBasis = Basis(
      treeArc: tree.pred.storage.prefix(nodeCount).map { $0 < realArcs ? Int($0) : -1 },
      atUpperBound: state.map { $0 == -1 })
    solvedCost = zip(arcFlow, cost).reduce(0) { $0 + $1.0 * $1.1 }
    pivots = tree.pivots
    return outcome
  }

  /// Pivots the last ``run(warmStart:)`` made: none when it started from an optimal basis.
  package private(set) var pivots = 0

  /// Whether the last run's flow meets every supply and bound: `false` only after a run
  /// abandoned at its deadline (``run(warmStart:deadline:abandoningAtDeadline:)``).
  package private(set) var flowIsFeasible = true

  /// Whether arc `arc` is in the final spanning-tree basis (basic).
  package func isBasic(_ arc: Int) -> Bool { state[arc] == 0 }

  /// The basis ``run(warmStart:)`` ended with, to start a related problem from (the same nodes
  /// and arcs with other costs, or with arcs outside the tree fixed).
  package private(set) var finalBasis: Basis?
}

/// The spanning-tree basis and the pivot loop behind ``NetworkSimplex``: arcs `0..<m` are the
/// problem's, arcs `m..<m+n` the artificial arcs joining each node to the root `n`.
///
/// The arrays live in ``OwnedBuffer``s, freed with this object: the pivot loop touches them
/// millions of times, and raw buffers spare it the bounds and copy-on-write checks of `Array`.
/// Every index stored in them is a node below `n + 1` or an arc below `m + n`, by construction.
private final class SpanningTree {
  let n: Int
  let m: Int
  let root: Int
  let source: OwnedBuffer<Int32>
  let target: OwnedBuffer<Int32>
  let capacity: OwnedBuffer<Int>
  let cost: OwnedBuffer<Int>
  let flow: OwnedBuffer<Int>
  // State of each arc: 1 at its lower bound, -1 at its upper bound, 0 in the tree.
  let state: OwnedBuffer<Int8>
  let pi: OwnedBuffer<Int>
  // Tree: parent node, the arc to it, its direction (1: arc points up, child→parent; -1: down),
  // depth below the root, and child lists as doubly linked sibling chains (-1 = none).
  let parent: OwnedBuffer<Int32>
  let pred: OwnedBuffer<Int32>
  let direction: OwnedBuffer<Int8>
  let depth: OwnedBuffer<Int32>
  let firstChild: OwnedBuffer<Int32>
  let nextSibling: OwnedBuffer<Int32>
  let previousSibling: OwnedBuffer<Int32>
  let stack: OwnedBuffer<Int32>
  let blockSize: Int
  var nextArc = 0
  /// Pivots made by ``solve(deadline:abandoning:)``.
  var pivots = 0

  init(
    nodeCount: Int, source arcSource: [Int32], target arcTarget: [Int32],
    capacity arcCapacity: [Int],
    cost arcCost: [Int], supply: [Int]
  ) {
    n = nodeCount
    m = arcSource.count
    root = n
    let all = m + n
    func buffer<T: BitwiseCopyable>(_ count: Int, _ value: T) -> OwnedBuffer<T> {
      OwnedBuffer(repeating: value, count: count)
    }
    source = buffer(all, 0)
    target = buffer(all, 0)
    capacity = buffer(all, NetworkSimplex.unboundedCapacity)
    cost = buffer(all, 0)
    _ = source.storage.update(fromContentsOf: arcSource)
    _ = target.storage.update(fromContentsOf: arcTarget)
    _ = capacity.storage.update(fromContentsOf: arcCapacity)
    _ = cost.storage.update(fromContentsOf: arcCost)
    flow = buffer(all, 0)
    state = buffer(all, 1)
    pi = buffer(n + 1, 0)
    parent = buffer(n + 1, -1)
    pred = buffer(n + 1, -1)
    direction = buffer(n + 1, 0)
    depth = buffer(n + 1, 0)
    firstChild = buffer(n + 1, -1)
    nextSibling = buffer(n + 1, -1)
    previousSibling = buffer(n + 1, -1)
    stack = buffer(n + 1, 0)
    blockSize = max(10, Int(Double(max(m, 1)).squareRoot()))
    // Artificial cost: dearer than any path of real arcs, so artificial flow leaves if it can.
    let artificialCost = Self.artificialCost(arcCost, nodeCount: n)
    for u in 0..<n {
      let e = m + u
      if supply[u] >= 0 {
        source[e] = Int32(u)
        target[e] = Int32(root)
        cost[e] = 0
        flow[e] = supply[u]
        direction[u] = 1
        pi[u] = 0
      } else {
        source[e] = Int32(root)
        target[e] = Int32(u)
        cost[e] = artificialCost
        flow[e] = -supply[u]
        direction[u] = -1
        pi[u] = artificialCost
      }
      state[e] = 0
      parent[u] = Int32(root)
      pred[u] = Int32(e)
      depth[u] = 1
      addChild(Int32(root), Int32(u))
    }
  }

  static func artificialCost(_ costs: [Int], nodeCount: Int) -> Int {
    (costs.reduce(0) { max($0, abs($1)) } + 1) * (nodeCount + 1)
  }

  /// Replaces the all-artificial basis by `basis` when it is a spanning tree with feasible
  /// implied flows; leaves the artificial basis untouched otherwise.
  func load(_ basis: NetworkSimplex.Basis, supply: [Int]) {
    var newParent = [Int32](repeating: -1, count: n + 1)
    var newPred = [Int32](repeating: -1, count: n + 1)
    var newDirection = [Int8](repeating: 0, count: n + 1)
    var newFlow = [Int](repeating: 0, count: m + n)
    var newState = [Int8](repeating: 1, count: m + n)
    var excess = supply + [0]
    var source = Array(self.source.storage)
    var target = Array(self.target.storage)
    var cost = Array(self.cost.storage)
    for (u, e) in basis.treeArc.enumerated() {
      if e < 0 {
        newParent[u] = Int32(root)
        newPred[u] = Int32(m + u)
        continue
      }
      guard e < m, Int(source[e]) == u || Int(target[e]) == u else { return }
      newPred[u] = Int32(e)
      newState[e] = 0
      newParent[u] = Int(source[e]) == u ? target[e] : source[e]
      newDirection[u] = Int(source[e]) == u ? 1 : -1
    }
    for e in 0..<m where newState[e] != 0 && basis.atUpperBound[e] {
      guard capacity[e] < NetworkSimplex.unboundedCapacity else { return }
      newState[e] = -1
      newFlow[e] = capacity[e]
      excess[Int(source[e])] -= capacity[e]
      excess[Int(target[e])] += capacity[e]
    }
    // Children lists and a breadth-first order from the root; a node never reached means the
    // arcs do not form a tree.
    var children = [[Int32]](repeating: [], count: n + 1)
    for u in 0..<n { children[Int(newParent[u])].append(Int32(u)) }
    var order: [Int32] = [Int32(root)]
    order.reserveCapacity(n + 1)
    var head = 0
    while head < order.count {
      for c in children[Int(order[head])] { order.append(c) }
      head += 1
    }
    guard order.count == n + 1 else { return }
    // Tree flows by conservation, leaves first.
    let artificialCost = Self.artificialCost(Array(cost.prefix(m)), nodeCount: n)
    for k in stride(from: order.count - 1, through: 1, by: -1) {
      let u = Int(order[k])
      let p = Int(newParent[u])
      let e = Int(newPred[u])
      if e >= m {
        // Artificial arc: oriented to carry the imbalance, like the cold start.
        let up = excess[u] >= 0
        source[e] = Int32(up ? u : root)
        target[e] = Int32(up ? root : u)
        cost[e] = up ? 0 : artificialCost
        newDirection[u] = up ? 1 : -1
        newFlow[e] = abs(excess[u])
      } else {
        let f = newDirection[u] == 1 ? excess[u] : -excess[u]
        guard f >= 0, f <= capacity[e] else { return }
        newFlow[e] = f
      }
      newState[e] = 0
      excess[p] += excess[u]
    }
    _ = self.source.storage.update(fromContentsOf: source)
    _ = self.target.storage.update(fromContentsOf: target)
    _ = self.cost.storage.update(fromContentsOf: cost)
    // Accept: install the tree, then potentials and depths top-down.
    _ = parent.storage.update(fromContentsOf: newParent)
    _ = pred.storage.update(fromContentsOf: newPred)
    _ = direction.storage.update(fromContentsOf: newDirection)
    _ = flow.storage.update(fromContentsOf: newFlow)
    _ = state.storage.update(fromContentsOf: newState)
    firstChild.storage.update(repeating: -1)
    for u in 0..<n { addChild(parent[u], Int32(u)) }
    pi[root] = 0
    depth[root] = 0
    for k in 1..<order.count {
      let u = Int(order[k])
      let p = Int(parent[u])
      let e = Int(pred[u])
      pi[u] = direction[u] == 1 ? pi[p] - cost[e] : pi[p] + cost[e]
      depth[u] = depth[p] + 1
    }
  }

  func addChild(_ p: Int32, _ c: Int32) {
    let head = firstChild[Int(p)]
    nextSibling[Int(c)] = head
    previousSibling[Int(c)] = -1
    if head >= 0 { previousSibling[Int(head)] = c }
    firstChild[Int(p)] = c
  }

  func removeChild(_ p: Int32, _ c: Int32) {
    let next = nextSibling[Int(c)]
    let previous = previousSibling[Int(c)]
    if previous >= 0 { nextSibling[Int(previous)] = next } else { firstChild[Int(p)] = next }
    if next >= 0 { previousSibling[Int(next)] = previous }
  }

  /// Block search: scan arcs cyclically in blocks; take the most violating arc of the first
  /// block that has one.
  func findEnteringArc() -> Int? {
    guard m > 0 else { return nil }
    var best = -1
    var bestValue = 0
    var count = blockSize
    var e = nextArc
    for _ in 0..<m {
      if state[e] != 0 {
        let reduced =
          Int(state[e]) * (cost[e] + pi[Int(source[e])] - pi[Int(target[e])])
        if reduced < bestValue {
          bestValue = reduced
          best = e
        }
      }
      e += 1
      if e == m { e = 0 }
      count -= 1
      if count == 0 {
        if best >= 0 { break }
        count = blockSize
      }
    }
    nextArc = e
    return best >= 0 ? best : nil
  }

  /// Whether no artificial arc carries flow: the flow then meets every supply and bound.
  ///
  /// - Complexity: O(n).
  func isFeasible() -> Bool {
    for u in 0..<n where flow[m + u] != 0 { return false }
    return true
  }

  /// Whether ``solve(deadline:abandoning:)`` stopped with an infeasible flow.
  var abandoned = false

  func solve(deadline: ContinuousClock.Instant? = nil, abandoning: Bool = false)
    -> NetworkSimplex.Outcome
  {
    let infinite = NetworkSimplex.unboundedCapacity
    // The pivot count at which the deadline is next looked at (a clock read per 1,024 pivots;
    // once past it, the O(n) feasibility test at most once per n pivots).
    var nextCheck = deadline == nil ? Int.max : 1024
    while let entering = findEnteringArc() {
      pivots += 1
      if pivots >= nextCheck, let deadline {
        if ContinuousClock.now < deadline {
          nextCheck = pivots + 1024
        } else if isFeasible() {
          return .stopped
        } else if abandoning {
          abandoned = true
          return .stopped
        } else {
          nextCheck = pivots + max(1024, n)
        }
      }
      let lower = state[entering] == 1
      let first = Int(lower ? source[entering] : target[entering])
      let second = Int(lower ? target[entering] : source[entering])
      // Join: lowest common ancestor of first and second.
      var a = first
      var b = second
      while a != b {
        if depth[a] > depth[b] {
          a = Int(parent[a])
        } else if depth[b] > depth[a] {
          b = Int(parent[b])
        } else {
          a = Int(parent[a])
          b = Int(parent[b])
        }
      }
      let join = a
      // Leaving arc: the blocking arc met last when walking the cycle in its orientation
      // (ties: `<` on the first side, `<=` on the second), which keeps the tree strongly
      // feasible.
      var delta = capacity[entering]
      var side = 0
      var leavingNode = -1
      var u = first
      while u != join {
        let e = Int(pred[u])
        let residual = direction[u] == 1 ? flow[e] : residualUp(e, infinite)
        if residual < delta {
          delta = residual
          leavingNode = u
          side = 1
        }
        u = Int(parent[u])
      }
      u = second
      while u != join {
        let e = Int(pred[u])
        let residual = direction[u] == -1 ? flow[e] : residualUp(e, infinite)
        if residual <= delta {
          delta = residual
          leavingNode = u
          side = 2
        }
        u = Int(parent[u])
      }
      if delta >= infinite { return .unbounded }
      // Augment.
      if delta > 0 {
        let value = Int(state[entering]) * delta
        flow[entering] += value
        u = Int(source[entering])
        while u != join {
          flow[Int(pred[u])] -= Int(direction[u]) * value
          u = Int(parent[u])
        }
        u = Int(target[entering])
        while u != join {
          flow[Int(pred[u])] += Int(direction[u]) * value
          u = Int(parent[u])
        }
      }
      if side == 0 {
        // The entering arc blocks itself: it moves to its other bound.
        state[entering] = -state[entering]
        continue
      }
      let leaving = Int(pred[leavingNode])
      state[leaving] = flow[leaving] == 0 ? 1 : -1
      state[entering] = 0
      let uIn = side == 1 ? first : second
      let vIn = side == 1 ? second : first
      rehang(subtreeOf: leavingNode, at: uIn, under: vIn, through: entering)
    }
    return isFeasible() ? .optimal : .infeasible
  }

  func residualUp(_ e: Int, _ infinite: Int) -> Int {
    capacity[e] >= infinite ? infinite : capacity[e] - flow[e]
  }

  /// Cuts the subtree below `leavingNode`'s arc and hangs it from `vIn` by the entering arc at
  /// `uIn`, reversing the path from `uIn` up to `leavingNode`; then shifts the moved nodes'
  /// potentials so that the entering arc's reduced cost is 0, and recomputes their depths.
  func rehang(subtreeOf leavingNode: Int, at uIn: Int, under vIn: Int, through entering: Int) {
    var u = Int32(uIn)
    var newParent = Int32(vIn)
    var newPred = Int32(entering)
    var newDirection: Int8 = Int(source[entering]) == uIn ? 1 : -1
    while true {
      let oldParent = parent[Int(u)]
      let oldPred = pred[Int(u)]
      let oldDirection = direction[Int(u)]
      removeChild(oldParent, u)
      parent[Int(u)] = newParent
      pred[Int(u)] = newPred
      direction[Int(u)] = newDirection
      addChild(newParent, u)
      if Int(u) == leavingNode { break }
      newParent = u
      newPred = oldPred
      newDirection = -oldDirection
      u = oldParent
    }
    let wanted =
      Int(source[entering]) == uIn
      ? pi[vIn] - cost[entering] : pi[vIn] + cost[entering]
    let sigma = wanted - pi[uIn]
    depth[uIn] = depth[vIn] + 1
    var top = 0
    stack[0] = Int32(uIn)
    while top >= 0 {
      let xi = Int(stack[top])
      top -= 1
      pi[xi] += sigma
      var c = firstChild[xi]
      while c >= 0 {
        depth[Int(c)] = depth[xi] + 1
        top += 1
        stack[top] = c
        c = nextSibling[Int(c)]
      }
    }
  }
}
