import InternMatchModel
import InternMatchSolvers
import Testing

@Suite("NetworkSimplex stopped by a deadline")
struct NetworkSimplexDeadlineTests {
  /// A seeded transportation problem: 600 plants with supplies, 600 markets taking them all,
  /// 25 random arcs out of each plant and a dear arc to every market from the last plant (so
  /// every supply can be met); thousands of pivots from the artificial basis.
  static func transportation(seed: UInt64) -> (network: NetworkSimplex, arcs: [(Int, Int, Int)]) {
    var rng = SplitMix64(seed: seed)
    let plants = 600
    var net = NetworkSimplex(nodeCount: 2 * plants)
    var arcs: [(Int, Int, Int)] = []  // (from, to, capacity)
    for p in 0..<plants {
      let amount = Int.random(in: 1...9, using: &rng)
      net.supply[p] += amount
      net.supply[plants + Int.random(in: 0..<plants, using: &rng)] -= amount
      for _ in 0..<25 {
        let market = plants + Int.random(in: 0..<plants, using: &rng)
        let capacity = Int.random(in: 1...6, using: &rng)
        net.addArc(
          from: p, to: market, capacity: capacity, cost: Int.random(in: 1...50, using: &rng))
        arcs.append((p, market, capacity))
      }
    }
    for market in plants..<(2 * plants) {
      net.addArc(from: plants - 1, to: market, capacity: 2_000, cost: 1_000)
      arcs.append((plants - 1, market, 2_000))
      net.addArc(from: market, to: plants - 1, capacity: 2_000, cost: 1_000)
      arcs.append((market, plants - 1, 2_000))
    }
    return (net, arcs)
  }

  /// ``transportation(seed:)`` with every supply moved onto arcs of negative cost: a
  /// circulation, feasible from the start (all flows 0), so a run stops at its first check.
  static func circulation(seed: UInt64) -> (network: NetworkSimplex, arcs: [(Int, Int, Int)]) {
    let (transport, arcs) = transportation(seed: seed)
    var rng = SplitMix64(seed: seed ^ 0xC1C)
    var net = NetworkSimplex(nodeCount: transport.nodeCount)
    for (k, (u, v, capacity)) in arcs.enumerated() {
      // The plant → market arcs pay (negative cost), the way back costs.
      let cost =
        k < arcs.count - 2 * (transport.nodeCount / 2) ? -Int.random(in: 1...50, using: &rng) : 30
      net.addArc(from: u, to: v, capacity: capacity, cost: cost)
    }
    return (net, arcs)
  }

  @Test(
    "a deadline already past: a feasible flow, never better than the optimum; resumed, the optimum",
    arguments: [false, true], 0..<4)
  func stopped(circulation: Bool, seed: UInt64) throws {
    let (network, arcs) =
      circulation ? Self.circulation(seed: seed) : Self.transportation(seed: seed)
    var optimal = network
    #expect(optimal.run() == .optimal)
    try #require(optimal.pivots > 2048, "too small to be stopped")

    var stopped = network
    let outcome = stopped.run(deadline: .now - .seconds(1))
    if circulation {
      // Feasible from the start: stopped at the first check.
      #expect(outcome == .stopped)
      #expect(stopped.pivots == 1024)
    } else if outcome == .optimal {
      // Artificial flow was left at every check: the run went on to the end, as it must.
      #expect(stopped.pivots == optimal.pivots)
      return
    }
    #expect(outcome == .stopped)
    #expect(stopped.pivots < optimal.pivots)
    // Feasible: every bound and every supply holds, with no artificial flow.
    var balance = stopped.supply
    for (arc, (u, v, capacity)) in arcs.enumerated() {
      let flow = stopped.flow(arc)
      #expect(flow >= 0 && flow <= capacity)
      balance[u] -= flow
      balance[v] += flow
    }
    #expect(balance.allSatisfy { $0 == 0 }, "supplies not met")
    #expect(stopped.totalCost >= optimal.totalCost)

    // Resumed from where it stopped (no deadline): the same optimal cost.
    #expect(stopped.run(warmStart: stopped.finalBasis) == .optimal)
    #expect(stopped.totalCost == optimal.totalCost)
  }

  @Test(
    "abandoned at a deadline already past: stopped at the first check, its flow called infeasible",
    arguments: 0..<4)
  func abandoned(seed: UInt64) {
    let (network, arcs) = Self.transportation(seed: seed)
    var run = network
    #expect(run.run(deadline: .now - .seconds(1), abandoningAtDeadline: true) == .stopped)
    #expect(run.pivots == 1024)
    // Artificial flow is left after 1,024 of its thousands of pivots: some supply is unmet.
    var balance = run.supply
    for (arc, (u, v, _)) in arcs.enumerated() {
      balance[u] -= run.flow(arc)
      balance[v] += run.flow(arc)
    }
    #expect(!balance.allSatisfy { $0 == 0 })
    #expect(!run.flowIsFeasible)
    #expect(run.run(warmStart: run.finalBasis) == .optimal)
    #expect(run.flowIsFeasible)
  }

  @Test("a deadline far off changes nothing")
  func farDeadline() {
    let (network, arcs) = Self.transportation(seed: 9)
    var plain = network
    var timed = network
    #expect(plain.run() == .optimal)
    #expect(timed.run(deadline: .now + .seconds(3_600)) == .optimal)
    #expect(arcs.indices.map(plain.flow) == arcs.indices.map(timed.flow))
    #expect(plain.pivots == timed.pivots)
  }
}
