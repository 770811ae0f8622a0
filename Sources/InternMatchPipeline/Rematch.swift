import InternMatchIO
import InternMatchModel
import InternMatchSolvers

/// A re-match: the updated dataset placed again from an earlier run's `placements.csv`, moving
/// as few of its placed students as the strategy allows.
///
/// ```swift
/// let previous = try PlacementFile.read(path: "out/placements.csv", instance: updated.instance)
/// let run = try PlacementRun(updated, configuration: .init(rematch: Rematch(previous: previous)))
/// run.changes.filter { $0.change == .moved }.count  // students moved to another worksite
/// ```
///
/// What each strategy keeps (a student *keeps* their seat when it still exists: the worksite is
/// still in the data with seats, and still an eligible choice of theirs or their pin):
/// - `optimal`, `optimal-squared`: most placed, then most kept, then least rank cost, exactly
///   (``/InternMatchSolvers/OptimalStrategy/rematch(_:previous:keepPlaced:)``).
/// - `stable`: incumbency priority — each kept seat's holder comes first there (after pins), so
///   they keep it unless they get a choice they like better; the result is stable with respect
///   to those priorities.
/// - `serial-dictatorship`, `greedy`, `stable-worksite-proposing`, `top-trading-cycles`: seats
///   that still exist are held as pins (where a
///   worksite's seats were cut, its previous students in lottery order), and the strategy
///   places the rest.
/// - With ``keepPlaced``, `stable` also holds the seats as pins (nobody moves, even up), and
///   `optimal` makes keeping a hard rule.
/// Other strategies are refused. A dataset with a menu of activities is re-matched by
/// ``MenuRematch`` instead.
public struct Rematch: Sendable {
  /// The earlier placement, read against the updated instance.
  public var previous: PlacementFile
  /// Whether keeping a seat that still exists is a hard rule (`--keep-placed`).
  public var keepPlaced: Bool

  /// A re-match from `previous`.
  public init(previous: PlacementFile, keepPlaced: Bool = false) {
    self.previous = previous
    self.keepPlaced = keepPlaced
  }

  /// What happened to one student between the two placements.
  public enum ChangeKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// At the same worksite before and after.
    case kept
    /// Placed before and after, at another worksite.
    case moved
    /// Unplaced (or not in the earlier file) before, placed now.
    case newlyPlaced = "newly-placed"
    /// Placed before, unplaced now.
    case lostSeat = "lost-seat"
    /// In the earlier file, no longer in the dataset.
    case withdrawn
    /// Unplaced (or absent) before and unplaced now.
    case stillUnplaced = "still-unplaced"
  }

  /// One row of `changes.csv`.
  public struct Change: Hashable, Sendable, Codable {
    /// The student's id.
    public var student: String
    /// The worksite id before (as the earlier file names it) and after; `nil` for none.
    public var before: String?
    public var after: String?
    /// What happened.
    public var change: ChangeKind
  }

  /// Places `instance` with `strategy`, keeping what ``Rematch`` says it keeps.
  func place(
    _ instance: PlacementInstance, strategy: StrategyName, rankCost: RankCost, seed: UInt64
  ) throws(SolverError) -> PlacementResult {
    let held = instance.seatsStillHeld(by: previous.placement)
    var result: PlacementResult
    switch strategy {
    case .optimal, .optimalSquared:
      return try OptimalStrategy(rankCost: rankCost).rematch(
        instance, previous: previous.placement, keepPlaced: keepPlaced)
    case .stable where !keepPlaced:
      result = try StableStrategy(seed: seed, incumbents: held).place(instance)
    case .stable, .serialDictatorship, .greedy, .stableWorksiteProposing, .topTradingCycles:
      let order = WorksitePriorities(instance: instance, seed: seed).sequence
      let holding: PlacementInstance
      do {
        holding = try instance.holding(Self.heldWithinCapacity(held, in: instance, order: order))
      } catch {
        throw SolverError.infeasible(
          "the seats kept from the earlier placement break the updated data's rules: "
            + error.issues.filter { $0.severity == .error }.map(\.message).prefix(3)
            .joined(separator: "; "))
      }
      result = try strategy.make(seed: seed).place(holding)
    case .rankMaximal, .minWorstRank:
      throw SolverError.unsupportedRule(
        "\(strategy.rawValue) cannot re-match; use optimal, stable, stable-worksite-proposing, "
          + "top-trading-cycles, serial-dictatorship or greedy")
    }
    result.statistics["kept"] = held.indices.count {
      held[$0] >= 0 && result.placement.worksite(of: $0) == Int(held[$0])
    }
    result.statistics["seats_still_held"] = held.count { $0 >= 0 }
    return result
  }

  /// `held`, keeping at each worksite only as many students as it has seats: the first in
  /// `order` (the lottery sequence).
  static func heldWithinCapacity(_ held: [Int32], in instance: PlacementInstance, order: [Int])
    -> [Int32]
  {
    var within = [Int32](repeating: -1, count: held.count)
    var load = [Int](repeating: 0, count: instance.worksites.count)
    for s in order where held[s] >= 0 {
      let w = Int(held[s])
      guard load[w] < instance.worksites[w].capacity else { continue }
      load[w] += 1
      within[s] = held[s]
    }
    return within
  }

  /// Every student's change from the earlier placement to `placement`: the dataset's students
  /// in input order, then the earlier file's students no longer in the dataset, in file order.
  ///
  /// - Complexity: O(S + rows).
  public func changes(to placement: Placement, in instance: PlacementInstance) -> [Change] {
    var before = [String?](repeating: nil, count: instance.students.count)
    for s in instance.students.indices {
      before[s] = previous.placement.worksite(of: s).map { instance.worksites[$0].id }
    }
    for row in previous.unknownWorksites { if let s = row.student { before[s] = row.id } }
    var changes: [Change] = instance.students.indices.map { s in
      let after = placement.worksite(of: s).map { instance.worksites[$0].id }
      let change: ChangeKind =
        switch (before[s], after) {
        case (nil, nil): .stillUnplaced
        case (nil, _): .newlyPlaced
        case (_, nil): .lostSeat
        case (let b, let a): b == a ? .kept : .moved
        }
      return Change(
        student: instance.students[s].id, before: before[s], after: after, change: change)
    }
    for row in previous.unknownStudents {
      changes.append(Change(student: row.id, before: row.worksite, after: nil, change: .withdrawn))
    }
    return changes
  }
}
