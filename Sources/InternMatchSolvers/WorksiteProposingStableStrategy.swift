import InternMatchModel

/// Stable placement from the other side: worksite-proposing deferred acceptance (Gale & Shapley
/// 1962; Roth, "Stability and polarization of interests in job matching", Econometrica 1984,
/// for worksites that choose among sets of applicants by a substitutable choice function).
///
/// Every worksite offers its seats to the applicants its ``/InternMatchModel/SeatPlan`` chooses among those who
/// have not yet turned it down, by the same ``/InternMatchModel/WorksitePriorities`` as ``StableStrategy``; every
/// student holds the best offer they have (by their own list) and turns down the rest; a
/// worksite turned down offers again, until nobody turns anyone down. The result is the
/// worksite-optimal stable placement: stable (no blocking pair, nobody held whom their
/// worksite finds unacceptable), and — by the polarisation of interests in the lattice of
/// stable placements — every student weakly prefers every other stable placement to it. It is
/// not strategy-proof for students (a student may gain by leaving worksites off their list).
/// Pinned students hold their seats from the start, ahead of everyone, and receive no other
/// offer.
///
/// Seat plans with reserves and school limits choose substitutably (see ``/InternMatchModel/SeatPlan``), so a
/// student once offered a seat stays chosen while they have not turned it down; this is what
/// makes one pass of offers enough. Side constraints honoured: pins, `max_per_school` and
/// reserves, the same as ``StableStrategy``.
///
/// ```swift
/// let result = try WorksiteProposingStableStrategy(seed: 2026).place(instance)
/// let p = WorksitePriorities(instance: instance, seed: 2026)
/// instance.blockingPairs(in: result.placement, priorities: p).isEmpty  // true
/// ```
///
/// - Complexity: O(L log L) to sort every worksite's applicants, then O(L) offers at plain
///   worksites (each offer moves a pointer down the worksite's applicants); a worksite with
///   reserves or a school limit re-chooses among its remaining applicants after each refusal,
///   O(a·stages) for a applicants, so O(L·a) there. O(S + L + W) memory.
public struct WorksiteProposingStableStrategy: LotteryStrategy {
  /// The lottery seed of the worksite priorities.
  public var seed: UInt64

  /// Creates the strategy.
  public init(seed: UInt64) { self.seed = seed }

  public var name: String { "stable-worksite-proposing" }
  public var supportedRules: Set<SideRule> { [.pins, .maxPerSchool, .reserves] }

  public func place(_ instance: PlacementInstance) throws(SolverError) -> PlacementResult {
    try requireSupport(of: instance)
    let priorities = WorksitePriorities(instance: instance, seed: seed)
    var run = WorksiteProposals(instance: instance, priorities: priorities)
    run.run()
    var placement = Placement(studentCount: instance.students.count)
    for (s, w) in run.held.enumerated() where w >= 0 { placement.assign(student: s, to: Int(w)) }
    var result = PlacementResult(
      placement: placement, objective: instance.objective(of: placement, rankCost: .linear),
      strategy: name, solver: "worksite-proposing-deferred-acceptance",
      statistics: ["offers": run.offers, "refusals": run.refusals])
    result.priorities = priorities
    return result
  }
}

/// The state of one worksite-proposing run.
///
/// Each worksite's applicants (students with an acceptable eligible choice of it, plus those
/// pinned there) are sorted best first once; an applicant who turns the worksite down is struck
/// off for good. A plain worksite's offers are always the first `capacity` applicants not
/// struck off, so a pointer walks down its list; any other worksite asks its seat plan again.
struct WorksiteProposals {
  let instance: PlacementInstance
  let plans: [SeatPlan]
  let schools: [Int32]
  /// Worksite `w`'s applicants are `applicant[first[w] ..< first[w + 1]]`, best first.
  var first: [Int]
  var applicant: [Int32]
  /// The choice entry of each applicant slot (its position in the student's list), or -1 for a
  /// pinned student who did not list the worksite.
  var entry: [Int]
  /// Whether the applicant in a slot has turned the worksite down.
  var struck: [Bool]
  /// Whether the applicant in a slot holds an offer from the worksite.
  var offered: [Bool]
  /// A plain worksite's next slot to offer to, and its outstanding offers.
  var cursor: [Int]
  var outstanding: [Int]
  /// The worksite each student holds an offer from (-1: none), and the slot of that offer.
  var held: [Int32]
  var heldSlot: [Int]
  var offers = 0
  var refusals = 0

