import InternMatchModel

/// Exact lexicographic prices read off the residual network of an optimal placement: what
/// forcing one student into one worksite, or adding one seat to a worksite, does to the optimum
/// (placed students first, then rank cost), without solving again.
///
/// The model is the circulation of ``AssignmentNetwork`` with pinned students' flow fixed, and
/// with its return arc `T → S` costing `−B` for a weight `B = 2⁴²` larger than twice any rank
/// cost sum (any weight above the one `AssignmentNetwork` uses gives the same lexicographic
/// optimum). A circulation's cost is then `C − B·k` for `k` placed students of rank cost `C`,
/// and a cost difference `Δ` decodes uniquely into `Δk = −round(Δ / B)` and `ΔC = Δ + B·Δk`.
///
/// Students are contracted away: the residual network's nodes are the worksites, `S` and `T`;
/// an arc `u → v` costs the least `c(s, v) − c(s, u)` over the movable students `s` at `u`
/// (a student moving from `u` to `v`), `u → S` the least `−c(s, u)` (a student leaving),
/// `S → v` the least `c(s, v)` over the unplaced students (one arriving), `u → T` is 0 when `u`
/// has a free seat, `T → v` 0 when `v` holds a movable student, and `T → S` and `S → T` carry
/// `∓B`. A simple path meets each worksite once, so the students it moves are distinct and
/// every path is a real sequence of moves.
///
/// Why the prices are exact (Ahuja, Magnanti & Orlin, *Network Flows*, 1993, §9.3): for an
/// optimal flow `x` and a flow `x'` optimal with one more unit forced on a unit arc `e`, the
/// difference `x' − x` is a circulation of the residual network `G_x` plus `e`, and decomposes
/// into simple cycles; exactly one of them uses `e` and the others cost ≥ 0 (`x` has no
/// negative cycle), so `x' = x +` the cheapest cycle through `e`. Forcing student `s` (at
/// `w₀`, or unplaced) into worksite `w` closes such a cycle with the path `w ⇝ w₀` (or
/// `w ⇝ S`); one more seat at a full worksite `w` adds the arc `w → T`, closed by `T ⇝ w`, and
/// helps only when that costs less than 0. Node potentials (Bellman–Ford once, which also
/// certifies that the placement has no negative cycle, i.e. is optimal) make every reduced
/// cost non-negative, so each search is one Dijkstra (1959).
///
/// ```swift
/// let pricing = try ResidualPricing(instance, placement: result.placement, rankCost: .linear)
/// pricing.distances(from: w)  // cheapest move sequences out of worksite w
/// ```
///
/// - Complexity: building O(L) for L choices; the potentials O(N·A) at worst for N = W + 2
///   nodes and A ≤ L contracted arcs (a few passes in practice); each search
///   O(A + N log N).
struct ResidualPricing: Sendable {
  /// The weight of one placed student in a circulation cost.
  static let placedWeight = 1 << 42
  /// An unreachable node's distance.
  static let unreachable = Int.max

  /// Worksites are nodes `0..<W`; `S` is `W`, `T` is `W + 1`.
  let worksiteCount: Int
  var source: Int { worksiteCount }
  var sink: Int { worksiteCount + 1 }
  /// Arcs leaving node `u`: `arcStart[u] ..< arcStart[u + 1]`, with their heads and costs.
  private(set) var arcStart: [Int32] = []
  private(set) var arcHead: [Int32] = []
  private(set) var arcCost: [Int] = []
  /// Potentials making every arc's reduced cost non-negative.
  private(set) var potential: [Int] = []
  /// Each arc's reduced cost `c + π(u) − π(v)` (≥ 0), what the searches run on.
  private(set) var reducedCost: [Int] = []

