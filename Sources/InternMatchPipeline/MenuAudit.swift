import Foundation
import InternMatchIO
import InternMatchModel
import InternMatchSolvers

/// An audit of a menu's `placements.csv` (ours or hand-made) against a dataset with a menu of
/// activities: every rule of the menu it breaks, each located at the lines of the file that
/// break it, the value per kind recomputed from the people's lists, and the optimum per kind.
///
/// ```swift
/// let audit = try MenuAudit(dataset, file: file)
/// audit.isValid                      // false when any rule is broken
/// audit.findings.first?.locations    // ["placements.csv:4", "placements.csv:7"]
/// audit.kinds.first?.placed          // placements of the first kind served
/// ```
///
/// The checks (rule codes as ``PlacementAudit/Finding/rule``): ids the dataset has
/// (`unknown-student`, `unknown-worksite`); each placement's `kind` cell equal to its worksite's
/// kind (`kind-mismatch`); a slot label of the worksite at a worksite with slots and none
/// elsewhere (`bad-slot`); then every rule of
/// ``/InternMatchModel/PlacementInstance/violations(in:)-(MenuPlacement)`` — an eligible choice
/// of the person's own list (`not-eligible`), a kind offered to their role
/// (`kind-not-offered`), once per worksite (`placed-twice-at-worksite`),
/// `max_per_participant` per kind (`over-kind-limit`), `max_per_employer`
/// (`over-employer-limit`), no slot label held twice by one person (`slot-conflict`), seats
/// (`over-capacity`, in each slot `over-slot-capacity`), `max_per_school` at a worksite over
/// its slots (`over-school-limit`), an employer's `employers.csv` capacity over its worksites
/// and kinds (`over-employer-capacity`). When the placements break none of
/// these, the short rows are checked against ``/InternMatchModel/PlacementInstance/menuRows(of:)``
/// of the same placement: each (person, kind) left short has exactly one short row
/// (`missing-short-row`, `duplicate-short-row`), no other (person, kind) has one
/// (`unexpected-short-row`), and its reason is the one that holds (`wrong-reason`). Short rows
/// are not judged on placements that break a rule: their reasons are defined for valid ones.
///
/// - Complexity: O(file + S·k + W), plus one optimal menu solve.
public struct MenuAudit: Sendable {
  /// One kind's numbers, recomputed from the file, and the optimum's.
  public struct Kind: Hashable, Sendable, Codable {
    /// The kind, in service order.
    public var kind: WorksiteKind
    /// Placements of the kind in the file, and their rank cost (ranks within the kind).
    public var placed: Int
    public var rankCost: Int
    /// The optimum's (lexicographic over the kinds in service order); `nil` without one.
    public var optimalPlaced: Int?
    public var optimalRankCost: Int?

    enum CodingKeys: String, CodingKey {
      case kind, placed
      case rankCost = "rank_cost"
      case optimalPlaced = "optimal_placed"
      case optimalRankCost = "optimal_rank_cost"
    }
  }

  /// Every broken rule, in the order the checks run.
  public var findings: [PlacementAudit.Finding]
  /// The placement the file describes.
  public var placement: MenuPlacement
  /// Each kind served, in service order.
  public var kinds: [Kind]
  /// Whether the reference optimum is proven (`nil` without one).
  public var optimumProven: Bool?
  /// Side rules of the dataset that are not checked with a menu yet (`max_per_school`,
  /// …: no strategy places them together with a menu), by their names in the data.
  public var uncheckedRules: [String]
  /// The rank cost the values are measured in.
  public var rankCost: RankCost
  /// What identifies the file audited.
  public var input: DatasetInput

  /// Whether the file breaks no rule.
  public var isValid: Bool { findings.isEmpty }

