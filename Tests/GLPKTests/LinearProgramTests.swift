import GLPK
import Testing

@Suite("LinearProgram")
struct LinearProgramTests {
  /// max 2x + 3y  s.t.  x + y ≤ 1,  0 ≤ x, y ≤ `upper`.
  func twoVariableLP(upper: Double) -> LinearProgram {
    let lp = LinearProgram()
    lp.addColumns(2)
    lp.setColumnBounds(0, .range(0, upper))
    lp.setColumnBounds(1, .range(0, upper))
    lp.addRows(1)
    lp.setRowBounds(0, .upper(1))
    lp.loadMatrix(SparseMatrix(rows: [0, 0], columns: [0, 1], values: [1, 1]))
    lp.setObjective(.maximize, coefficients: [2, 3])
    return lp
  }

  @Test("solves a two-variable LP to its hand-computed optimum")
  func smallLP() throws {
    // With y ≤ 2 the row binds alone: x = 0, y = 1, objective 3, row dual 3.
    let lp = twoVariableLP(upper: 2)
    #expect(try lp.simplex() == .optimal)
    #expect(lp.objectiveValue == 3)
    #expect(lp.columnValues() == [0, 1])
    #expect(lp.rowDual(0) == 3)
  }

  @Test("reports infeasibility as a status, not an error")
  func infeasible() throws {
    // x ≥ 2 and x ≤ 1
    let lp = LinearProgram()
    lp.addColumns(1)
    lp.setColumnBounds(0, .lower(2))
    lp.addRows(1)
    lp.setRowBounds(0, .upper(1))
    lp.loadMatrix(SparseMatrix(rows: [0], columns: [0], values: [1]))
    lp.setObjective(.minimize, coefficients: [1])
    let status = try lp.simplex()
    #expect(status == .noFeasibleSolution || status == .infeasible)
  }

  @Test("warm start: re-solving after an objective change keeps working")
  func warmStart() throws {
    let lp = twoVariableLP(upper: 1)
    try lp.simplex()
    lp.setObjective(.maximize, coefficients: [5, 3])
    #expect(try lp.simplex() == .optimal)
    #expect(lp.columnValues() == [1, 0])
  }

  @Test("version is GLPK 5 or later")
  func version() {
    #expect(GLPKEnvironment.version.hasPrefix("5") || GLPKEnvironment.version.hasPrefix("6"))
  }

  /// max 5a + 4b + 3c, 2a + 3b + c ≤ 5, binary. LP: c, a, then b = 2/3 (10.67). Integer: a, b (9).
  func knapsack() -> LinearProgram {
    let lp = LinearProgram()
    let x = lp.addColumns(3)
    for j in x {
      lp.setColumnBounds(j, .range(0, 1))
      lp.setColumnInteger(j, true)
    }
    lp.setRowBounds(lp.addRows(1).lowerBound, .upper(5))
    lp.loadMatrix(SparseMatrix(rows: [0, 0, 0], columns: [0, 1, 2], values: [2, 3, 1]))
    lp.setObjective(.maximize, coefficients: [5, 4, 3])
    return lp
  }

  @Test("branch-and-cut: a knapsack whose LP optimum is fractional")
  func fractionalKnapsack() throws {
    let lp = knapsack()
    #expect(try lp.simplex() == .optimal)
    #expect(abs(lp.objectiveValue - 32.0 / 3) < 1e-9)
    let outcome = try lp.branchAndCut()
    #expect(outcome.status == .optimal)
    #expect(outcome.objective == 9)
    #expect(outcome.bound == 9)
    #expect(lp.mipColumnValues() == [1, 1, 0])
  }

  @Test("branch-and-cut takes an incumbent and stops at a loose gap with the bound reported")
  func incumbent() throws {
    let lp = knapsack()
    try lp.simplex()
    // The incumbent a + c (8) is within 50% of the LP bound 10.67 — 10, as GLPK rounds the
    // bound of an integral objective: the search stops there.
    let outcome = try lp.branchAndCut(.init(relativeGap: 0.5, incumbent: [1, 0, 1]))
    #expect(outcome.status == .feasible)
    #expect(outcome.objective == 8)
    #expect(outcome.bound == 10)
  }
}
