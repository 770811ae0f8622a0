import Foundation
import InternMatchModel

/// Writes the three files of `solve --explain`: `explanations.csv` (one row per list entry at
/// or above each student's rank), `seat-values.csv` (one row per worksite) and
/// `seat-values-by-area.csv` (one row per cluster × borough, best area first).
///
/// ```text
/// student,rank,worksite,outcome,placed_change,rank_cost_change,detail
/// S1,1,W4,taken,0,3,
/// S1,2,W9,placed,,,
/// ```
///
/// An empty change is one not computed; the detail then says why. seat-values.csv ends with
/// `glpk_dual,dual_low,dual_high` (``/InternMatchModel/SeatValue/CapacityDual``), filled on the GLPK path only;
/// `dual_high` is `inf` when one seat fewer cannot keep the placed count.
///
/// - Complexity: O(rows).
public enum ExplanationWriter {
  /// The header of explanations.csv.
  public static let explanationsHeader =
    "student,rank,worksite,outcome,placed_change,rank_cost_change,detail"
  /// The header of seat-values.csv.
  public static let seatValuesHeader =
    "worksite,employer,cluster,borough,capacity,filled,placed_change,rank_cost_change,"
    + "glpk_dual,dual_low,dual_high"
  /// The header of seat-values-by-area.csv.
  public static let areasHeader =
    "cluster,borough,worksites,best_placed_change,best_rank_cost_change,worksites_placing_one_more"

  /// explanations.csv.
  public static func explanationsCSV(_ explanations: [PlacementExplanation]) -> String {
    var out = explanationsHeader + "\n"
    for e in explanations {
      for row in e.choices {
        out += CSVWriter.line([
          e.student, String(row.rank), row.worksite, row.outcome.rawValue,
          row.placedChange.map(String.init) ?? "", row.rankCostChange.map(String.init) ?? "",
          row.detail,
        ])
      }
    }
    return out
  }

  /// The header of explanations.csv with a menu of activities.
  public static let menuExplanationsHeader =
    "student,kind,rank,worksite,outcome,slot,placed_change,rank_cost_change,detail"

  /// explanations.csv with a menu of activities: for each person in input order, each kind of
  /// theirs in service order — its entries (``/InternMatchModel/MenuKindExplanation/choices``),
  /// then a `short` row (empty rank and worksite, the reason as detail) when they are short of
  /// it — then their entries of no offered kind (unknown ids, kinds not offered to their role),
  /// then their row without a kind, if any (`short`, with `no-preferences`, …).
  ///
  /// ```text
  /// student,kind,rank,worksite,outcome,slot,placed_change,rank_cost_change,detail
  /// Ana,mock-interview,1,M1,full,,-1,-1,full;max-per-employer=Acme
  /// Ana,mock-interview,,,short,,,,choices-full
  /// ```
  public static func menuExplanationsCSV(_ explanations: [MenuExplanation]) -> String {
    var out = menuExplanationsHeader + "\n"
    func row(_ student: String, _ c: MenuChoiceExplanation) {
      out += CSVWriter.line([
        student, c.kind?.rawValue ?? "", c.rank.map(String.init) ?? "", c.worksite,
        c.outcome.rawValue, c.slot ?? "", c.placedChange.map(String.init) ?? "",
        c.rankCostChange.map(String.init) ?? "", c.detail,
      ])
    }
    for e in explanations {
      for k in e.kinds {
        for c in k.choices { row(e.student, c) }
        if let reason = k.shortfall {
          out += CSVWriter.line([
            e.student, k.kind.rawValue, "", "", "short", "", "", "", reason.rawValue,
          ])
        }
      }
      for c in e.other { row(e.student, c) }
      if let reason = e.reason {
        out += CSVWriter.line([e.student, "", "", "", "short", "", "", "", reason.rawValue])
      }
    }
    return out
  }

  /// seat-values.csv.
  public static func seatValuesCSV(_ values: [SeatValue]) -> String {
    var out = seatValuesHeader + "\n"
    for v in values {
      out += CSVWriter.line([
        v.worksite, v.employer ?? "", v.cluster, v.borough ?? "", String(v.capacity),
        String(v.filled), v.placedChange.map(String.init) ?? "",
        v.rankCostChange.map(String.init) ?? "", v.capacityDual.map { number($0.glpk) } ?? "",
        v.capacityDual.map { String($0.low) } ?? "",
        v.capacityDual.map { $0.high.map(String.init) ?? "inf" } ?? "",
      ])
    }
    return out
  }

  /// A dual as written: an integer when it is one (GLPK's duals of this network LP are), else
  /// with up to 9 significant digits.
  static func number(_ value: Double) -> String {
    let rounded = value.rounded()
    if abs(value - rounded) < 1e-9, abs(rounded) < 1e15 { return String(Int(rounded)) }
    return String(format: "%.9g", value)
  }

  /// seat-values-by-area.csv, from the worksites' values (see ``/InternMatchModel/AreaSeatValue/areas(of:)``).
  public static func areasCSV(_ values: [SeatValue]) -> String {
    var out = areasHeader + "\n"
    for a in AreaSeatValue.areas(of: values) {
      out += CSVWriter.line([
        a.cluster, a.borough, String(a.worksites), a.bestPlacedChange.map(String.init) ?? "",
        a.bestRankCostChange.map(String.init) ?? "", String(a.worksitesPlacingOneMore),
      ])
    }
    return out
  }
}