  /// Builds the contracted residual network of `placement` and its potentials.
  ///
  /// - Precondition: the instance has no side constraint but pins (and reserves that revert,
  ///   which never bind an optimum), or is one kind of a menu without slots whose people take
  ///   one placement each, restricted to its choices (`activities`; `max_per_employer` cannot
  ///   bind one placement).
  /// - Throws: ``SolverError/Kind/backend`` when the network has a negative cycle: the
  ///   placement is not optimal, so no price read from it would be exact.
  init(_ instance: PlacementInstance, placement: Placement, rankCost: RankCost)
    throws(SolverError)
  {
    precondition(
      instance.sideRules.subtracting(instance.policy.reservesRevert ? [.reserves] : [])
        .isSubset(of: [.pins, .activities, .maxPerEmployer]),
      "ResidualPricing: only pins keep the network")
    let w = instance.worksites.count
    worksiteCount = w
    let nodes = w + 2
    let choices = instance.choices
    let studentCount = instance.students.count
    // Each student's cost where they sit, and the movable students at each worksite.
    var load = [Int](repeating: 0, count: w)
    var movableStart = [Int](repeating: 0, count: w + 2)
    var seatCost = [Int](repeating: 0, count: studentCount)
    for s in 0..<studentCount {
      guard let at = placement.worksite(of: s) else { continue }
      load[at] += 1
      let rank = choices.rank(of: s, for: at) ?? 0
      seatCost[s] = rankCost.cost(ofRank: rank)
      if instance.pinnedWorksite[s] < 0 { movableStart[at + 1] += 1 }
    }
    for u in 0..<w + 1 { movableStart[u + 1] += movableStart[u] }
    var fill = movableStart
    var movable = [Int32](repeating: 0, count: movableStart[w + 1])
    var unplaced: [Int32] = []
    for s in 0..<studentCount where instance.pinnedWorksite[s] < 0 {
      if let at = placement.worksite(of: s) {
        movable[fill[at]] = Int32(s)
        fill[at] += 1
      } else if !choices.range(of: s).isEmpty {
        unplaced.append(Int32(s))
      }
    }

    // The cheapest arc to each head from the tail being built, with the heads touched.
    var best = [Int](repeating: Self.unreachable, count: nodes)
    var touched: [Int32] = []
    var arcStart: [Int32] = [0]
    var arcHead: [Int32] = []
    var arcCost: [Int] = []
    arcStart.reserveCapacity(nodes + 1)
    arcHead.reserveCapacity(choices.count)
    arcCost.reserveCapacity(choices.count)
    func offer(_ head: Int, _ cost: Int) {
      if best[head] == Self.unreachable { touched.append(Int32(head)) }
      if cost < best[head] { best[head] = cost }
    }
    func flush() {
      for v in touched {
        arcHead.append(v)
        arcCost.append(best[Int(v)])
        best[Int(v)] = Self.unreachable
      }
      touched.removeAll(keepingCapacity: true)
      arcStart.append(Int32(arcHead.count))
    }
    let bigB = Self.placedWeight
    for u in 0..<w {
      for k in movableStart[u]..<movableStart[u + 1] {
        let s = Int(movable[k])
        let here = seatCost[s]
        offer(w, -here)
        for c in choices.range(of: s) where Int(choices.worksite[c]) != u {
          offer(Int(choices.worksite[c]), rankCost.cost(ofRank: Int(choices.rank[c])) - here)
        }
      }
      if load[u] < instance.worksites[u].capacity { offer(w + 1, 0) }
      flush()
    }
    for s in unplaced {
      for c in choices.range(of: Int(s)) {
        offer(Int(choices.worksite[c]), rankCost.cost(ofRank: Int(choices.rank[c])))
      }
    }
    offer(w + 1, bigB)
    flush()
    for v in 0..<w where movableStart[v + 1] > movableStart[v] { offer(v, 0) }
    offer(w, -bigB)
    flush()
    self.arcStart = arcStart
    self.arcHead = arcHead
    self.arcCost = arcCost
    let potential = try Self.potentials(arcStart, arcHead, arcCost, nodes: nodes)
    var reducedCost = [Int](repeating: 0, count: arcCost.count)
    for u in 0..<nodes {
      for a in Int(arcStart[u])..<Int(arcStart[u + 1]) {
        reducedCost[a] = arcCost[a] + potential[u] - potential[Int(arcHead[a])]
      }
    }
    self.potential = potential
    self.reducedCost = reducedCost
    largestReducedCost = reducedCost.lazy.filter { $0 <= Self.bucketLimit }.max() ?? 0
  }

  /// The largest reduced cost up to ``bucketLimit``. Reduced costs are rank-cost differences,
  /// but for arcs leaving a node no other node reaches (an empty worksite no one else lists):
  /// its potential stays far above the others'. Such an arc is met only by a search that starts
  /// there.
  private var largestReducedCost = 0
  /// Searches keep keys within this of the distance being settled in Dial's buckets.
  static let bucketLimit = 1 << 14

  /// Shortest-path distances from a virtual root joined to every node by a 0 arc (Bellman–Ford
  /// with a FIFO queue): feasible potentials, or a throw when a negative cycle exists.
  private static func potentials(
    _ arcStart: [Int32], _ arcHead: [Int32], _ arcCost: [Int], nodes: Int
  ) throws(SolverError) -> [Int] {
    var d = [Int](repeating: 0, count: nodes)
    var queued = [Bool](repeating: true, count: nodes)
    var passes = [Int](repeating: 0, count: nodes)
    var queue = Array(0..<Int32(nodes))
    var head = 0
    while head < queue.count {
      let u = Int(queue[head])
      head += 1
      queued[u] = false
      passes[u] += 1
      guard passes[u] <= nodes else {
        throw SolverError.backend(
          "explanations: the placement's residual network has a negative cycle: it is not optimal")
      }
      for a in Int(arcStart[u])..<Int(arcStart[u + 1]) {
        let v = Int(arcHead[a])
        let candidate = d[u] + arcCost[a]
        if candidate < d[v] {
          d[v] = candidate
          if !queued[v] {
            queued[v] = true
            queue.append(Int32(v))
          }
        }
      }
      if head > 4 * nodes {  // keep the queue short
        queue.removeFirst(head)
        head = 0
      }
    }
    return d
  }

