import InternMatchModel
import InternMatchTestSupport
import Testing

@testable import InternMatchSolvers

@Suite("Network simplex started from the primal-dual core")
struct PrimalDualStartTests {
  @Test("same optimum as a cold start, held students and least loads included, far fewer pivots")
  func warmEqualsCold() {
    var started = 0
    var warmPivots = 0
    var coldPivots = 0
    for seed in UInt64(1)...300 {
      let instance = RandomInstances.make(
        seed: seed &* 0x9E37_79B9, maxStudents: 40, maxWorksites: 8)
      var rng = SplitMix64(seed: seed)
      var fixings = ConstrainedNetworkModel.Fixings()
      // Every third instance holds a few students at one of their choices and asks some
      // worksites for a least load; the others are plain.
      if seed % 3 == 0 {
        for s in instance.students.indices where rng.next() % 5 == 0 {
          let range = instance.choices.range(of: s)
          guard !range.isEmpty else { continue }
          fixings.held[s] = Int(instance.choices.worksite[range.lowerBound])
        }
        for w in instance.worksites.indices where rng.next() % 4 == 0 {
          fixings.leastLoad[w] = 1
        }
      }
      let model = ConstrainedNetworkModel(
        instance, rankCost: .linear, floor: nil, reserves: false, fixings: fixings)
      let start = model.primalDualStart()
      if fixings.held.isEmpty && fixings.leastLoad.isEmpty {
        #expect(start != nil, "seed \(seed): a plain model has a start")
      }
      var cold = model.builder.network
      var warm = model.builder.network
      let coldOutcome = cold.run()
      let warmOutcome = warm.run(warmStart: start)
      #expect(coldOutcome == warmOutcome, "seed \(seed)")
      if coldOutcome == .optimal {
        #expect(cold.totalCost == warm.totalCost, "seed \(seed)")
      }
      if start != nil {
        started += 1
        warmPivots += warm.pivots
        coldPivots += cold.pivots
      }
    }
    #expect(started > 200)
    #expect(warmPivots * 10 < coldPivots)
  }
}