  /// Audits `file` against `dataset`, measuring rank cost in `rankCost` (default: the
  /// policy's).
  ///
  /// - Precondition: the dataset has a menu.
  /// - Throws: ``PlacementRun/Failure`` when the reference optimal solve fails in its backend.
  public init(_ dataset: Dataset, file: MenuPlacementFile, rankCost: RankCost? = nil)
    throws(PlacementRun.Failure)
  {
    let instance = dataset.instance
    guard let menu = instance.activities else { preconditionFailure("the dataset has no menu") }
    var audit = Locator(instance: instance, file: file)
    audit.pinLines = dataset.pinLines
    audit.checkRows()
    let violations = instance.violations(in: file.placement)
    for violation in violations { audit.report(violation) }
    if violations.isEmpty { audit.checkShortRows() }
    let cost = rankCost ?? instance.policy.rankCost
    let optimum: MenuResult?
    let strategy = OptimalStrategy(rankCost: cost)
    uncheckedRules = strategy.menuSideRulesNotYetSupported(in: instance)
    if strategy.menuRulesNotYetSupported(in: instance).isEmpty {
      do {
        optimum = try strategy.placeMenu(instance)
      } catch {
        guard error.isDataError else {
          throw PlacementRun.Failure(message: "optimal reference: \(error)", violations: [])
        }
        optimum = nil
      }
    } else {
      optimum = nil
    }
    let value = instance.objective(of: file.placement, rankCost: cost)
    kinds = zip(menu.served, value.levels).enumerated().map { k, pair in
      Kind(
        kind: pair.0.kind, placed: pair.1.placed, rankCost: pair.1.cost,
        optimalPlaced: optimum?.objective.levels[k].placed,
        optimalRankCost: optimum?.objective.levels[k].cost)
    }
    optimumProven = optimum.map { $0.status == .optimal }
    findings = audit.findings
    placement = file.placement
    self.rankCost = cost
    input = file.input
  }

  /// Whether the file's value equals the optimum's at every kind (`nil` without an optimum).
  public var isOptimal: Bool? {
    guard kinds.allSatisfy({ $0.optimalPlaced != nil }) else { return nil }
    return kinds.allSatisfy { $0.placed == $0.optimalPlaced && $0.rankCost == $0.optimalRankCost }
  }
}

/// The findings of a ``MenuAudit``, each located at the file's lines.
private struct Locator {
  let instance: PlacementInstance
  let file: MenuPlacementFile
  var findings: [PlacementAudit.Finding] = []
  /// Indices into the file's rows: each person's rows, and each worksite's placement rows.
  let rowsOf: [Int: [Int]]
  let rowsAt: [Int: [Int]]
  /// The ineligible pairs' reasons, by `student << 32 | worksite`.
  let ineligible: [Int: Ineligibility]
  /// The line of each pin in `pins.csv` (``/InternMatchIO/Dataset/pinLines``).
  var pinLines: [Int] = []

  init(instance: PlacementInstance, file: MenuPlacementFile) {
    self.instance = instance
    self.file = file
    var (of, at): ([Int: [Int]], [Int: [Int]]) = ([:], [:])
    for (k, row) in file.rows.enumerated() {
      of[row.student, default: []].append(k)
      if let w = row.worksite { at[w, default: []].append(k) }
    }
    (rowsOf, rowsAt) = (of, at)
    var ineligible: [Int: Ineligibility] = [:]
    for pair in instance.ineligibleChoices {
      ineligible[pair.student << 32 | pair.worksite] = pair.reasons
    }
    self.ineligible = ineligible
  }

  /// Every row of person `s`, in file order.
  func rows(of s: Int) -> [MenuPlacementFile.Row] { (rowsOf[s] ?? []).map { file.rows[$0] } }

  func sid(_ s: Int) -> String { instance.students[s].id }
  func wid(_ w: Int) -> String { instance.worksites[w].id }
  func at(_ lines: some Sequence<Int>) -> [String] { lines.sorted().map { "\(file.file):\($0)" } }

