import InternMatchModel

extension MenuMIP {
  /// `relaxed` (a placement that honours every rule but the slots, such as ``MenuNetwork``'s)
  /// with a slot given to each placement, by rank: the first slot of the worksite with a seat
  /// free whose label the person does not hold yet. Greedily (`repair: false`) person by person,
  /// kind by kind in service order within a person, and a placement that finds no slot is
  /// dropped. With `repair`, kind by kind in service order (an earlier kind takes its slots
  /// before any later kind's), person by person within a kind, and a placement that finds no
  /// slot tries one repair step before it is dropped — moving the person's own placement that
  /// holds a free slot's label to another slot of its worksite, or moving another person out of
  /// a full slot into a free slot of the same worksite whose label they do not hold. A
  /// placement at an employer of `employers.csv` that already holds its capacity (the network
  /// gives each kind the whole of it) is dropped too, in the same order. The result honours
  /// every rule, slots included; `dropped` lists what was left out. Pins
  /// (``/InternMatchModel/PlacementInstance/menuPins``) keep their own slots, taken first; then
  /// a re-match's earlier slots (`preferring`, by `person << 32 | worksite`) where still free.
  ///
  /// When nothing is dropped the result is optimal: ``MenuNetwork`` on an instance with slots
  /// solves the relaxation without labels, whose lexicographic optimum bounds every placement
  /// with slots, and the result reaches it. The same holds for each set of people and
  /// worksites that no choice of a kind with slots connects to the rest (``MenuMIP`` searches
  /// only the sets where something was dropped).
  ///
  /// ```swift
  /// let start = MenuMIP.slotted(network.placement, in: instance, repair: true)
  /// start.dropped.isEmpty  // true: optimal as it is
  /// ```
  ///
  /// - Complexity: O(n·t·c) for n placements at worksites of t slots and c seats a slot, plus
  ///   sorting.
  static func slotted(
    _ relaxed: MenuPlacement, in instance: PlacementInstance, repair: Bool,
    preferring: [Int: Int] = [:]
  ) -> (placement: MenuPlacement, dropped: [MenuPlacement.Entry]) {
    guard let menu = instance.activities else { preconditionFailure("no menu") }
    let sites = instance.worksites
    var ledger = SlotLedger(instance)
    // Pins hold their own slots first, and repairs never move them.
    for e in instance.menuPins { if let t = e.slot { ledger.pin(e.student, e.worksite, t) } }
    var kept: [MenuPlacement.Entry] = []
    var dropped: [MenuPlacement.Entry] = []
    let order = relaxed.entries.map { e in
      (
        e, menu.level(of: sites[e.worksite].kind),
        instance.choices.rank(of: e.student, for: e.worksite) ?? 0
      )
    }.sorted {
      repair
        ? ($0.1, $0.0.student, $0.2, $0.0.worksite) < ($1.1, $1.0.student, $1.2, $1.0.worksite)
        : ($0.0.student, $0.1, $0.2, $0.0.worksite) < ($1.0.student, $1.1, $1.2, $1.0.worksite)
    }
    // Employers of employers.csv: the network gave each kind their whole capacity. Pins count
    // first.
    var capacities = MenuCapacities(instance)
    for e in instance.menuPins { capacities.add(student: e.student, at: e.worksite) }
    let isPin = { (e: MenuPlacement.Entry) in instance.menuPin(of: e.student, at: e.worksite) != nil
    }
    // A re-match's earlier slots (`preferring`, by `person << 32 | worksite`) first, where free.
    var placedEarly: Set<Int> = []
    for (e, _, _) in order {
      if let t = preferring[e.student << 32 | e.worksite], !isPin(e),
        capacities.admits(student: e.student, at: e.worksite),
        ledger.take(preferred: e.student, e.worksite, t)
      {
        placedEarly.insert(e.student << 32 | e.worksite)
        capacities.add(student: e.student, at: e.worksite)
      }
    }
    for (e, _, _) in order where !placedEarly.contains(e.student << 32 | e.worksite) {
      if isPin(e) {
        // Counted above; a pin with slots is held by the ledger.
        if sites[e.worksite].slots.isEmpty { kept.append(e) }
      } else if !capacities.admits(student: e.student, at: e.worksite) {
        dropped.append(e)
      } else if sites[e.worksite].slots.isEmpty {
        kept.append(e)
        capacities.add(student: e.student, at: e.worksite)
      } else if ledger.assign(e.student, e.worksite, repair: repair) {
        capacities.add(student: e.student, at: e.worksite)
      } else {
        dropped.append(e)
      }
    }
    return (MenuPlacement(kept + ledger.entries), dropped)
  }
}

