/// A person and a worksite that would both rather be placed together, within one kind of a menu
/// of activities (``PlacementInstance/menuBlockingPairs(in:priorities:)`` defines it).
public struct MenuBlockingPair: Hashable, Sendable, Codable {
  /// The person.
  public var student: Int
  /// The worksite they would take, and a slot of it that would take them (`nil` without slots).
  public var worksite: Int
  public var slot: Int?
  /// The worksite of the placement of the same kind they would give up for it; `nil` when
  /// they would take it as an extra placement.
  public var replacing: Int?

  /// Creates a pair.
  public init(student: Int, worksite: Int, slot: Int? = nil, replacing: Int? = nil) {
    self.student = student
    self.worksite = worksite
    self.slot = slot
    self.replacing = replacing
  }
}

extension PlacementInstance {
  /// Every blocking pair of a menu `placement`, kind by kind, each kind given the kinds served
  /// before it (placements of later kinds are ignored), in person, then worksite order.
  ///
  /// Person p and worksite w of kind k block when w is an eligible choice of p of a kind
  /// offered to p's role, w accepts p (`priorities`), p is not placed at w, and for some slot t
  /// of w (none without slots) that has a free seat or holds someone after p in w's order,
  /// p could take (w, t) either in addition to their placements of kind k (fewer than
  /// `max_per_participant` of them) or instead of one of them at a worksite p ranks below w —
  /// keeping `max_per_employer` and never holding a label twice among their placements of kind
  /// k and of the kinds served before. Pins (`pins.csv`) hold: a pinned placement is never given
  /// up nor displaced, and its slot label is held whatever its kind. One witness per (p, w) is
  /// reported; the extra
  /// placement is tried first, then the placements given up from the worst.
  ///
  /// ```swift
  /// // Ana holds B at 10:00 and ranks A above B; A's 10:00 seat is free.
  /// instance.menuBlockingPairs(in: p, priorities: priorities)
  /// // [MenuBlockingPair(student: 0, worksite: 0, slot: 1, replacing: 1)]
  /// ```
  ///
  /// - Precondition: the instance has a menu and `placement` is valid for it.
  /// - Complexity: O(L·t·h + n·k) for L eligible choices of t slots, h placements a person and
  ///   n placements of k choices a person.
  public func menuBlockingPairs(in placement: MenuPlacement, priorities: WorksitePriorities)
    -> [MenuBlockingPair]
  {
    guard let menu = activities else { preconditionFailure("the instance has no menu") }
    // Seats held in each (worksite, slot) and the last holder in the worksite's order who is
    // not pinned there (a pin is never displaced).
    var held: [Int: (count: Int, worst: (UInt64, Int))] = [:]
    for e in placement.entries {
      let key = priorities.key(of: e.student, at: e.worksite, in: self)
      let k = e.worksite << 32 | ((e.slot ?? -1) + 1)
      let now = held[k] ?? (0, (0, -1))
      let movable = menuPin(of: e.student, at: e.worksite) == nil && now.worst < (key, e.student)
      held[k] = (now.count + 1, movable ? (key, e.student) : now.worst)
    }
    var found: [MenuBlockingPair] = []
    for s in students.indices {
      let mine = placement.placements(of: s)
      var seen: Set<Int> = []
      for c in choices.range(of: s) {
        let w = Int(choices.worksite[c])
        let site = worksites[w]
        let rule = menu.rule(for: site.kind)
        guard menu.offers(site.kind, to: students[s].role),
          priorities.key[c] != WorksitePriorities.unacceptable, seen.insert(w).inserted,
          !mine.contains(where: { $0.worksite == w })
        else { continue }
        let level = menu.level(of: site.kind)
        let ofKind = mine.filter { worksites[$0.worksite].kind == site.kind }
        // Labels of the kinds served before and of pins, and the worst-first placements p
        // could give up (never a pin).
        let before = Set(
          mine.compactMap { e in
            menu.level(of: worksites[e.worksite].kind) < level
              || menuPin(of: s, at: e.worksite) != nil ? label(of: e) : nil
          })
        let rank = { (w: Int) in choices.rank(of: s, for: w) ?? Int.max }
        let worse = ofKind.filter {
          menuPin(of: s, at: $0.worksite) == nil && rank($0.worksite) > Int(choices.rank[c])
        }.sorted {
          rank($0.worksite) > rank($1.worksite)
        }
        let options: [MenuPlacement.Entry?] =
          (ofKind.count < rule.maxPerParticipant ? [nil] : []) + worse.map { $0 }
        slots: for t in site.slots.isEmpty ? [nil] : site.slots.indices.map({ $0 }) {
          let seat = held[w << 32 | ((t ?? -1) + 1)] ?? (0, (0, -1))
          guard seat.count < site.capacity || (priorities.key[c], s) < seat.worst else {
            continue
          }
          let newLabel = t.map { site.slots[$0] }
          if let newLabel, before.contains(newLabel) { continue }
          for given in options {
            let kept = ofKind.filter { $0 != given }
            if let newLabel, kept.contains(where: { label(of: $0) == newLabel }) { continue }
            if let limit = rule.maxPerEmployer,
              kept.count(where: { EmployerOfKind(worksites[$0.worksite]) == EmployerOfKind(site) })
                >= limit
            {
              continue
            }
            found.append(
              MenuBlockingPair(student: s, worksite: w, slot: t, replacing: given?.worksite))
            break slots
          }
        }
      }
    }
    return found
  }

  /// The slot label a placement takes, if any.
  private func label(of e: MenuPlacement.Entry) -> String? {
    e.slot.map { worksites[e.worksite].slots[$0] }
  }
}
