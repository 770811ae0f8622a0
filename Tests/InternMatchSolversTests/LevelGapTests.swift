import Testing

@testable import InternMatchSolvers

@Suite("The MIP's bound read as placed, then cost")
struct LevelGapTests {
  @Test("M = 10, B = −28: at most 3 placed, and 3 placed cost at least 2")
  func workedExample() {
    let proven = PlacementMIP.LevelGap(placed: 3, cost: 5, bound: -28, bigM: 10)
    #expect(proven.maximumPlacedProven)
    #expect(proven.placedGap == 0)
    #expect(proven.costGap == 3)
    #expect(proven.within(0.6, cost: 5))
    #expect(!proven.within(0.5, cost: 5))
    // One student short is never "proven", whatever its cost: the bound's cost part (2) is
    // positive, and rounding −B / M down would have claimed 2 as the maximum.
    let short = PlacementMIP.LevelGap(placed: 2, cost: 0, bound: -28, bigM: 10)
    #expect(!short.maximumPlacedProven)
    #expect(short.placedGap == 1)
    #expect(short.costGap == nil)
    #expect(!short.within(1, cost: 0))
  }

  @Test("an exact multiple of M, an LP value a hair off it, and a bound of 0")
  func edges() {
    // B = −30: 3 placed at cost 0 is possible; 3 is the most.
    #expect(PlacementMIP.LevelGap(placed: 3, cost: 0, bound: -30, bigM: 10).costGap == 0)
    // An LP value a hair above −30 is read as −30 (lowered by the tolerance, then rounded up).
    let lp = PlacementMIP.LevelGap(placed: 3, cost: 1, bound: -30 + 1e-12, bigM: 10)
    #expect(lp.maximumPlacedProven && lp.costGap == 1)
    let nobody = PlacementMIP.LevelGap(placed: 0, cost: 0, bound: 0, bigM: 10)
    #expect(nobody.maximumPlacedProven && nobody.placedGap == 0)
  }
}