/// The slots taken so far while ``MenuMIP/slotted(_:in:repair:)`` gives slots: seats used and holders of
/// each (worksite, slot), and each person's slotted placements with their label ids.
private struct SlotLedger {
  /// Label id of each slot of each worksite (labels compared exactly, numbered once).
  private var label: [[Int32]]
  private let capacity: [Int]
  /// The people in each (worksite, slot).
  private var holders: [[[Int32]]]
  /// Each person's slotted placements: (label, worksite, slot).
  private var held: [Int: [(label: Int32, worksite: Int, slot: Int)]] = [:]
  /// Pinned placements (`person << 32 | worksite`), which repairs never move.
  private var pinned: Set<Int> = []

  init(_ instance: PlacementInstance) {
    label = instance.slotLabelIDs()
    capacity = instance.worksites.map(\.capacity)
    holders = instance.worksites.map { [[Int32]](repeating: [], count: $0.slots.count) }
  }

  /// Every slotted placement held.
  var entries: [MenuPlacement.Entry] {
    held.flatMap { person, list in
      list.map { MenuPlacement.Entry(student: person, worksite: $0.worksite, slot: $0.slot) }
    }
  }

  private func holds(_ p: Int, _ l: Int32) -> Bool {
    held[p]?.contains { $0.label == l } ?? false
  }

  private func free(_ w: Int, _ t: Int) -> Bool { holders[w][t].count < capacity[w] }

  private mutating func take(_ p: Int, _ w: Int, _ t: Int) {
    holders[w][t].append(Int32(p))
    held[p, default: []].append((label[w][t], w, t))
  }

  /// Gives `p` slot `t` at `w` when it has a seat free and `p` does not hold its label.
  mutating func take(preferred p: Int, _ w: Int, _ t: Int) -> Bool {
    guard label[w].indices.contains(t), free(w, t), !holds(p, label[w][t]) else { return false }
    take(p, w, t)
    return true
  }

  /// Holds `p`'s pin at `w` in slot `t`.
  mutating func pin(_ p: Int, _ w: Int, _ t: Int) {
    take(p, w, t)
    pinned.insert(p << 32 | w)
  }

  /// Moves `p`'s placement at `w` from slot `t` to slot `u`.
  private mutating func move(_ p: Int, _ w: Int, from t: Int, to u: Int) {
    holders[w][t].removeAll { $0 == Int32(p) }
    holders[w][u].append(Int32(p))
    guard var list = held[p], let k = list.firstIndex(where: { $0.worksite == w }) else { return }
    list[k] = (label[w][u], w, u)
    held[p] = list
  }

  /// Gives `p` a slot at `w`, directly or (with `repair`) after one repair step; false when
  /// that fails.
  mutating func assign(_ p: Int, _ w: Int, repair: Bool) -> Bool {
    let slots = label[w].indices
    if let t = slots.first(where: { free(w, $0) && !holds(p, label[w][$0]) }) {
      take(p, w, t)
      return true
    }
    guard repair else { return false }
    // A free slot whose label p holds elsewhere: move that placement of p's to another slot.
    for t in slots where free(w, t) {
      guard let mine = held[p]?.first(where: { $0.label == label[w][t] }),
        !pinned.contains(p << 32 | mine.worksite)
      else { continue }
      let v = mine.worksite
      if let u = label[v].indices.first(where: {
        $0 != mine.slot && free(v, $0) && !holds(p, label[v][$0])
      }) {
        move(p, v, from: mine.slot, to: u)
        take(p, w, t)
        return true
      }
    }
    // A full slot whose label p does not hold: move one of its people to a free slot of w.
    for t in slots where !free(w, t) && !holds(p, label[w][t]) {
      for q in holders[w][t] where !pinned.contains(Int(q) << 32 | w) {
        let other = Int(q)
        if let u = slots.first(where: { free(w, $0) && !holds(other, label[w][$0]) }) {
          move(other, w, from: t, to: u)
          take(p, w, t)
          return true
        }
      }
    }
    return false
  }
}
