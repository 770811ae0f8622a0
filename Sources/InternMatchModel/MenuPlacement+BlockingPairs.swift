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
  /// of w (none without slots) that has a free seat or holds someone after p in w's order —
  /// at a worksite with `max_per_school`: fewer than `capacity` people ahead of p in (w, t)
  /// and fewer than `max_per_school` people of p's school ahead of p at w, in any slot (w's
  /// choice would keep p) —, p could take (w, t) either in addition to their placements of kind k (fewer than
  /// `max_per_participant` of them) or instead of one of them at a worksite p ranks below w —
  /// keeping `max_per_employer` and never holding a label twice among their placements of kind
  /// k and of the kinds served before. Pins (`pins.csv`) hold: a pinned placement is never given
  /// up nor displaced, and its slot label is held whatever its kind. One witness per (p, w) is
  /// reported; the extra placement is tried first, then the placements given up from the worst.
  ///
  /// ```swift
  /// // Ana holds B at 10:00 and ranks A above B; A's 10:00 seat is free.
  /// instance.menuBlockingPairs(in: p, priorities: priorities)
  /// // [MenuBlockingPair(student: 0, worksite: 0, slot: 1, replacing: 1)]
  /// ```
  ///
  /// - Precondition: the instance has a menu and `placement` is valid for it.
  /// - Complexity: O(L·h + W) for L eligible choices, h placements a person and W worksites
  ///   without slots (flat arrays, no hashing); a choice with t slots adds O(t·h²), and one at a
  ///   worksite with `max_per_school` O(n) for the n people it holds.
  public func menuBlockingPairs(in placement: MenuPlacement, priorities: WorksitePriorities)
    -> [MenuBlockingPair]
  {
    guard let menu = activities else { preconditionFailure("the instance has no menu") }
    let hasPins = !menuPins.isEmpty
    func pinned(_ s: Int, _ w: Int) -> Bool { hasPins && menuPin(of: s, at: w) != nil }
    // Seat group g = base[w] + t of each (worksite w, slot t; t = 0 without slots): the seats
    // held and the last holder in the worksite's order who is not pinned there (a pin is never
    // displaced; flat arrays, no hashing).
    var base = [Int](repeating: 0, count: worksites.count + 1)
    for w in worksites.indices { base[w + 1] = base[w] + max(1, worksites[w].slots.count) }
    var heldCount = [Int](repeating: 0, count: base[worksites.count])
    var heldWorst = [(UInt64, Int)](repeating: (0, -1), count: base[worksites.count])
    for e in placement.entries {
      let g = base[e.worksite] + (e.slot ?? 0)
      let key = (priorities.key(of: e.student, at: e.worksite, in: self), e.student)
      heldCount[g] += 1
      if heldWorst[g] < key, !pinned(e.student, e.worksite) { heldWorst[g] = key }
    }
    // At worksites with `max_per_school`: who holds each seat group and each
    // (worksite, school), by their key in the worksite's order.
    let seats = worksites.map(\.capacity)
    let schoolLimit = worksites.map(\.maxPerSchool)
    let schools = schoolLimit.contains { $0 != nil } ? schoolIndices : []
    var inGroup: [Int: [(UInt64, Int)]] = [:]
    var ofSchool: [Int: [(UInt64, Int)]] = [:]
    for e in placement.entries where schoolLimit[e.worksite] != nil {
      // A pin is ahead of everyone (never displaced).
      let key =
        !pinned(e.student, e.worksite)
        ? (priorities.key(of: e.student, at: e.worksite, in: self), e.student) : (0, -1)
      inGroup[base[e.worksite] + (e.slot ?? 0), default: []].append(key)
      ofSchool[e.worksite << 32 | Int(schools[e.student]), default: []].append(key)
    }
    /// Whether seat group `g` of worksite `w` would take `me` (a free seat or someone after
    /// `me`; with `max_per_school`, fewer than `capacity` ahead in the group and fewer than the
    /// limit of `me`'s school ahead at `w`).
    func takes(_ g: Int, at w: Int, _ me: (UInt64, Int)) -> Bool {
      guard let limit = schoolLimit[w] else {
        return heldCount[g] < seats[w] || me < heldWorst[g]
      }
      let ahead = inGroup[g, default: []].count(where: { $0 < me })
      let mates = ofSchool[w << 32 | Int(schools[me.1]), default: []].count(where: { $0 < me })
      return ahead < seats[w] && mates < limit
    }
    let employer = employerGroupIDs()
    // Each worksite's kind ordinal and slot count, read without copying the worksite.
    let kindOf = worksites.map { ActivityMenu.ordinal($0.kind) }
    let slotCount = worksites.map(\.slots.count)
    // Per kind (by ordinal): its rule, its level, whether each role takes it.
    let rules = ActivityMenu.defaultOrder.map { menu.rule(for: $0) }
    let levels = ActivityMenu.defaultOrder.map { menu.level(of: $0) }
    let offered = ParticipantRole.allCases.map { role in
      ActivityMenu.defaultOrder.map { menu.offers($0, to: role) }
    }
    // Stamps by worksite: the last person who listed it (`seen`) or holds it (`mine`).
    var seen = [Int32](repeating: -1, count: worksites.count)
    var holds = [Int32](repeating: -1, count: worksites.count)
    var found: [MenuBlockingPair] = []
    // The person's placements: worksite, kind ordinal, rank of kind (Int.max off the list),
    // whether it is a pin.
    var mine: [(worksite: Int, kind: Int, rank: Int, pinned: Bool)] = []
    for s in students.indices {
      let placed = placement.placements(of: s)
      mine.removeAll(keepingCapacity: true)
      for e in placed {
        holds[e.worksite] = Int32(s)
        mine.append(
          (
            e.worksite, kindOf[e.worksite], choices.rank(of: s, for: e.worksite) ?? Int.max,
            pinned(s, e.worksite)
          ))
      }
      let role = ParticipantRole.allCases.firstIndex(of: students[s].role) ?? 0
      for c in choices.range(of: s) {
        let w = Int(choices.worksite[c])
        let kind = kindOf[w]
        guard offered[role][kind], priorities.key[c] != WorksitePriorities.unacceptable,
          seen[w] != Int32(s)
        else { continue }
        seen[w] = Int32(s)
        guard holds[w] != Int32(s) else { continue }
        if slotCount[w] == 0 {
          // No labels: the seat, then the extra placement, then the worst one given up.
          guard takes(base[w], at: w, (priorities.key[c], s)) else { continue }
          if let given = Self.replacement(
            mine, kind: kind, rank: Int(choices.rank[c]), rule: rules[kind],
            sameEmployer: { employer[$0] == employer[w] })
          {
            found.append(MenuBlockingPair(student: s, worksite: w, replacing: given))
          }
          continue
        }
        let site = worksites[w]
        let level = levels[kind]
        let rule = rules[kind]
        let ofKind = placed.filter { kindOf[$0.worksite] == kind }
        // Labels of the kinds served before and of pins, and the worst-first placements p
        // could give up (never a pin).
        let before = Set(
          placed.compactMap { e in
            levels[kindOf[e.worksite]] < level || pinned(s, e.worksite)
              ? label(of: e) : nil
          })
        let rank = { (w: Int) in choices.rank(of: s, for: w) ?? Int.max }
        let worse = ofKind.filter {
          !pinned(s, $0.worksite) && rank($0.worksite) > Int(choices.rank[c])
        }.sorted {
          rank($0.worksite) > rank($1.worksite)
        }
        let options: [MenuPlacement.Entry?] =
          (ofKind.count < rule.maxPerParticipant ? [nil] : []) + worse.map { $0 }
        slots: for t in site.slots.indices {
          guard takes(base[w] + t, at: w, (priorities.key[c], s)) else { continue }
          let newLabel = site.slots[t]
          if before.contains(newLabel) { continue }
          for given in options {
            let kept = ofKind.filter { $0 != given }
            if kept.contains(where: { label(of: $0) == newLabel }) { continue }
            if let limit = rule.maxPerEmployer,
              kept.count(where: { employer[$0.worksite] == employer[w] }) >= limit
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

  /// Without slots, the witness of a blocking pair at a worksite of `kind` ranked `rank`:
  /// `.some(nil)` for an extra placement (fewer than `max_per_participant` of the kind and the
  /// employer's limit not reached), else `.some(w)` for the worst-ranked placement of the kind
  /// at `w` ranked below `rank`, not a pin, whose giving up keeps `max_per_employer`, else
  /// `nil`.
  ///
  /// - Complexity: O(h) for h placements of the person.
  private static func replacement(
    _ mine: [(worksite: Int, kind: Int, rank: Int, pinned: Bool)], kind: Int, rank: Int,
    rule: ActivityRule,
    sameEmployer: (Int) -> Bool
  ) -> Int?? {
    var held = 0
    var withEmployer = 0
    for p in mine where p.kind == kind {
      held += 1
      if sameEmployer(p.worksite) { withEmployer += 1 }
    }
    let limit = rule.maxPerEmployer ?? Int.max
    if held < rule.maxPerParticipant, withEmployer < limit { return .some(nil) }
    // Worst first (ties: the earlier placement, as a stable sort keeps it).
    var best: (worksite: Int, rank: Int)?
    for p in mine where p.kind == kind && p.rank > rank && !p.pinned {
      let keeps = withEmployer - (sameEmployer(p.worksite) ? 1 : 0) < limit
      if keeps, best.map({ p.rank > $0.rank }) ?? true { best = (p.worksite, p.rank) }
    }
    return best.map { .some($0.worksite) }
  }

  /// The slot label a placement takes, if any.
  private func label(of e: MenuPlacement.Entry) -> String? {
    e.slot.map { worksites[e.worksite].slots[$0] }
  }
}
