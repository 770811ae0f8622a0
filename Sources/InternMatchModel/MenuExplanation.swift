/// What became of one entry of a person's list on a menu of activities: the first that
/// applies, in this order.
public enum MenuChoiceOutcome: String, Hashable, Sendable, Codable, CaseIterable {
  /// The id names no worksite of the dataset (it has no kind).
  case unknownWorksite = "unknown-worksite"
  /// The worksite appears earlier in the same list.
  case duplicate
  /// The worksite's kind is not offered to the person's role (`participants` in
  /// `activities.csv`, or a `max_per_participant` of 0).
  case notOffered = "not-offered"
  /// Eligibility rules the person out (the reason codes are in the detail).
  case ineligible
  /// The worksite offers no seat (capacity 0).
  case noSeats = "no-seats"
  /// A placement the person holds (the slot, at a worksite with slots).
  case placed
  /// Every seat of the worksite is taken, in every slot of a worksite with slots.
  case full
  /// The worksite's employer holds its `employers.csv` capacity (every kind counting).
  case employerFull = "employer-full"
  /// The worksite holds `max_per_school` people of the person's school.
  case maxPerSchool = "max-per-school"
  /// The worksite has seats free, but only in slots whose labels the person holds at other
  /// placements.
  case slotConflict = "slot-conflict"
  /// The person holds `max_per_employer` placements of the kind with the worksite's employer.
  case maxPerEmployer = "max-per-employer"
  /// The person holds `max_per_participant` placements of the kind.
  case atCap = "at-cap"
  /// A seat is free and no rule stops the person taking it (only a placement that is not
  /// optimal leaves one).
  case freeSeatUnused = "free-seat-unused"
}

/// One entry of a person's list on a menu and what became of it.
///
/// The `detail` of an eligible entry the person does not hold names every fact of the final
/// placement that stops them taking it, `;`-separated, in the order of ``MenuChoiceOutcome``
/// (the first is the outcome): `full`; `employer-full=EMPLOYER`; `max-per-school=SCHOOL`;
/// `slot-conflict=LABEL@WORKSITE,…` (each free slot's
/// label and the person's placement holding it); `max-per-employer=EMPLOYER`;
/// `at-cap=N` (`max_per_participant`). An ineligible entry's detail is its reason codes, a
/// not-offered one's `participants=student` or `participants=teacher`; a placement fixed by
/// `pins.csv` is `placed` with the detail `pinned` (even where eligibility would rule it out).
public struct MenuChoiceExplanation: Hashable, Sendable, Codable {
  /// The entry's 1-based position in the person's whole list.
  public var position: Int
  /// The worksite's kind; `nil` for an unknown id.
  public var kind: WorksiteKind?
  /// The entry's rank: its position among the person's entries of the same kind (`nil` for an
  /// unknown id).
  public var rank: Int?
  /// The worksite id as the person wrote it.
  public var worksite: String
  /// What became of it.
  public var outcome: MenuChoiceOutcome
  /// The slot label of a placement at a worksite with slots.
  public var slot: String?
  /// Reason codes or the facts that stop the person taking it (see the type's summary).
  public var detail: String
  /// For `optimal` on a menu without slots, the exact change of the kind's optimum if the
  /// person were held at this worksite — placements of the kind (≤ 0), then their rank cost in
  /// the run's units — every other kind keeping its own; `nil` when not computed.
  public var placedChange: Int?
  public var rankCostChange: Int?

  /// Creates a row.
  public init(
    position: Int, kind: WorksiteKind?, rank: Int?, worksite: String,
    outcome: MenuChoiceOutcome, slot: String? = nil, detail: String = "",
    placedChange: Int? = nil, rankCostChange: Int? = nil
  ) {
    self.placedChange = placedChange
    self.rankCostChange = rankCostChange
    self.position = position
    self.kind = kind
    self.rank = rank
    self.worksite = worksite
    self.outcome = outcome
    self.slot = slot
    self.detail = detail
  }
}

/// Why one person got what they got of one kind: their placements and every entry of the kind
/// that could have been better.
public struct MenuKindExplanation: Hashable, Sendable, Codable {
  /// The kind.
  public var kind: WorksiteKind
  /// Placements of the kind one person may get (`max_per_participant`).
  public var maxPerParticipant: Int
  /// Known, distinct worksites of the kind on the person's list.
  public var listed: Int
  /// Why the person got fewer than min(`max_per_participant`, ``listed``); `nil` when not short.
  public var shortfall: MenuShortfall?
  /// The entries of the kind in list order: every one when the person is short of the kind,
  /// else those ranked at or above their worst placement of the kind.
  public var choices: [MenuChoiceExplanation]

  /// The placements of the kind, best rank first.
  public var placements: [MenuChoiceExplanation] { choices.filter { $0.outcome == .placed } }

  /// Creates an explanation.
  public init(
    kind: WorksiteKind, maxPerParticipant: Int, listed: Int, shortfall: MenuShortfall?,
    choices: [MenuChoiceExplanation]
  ) {
    self.kind = kind
    self.maxPerParticipant = maxPerParticipant
    self.listed = listed
    self.shortfall = shortfall
    self.choices = choices
  }
}

/// Why one person (a student or a teacher) got what they got on a menu, kind by kind.
///
/// ```swift
/// let e = instance.menuExplanations(of: placement)[0]
/// e.kinds.map(\.kind)              // [.internship, .mockInterview, .workplaceTour]
/// e.kinds[1].shortfall             // .choicesFull
/// ```
public struct MenuExplanation: Hashable, Sendable, Codable {
  /// The person's id and role.
  public var student: String
  public var role: ParticipantRole
  /// Each kind offered to the person's role with a known entry on their list, in service
  /// order.
  public var kinds: [MenuKindExplanation]
  /// Entries with no kind offered to the person: unknown ids and kinds not offered to their
  /// role, in list order.
  public var other: [MenuChoiceExplanation]
  /// The reason of the person's row without a kind (`no-preferences`, `unknown-choices`,
  /// `no-eligible-choice`); `nil` when they have rows of some kind.
  public var reason: MenuShortfall?

  /// Creates an explanation.
  public init(
    student: String, role: ParticipantRole, kinds: [MenuKindExplanation],
    other: [MenuChoiceExplanation], reason: MenuShortfall?
  ) {
    self.student = student
    self.role = role
    self.kinds = kinds
    self.other = other
    self.reason = reason
  }
}
