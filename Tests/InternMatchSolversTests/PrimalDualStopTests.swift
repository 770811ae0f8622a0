import InternMatchModel
import InternMatchTestSupport
import Testing

@testable import InternMatchSolvers

@Suite("The primal–dual core stopped between phases")
struct PrimalDualStopTests {
  /// A small seeded bipartite problem: lists of 1–3 distinct worksites, costs 0–4, 0–2 seats.
  struct Problem {
    var entryStart: [Int32] = [0]
    var entryWorksite: [Int32] = []
    var entryCost: [Int] = []
    var capacity: [Int32]

    init(seed: UInt64) {
      var rng = SplitMix64(seed: seed)
      let students = Int.random(in: 1...7, using: &rng)
      let worksites = Int.random(in: 1...4, using: &rng)
      capacity = (0..<worksites).map { _ in Int32.random(in: 0...2, using: &rng) }
      for _ in 0..<students {
        let length = Int.random(in: 0...3, using: &rng)
        let listed = (0..<worksites).shuffled(using: &rng).prefix(length)
        for w in listed {
          entryWorksite.append(Int32(w))
          entryCost.append(Int.random(in: 0...4, using: &rng))
        }
        entryStart.append(Int32(entryWorksite.count))
      }
    }

    func core() -> PrimalDualAssignment {
      PrimalDualAssignment(
        entryStart: entryStart, entryWorksite: entryWorksite, entryCost: entryCost,
        capacity: capacity)
    }

    /// The least cost of every flow value, by enumerating each student's entry or none.
    func cheapestByValue() -> [Int: Int] {
      var best: [Int: Int] = [:]
      var load = [Int32](repeating: 0, count: capacity.count)
      func visit(_ s: Int, placed: Int, cost: Int) {
        guard s < entryStart.count - 1 else {
          best[placed] = min(best[placed] ?? .max, cost)
          return
        }
        visit(s + 1, placed: placed, cost: cost)
        for e in Int(entryStart[s])..<Int(entryStart[s + 1]) {
          let w = Int(entryWorksite[e])
          guard load[w] < capacity[w] else { continue }
          load[w] += 1
          visit(s + 1, placed: placed + 1, cost: cost + entryCost[e])
          load[w] -= 1
        }
      }
      visit(0, placed: 0, cost: 0)
      return best
    }
  }

  @Test(
    "stopped after any number of phases: a feasible flow, the cheapest of its value (brute force)",
    arguments: 0..<300)
  func seeded(seed: Int) {
    let problem = Problem(seed: UInt64(seed) &* 0x9E37_79B9)
    let cheapest = problem.cheapestByValue()
    let full = problem.core()
    #expect(full.solve())
    let phases = full.phases
    for stopAfter in 0...phases {
      let core = problem.core()
      let finished = core.solve(stoppingWhen: { core.phases >= stopAfter })
      // Finished only with the maximum; every phase run (stopped or not) keeps its paths.
      #expect(!finished || core.placed == full.placed, "seed \(seed), after \(stopAfter)")
      #expect(finished || stopAfter < phases)
      var load = [Int32](repeating: 0, count: problem.capacity.count)
      var cost = 0
      for s in 0..<(problem.entryStart.count - 1) {
        let e = Int(core.assignedEntry(of: s))
        guard e >= 0 else { continue }
        #expect(e >= Int(problem.entryStart[s]) && e < Int(problem.entryStart[s + 1]))
        load[Int(problem.entryWorksite[e])] += 1
        cost += problem.entryCost[e]
      }
      #expect(zip(load, problem.capacity).allSatisfy { $0 <= $1 }, "seed \(seed): over capacity")
      #expect(Int(load.reduce(0, +)) == core.placed)
      #expect(cost == cheapest[core.placed], "seed \(seed), after \(stopAfter) phases")
    }
  }

  @Test("a deadline already past: the core does not start, and no warm start is offered")
  func pastDeadline() throws {
    let problem = Problem(seed: 7)
    let core = problem.core()
    let finished = core.solve(stoppingWhen: { true })
    #expect(!finished || problem.entryWorksite.isEmpty)
    #expect(core.placed == 0)
    let instance = RandomInstances.make(seed: 11, maxStudents: 40, maxWorksites: 6)
    let model = ConstrainedNetworkModel(
      instance, rankCost: .linear, floor: nil, reserves: false)
    #expect(model.primalDualStart() != nil)
    #expect(model.primalDualStart(deadline: .now - .seconds(1)) == nil)
    #expect(model.primalDualStart(deadline: .now + .seconds(600)) != nil)
  }
}
