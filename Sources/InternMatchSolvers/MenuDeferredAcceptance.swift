import InternMatchModel

/// Person-proposing deferred acceptance over one kind of a menu of activities at a time, with
/// quotas on both sides and time slots (what `stable` runs on a menu; see
/// ``StableStrategy/placeMenu(_:)`` for the rule and what it guarantees).
///
/// A worksite of the kind offers one *seat group* per slot (one without slots), each of
/// `capacity` seats. A person's candidates are the seat groups of their eligible choices of the
/// kind that accept them (`rankings.csv`), best worksite first and, within one worksite, its
/// slots in the row's order; a group whose label the person holds from a kind served before is
/// left out. While a person holds fewer than `max_per_participant` groups they propose to their
/// first candidate (from the top of the list) that has not rejected them and is compatible with
/// what they hold: not at a worksite they hold, not a label they hold, within
/// `max_per_employer`. A group keeps its best `capacity` proposers by ``/InternMatchModel/WorksitePriorities``
/// and rejects the rest — at a worksite with `max_per_school`, the worksite chooses over all
/// its groups at once: its proposers by priority, each kept when their group has a seat left
/// and their school fewer than `max_per_school` kept so far; a rejected
/// candidate is never proposed to again, and a person who
/// loses a group looks again from the top of their list. People are processed from a stack,
/// started in lottery order (tier first); someone who loses a group goes on top of it.
///
/// ```swift
/// var run = MenuDeferredAcceptance(instance, priorities: priorities)
/// run.place(rule: menu.served[0], order: priorities.sequence)
/// run.entries  // the first kind's placements
/// ```
///
/// - Complexity: per kind O(C·(log q + h·k)) for C candidate groups, heaps of at most q seats,
///   at most h held groups a person and k candidates a person (a look from the top after each
///   loss); O(C + S) memory. Seat groups hold min(capacity, candidates) seats, never more.
struct MenuDeferredAcceptance {
  private let instance: PlacementInstance
  private let priorities: WorksitePriorities
  /// Each worksite's slot labels, as small integers shared across worksites.
  private let labels: [[Int32]]
  /// Each worksite's `max_per_employer` group (employer, or the worksite on its own).
  private let employer: [Int32]
  /// Each person's school as a small integer (empty when no worksite has `max_per_school`).
  private let schools: [Int32]
  /// Slot labels each person holds from the kinds placed so far and from their pins.
  private var taken: [[Int32]]
  /// Each person's pins (``/InternMatchModel/PlacementInstance/menuPins``).
  private let pins: [[MenuPlacement.Entry]]
  /// Every placement made so far, kind after kind.
  private(set) var entries: [MenuPlacement.Entry] = []
  private(set) var proposals = 0
  private(set) var rejections = 0

  init(_ instance: PlacementInstance, priorities: WorksitePriorities) {
    self.instance = instance
    self.priorities = priorities
    labels = instance.slotLabelIDs()
    employer = instance.employerGroupIDs()
    taken = [[Int32]](repeating: [], count: instance.students.count)
    schools =
      instance.worksites.contains { $0.maxPerSchool != nil } ? instance.schoolIndices : []
    // Pins hold their seats and slots from the start, ahead of every kind.
    pins = instance.menuPinsByPerson
    for e in instance.menuPins {
      if let t = e.slot { taken[e.student].append(labels[e.worksite][t]) }
    }
    entries = instance.menuPins
  }

