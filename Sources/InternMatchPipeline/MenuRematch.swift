import InternMatchIO
import InternMatchModel
import InternMatchSolvers

/// A re-match of a menu of activities (`activities.csv`): the updated dataset placed again from
/// an earlier run's menu `placements.csv`, keeping as many of its placements as the strategy
/// allows.
///
/// ```swift
/// let previous = try MenuPlacementFile.read(path: "out/placements.csv", instance: updated.instance)
/// let run = try PlacementRun(updated, configuration: .init(menuRematch: MenuRematch(previous: previous)))
/// run.menu?.changes.filter { $0.change == .moved }.count  // (person, kind) rows that changed
/// ```
///
/// A placement is *kept* when the person is at the same worksite in the same slot; it can be
/// kept while it still exists (the worksite is still in the data with seats, of a kind still
/// offered to the person, still an eligible choice of theirs or their pin, and its slot label
/// still one of the worksite's slots).
/// - `optimal`, `optimal-squared`: for each kind in priority order, most placed, then most
///   kept, then least rank cost, exactly
///   (``/InternMatchSolvers/OptimalStrategy/rematchMenu(_:previous:keepPlaced:)``); with
///   ``keepPlaced`` every placement that still exists is held as a pin where the updated limits
///   allow (people in input order).
/// - `stable`, `serial-dictatorship`, `greedy`: the placements that still exist are held as pins
///   (people in lottery order, as far as the updated limits allow), and the strategy places the
///   rest around them, as the single-seat sequential strategies do; ``keepPlaced`` changes
///   nothing for them.
public struct MenuRematch: Sendable {
  /// The earlier placement, read against the updated instance.
  public var previous: MenuPlacementFile
  /// Whether keeping a placement that still exists is a hard rule (`--keep-placed`).
  public var keepPlaced: Bool

  /// A re-match from `previous`.
  public init(previous: MenuPlacementFile, keepPlaced: Bool = false) {
    self.previous = previous
    self.keepPlaced = keepPlaced
  }

  /// What happened to one (person, kind) between the two placements: a row of `changes.csv`.
  public struct Change: Hashable, Sendable, Codable {
    /// The person's id.
    public var student: String
    /// The kind (empty for a person no longer in the dataset).
    public var kind: String
    /// The placements of the kind before (as the earlier file names them) and after, each
    /// `WORKSITE` or `WORKSITE (SLOT)`, in worksite order.
    public var before: [String]
    public var after: [String]
    /// Placements of `before` also in `after` (same worksite, same slot).
    public var kept: Int
    /// `kept` (the same placements), `moved` (placed before and after, not the same ones),
    /// `newly-placed`, `lost-seat`, `withdrawn`, `still-unplaced`.
    public var change: Rematch.ChangeKind
  }

  /// Places `instance` with `placer`, keeping what ``MenuRematch`` says it keeps; the result's
  /// statistics count `kept` placements and `placements_still_held`.
  ///
  /// - Throws: ``/InternMatchSolvers/SolverError`` as the strategy does;
  ///   ``/InternMatchSolvers/SolverError/Kind/infeasible`` when the held placements break the
  ///   updated data's rules (they are chosen within them, so only a bug gets there).
  func place(_ instance: PlacementInstance, placer: any MenuPlacing, seed: UInt64)
    throws(SolverError) -> MenuResult
  {
    if let optimal = placer as? OptimalStrategy {
      return try optimal.rematchMenu(
        instance, previous: previous.placement, keepPlaced: keepPlaced)
    }
    let missing = placer.menuRulesNotYetSupported(in: instance)
    guard instance.activities != nil, missing.isEmpty else {
      throw SolverError.unsupportedRule(
        "\(placer.name) does not yet re-match a menu of activities together with "
          + missing.joined(separator: ", "))
    }
    let held = instance.menuPlacementsStillHeld(by: previous.placement)
    let order = WorksitePriorities(instance: instance, seed: seed).sequence
    let solving = try OptimalStrategy.holdingMenu(instance, instance.menuHolds(held, order: order))
    var result = try placer.placeMenu(solving)
    try result.countKept(held, checkedIn: instance)
    return result
  }

  /// Every (person, kind)'s change from the earlier placement to `placement`: the dataset's
  /// people in input order, for each the kinds offered to their role in service order that
  /// they held before, hold now or listed; then the earlier file's people no longer in the
  /// dataset, one row each (`withdrawn`, empty kind), in file order.
  ///
  /// - Complexity: O(rows + n + L) for n placements and L list entries.
  public func changes(to placement: MenuPlacement, in instance: PlacementInstance) -> [Change] {
    guard let menu = instance.activities else { preconditionFailure("the instance has no menu") }
    func name(_ e: MenuPlacement.Entry) -> String {
      let site = instance.worksites[e.worksite]
      guard let t = e.slot else { return site.id }
      return "\(site.id) (\(site.slots.indices.contains(t) ? site.slots[t] : "?"))"
    }
    // Before, by person and kind ordinal: the file's placements as it names them.
    var before: [Int: [String]] = [:]
    for row in previous.rows {
      guard let w = row.worksite else { continue }
      let key = row.student << 3 | ActivityMenu.ordinal(instance.worksites[w].kind)
      before[key, default: []].append(
        row.slot.map { "\(instance.worksites[w].id) (\($0))" } ?? instance.worksites[w].id)
    }
    for (k, row) in previous.unknownWorksites.enumerated() {
      guard let s = row.student,
        let kind = previous.unknownWorksiteKinds[k].flatMap(WorksiteKind.init(rawValue:))
      else { continue }
      before[s << 3 | ActivityMenu.ordinal(kind), default: []].append(row.id)
    }
    var changes: [Change] = []
    for s in instance.students.indices {
      let person = instance.students[s]
      var listed = Set<WorksiteKind>()
      for id in person.preferences {
        if let w = instance.worksiteIndex[id] { listed.insert(instance.worksites[w].kind) }
      }
      let mine = placement.placements(of: s)
      for rule in menu.served where menu.offers(rule.kind, to: person.role) {
        let was = (before[s << 3 | ActivityMenu.ordinal(rule.kind)] ?? []).sorted()
        let now = mine.filter { instance.worksites[$0.worksite].kind == rule.kind }.map(name)
        guard !was.isEmpty || !now.isEmpty || listed.contains(rule.kind) else { continue }
        let kept = now.count { was.contains($0) }
        let change: Rematch.ChangeKind =
          switch (was.isEmpty, now.isEmpty) {
          case (true, true): .stillUnplaced
          case (true, false): .newlyPlaced
          case (false, true): .lostSeat
          case (false, false): Set(was) == Set(now) ? .kept : .moved
          }
        changes.append(
          Change(
            student: person.id, kind: rule.kind.rawValue, before: was, after: now, kept: kept,
            change: change))
      }
    }
    var withdrawn: [String: Int] = [:]
    for row in previous.unknownStudents {
      if let k = withdrawn[row.id] {
        if let site = row.worksite { changes[k].before.append(site) }
        continue
      }
      withdrawn[row.id] = changes.count
      changes.append(
        Change(
          student: row.id, kind: "", before: row.worksite.map { [$0] } ?? [], after: [], kept: 0,
          change: .withdrawn))
    }
    return changes
  }
}