  /// The cheapest cost (in the circulation's units) of a residual path from `origin` to each
  /// of `targets` (to every node when `targets` is empty); ``unreachable`` where none exists.
  /// Other entries of the result are meaningless once every target is found.
  ///
  /// Reduced costs are small integers, so the search runs on Dial's (1969) circular bucket
  /// queue of `C + 1` buckets for the largest small reduced cost `C`, with a heap for keys
  /// beyond its reach.
  ///
  /// - Complexity: O(A + N + D) for D the distances scanned, plus O(log N) per key that waits
  ///   in the heap; less when the targets are found early.
  func distances(from origin: Int, to targets: [Int] = []) -> [Int] {
    let nodes = worksiteCount + 2
    var reduced = [Int](repeating: Self.unreachable, count: nodes)
    var state = [UInt8](repeating: 0, count: nodes)  // 1: a target, 2: settled
    for t in targets { state[t] = 1 }
    var waiting = targets.isEmpty ? nodes : Set(targets).count
    reduced[origin] = 0
    let buckets = largestReducedCost + 1
    arcStart.withUnsafeBufferPointer { start in
      arcHead.withUnsafeBufferPointer { head in
        reducedCost.withUnsafeBufferPointer { cost in
          reduced.withUnsafeMutableBufferPointer { reduced in
            state.withUnsafeMutableBufferPointer { state in
              // Bucket `d mod K` holds the nodes queued at distance d in [d₀, d₀ + K), d₀ the
              // distance being settled; farther keys (an arc dearer than K − 1) wait in a
              // heap and move into the buckets as d₀ comes within K of them.
              var first = [Int32](repeating: -1, count: buckets)
              var item: [Int32] = []
              var next: [Int32] = []
              item.reserveCapacity(nodes)
              next.reserveCapacity(nodes)
              var far = MinHeap()
              var queued = 0
              var d = 0
              func enqueue(_ key: Int, _ v: Int) {
                if key - d < buckets {
                  item.append(Int32(v))
                  next.append(first[key % buckets])
                  first[key % buckets] = Int32(item.count - 1)
                  queued += 1
                } else {
                  far.push(key, v)
                }
              }
              enqueue(0, origin)
              search: while true {
                if queued == 0 {
                  guard let key = far.minimumKey else { break }
                  d = key
                }
                while let key = far.minimumKey, key - d < buckets {
                  guard let (k, v) = far.pop() else { break }
                  enqueue(k, v)
                }
                let b = d % buckets
                while first[b] >= 0 {
                  let k = Int(first[b])
                  first[b] = next[k]
                  queued -= 1
                  let u = Int(item[k])
                  guard state[u] != 2, reduced[u] == d else { continue }
                  if targets.isEmpty || state[u] == 1 {
                    waiting -= 1
                    if waiting == 0 { break search }
                  }
                  state[u] = 2
                  for a in Int(start[u])..<Int(start[u + 1]) {
                    let v = Int(head[a])
                    let candidate = d &+ cost[a]  // both far below Int.max
                    if candidate < reduced[v] {
                      reduced[v] = candidate
                      enqueue(candidate, v)
                    }
                  }
                }
                d += 1
              }
            }
          }
        }
      }
    }
    let shift = potential[origin]
    return (0..<nodes).map {
      reduced[$0] == Self.unreachable ? Self.unreachable : reduced[$0] - shift + potential[$0]
    }
  }

  /// A circulation cost difference as (placed students, rank cost) differences.
  static func decode(_ delta: Int) -> (placed: Int, rankCost: Int) {
    let half = placedWeight / 2
    // floor((delta + half) / B), for either sign.
    let shifted = delta + half
    let q = shifted >= 0 ? shifted / placedWeight : -((-shifted + placedWeight - 1) / placedWeight)
    return (-q, delta - q * placedWeight)
  }
}

/// A binary min-heap of (key, node) pairs with lazy deletion, for Dijkstra.
struct MinHeap {
  private var keys: [Int] = []
  private var nodes: [Int32] = []

  init() {
    keys.reserveCapacity(256)
    nodes.reserveCapacity(256)
  }

  mutating func push(_ key: Int, _ node: Int) {
    keys.append(key)
    nodes.append(Int32(node))
    var i = keys.count - 1
    while i > 0 {
      let parent = (i - 1) / 2
      guard keys[parent] > keys[i] else { break }
      keys.swapAt(parent, i)
      nodes.swapAt(parent, i)
      i = parent
    }
  }

  /// The smallest key, or `nil` when empty.
  var minimumKey: Int? { keys.first }

  mutating func pop() -> (Int, Int)? {
    guard let top = keys.first else { return nil }
    let node = Int(nodes[0])
    let lastKey = keys.removeLast()
    let lastNode = nodes.removeLast()
    if !keys.isEmpty {
      keys[0] = lastKey
      nodes[0] = lastNode
      var i = 0
      while true {
        let l = 2 * i + 1
        guard l < keys.count else { break }
        let r = l + 1
        let c = r < keys.count && keys[r] < keys[l] ? r : l
        guard keys[c] < keys[i] else { break }
        keys.swapAt(c, i)
        nodes.swapAt(c, i)
        i = c
      }
    }
    return (top, node)
  }
}