  init(instance: PlacementInstance, priorities: WorksitePriorities) {
    self.instance = instance
    plans = instance.worksites.map { SeatPlan(worksite: $0, policy: instance.policy) }
    schools = instance.schoolIndices(for: plans)
    let choices = instance.choices
    let pinned = instance.pinnedWorksite
    var lists = [[(key: UInt64, student: Int32, entry: Int)]](
      repeating: [], count: instance.worksites.count)
    for s in 0..<instance.students.count {
      if pinned[s] >= 0 {
        let w = Int(pinned[s])
        let c = choices.range(of: s).first { Int(choices.worksite[$0]) == w } ?? -1
        lists[w].append((WorksitePriorities.pinned, Int32(s), c))
        continue
      }
      for c in choices.range(of: s) where priorities.key[c] != WorksitePriorities.unacceptable {
        lists[Int(choices.worksite[c])].append((priorities.key[c], Int32(s), c))
      }
    }
    var first = [0]
    first.reserveCapacity(lists.count + 1)
    var applicant: [Int32] = []
    var entry: [Int] = []
    applicant.reserveCapacity(choices.count)
    entry.reserveCapacity(choices.count)
    for var list in lists {
      list.sort { ($0.key, $0.student) < ($1.key, $1.student) }
      applicant.append(contentsOf: list.map(\.student))
      entry.append(contentsOf: list.map(\.entry))
      first.append(applicant.count)
    }
    self.first = first
    self.applicant = applicant
    self.entry = entry
    struck = [Bool](repeating: false, count: applicant.count)
    offered = [Bool](repeating: false, count: applicant.count)
    cursor = Array(first.dropLast())
    outstanding = [Int](repeating: 0, count: instance.worksites.count)
    held = [Int32](repeating: -1, count: instance.students.count)
    heldSlot = [Int](repeating: -1, count: instance.students.count)
  }

  /// Offers until no student turns a worksite down.
  mutating func run() {
    var pending = Array((0..<instance.worksites.count).reversed())
    var queued = [Bool](repeating: true, count: instance.worksites.count)
    while let w = pending.popLast() {
      queued[w] = false
      for slot in newOffers(at: w) {
        offers += 1
        offered[slot] = true
        let s = Int(applicant[slot])
        if held[s] < 0 {
          hold(s, slot: slot, at: w)
          continue
        }
        // The student keeps the better of the two offers and turns the other down. A pinned
        // student receives no other offer, so only free students get here.
        let keepNew = entry[slot] < entry[heldSlot[s]]
        let refusedSlot = keepNew ? heldSlot[s] : slot
        let refused = keepNew ? Int(held[s]) : w
        if keepNew { hold(s, slot: slot, at: w) }
        refusals += 1
        struck[refusedSlot] = true
        offered[refusedSlot] = false
        outstanding[refused] -= 1
        if !queued[refused] {
          queued[refused] = true
          pending.append(refused)
        }
      }
    }
  }

  private mutating func hold(_ s: Int, slot: Int, at w: Int) {
    held[s] = Int32(w)
    heldSlot[s] = slot
  }

  /// The slots worksite `w` offers a seat to now and has not offered before.
  private mutating func newOffers(at w: Int) -> [Int] {
    let capacity = max(instance.worksites[w].capacity, 0)
    var fresh: [Int] = []
    if plans[w].isPlain {
      while outstanding[w] < capacity, cursor[w] < first[w + 1] {
        if !struck[cursor[w]] {
          fresh.append(cursor[w])
          outstanding[w] += 1
        }
        cursor[w] += 1
      }
      return fresh
    }
    let slots = (first[w]..<first[w + 1]).filter { !struck[$0] }
    let pinned = instance.pinnedWorksite
    let chosen = plans[w].choose(
      slots.map { applicant[$0] }, forced: { pinned[Int($0)] == w }, in: instance,
      schools: schools)
    for (i, slot) in slots.enumerated() where chosen[i] && !offered[slot] {
      fresh.append(slot)
      outstanding[w] += 1
    }
    return fresh
  }
}
