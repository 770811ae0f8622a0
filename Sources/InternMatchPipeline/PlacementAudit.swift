import Foundation
import InternMatchIO
import InternMatchModel
import InternMatchReport
import InternMatchSolvers

/// An audit of a placement file — ours or hand-made — against a dataset: every hard rule it
/// breaks, each located at the lines of the file that break it, the objective recomputed from
/// the students' lists, blocking pairs, and how far it is from the optimum.
///
/// ```swift
/// let audit = try PlacementAudit(dataset, file: file)
/// audit.isValid                        // false when any rule is broken
/// audit.findings.first?.locations      // ["placements.csv:14", "placements.csv:90"]
/// audit.optimum?.placed                // what `optimal` places on the same data
/// ```
///
/// Where a broken rule is located: an over-full worksite (capacity, `max_per_school`, an
/// employer's capacity, reserves, a minimum group) at every line placing a student there (of
/// that school, for a school limit); an ineligible seat and a broken link at the students'
/// lines; an ignored pin at its `pins.csv` line; a student listed twice at both lines; an id the
/// dataset does not have at its line. A school floor that the optimum meets but the file does
/// not is a finding too (floors bind only where they can be met).
///
/// - Complexity: O(S·k + W) for the checks, plus one optimal solve and one stable-priority draw.
public struct PlacementAudit: Sendable {
  /// One broken rule.
  public struct Finding: Hashable, Sendable, Codable {
    /// The rule, as a code: `unknown-student`, `unknown-worksite`, `duplicate-student`,
    /// `not-eligible`, `over-capacity`, `pin-not-honoured`, `over-school-limit`,
    /// `over-employer-capacity`, `below-minimum-group`, `link-broken`, `reserve-breached`,
    /// `school-floor`.
    public var rule: String
    /// What is wrong, for a person, with ids.
    public var message: String
    /// Where: `file:line` of every row at fault.
    public var locations: [String]
  }

  /// Every broken rule, in the order the checks run.
  public var findings: [Finding]
  /// The placement the file describes.
  public var placement: Placement
  /// Placed students and rank cost, recomputed from the lists.
  public var objective: PlacementObjective
  /// Blocking pairs with respect to the worksite priorities drawn with the seed.
  public var blockingPairs: Int
  /// The optimum of the same data under the same rank cost (`nil` when the data admit none).
  public var optimum: PlacementObjective?
  /// The rank cost the objective is measured in.
  public var rankCost: RankCost
  /// What identifies the file audited.
  public var input: DatasetInput

  /// Whether the file breaks no rule.
  public var isValid: Bool { findings.isEmpty }

