/// Builds a ``NetworkSimplex`` problem node by node, turning lower bounds into supplies.
struct NetworkBuilder {
  private(set) var nodeCount = 0
  private(set) var tails: [Int] = []
  private(set) var heads: [Int] = []
  private(set) var capacities: [Int] = []
  private(set) var costs: [Int] = []
  private(set) var lowers: [Int] = []

  /// A new node.
  mutating func node() -> Int {
    nodeCount += 1
    return nodeCount - 1
  }

  /// A new arc `u → v` carrying between `lower` and `capacity` units at `cost` each.
  @discardableResult
  mutating func arc(_ u: Int, _ v: Int, lower: Int = 0, capacity: Int, cost: Int) -> Int {
    precondition(0 <= lower && lower <= capacity, "NetworkBuilder: bounds")
    tails.append(u)
    heads.append(v)
    capacities.append(capacity)
    costs.append(cost)
    lowers.append(lower)
    return tails.count - 1
  }

  /// The cost of `arc`.
  func cost(_ arc: Int) -> Int { costs[arc] }

  /// Number of arcs added.
  var arcCount: Int { tails.count }

  /// The same network with every arc's cost 0 but `arc`'s (a maximum flow, when `arc` is a
  /// return arc of cost −1).
  func zeroingCosts(except arc: Int) -> NetworkBuilder {
    var copy = self
    copy.costs = costs.indices.map { $0 == arc ? costs[$0] : 0 }
    return copy
  }

  /// The problem: capacities reduced by lower bounds, which move into the supplies.
  var network: NetworkSimplex {
    var net = NetworkSimplex(nodeCount: nodeCount)
    net.reserveArcs(tails.count)
    for e in tails.indices {
      net.addArc(from: tails[e], to: heads[e], capacity: capacities[e] - lowers[e], cost: costs[e])
      net.supply[tails[e]] -= lowers[e]
      net.supply[heads[e]] += lowers[e]
    }
    return net
  }

  /// The flow on `arc` in a solved `network` built by ``network``, lower bound included.
  func flow(_ arc: Int, in network: NetworkSimplex) -> Int { network.flow(arc) + lowers[arc] }
}
