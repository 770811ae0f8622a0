import Foundation
import InternMatchModel

/// Each worksite's cutoff under `stable`: the priority of the last applicant it admitted (the
/// worst key among those it holds).
///
/// A priority reads `rank 12` at a worksite with its own ranking, else
/// `tier 1, lottery 0.4123`: the tier is the position (from 1) of the student's first group in
/// the policy's `priority_groups` (students in none: one past the last), and the lottery number
/// is the student's draw for the seed as a fraction in [0, 1) — with single tie-breaking their
/// position in the seeded shuffle of all students divided by the number of students, with
/// multiple tie-breaking the pair's 32-bit draw divided by 2³² (``WorksitePriorities``). Lower
/// numbers come first.
struct Cutoffs {
  private let instance: PlacementInstance
  private let priorities: WorksitePriorities
  /// The worst key held at each worksite, and by whom (-1 when empty).
  private var worst: [(key: UInt64, student: Int)]
  private var ranking: [Bool]

  init(_ instance: PlacementInstance, placement: Placement, priorities: WorksitePriorities) {
    self.instance = instance
    self.priorities = priorities
    worst = Array(repeating: (0, -1), count: instance.worksites.count)
    ranking = [Bool](repeating: false, count: instance.worksites.count)
    for r in instance.rankingIndices { ranking[Int(r.worksite)] = true }
    for s in 0..<instance.students.count {
      guard let w = placement.worksite(of: s) else { continue }
      let key = priorities.key(of: s, at: w, in: instance)
      if worst[w].student < 0 || key > worst[w].key { worst[w] = (key, s) }
    }
  }

  /// The cutoff key of `worksite`, or `nil` when it holds no one.
  func cutoff(of worksite: Int) -> UInt64? {
    worst[worksite].student < 0 ? nil : worst[worksite].key
  }

  /// `cutoff=…; yours=…` for `student`, who was not admitted at `worksite`.
  func detail(student s: Int, worksite w: Int) -> String {
    let held = worst[w]
    let cutoff = held.student < 0 ? "none" : describe(held.key, student: held.student, at: w)
    let yours = describe(priorities.key(of: s, at: w, in: instance), student: s, at: w)
    return "cutoff=\(cutoff); yours=\(yours)"
  }

  private func describe(_ key: UInt64, student s: Int, at w: Int) -> String {
    if key == WorksitePriorities.pinned { return "pinned" }
    if key == WorksitePriorities.unacceptable { return "not ranked" }
    if ranking[w] { return "rank \(key >> 32)" }
    let lottery =
      instance.policy.tieBreaking == .multiple
      ? Double(key & 0xFFFF_FFFF) / 4_294_967_296
      : Double(priorities.lottery[s]) / Double(max(instance.students.count, 1))
    return "tier \(key >> 32), lottery " + String(format: "%.4f", lottery)
  }
}

/// Each worksite's last turn under `serial-dictatorship` or `greedy`: the lottery position
/// (from 1, in the order the strategy gives turns: priority tier, then lottery) of the last
/// student to take a seat there, and under `greedy` the round (the rank they gave it).
struct Turns {
  private let instance: PlacementInstance
  private let turn: [Int]
  private var last: [(round: Int, turn: Int)]
  private var pinnedOnly: [Bool]

  /// Each student's position (from 1) in the turn order drawn from `seed`.
  static func positions(_ instance: PlacementInstance, seed: UInt64) -> [Int] {
    var turn = [Int](repeating: 0, count: instance.students.count)
    for (k, s) in WorksitePriorities(instance: instance, seed: seed).sequence.enumerated() {
      turn[s] = k + 1
    }
    return turn
  }

  init(_ instance: PlacementInstance, placement: Placement, seed: UInt64) {
    self.instance = instance
    let turn = Self.positions(instance, seed: seed)
    self.turn = turn
    last = Array(repeating: (0, 0), count: instance.worksites.count)
    pinnedOnly = [Bool](repeating: false, count: instance.worksites.count)
    for s in 0..<instance.students.count {
      guard let w = placement.worksite(of: s) else { continue }
      if instance.pinnedWorksite[s] >= 0 {
        if last[w].turn == 0 { pinnedOnly[w] = true }
        continue
      }
      pinnedOnly[w] = false
      let entry = (instance.choices.rank(of: s, for: w) ?? 0, turn[s])
      if entry > last[w] { last[w] = entry }
    }
  }

  /// The position of `student` in the turn order (from 1).
  func position(of student: Int) -> Int { turn[student] }

  /// The last (round, lottery position) that took a seat at `worksite`; `nil` when none did.
  func lastTurn(at worksite: Int) -> (round: Int, turn: Int)? {
    last[worksite].turn == 0 ? nil : last[worksite]
  }

  /// `filled=…; yours=…` for `student` at `worksite`.
  func detail(student s: Int, worksite w: Int, rounds: Bool) -> String {
    let filled: String
    if let (round, turn) = lastTurn(at: w) {
      filled = rounds ? "round \(round), lottery position \(turn)" : "lottery position \(turn)"
    } else {
      filled = pinnedOnly[w] ? "pinned" : "none"
    }
    let round = instance.students[s].preferences.firstIndex(of: instance.worksites[w].id) ?? 0
    let yours =
      rounds
      ? "round \(round + 1), lottery position \(turn[s])" : "lottery position \(turn[s])"
    return "filled=\(filled); yours=\(yours)"
  }
}