  /// Audits `file` against `dataset`, with `rankCost` and `seed` (default: the policy's).
  ///
  /// - Throws: ``PlacementRun/Failure`` when the reference optimal solve fails in its backend.
  public init(
    _ dataset: Dataset, file: PlacementFile, rankCost: RankCost? = nil, seed: UInt64? = nil
  ) throws(PlacementRun.Failure) {
    let pinLines = dataset.pinLines
    let instance = dataset.instance
    let name = file.file
    func at(_ line: Int?) -> [String] { line.map { ["\(name):\($0)"] } ?? [] }
    func lines(of students: some Sequence<Int>) -> [String] {
      students.compactMap { file.line[$0] }.sorted().map { "\(name):\($0)" }
    }
    var findings: [Finding] = []
    for row in file.unknownStudents {
      findings.append(
        Finding(
          rule: "unknown-student", message: "student '\(row.id)' is not in the dataset",
          locations: at(row.line)))
    }
    for row in file.unknownWorksites {
      findings.append(
        Finding(
          rule: "unknown-worksite", message: "worksite '\(row.id)' is not in the dataset",
          locations: at(row.line)))
    }
    for row in file.duplicateRows {
      findings.append(
        Finding(
          rule: "duplicate-student",
          message: "student '\(instance.students[row.student].id)' has more than one row",
          locations: ["\(name):\(row.first)", "\(name):\(row.line)"]))
    }
    let placement = file.placement
    var atWorksite = [[Int]](repeating: [], count: instance.worksites.count)
    for s in instance.students.indices {
      if let w = placement.worksite(of: s) { atWorksite[w].append(s) }
    }
    let sid = { (s: Int) in instance.students[s].id }
    let wid = { (w: Int) in instance.worksites[w].id }
    for violation in instance.violations(in: placement) {
      switch violation {
      case .studentCountMismatch, .unknownWorksite:
        continue  // a file read against the instance has neither
      case .overKindLimit, .placedTwiceAtWorksite, .kindNotOffered, .badSlot, .slotConflict,
        .overSlotCapacity, .overEmployerLimitPerPerson:
        continue  // rules of a menu of activities, which one seat per student cannot break
      case .notAnEligibleChoice(let s, let w):
        findings.append(
          Finding(
            rule: "not-eligible",
            message: "\(sid(s)) is placed at \(wid(w)), not an eligible choice of theirs",
            locations: lines(of: [s])))
      case .overCapacity(let w, let n, let c):
        findings.append(
          Finding(
            rule: "over-capacity", message: "\(wid(w)) holds \(n) students, capacity \(c)",
            locations: lines(of: atWorksite[w])))
      case .pinNotHonoured(let s, let w):
        let k = instance.rules.pins.firstIndex { $0.student == sid(s) }
        let line = k.flatMap { pinLines.indices.contains($0) ? pinLines[$0] : nil }
        findings.append(
          Finding(
            rule: "pin-not-honoured", message: "\(sid(s)) is pinned to \(wid(w)) but not there",
            locations: (line.map { ["pins.csv:\($0)"] } ?? []) + lines(of: [s])))
      case .overSchoolLimit(let w, let school, let n, let limit):
        findings.append(
          Finding(
            rule: "over-school-limit",
            message: "\(wid(w)) holds \(n) students of \(school), max_per_school \(limit)",
            locations: lines(of: atWorksite[w].filter { instance.students[$0].school == school })))
      case .overEmployerCapacity(let employer, let n, let c):
        let sites = instance.worksites.indices.filter {
          instance.worksites[$0].employer == employer
        }
        findings.append(
          Finding(
            rule: "over-employer-capacity",
            message: "employer \(employer) holds \(n) students, capacity \(c)",
            locations: lines(of: sites.flatMap { atWorksite[$0] })))
      case .belowMinimumGroup(let w, let n, let m):
        findings.append(
          Finding(
            rule: "below-minimum-group", message: "\(wid(w)) holds \(n) students, min_group \(m)",
            locations: lines(of: atWorksite[w])))
      case .linkBroken(let a, let b):
        findings.append(
          Finding(
            rule: "link-broken", message: "linked students \(sid(a)) and \(sid(b)) are apart",
            locations: lines(of: [a, b])))
      case .reserveBreached(let w, let n, let k):
        findings.append(
          Finding(
            rule: "reserve-breached",
            message: "\(wid(w)) seats \(n) students in the \(k) seats open to them "
              + "(reserves do not revert)",
            locations: lines(of: atWorksite[w])))
      }
    }
    let cost = rankCost ?? instance.policy.rankCost
    let drawn = seed ?? instance.policy.seed ?? 0
    let optimal: PlacementResult?
    do {
      optimal = try OptimalStrategy(rankCost: cost).place(instance)
    } catch {
      guard error.isDataError else {
        throw PlacementRun.Failure(message: "optimal reference: \(error)", violations: [])
      }
      optimal = nil
    }
    if let floor = instance.rules.schoolFloor, optimal?.statistics["school_floors_met"] == 1 {
      findings += Self.floorFindings(instance, placement, floor: floor, lines: lines)
    }
    self.findings = findings
    self.placement = placement
    self.objective = instance.objective(of: placement, rankCost: cost)
    self.blockingPairs =
      instance.blockingPairs(
        in: placement, priorities: WorksitePriorities(instance: instance, seed: drawn)
      ).count
    self.optimum = optimal?.objective
    self.rankCost = cost
    self.input = file.input
  }

  /// Schools placing fewer of their placeable students than the floor requires.
  private static func floorFindings(
    _ instance: PlacementInstance, _ placement: Placement, floor: Double,
    lines: ([Int]) -> [String]
  ) -> [Finding] {
    var placeable: [String: [Int]] = [:]
    var placed: [String: Int] = [:]
    for s in instance.students.indices
    where instance.pinnedWorksite[s] >= 0 || !instance.choices.range(of: s).isEmpty {
      placeable[instance.students[s].school, default: []].append(s)
      if placement.worksite(of: s) != nil { placed[instance.students[s].school, default: 0] += 1 }
    }
    return placeable.sorted { $0.key < $1.key }.compactMap { school, members in
      let need = min(members.count, Int((floor * Double(members.count) - 1e-9).rounded(.up)))
      let got = placed[school] ?? 0
      guard got < need else { return nil }
      return Finding(
        rule: "school-floor",
        message: "school \(school) places \(got) of \(members.count) placeable students; the "
          + "floor needs \(need), and a placement meeting every floor exists",
        locations: lines(members.filter { placement.worksite(of: $0) == nil }))
    }
  }
}