  /// Lines of `s`'s placement rows at worksites passing `include`.
  func lines(of s: Int, where include: (MenuPlacementFile.Row) -> Bool = { _ in true }) -> [Int] {
    rows(of: s).filter { $0.worksite != nil && include($0) }.map(\.line)
  }

  /// Lines of every placement row at `w` passing `include`.
  func lines(at w: Int, where include: (MenuPlacementFile.Row) -> Bool = { _ in true }) -> [Int] {
    (rowsAt[w] ?? []).map { file.rows[$0] }.filter(include).map(\.line)
  }

  mutating func add(_ rule: String, _ message: String, _ lines: [Int]) {
    findings.append(.init(rule: rule, message: message, locations: at(lines)))
  }

  /// Ids, and each placement row's kind and slot cells against its worksite.
  mutating func checkRows() {
    for row in file.unknownStudents {
      add("unknown-student", "student '\(row.id)' is not in the dataset", [row.line])
    }
    for row in file.unknownWorksites {
      add("unknown-worksite", "worksite '\(row.id)' is not in the dataset", [row.line])
    }
    for row in file.rows {
      guard let w = row.worksite else { continue }
      let site = instance.worksites[w]
      if row.kind != site.kind.rawValue {
        add(
          "kind-mismatch",
          "\(sid(row.student))'s row at \(wid(w)) says kind '\(row.kind ?? "")', but \(wid(w)) "
            + "is a \(site.kind.rawValue)", [row.line])
      }
    }
  }

  /// One finding for a rule the placement breaks.
  mutating func report(_ violation: PlacementViolation) {
    switch violation {
    case .overSchoolLimit(let w, let school, let n, let limit):
      add(
        "over-school-limit",
        "\(wid(w)) holds \(n) people of school '\(school)', max_per_school \(limit)",
        lines(at: w) { instance.students[$0.student].school == school })
    case .overEmployerCapacity(let employer, let n, let capacity):
      add(
        "over-employer-capacity",
        "employer '\(employer)' holds \(n) placements over its worksites, capacity \(capacity) "
          + "(employers.csv)",
        instance.worksites.indices.filter { instance.worksites[$0].employer == employer }
          .flatMap { lines(at: $0) })
    case .pinNotHonoured(let s, let w):
      let k = instance.menuPinIndex[s << 32 | w]
      let pin = k.map { instance.menuPins[$0] }
      let slot = pin?.slot.map { " in slot \(instance.worksites[w].slots[$0])" } ?? ""
      let line = k.flatMap { pinLines.indices.contains($0) ? pinLines[$0] : nil }
      findings.append(
        .init(
          rule: "pin-not-honoured",
          message: "\(sid(s)) is pinned to \(wid(w))\(slot) but not there",
          locations: (line.map { ["pins.csv:\($0)"] } ?? []) + at(lines(of: s) { $0.worksite == w })
        ))
    case .studentCountMismatch, .unknownWorksite, .belowMinimumGroup, .linkBroken,
      .reserveBreached:
      return  // ids are resolved on reading; the other rules do not apply with a menu yet
    case .notAnEligibleChoice(let s, let w):
      let why =
        ineligible[s << 32 | w]?.codes
        .joined(separator: ";")
        ?? (instance.students[s].preferences.contains(wid(w))
          ? "not offered to a \(instance.students[s].role.rawValue)" : "not on their list")
      add(
        "not-eligible",
        "\(sid(s)) is placed at \(wid(w)), not an eligible choice of theirs (\(why))",
        lines(of: s) { $0.worksite == w })
    case .kindNotOffered(let s, let w):
      let kind = instance.worksites[w].kind
      add(
        "kind-not-offered",
        "\(sid(s)) is a \(instance.students[s].role.rawValue), and \(kind.rawValue) (\(wid(w))) "
          + "is offered to \(instance.activities?.rule(for: kind).participants.rawValue ?? "")s only",
        lines(of: s) { $0.worksite == w })
    case .placedTwiceAtWorksite(let s, let w):
      add(
        "placed-twice-at-worksite", "\(sid(s)) is placed at \(wid(w)) more than once",
        lines(of: s) { $0.worksite == w })
    case .badSlot(let s, let w):
      let slots = instance.worksites[w].slots
      for row in rows(of: s) where row.worksite == w {
        if slots.isEmpty, let label = row.slot {
          add("bad-slot", "\(wid(w)) has no slots, but the row names slot '\(label)'", [row.line])
        } else if !slots.isEmpty, row.slot.map(slots.contains) != true {
          let problem =
            row.slot.map { "'\($0)' is not a slot of \(wid(w))" }
            ?? "\(wid(w)) has slots, but the row names none"
          add("bad-slot", problem + " (slots: \(slots.joined(separator: ", ")))", [row.line])
        }
      }
    case .slotConflict(let s, let label):
      add(
        "slot-conflict", "\(sid(s)) holds two placements in slot \(label)",
        lines(of: s) { $0.slot == label })
    case .overKindLimit(let s, let kind, let n, let limit):
      add(
        "over-kind-limit",
        "\(sid(s)) holds \(n) placements of \(kind.rawValue), max_per_participant \(limit)",
        lines(of: s) { instance.worksites[$0.worksite ?? 0].kind == kind })
    case .overEmployerLimitPerPerson(let s, let employer, let kind, let limit):
      add(
        "over-employer-limit",
        "\(sid(s)) holds more than \(limit) \(kind.rawValue) placements with \(employer), "
          + "max_per_employer \(limit)",
        lines(of: s) {
          let site = instance.worksites[$0.worksite ?? 0]
          return site.kind == kind && EmployerOfKind(site).employer == employer
        })
    case .overCapacity(let w, let n, let c):
      add("over-capacity", "\(wid(w)) holds \(n) people, capacity \(c)", lines(at: w))
    case .overSlotCapacity(let w, let label, let n, let c):
      add(
        "over-slot-capacity", "\(wid(w)) holds \(n) people in slot \(label), capacity \(c)",
        lines(at: w) { $0.slot == label })
    }
  }

