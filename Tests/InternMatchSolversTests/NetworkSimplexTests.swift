import InternMatchSolvers
import Testing

@Suite("NetworkSimplex")
struct NetworkSimplexTests {
  @Test("a transportation problem with a hand-computed optimum and duals")
  func transportation() {
    // Two plants (supply 3, 2), two markets (demand 4, 1). Costs: p0→m0 1, p0→m1 4,
    // p1→m0 2, p1→m1 1. Optimum: p0→m0 3, p1→m0 1, p1→m1 1 → 3 + 2 + 1 = 6.
    var net = NetworkSimplex(nodeCount: 4)
    net.supply = [3, 2, -4, -1]
    let a = net.addArc(from: 0, to: 2, capacity: 10, cost: 1)
    let b = net.addArc(from: 0, to: 3, capacity: 10, cost: 4)
    let c = net.addArc(from: 1, to: 2, capacity: 10, cost: 2)
    let d = net.addArc(from: 1, to: 3, capacity: 10, cost: 1)
    #expect(net.run() == .optimal)
    #expect(net.totalCost == 6)
    #expect([a, b, c, d].map(net.flow) == [3, 0, 1, 1])
    // Complementary slackness: arcs with flow have zero reduced cost, others non-negative.
    for (arc, (u, v, w)) in [(a, (0, 2, 1)), (b, (0, 3, 4)), (c, (1, 2, 2)), (d, (1, 3, 1))] {
      let reduced = w + net.potential(u) - net.potential(v)
      if net.flow(arc) > 0 { #expect(reduced == 0) } else { #expect(reduced >= 0) }
    }
  }

  @Test("capacities bind: flow is split and the saturated arc has non-positive reduced cost")
  func capacities() {
    var net = NetworkSimplex(nodeCount: 3)
    net.supply = [4, 0, -4]
    let direct = net.addArc(from: 0, to: 2, capacity: 1, cost: 1)
    let via1 = net.addArc(from: 0, to: 1, capacity: 5, cost: 2)
    let via2 = net.addArc(from: 1, to: 2, capacity: 5, cost: 2)
    #expect(net.run() == .optimal)
    #expect([direct, via1, via2].map(net.flow) == [1, 3, 3])
    #expect(net.totalCost == 13)
    #expect(1 + net.potential(0) - net.potential(2) <= 0)
  }

  @Test("infeasible supplies and unbounded negative cycles are outcomes, not crashes")
  func outcomes() {
    var short = NetworkSimplex(nodeCount: 2)
    short.supply = [3, -3]
    short.addArc(from: 0, to: 1, capacity: 2, cost: 1)
    #expect(short.run() == .infeasible)

    var cycle = NetworkSimplex(nodeCount: 2)
    cycle.addArc(from: 0, to: 1, capacity: NetworkSimplex.unboundedCapacity, cost: -1)
    cycle.addArc(from: 1, to: 0, capacity: NetworkSimplex.unboundedCapacity, cost: 0)
    #expect(cycle.run() == .unbounded)
  }

  @Test("an empty network is trivially optimal")
  func empty() {
    var net = NetworkSimplex(nodeCount: 0)
    #expect(net.run() == .optimal)
    #expect(net.totalCost == 0)
  }
}
