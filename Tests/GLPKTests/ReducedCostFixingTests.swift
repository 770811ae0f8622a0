import GLPK
import Testing

@Suite("Reduced-cost fixing")
struct ReducedCostFixingTests {
  /// min x0 + 5·x1 + 3·x2  s.t.  x0 + x1 + x2 ≥ 1, binaries: the LP optimum is x0 = 1 (value
  /// 1), the row's dual 1, so x1's reduced cost is 4 and x2's is 2.
  func cover() throws -> LinearProgram {
    let lp = LinearProgram()
    for j in lp.addColumns(3) {
      lp.setColumnBounds(j, .range(0, 1))
      lp.setColumnInteger(j, true)
    }
    lp.setRowBounds(lp.addRows(1).lowerBound, .lower(1))
    lp.loadMatrix(SparseMatrix(rows: [0, 0, 0], columns: [0, 1, 2], values: [1, 1, 1]))
    lp.setObjective(.minimize, coefficients: [1, 5, 3])
    #expect(try lp.simplex() == .optimal)
    #expect(lp.objectiveValue == 1)
    return lp
  }

  @Test("removes exactly the columns whose reduced cost exceeds the gap to the cutoff")
  func workedExample() throws {
    // Cutoff 3 (the solution x2 = 1), margin 0.5: x1 (4 > 2.5) goes at 0, x2 (2) stays, x0 is
    // basic.
    let lp = try cover()
    let fixed = lp.fixByReducedCost(columns: 0..<3, cutoff: 3, margin: 0.5)
    #expect(fixed.map(\.column) == [1])
    #expect(fixed.map(\.value) == [0])
    #expect(lp.columnCount == 2)
    // The optimum, and the solution at the cutoff (x2, now column 1), survive; branch-and-cut
    // proves x0.
    #expect(try lp.simplex() == .optimal)
    let outcome = try lp.branchAndCut(.init(incumbent: [0, 1]))
    #expect(outcome.status == .optimal)
    #expect(outcome.objective == 1)
    #expect(lp.mipColumnValues() == [1, 0])
  }

  @Test("a column removed at its upper bound moves into the rows and the objective")
  func removedAtUpper() throws {
    // min −4·x0 − x1  s.t.  x0 + x1 ≤ 1.5, 0 ≤ x0, x1 ≤ 1: x1 = 0.5 basic (the row's dual −1),
    // x0 = 1 at its upper bound with reduced cost −3; LP value −4.5. Cutoff −4 (x0 = 1,
    // x1 = 0), margin 0.25: x0 stays at 1 (3 > 0.5 + 0.25).
    let lp = LinearProgram()
    for j in lp.addColumns(2) {
      lp.setColumnBounds(j, .range(0, 1))
      lp.setColumnInteger(j, true)
    }
    lp.setRowBounds(lp.addRows(1).lowerBound, .upper(1.5))
    lp.loadMatrix(SparseMatrix(rows: [0, 0], columns: [0, 1], values: [1, 1]))
    lp.setObjective(.minimize, coefficients: [-4, -1])
    #expect(try lp.simplex() == .optimal)
    #expect(lp.objectiveValue == -4.5)
    let fixed = lp.fixByReducedCost(columns: 0..<2, cutoff: -4, margin: 0.25)
    #expect(fixed.map(\.column) == [0])
    #expect(fixed.map(\.value) == [1])
    // The row keeps x1 ≤ 0.5, the objective keeps −4: the same LP value, the same integer
    // optimum.
    #expect(try lp.simplex() == .optimal)
    #expect(lp.objectiveValue == -4.5)
    let outcome = try lp.branchAndCut()
    #expect(outcome.objective == -4)
    #expect(lp.mipColumnValues() == [0])
  }

  @Test("nothing is removed when the cutoff is below the bound or a column is not asked about")
  func nothingRemoved() throws {
    #expect(try cover().fixByReducedCost(columns: 0..<3, cutoff: 0, margin: 0.25).isEmpty)
    #expect(try cover().fixByReducedCost(columns: [0], cutoff: 1, margin: 0.5).isEmpty)
    #expect(try cover().fixByReducedCost(columns: [2], cutoff: 1, margin: 0.5).map(\.column) == [2])
  }

  @Test("a column appended comes in non-basic at 0 and can enter the basis")
  func appendColumn() throws {
    // x3 with cost 0.5 undercuts x0: appended, the LP moves to it.
    let lp = try cover()
    #expect(lp.appendColumn(.range(0, 1), cost: 0.5, integer: true, entries: [(0, 1)]) == 3)
    #expect(try lp.simplex() == .optimal)
    #expect(lp.objectiveValue == 0.5)
    #expect(lp.columnValues() == [0, 0, 0, 1])
  }
}
