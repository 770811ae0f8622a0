import InternMatchModel

/// Binary max-heap operations on two parallel buffers, ordered by `(key, student)`: the worst
/// held student (largest key, then largest index) sits at position 0.
///
/// ```swift
/// // keys [7, 3], students [4, 1]: push (5, 2) at position 2 → keys [7, 3, 5]
/// HeldOrder.siftUp(keys, students, from: 2, key: 5, student: 2)
/// ```
///
/// - Complexity: O(log n) per operation.
enum HeldOrder {
  /// Places `(key, student)` at position `i` (a free slot at the end) and sifts it up.
  @inline(__always)
  static func siftUp(
    _ keys: UnsafeMutableBufferPointer<UInt64>, _ students: UnsafeMutableBufferPointer<Int32>,
    from i: Int, key: UInt64, student: Int32
  ) {
    var i = i
    while i > 0 {
      let parent = (i - 1) / 2
      guard (keys[parent], students[parent]) < (key, student) else { break }
      keys[i] = keys[parent]
      students[i] = students[parent]
      i = parent
    }
    keys[i] = key
    students[i] = student
  }

  /// Places `(key, student)` at the root of a heap of `n` elements and sifts it down.
  @inline(__always)
  static func siftDown(
    _ keys: UnsafeMutableBufferPointer<UInt64>, _ students: UnsafeMutableBufferPointer<Int32>,
    count n: Int, key: UInt64, student: Int32
  ) {
    var i = 0
    while true {
      var child = 2 * i + 1
      guard child < n else { break }
      if child + 1 < n, (keys[child], students[child]) < (keys[child + 1], students[child + 1]) {
        child += 1
      }
      guard (key, student) < (keys[child], students[child]) else { break }
      keys[i] = keys[child]
      students[i] = students[child]
      i = child
    }
    keys[i] = key
    students[i] = student
  }
}

/// A growable max-heap of held students by `(key, student)`, the worst on top: one seat stage
/// of a worksite with reserves, or the students of one school at a worksite with a school limit.
///
/// ```swift
/// var heap = HeldHeap()
/// heap.push(2, key: 9)
/// heap.push(5, key: 4)
/// heap.top?.student  // 2: key 9 is the worst
/// ```
///
/// - Complexity: O(log n) to push, pop or replace the top; memory follows the students held.
struct HeldHeap {
  private(set) var keys: [UInt64] = []
  private(set) var students: [Int32] = []

  var count: Int { students.count }

  /// The worst held student, or `nil` when empty.
  var top: (key: UInt64, student: Int32)? {
    students.isEmpty ? nil : (keys[0], students[0])
  }

  mutating func push(_ student: Int32, key: UInt64) {
    keys.append(key)
    students.append(student)
    let i = students.count - 1
    keys.withUnsafeMutableBufferPointer { k in
      students.withUnsafeMutableBufferPointer { s in
        HeldOrder.siftUp(k, s, from: i, key: key, student: student)
      }
    }
  }

  /// Removes and returns the worst held student.
  @discardableResult
  mutating func popTop() -> (key: UInt64, student: Int32) {
    let worst = (key: keys[0], student: students[0])
    let last = (keys.removeLast(), students.removeLast())
    if !students.isEmpty { siftDownFromRoot(last.0, last.1) }
    return worst
  }

  /// Puts `student` in the worst held student's place and returns that student.
  mutating func replaceTop(_ student: Int32, key: UInt64) -> (key: UInt64, student: Int32) {
    let worst = (key: keys[0], student: students[0])
    siftDownFromRoot(key, student)
    return worst
  }

  private mutating func siftDownFromRoot(_ key: UInt64, _ student: Int32) {
    let n = students.count
    keys.withUnsafeMutableBufferPointer { k in
      students.withUnsafeMutableBufferPointer { s in
        HeldOrder.siftDown(k, s, count: n, key: key, student: student)
      }
    }
  }
}

/// What a worksite with reserves (and no school limit) holds during deferred acceptance, seat
/// stage by seat stage, so that a proposal costs O(stages · log q) instead of re-choosing among
/// everyone held.
///
/// Re-running the ``SeatPlan`` on the held students plus a newcomer differs from the last run by
/// one carried student per stage: the newcomer enters the first stage; a stage that takes the
/// carried student either has a free seat (the cascade stops) or releases its worst student of
/// the same kind — its worst reverted (non-member) student when a member comes in and members
/// did not fill it, else its worst member — who is carried to the next stage. A stage that does
/// not take them passes them on; whoever is carried out of the last stage is rejected. Each
/// stage's members and reverted students are two max-heaps, so the cascade is exact (it equals
/// ``SeatPlan/choose(_:forced:in:schools:)`` on the same students, which the tests check) and
/// every step is a heap operation. Pinned students sit in the stages ``SeatPlan`` gives them
/// and are never carried.
struct StagedSeats {
  /// The group of each stage; `nil` for open seats.
  let groups: [String?]
  /// Seats of each stage not taken by pinned students.
  let seats: [Int]
  let reservesRevert: Bool
  /// Pinned students, who hold their seats throughout.
  let pinned: [Int32]
  private var members: [HeldHeap]
  private var reverted: [HeldHeap]