  /// The short rows against those of ``/InternMatchModel/PlacementInstance/menuRows(of:)``.
  mutating func checkShortRows() {
    struct Key: Hashable {
      var student: Int
      var kind: String?
    }
    var expected: [Key: MenuShortfall] = [:]
    for row in instance.menuRows(of: file.placement) {
      if let reason = row.reason {
        expected[Key(student: row.student, kind: row.kind?.rawValue)] = reason
      }
    }
    var seen: [Key: Int] = [:]
    for row in file.rows where row.worksite == nil {
      let key = Key(student: row.student, kind: row.kind)
      let what = "\(sid(row.student))'s short row" + (row.kind.map { " of \($0)" } ?? "")
      if let first = seen[key] {
        add("duplicate-short-row", "\(what) appears twice", [first, row.line])
        continue
      }
      seen[key] = row.line
      guard let reason = expected[key] else {
        add(
          "unexpected-short-row",
          "\(what) says '\(row.reason ?? "")', but "
            + (row.kind.map { "\(sid(row.student)) is not short of \($0)" }
              ?? "\(sid(row.student)) has other rows"),
          [row.line])
        continue
      }
      if row.reason != reason.rawValue {
        add(
          "wrong-reason",
          "\(what) says '\(row.reason ?? "")', but the placement gives '\(reason.rawValue)'",
          [row.line])
      }
    }
    for (key, reason) in expected.sorted(by: {
      ($0.key.student, $0.key.kind ?? "") < ($1.key.student, $1.key.kind ?? "")
    })
    where seen[key] == nil {
      add(
        "missing-short-row",
        "\(sid(key.student)) is short" + (key.kind.map { " of \($0)" } ?? "")
          + " ('\(reason.rawValue)'), but the file has no row saying so",
        rows(of: key.student).map(\.line))
    }
  }
}
