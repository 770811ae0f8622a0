import Foundation
import InternMatchModel

/// Writes students, worksites and rankings in the dataset format that ``DatasetReader`` reads,
/// so that a generated or edited cohort round-trips through files.
///
/// ```swift
/// let files = DatasetWriter.files(students: s, worksites: w, rankings: r)
/// files[0].name  // "students.csv"
/// ```
///
/// - Complexity: O(size of the data).
public enum DatasetWriter {
  /// The CSV files of a dataset, in writing order: `students.csv`, `worksites.csv` and, when
  /// there are any, `rankings.csv`, `employers.csv`, `links.csv`, `pins.csv` and (with a menu)
  /// `activities.csv`. Sets are written sorted, so output is deterministic.
  public static func files(
    students: [Student], worksites: [Worksite], rankings: [WorksiteRanking],
    rules: PlacementRules = .init()
  ) -> [(name: String, contents: String)] {
    var out = [
      (name: "students.csv", contents: studentsCSV(students)),
      (name: "worksites.csv", contents: worksitesCSV(worksites)),
    ]
    if !rankings.isEmpty {
      var text = "worksite,student,rank\n"
      for r in rankings { text += CSVWriter.line([r.worksite, r.student, String(r.rank)]) }
      out.append((name: "rankings.csv", contents: text))
    }
    func table(_ name: String, _ header: [String], _ rows: [[String]]) {
      guard !rows.isEmpty else { return }
      out.append((name: name, contents: ([header] + rows).map(CSVWriter.line).joined()))
    }
    table(
      "employers.csv", DatasetReader.employerColumns.required.map(\.name),
      rules.employerCapacity.map { [$0.employer, String($0.capacity)] })
    table(
      "links.csv", DatasetReader.linkColumns.required.map(\.name),
      rules.links.map { [$0.first, $0.second] })
    // The `slot` column only when a pin names one (a menu's pin at a worksite with slots).
    let pinSlots = rules.pins.contains { $0.slot != nil }
    table(
      "pins.csv",
      (DatasetReader.pinColumns.required + (pinSlots ? DatasetReader.pinColumns.optional : []))
        .map(\.name),
      rules.pins.map { [$0.student, $0.worksite] + (pinSlots ? [$0.slot ?? ""] : []) })
    table(
      "activities.csv",
      (DatasetReader.activityColumns.required + DatasetReader.activityColumns.optional).map(\.name),
      (rules.activities?.listed ?? []).map {
        [
          $0.kind.rawValue, String($0.maxPerParticipant), String($0.priority),
          $0.participants.rawValue, number($0.maxPerEmployer),
        ]
      })
    return out
  }

  /// `students.csv`; the `role` column only when someone is not a student, so that a cohort
  /// without teachers is written as before the column existed.
  static func studentsCSV(_ students: [Student]) -> String {
    let roles = students.contains { $0.role != .student }
    var text = CSVWriter.line(
      (DatasetReader.studentColumns.required + DatasetReader.studentColumns.optional).map(\.name)
        .filter { roles || $0 != "role" })
    text.reserveCapacity(120 * students.count)
    for s in students {
      text += CSVWriter.line(
        [
          s.id, s.school, s.cluster, number(s.grade), number(s.age), s.borough ?? "",
          coordinate(s.location?.latitude), coordinate(s.location?.longitude),
          list(s.credentials), list(s.groups), list(s.availability),
          s.preferences.joined(separator: ";"),
        ] + (roles ? [s.role.rawValue] : []))
    }
    return text
  }

  /// `worksites.csv`; the `slots` column only when a worksite has slots.
  static func worksitesCSV(_ worksites: [Worksite]) -> String {
    let slots = worksites.contains { !$0.slots.isEmpty }
    var text = CSVWriter.line(
      (DatasetReader.worksiteColumns.required + DatasetReader.worksiteColumns.optional).map(\.name)
        .filter { slots || $0 != "slots" })
    for w in worksites {
      text += CSVWriter.line(
        [
          w.id, w.cluster, String(w.capacity), w.employer ?? "", w.borough ?? "",
          coordinate(w.location?.latitude), coordinate(w.location?.longitude),
          w.minimumAge > 0 ? String(w.minimumAge) : "",
          w.minimumGrade > 0 ? String(w.minimumGrade) : "",
          list(w.requiredCredentials), list(w.schedule), w.kind.rawValue, number(w.maxPerSchool),
          number(w.minimumGroupSize), w.reserves.map(reserve).joined(separator: ";"),
        ] + (slots ? [w.slots.joined(separator: ";")] : []))
    }
    return text
  }

  private static func number(_ value: Int?) -> String { value.map(String.init) ?? "" }

  private static func reserve(_ r: SeatReserve) -> String {
    switch r.amount {
    case .seats(let n): "\(r.group):\(n)"
    case .fraction(let f): "\(r.group):\(String(format: "%g", 100 * f))%"
    }
  }

  private static func coordinate(_ value: Double?) -> String {
    guard let value else { return "" }
    // Six decimals ≈ 0.1 m: enough for any distance policy, short to write.
    return String(Double((value * 1e6).rounded()) / 1e6)
  }

  private static func list(_ items: Set<String>) -> String { items.sorted().joined(separator: ";") }
}
