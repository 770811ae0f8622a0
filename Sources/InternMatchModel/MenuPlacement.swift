/// A placement of the menu of activities (``ActivityMenu``): any number of placements per
/// person, each a worksite and, at a worksite with slots, the slot taken.
///
/// ```swift
/// let p = MenuPlacement([.init(student: 0, worksite: 2), .init(student: 0, worksite: 5)])
/// p.placements(of: 0).map(\.worksite)  // [2, 5]
/// p.count                              // 2
/// ```
///
/// - Complexity: building O(n log n) for n placements; ``placements(of:)`` O(log n).
public struct MenuPlacement: Hashable, Sendable, Codable {
  /// One placement: a person at a worksite, in one of its slots when it has any.
  public struct Entry: Hashable, Sendable, Codable, Comparable {
    /// The person's index.
    public var student: Int
    /// The worksite's index.
    public var worksite: Int
    /// The index of the slot taken in the worksite's ``Worksite/slots``; `nil` without slots.
    public var slot: Int?

    /// Creates a placement.
    public init(student: Int, worksite: Int, slot: Int? = nil) {
      self.student = student
      self.worksite = worksite
      self.slot = slot
    }

    public static func < (a: Self, b: Self) -> Bool {
      (a.student, a.worksite, a.slot ?? -1) < (b.student, b.worksite, b.slot ?? -1)
    }
  }

  /// Every placement, by person, then worksite index.
  public let entries: [Entry]

  /// Creates a placement of `entries`, in any order.
  public init(_ entries: [Entry]) { self.entries = entries.sorted() }

  /// Number of placements.
  public var count: Int { entries.count }

  /// The placements of `student`, by worksite index.
  public func placements(of student: Int) -> ArraySlice<Entry> {
    entries[first(atLeast: student)..<first(atLeast: student + 1)]
  }

  /// The first entry of a person numbered `student` or later (binary search).
  private func first(atLeast student: Int) -> Int {
    var (low, high) = (0, entries.count)
    while low < high {
      let mid = (low + high) / 2
      if entries[mid].student < student { low = mid + 1 } else { high = mid }
    }
    return low
  }
}

/// The value of a menu placement: placed and rank cost per kind, in service order, compared
/// lexicographically — the first kind's placed count (more is better), then its rank cost
/// (less is better), then the second kind's, and so on.
///
/// ```swift
/// let a = MenuObjective(levels: [.init(placed: 3, cost: 5), .init(placed: 1, cost: 1)])
/// let b = MenuObjective(levels: [.init(placed: 3, cost: 4), .init(placed: 0, cost: 0)])
/// b < a  // true: b is better at the first kind
/// ```
public struct MenuObjective: Hashable, Sendable, Codable, Comparable {
  /// Placed and rank cost of each kind, in ``ActivityMenu/served`` order.
  public var levels: [PlacementObjective]

  /// Creates a value.
  public init(levels: [PlacementObjective]) { self.levels = levels }

  /// `a < b` when `a` is better at the first level where they differ.
  public static func < (a: Self, b: Self) -> Bool {
    for (x, y) in zip(a.levels, b.levels) where x != y { return x < y }
    return a.levels.count < b.levels.count
  }

  /// Placements over every kind.
  public var placed: Int { levels.reduce(0) { $0 + $1.placed } }
}

extension PlacementInstance {
  /// The kind of worksite `w`'s placements, with the instance's menu (``ActivityMenu/level(of:)``
  /// gives its level).
  ///
  /// - Precondition: the instance has a menu.
  public func menuLevel(ofWorksite w: Int) -> Int {
    guard let menu = activities else { preconditionFailure("the instance has no menu") }
    return menu.level(of: worksites[w].kind)
  }

  /// The value of `placement`, recomputed from the people's lists (ranks within a kind).
  ///
  /// - Precondition: the instance has a menu and `placement` is valid for it.
  /// - Complexity: O(n·k) for n placements and k choices per person.
  public func objective(of placement: MenuPlacement, rankCost: RankCost) -> MenuObjective {
    guard let menu = activities else { preconditionFailure("the instance has no menu") }
    var levels = [PlacementObjective](
      repeating: PlacementObjective(placed: 0, cost: 0), count: menu.served.count)
    for e in placement.entries {
      let level = menu.level(of: worksites[e.worksite].kind)
      levels[level].placed += 1
      levels[level].cost += rankCost.cost(ofRank: menuRank(of: e.student, at: e.worksite) ?? 0)
    }
    return MenuObjective(levels: levels)
  }
}