  /// The seats of `plan` with `pinned` (best first) seated as the plan seats forced applicants.
  init(plan: SeatPlan, pinned: [Int32], in instance: PlacementInstance) {
    groups = plan.stages.map(\.group)
    reservesRevert = plan.reservesRevert
    self.pinned = pinned
    var left = plan.stages.map(\.seats)
    for s in pinned {
      if let t = plan.forcedStage(of: s, left: left, in: instance) { left[t] -= 1 }
    }
    seats = left
    members = Array(repeating: HeldHeap(), count: groups.count)
    reverted = Array(repeating: HeldHeap(), count: groups.count)
  }

  /// Offers a seat to `student`: returns the student rejected (the newcomer or one held), or
  /// `nil` when nobody is.
  ///
  /// - Complexity: O(stages · log q).
  mutating func offer(_ student: Int32, key: UInt64, in instance: PlacementInstance) -> Int32? {
    var carried = (key: key, student: student)
    for t in groups.indices {
      let isMember = groups[t].map(instance.students[Int(carried.student)].groups.contains) ?? true
      if isMember {
        if members[t].count < seats[t] {
          // Members did not fill the stage: the newcomer member takes a free seat or the seat
          // of the worst reverted student, who moves on.
          members[t].push(carried.student, key: carried.key)
          guard members[t].count + reverted[t].count > seats[t] else { return nil }
          carried = reverted[t].popTop()
        } else if seats[t] > 0, let worst = members[t].top, carried < worst {
          carried = members[t].replaceTop(carried.student, key: carried.key)
        }
      } else if reservesRevert {
        let free = seats[t] - members[t].count
        if reverted[t].count < free {
          reverted[t].push(carried.student, key: carried.key)
          return nil
        }
        if free > 0, let worst = reverted[t].top, carried < worst {
          carried = reverted[t].replaceTop(carried.student, key: carried.key)
        }
      }
    }
    return carried.student
  }

  /// Every student held, pinned first.
  var held: [Int32] {
    pinned + members.flatMap(\.students) + reverted.flatMap(\.students)
  }
}

/// What a worksite with a school limit (and no reserves) holds during deferred acceptance: the
/// held students of each school in a max-heap, and all of them in one more, so that a proposal
/// costs O(log q) instead of re-choosing among everyone held.
///
/// The seat plan takes the best applicants, skipping those whose school is at its limit. For
/// held students plus a newcomer of school k: when k's held students are at the limit, the
/// newcomer replaces k's worst if better (nobody else changes, the count stays); otherwise the
/// newcomer is seated if a seat is free, else the worst held student overall — the worst of
/// their own school too — is rejected if the newcomer is better. A student leaving the
/// overall heap from its middle is removed lazily (`holder` tells who still holds a seat here).
/// Pinned students count against their school's limit and the seats, and are never rejected.
struct SchoolLimitedSeats {
  let worksite: Int32
  let limit: Int
  /// Seats not taken by pinned students.
  let seats: Int
  let pinned: [Int32]
  /// Seats of each school left after its pinned students.
  private var schoolRoom: [Int32: Int]
  private var bySchool: [Int32: HeldHeap] = [:]
  private var all = HeldHeap()
  private var live = 0

  init(worksite w: Int, capacity: Int, limit: Int, pinned: [Int32], schools: [Int32]) {
    worksite = Int32(w)
    self.limit = limit
    self.pinned = pinned
    seats = capacity - pinned.count
    var room: [Int32: Int] = [:]
    for s in pinned { room[schools[Int(s)], default: limit] -= 1 }
    schoolRoom = room
  }

  /// Offers a seat to `student`: returns the student rejected (the newcomer or one held), or
  /// `nil` when nobody is. `schools` numbers every student's school; `holder` is each
  /// student's worksite or -1.
  ///
  /// - Complexity: O(log q) amortized.
  mutating func offer(
    _ student: Int32, key: UInt64, schools: [Int32], holder: inout [Int32]
  ) -> Int32? {
    let school = schools[Int(student)]
    let room = schoolRoom[school, default: limit]
    let mates = bySchool[school, default: HeldHeap()]
    if mates.count >= room {
      guard room > 0, let worst = mates.top, (key, student) < worst else { return student }
      _ = bySchool[school, default: HeldHeap()].replaceTop(student, key: key)
      all.push(student, key: key)
      holder[Int(student)] = worksite
      holder[Int(worst.student)] = -1  // left in `all`, removed lazily
      return worst.student
    }
    if live < seats {
      bySchool[school, default: HeldHeap()].push(student, key: key)
      all.push(student, key: key)
      live += 1
      holder[Int(student)] = worksite
      return nil
    }
    while let top = all.top, holder[Int(top.student)] != worksite { all.popTop() }
    guard seats > 0, let worst = all.top, (key, student) < worst else { return student }
    // The worst overall is the worst of their school as well: the top of its heap.
    all.popTop()
    bySchool[schools[Int(worst.student)]]?.popTop()
    bySchool[school, default: HeldHeap()].push(student, key: key)
    all.push(student, key: key)
    holder[Int(worst.student)] = -1
    holder[Int(student)] = worksite
    return worst.student
  }

  /// Every student held, pinned first.
  func held(holder: [Int32]) -> [Int32] {
    pinned + all.students.filter { holder[Int($0)] == worksite }
  }
}
