/// Who a person is to the placement: a student (the default) or a CTE teacher, who takes
/// teacher externships through the same engine.
public enum ParticipantRole: String, Hashable, Sendable, Codable, CaseIterable {
  case student
  case teacher
}

/// The rule of one activity kind (one row of `activities.csv`): how many placements of the kind
/// one person may get, when the kind is served, and who takes it.
///
/// ```swift
/// let tours = ActivityRule(kind: .workplaceTour, maxPerParticipant: 1, priority: 2)
/// tours.participants  // .student
/// ```
public struct ActivityRule: Hashable, Sendable, Codable {
  /// The kind the rule is about.
  public var kind: WorksiteKind
  /// Placements of this kind one person may get (0: the kind is not offered).
  public var maxPerParticipant: Int
  /// The order kinds are served in: 1 first. Unique within a menu.
  public var priority: Int
  /// Who takes the kind: students or teachers, never both.
  public var participants: ParticipantRole
  /// Placements of this kind one person may get with one employer; `nil`: no limit.
  public var maxPerEmployer: Int?

  /// Creates a rule; `participants` defaults to the kind's own (teachers for
  /// `teacher-externship`, students otherwise).
  public init(
    kind: WorksiteKind, maxPerParticipant: Int, priority: Int,
    participants: ParticipantRole? = nil, maxPerEmployer: Int? = nil
  ) {
    self.kind = kind
    self.maxPerParticipant = maxPerParticipant
    self.priority = priority
    self.participants = participants ?? ActivityMenu.defaultParticipants(of: kind)
    self.maxPerEmployer = maxPerEmployer
  }

  /// Whether the kind is a single-seat problem on its own choices: one placement per person,
  /// and a limit per employer (if any) of at least 1, which cannot bind one placement.
  package var isSingleSeat: Bool { maxPerParticipant == 1 && maxPerEmployer ?? 1 >= 1 }
}

/// The menu of work-based learning (`activities.csv`): a rule for every activity kind, in the
/// order the kinds are served.
///
/// The listed rules come first, by priority; every kind the file does not list follows, in
/// ``defaultOrder``, with `maxPerParticipant` 1 and its default participants. Without a menu
/// (no `activities.csv`) a person gets one placement in total, of any kind offered to their
/// role, and ranks are plain list positions; with one, a choice's rank is its position among
/// the person's entries of the same kind (``kindRanks(of:)``).
///
/// ```swift
/// let menu = ActivityMenu([
///   ActivityRule(kind: .mockInterview, maxPerParticipant: 2, priority: 1)])
/// menu.served.map(\.kind).prefix(2)  // [.mockInterview, .internship]
/// menu.rule(for: .internship).maxPerParticipant  // 1
/// ```
///
/// - Complexity: building O(K log K) for K kinds; ``rule(for:)`` O(1).
public struct ActivityMenu: Hashable, Sendable, Codable {
  /// The kinds in the order they are served when no rule says otherwise.
  public static let defaultOrder: [WorksiteKind] = [
    .internship, .apprenticeship, .jobShadow, .workplaceTour, .mockInterview, .careerDay,
    .teacherExternship,
  ]

  /// Who takes `kind` unless a rule says otherwise: teachers for teacher externships, students
  /// for every other kind.
  public static func defaultParticipants(of kind: WorksiteKind) -> ParticipantRole {
    kind == .teacherExternship ? .teacher : .student
  }

  /// The rules as given (the rows of `activities.csv`, in file order).
  public let listed: [ActivityRule]
  /// A rule for every kind, in service order: the listed ones by priority, then the others.
  public let served: [ActivityRule]
  /// Position of each kind in ``served``, by the kind's position in ``defaultOrder``.
  private let position: [Int]

  /// Creates the menu of `listed` rules (checked by ``PlacementInstance``: kinds and
  /// priorities unique, counts in range).
  public init(_ listed: [ActivityRule]) {
    self.listed = listed
    var served: [ActivityRule] = []
    var seen: Set<WorksiteKind> = []
    for rule in listed.enumerated().sorted(by: {
      ($0.element.priority, $0.offset) < ($1.element.priority, $1.offset)
    }).map(\.element) where seen.insert(rule.kind).inserted {
      served.append(rule)
    }
    let last = served.map(\.priority).max() ?? 0
    for kind in Self.defaultOrder where !seen.contains(kind) {
      served.append(
        ActivityRule(kind: kind, maxPerParticipant: 1, priority: last + served.count + 1))
    }
    self.served = served
    var position = [Int](repeating: 0, count: Self.defaultOrder.count)
    for (k, rule) in served.enumerated() { position[Self.ordinal(rule.kind)] = k }
    self.position = position
  }

  /// The rule of `kind`.
  public func rule(for kind: WorksiteKind) -> ActivityRule { served[level(of: kind)] }

  /// The position of `kind` in ``served`` (0: served first).
  public func level(of kind: WorksiteKind) -> Int { position[Self.ordinal(kind)] }

  /// Whether a person of `role` may take `kind`.
  public func offers(_ kind: WorksiteKind, to role: ParticipantRole) -> Bool {
    let rule = rule(for: kind)
    return rule.participants == role && rule.maxPerParticipant > 0
  }

  /// The position of `kind` in ``defaultOrder``.
  package static func ordinal(_ kind: WorksiteKind) -> Int {
    switch kind {
    case .internship: 0
    case .apprenticeship: 1
    case .jobShadow: 2
    case .workplaceTour: 3
    case .mockInterview: 4
    case .careerDay: 5
    case .teacherExternship: 6
    }
  }

  /// The rank of every entry of a list whose entries have `kinds` (`nil`: an unknown id): its
  /// 1-based position among the entries of the same kind, every entry of that kind counting
  /// (ineligible and repeated ones too); `0` for an unknown id, which has no kind.
  ///
  /// ```swift
  /// ActivityMenu.kindRanks(of: [.internship, .mockInterview, nil, .internship])  // [1, 1, 0, 2]
  /// ```
  ///
  /// - Complexity: O(n) for n entries.
  public static func kindRanks(of kinds: [WorksiteKind?]) -> [Int] {
    var seen = [Int](repeating: 0, count: defaultOrder.count)
    return kinds.map { kind in
      guard let kind else { return 0 }
      seen[ordinal(kind)] += 1
      return seen[ordinal(kind)]
    }
  }
}

extension DatasetLimits {
  /// `max_per_participant` and `max_per_employer` of `activities.csv`.
  public static let activitiesPerParticipant: ClosedRange<Int> = 0...1_000
  /// `priority` of `activities.csv`: 1 is served first.
  public static let activityPriority: ClosedRange<Int> = 1...1_000
  /// Slot labels on one worksite row.
  public static let slotsPerWorksite: ClosedRange<Int> = 0...10_000
}