  /// Places `rule`'s kind among `order` (the people it is offered to, in processing order),
  /// around the slot labels the kinds placed before hold. A pin of the kind holds its seat
  /// throughout and counts toward the person's `max_per_participant` and `max_per_employer`.
  mutating func place(rule: ActivityRule, order: [Int]) {
    let q = rule.maxPerParticipant
    guard q > 0, !order.isEmpty else { return }
    let sites = instance.worksites
    let choices = instance.choices
    // Seat groups: worksite w of the kind owns groups base[w] ..< base[w] + max(1, slots).
    var base = [Int](repeating: -1, count: sites.count)
    var groupCount = 0
    for (w, site) in sites.enumerated() where site.kind == rule.kind {
      base[w] = groupCount
      groupCount += max(1, site.slots.count)
    }
    // Candidates, person by person (local index i, in `order`).
    var first = [Int](repeating: 0, count: order.count + 1)
    var group: [Int32] = []
    var worksite: [Int32] = []
    var label: [Int32] = []
    var key: [UInt64] = []
    var applicants = [Int](repeating: 0, count: groupCount)
    var seen: Set<Int32> = []
    // Pins of the kind: seats taken in their groups, and what each person holds already.
    var pinnedSeats = [Int](repeating: 0, count: groupCount)
    var quota = [Int](repeating: q, count: order.count)
    var pinnedEmployers = [[Int32]](repeating: [], count: order.count)
    for (i, s) in order.enumerated() {
      for e in pins[s] where base[e.worksite] >= 0 {
        pinnedSeats[base[e.worksite] + (e.slot ?? 0)] += 1
        quota[i] -= 1
        pinnedEmployers[i].append(employer[e.worksite])
      }
    }
    for (i, s) in order.enumerated() {
      seen.removeAll(keepingCapacity: true)
      for e in pins[s] { seen.insert(Int32(e.worksite)) }
      for c in choices.range(of: s) {
        let w = Int(choices.worksite[c])
        guard base[w] >= 0, priorities.key[c] != WorksitePriorities.unacceptable,
          seen.insert(Int32(w)).inserted
        else { continue }
        for t in 0..<max(1, sites[w].slots.count) {
          let l = sites[w].slots.isEmpty ? -1 : labels[w][t]
          if l >= 0, taken[s].contains(l) { continue }
          group.append(Int32(base[w] + t))
          worksite.append(Int32(w))
          label.append(l)
          key.append(priorities.key[c])
          applicants[base[w] + t] += 1
        }
      }
      first[i + 1] = group.count
    }
    // Each group's heap of held (key, person), the worst on top, in flat arrays.
    var start = [Int](repeating: 0, count: groupCount + 1)
    var capacity = [Int](repeating: 0, count: groupCount)
    for (w, site) in sites.enumerated() where base[w] >= 0 {
      for t in 0..<max(1, site.slots.count) {
        capacity[base[w] + t] = min(
          max(site.capacity - pinnedSeats[base[w] + t], 0), applicants[base[w] + t])
      }
    }
    for g in 0..<groupCount { start[g + 1] = start[g] + capacity[g] }
    var count = [Int](repeating: 0, count: groupCount)
    var heldKey = [UInt64](repeating: 0, count: start[groupCount])
    var heldPerson = [Int32](repeating: 0, count: start[groupCount])
    // Each person's held candidates, next candidate to look at, and the rejected ones.
    var held = [[Int]](repeating: [], count: order.count)
    var next = Array(first.dropLast())
    var rejected = [Bool](repeating: false, count: group.count)
    var isHeld = [Bool](repeating: false, count: group.count)
    let limit = rule.maxPerEmployer ?? Int.max

    /// Whether candidate `c` may join person `i`'s held groups.
    func compatible(_ c: Int, _ i: Int) -> Bool {
      var sameEmployer = pinnedEmployers[i].count { $0 == employer[Int(worksite[c])] }
      for h in held[i] {
        if worksite[h] == worksite[c] || (label[c] >= 0 && label[h] == label[c]) { return false }
        if employer[Int(worksite[h])] == employer[Int(worksite[c])] { sameEmployer += 1 }
      }
      return sameEmployer < limit
    }

    // Heaps hold person indices (ties broken by index, as everywhere); `local` maps back.
    var local = [Int](repeating: -1, count: instance.students.count)
    for (i, s) in order.enumerated() { local[s] = i }
    var stack = Array(order.indices.reversed())
    var onStack = [Bool](repeating: true, count: order.count)
    // What each worksite with `max_per_school` holds (it keeps no heaps): its candidates in
    // its order (key, then person index), with their local person and school.
    var heldAt: [Int: [(key: UInt64, student: Int32, candidate: Int, person: Int, school: Int32)]] =
      [:]
    var slotSeats: [Int] = []
    var schoolSeats: [Int32: Int] = [:]
    /// Person `loser` loses held candidate `d`, and looks again from the top of their list.
    func lose(_ d: Int, _ loser: Int) {
      held[loser].removeAll { $0 == d }
      isHeld[d] = false
      rejected[d] = true
      rejections += 1
      next[loser] = first[loser]
      if !onStack[loser] {
        onStack[loser] = true
        stack.append(loser)
      }
    }
    while let i = stack.popLast() {
      onStack[i] = false
      while held[i].count < quota[i] {
        var c = next[i]
        while c < first[i + 1], rejected[c] || isHeld[c] || !compatible(c, i) { c += 1 }
        guard c < first[i + 1] else {
          next[i] = c
          break
        }
        next[i] = c + 1
        proposals += 1
        let g = Int(group[c])
        let window = start[g]..<start[g + 1]
        let w = Int(worksite[c])
        if let schoolLimit = sites[w].maxPerSchool {
          // The worksite chooses among everyone it holds and the newcomer, in its order: each
          // kept while their slot has a seat and their school fewer than `max_per_school`.
          var list = heldAt[w] ?? []
          let newcomer = (key[c], Int32(order[i]), c, i, schools[order[i]])
          var at = list.count
          while at > 0, (list[at - 1].key, list[at - 1].student) > (newcomer.0, newcomer.1) {
            at -= 1
          }
          list.insert(newcomer, at: at)
          slotSeats = [Int](repeating: 0, count: max(1, sites[w].slots.count))
          schoolSeats.removeAll(keepingCapacity: true)
          var kept = list
          kept.removeAll(keepingCapacity: true)
          var newcomerKept = false
          for e in list {
            let h = Int(group[e.candidate])
            if slotSeats[h - base[w]] < capacity[h], schoolSeats[e.school, default: 0] < schoolLimit
            {
              slotSeats[h - base[w]] += 1
              schoolSeats[e.school, default: 0] += 1
              kept.append(e)
              if e.candidate == c { newcomerKept = true }
            } else if e.candidate != c {
              count[h] -= 1
              lose(e.candidate, e.person)
            }
          }
          heldAt[w] = kept
          guard newcomerKept else {
            rejected[c] = true
            rejections += 1
            continue
          }
          count[g] += 1
        } else if count[g] < capacity[g] {
          heldKey.withUnsafeMutableBufferPointer { keys in
            heldPerson.withUnsafeMutableBufferPointer { people in
              HeldOrder.siftUp(
                .init(rebasing: keys[window]), .init(rebasing: people[window]), from: count[g],
                key: key[c], student: Int32(order[i]))
            }
          }
          count[g] += 1
        } else if capacity[g] > 0,
          (key[c], Int32(order[i])) < (heldKey[start[g]], heldPerson[start[g]])
        {
          // The newcomer beats the worst held person, who loses the group.
          let loser = local[Int(heldPerson[start[g]])]
          guard let lost = held[loser].firstIndex(where: { group[$0] == group[c] }) else {
            preconditionFailure("a held person holds the group")
          }
          lose(held[loser][lost], loser)
          heldKey.withUnsafeMutableBufferPointer { keys in
            heldPerson.withUnsafeMutableBufferPointer { people in
              HeldOrder.siftDown(
                .init(rebasing: keys[window]), .init(rebasing: people[window]),
                count: count[g], key: key[c], student: Int32(order[i]))
            }
          }
        } else {
          rejected[c] = true
          rejections += 1
          continue
        }
        isHeld[c] = true
        held[i].append(c)
      }
    }
    for (i, s) in order.enumerated() {
      for c in held[i] {
        let w = Int(worksite[c])
        let slot = sites[w].slots.isEmpty ? nil : Int(group[c]) - base[w]
        entries.append(MenuPlacement.Entry(student: s, worksite: w, slot: slot))
        if label[c] >= 0 { taken[s].append(label[c]) }
      }
    }
  }
}
