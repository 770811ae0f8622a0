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
}
