import InternMatchModel
import InternMatchTestSupport
import Testing

@testable import InternMatchSolvers

@Suite("mip_gap never costs a placed student")
struct MIPGapTests {
  @Test(
    "any gap places the brute-force maximum, and the cost gap it reports holds",
    arguments: 0..<250)
  func seeded(seed: Int) throws {
    let instance = RandomInstances.withSideRules(seed: UInt64(seed))
    guard instance.rules.schoolFloor == nil,
      let best = BruteForce.bestObjective(instance, rankCost: .linear)
    else { return }
    for share in [0.001, 0.5, 1] {
      let mip = try PlacementMIP(
        instance, rankCost: .linear, limits: .init(timeLimitSeconds: 60, relativeGap: share))
      #expect(instance.violations(in: mip.placement).isEmpty)
      #expect(mip.objective.placed == best.placed, "mip_gap \(share) lost a placed student")
      let levels = try #require(mip.levels)
      #expect(levels.maximumPlacedProven)
      let costGap = try #require(levels.costGap)
      #expect(mip.objective.cost - best.cost <= costGap, "the reported cost gap understates")
      #expect(Double(costGap) <= share * Double(mip.objective.cost) || mip.status == .optimal)
    }
  }
}
