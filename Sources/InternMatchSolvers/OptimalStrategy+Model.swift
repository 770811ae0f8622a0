import GLPK
import InternMatchModel

extension OptimalStrategy {
  /// A model file format that GLPK writes and glpsol and other solvers read.
  public enum ModelFormat: String, Hashable, Sendable, CaseIterable {
    /// CPLEX LP format (`glp_write_lp`).
    case lp
    /// Free MPS format (`glp_write_mps` with `GLP_MPS_FILE`).
    case mps
  }

  /// The LP/MIP model of an `optimal` run, as GLPK's own writer prints it.
  public struct Model: Sendable {
    /// The file's bytes.
    public var contents: [UInt8]
    /// `M`, the weight of a placed student: the model minimises `rank cost − M·placed`.
    public var placedWeight: Int
    /// Whether some column is integer (a MIP: solve with branch-and-cut; else an LP).
    public var isMIP: Bool

    /// The model's objective value at a placement with `objective`.
    public func value(of objective: PlacementObjective) -> Int {
      objective.cost - placedWeight * objective.placed
    }
  }

  /// The model this strategy's branch-and-cut solves for `instance`, from the same builder: the
  /// circulation source → students → worksites → sink with a return arc
  /// of cost `−M`, one integer column per eligible choice, and the rows no network holds
  /// (minimum groups, links, school limits across seat types). Without those rows it is the LP
  /// of the network the network core solves — totally unimodular, so its LP optimum is
  /// integral — and its optimum is the lexicographic optimum (most placed, then least rank
  /// cost) that `--solver network` and `--solver glpk` find, whose value is
  /// ``Model/value(of:)`` of the run's objective.
  ///
  /// The problem is named `internmatch optimal` (or `optimal-squared`) and the return arc's column
  /// `placed`; GLPK names the others. Built, written and freed inside this one synchronous call (GLPK's thread confinement).
  ///
  /// - Parameters:
  ///   - instance: the instance the run placed.
  ///   - format: the file format, CPLEX LP or free MPS.
  ///   - schoolFloorsMet: whether the run met the school floors; when it did not, the model is
  ///     the one it placed with, without them.
  /// - Throws: ``SolverError`` `.infeasible` when the pins and links admit no placement,
  ///   `.backend` when GLPK cannot write the file.
  /// - Complexity: O(arcs + extra rows' entries).
  public func model(
    of instance: PlacementInstance, format: ModelFormat, schoolFloorsMet: Bool = true
  ) throws(SolverError) -> Model {
    guard let fixings = PlacementMIP.presolve(instance) else {
      throw SolverError.infeasible("the pins and links admit no placement")
    }
    let model = ConstrainedNetworkModel(
      instance, rankCost: rankCost, floor: schoolFloorsMet ? instance.rules.schoolFloor : nil,
      reserves: !instance.policy.reservesRevert, fixings: fixings)
    let lp = LinearProgram()
    _ = PlacementMIP.load(model, of: instance, into: lp)
    lp.setName("internmatch \(name)")
    // The return arc's flow is the number placed: its cost is the objective's −M.
    lp.setColumnName(model.returnArc, "placed")
    do {
      return Model(
        contents: try lp.fileContents(format == .lp ? .lp : .mps),
        placedWeight: -model.builder.costs[model.returnArc], isMIP: lp.hasIntegerColumns)
    } catch {
      throw SolverError.backend("writing the model: \(error)")
    }
  }
}
