import Foundation
import InternMatchModel

/// Plain-English stories told from explanations: one for a student (or a parent), one for an
/// employer. Every sentence restates a value of the explanation; no other student is named.
///
/// ```swift
/// ExplanationStory.student(explained.students[4], in: instance, rankCost: .linear)
/// // "You were placed at your 3rd choice, Mount Sinai Queens (W3). Your 1st choice, …"
/// ```
public enum ExplanationStory {
  /// The story of one student's outcome.
  ///
  /// - Parameters:
  ///   - e: the student's explanation.
  ///   - instance: the instance it explains.
  ///   - rankCost: the run's cost units, for `optimal` prices.
  public static func student(
    _ e: PlacementExplanation, in instance: PlacementInstance, rankCost: RankCost = .linear
  ) -> String {
    var sentences: [String] = []
    let s = instance.studentIndex[e.student]
    let pinned = s.map { instance.pinnedWorksite[$0] >= 0 } ?? false
    if let w = e.worksite {
      let name = display(w, in: instance)
      if pinned {
        sentences.append("Your seat at \(name) was fixed in advance.")
      } else if let rank = e.rank, rank > 0 {
        sentences.append("You were placed at your \(ordinal(rank)) choice, \(name).")
      } else {
        sentences.append("You were placed at \(name), which was not on your list.")
      }
    } else {
      sentences.append("You were not placed: \(describe(e.unplacedReason)).")
    }
    for row in e.choices where row.outcome != .placed {
      let opening = "Your \(ordinal(row.rank)) choice, \(display(row.worksite, in: instance)),"
      switch row.outcome {
      case .unknownWorksite:
        sentences.append(
          "Your \(ordinal(row.rank)) choice, “\(row.worksite)”, is not a worksite of this round; "
            + "check the id.")
      case .duplicate:
        let first = e.choices.first { $0.worksite == row.worksite }?.rank ?? row.rank
        sentences.append(
          "Your \(ordinal(row.rank)) choice repeats your \(ordinal(first)); it counts once.")
      case .ineligible:
        let why = row.detail.split(separator: ";").map {
          requirement(String($0), student: s, worksite: row.worksite, in: instance)
        }
        sentences.append("\(opening) \(list(why)).")
      case .notRanked:
        sentences.append("\(opening) ranks its own applicants and did not rank you.")
      case .noSeats:
        sentences.append("\(opening) offered no seats this round.")
      case .taken:
        sentences.append(
          "\(opening) \(taken(row, unplaced: e.worksite == nil, rankCost: rankCost)).")
      case .placed: break
      }
    }
    return sentences.joined(separator: " ") + "\n"
  }

  /// What a taken choice cost, in words.
  private static func taken(_ row: ChoiceExplanation, unplaced: Bool, rankCost: RankCost)
    -> String
  {
    if let placed = row.placedChange, let cost = row.rankCostChange {
      let units =
        (rankCost == .linear ? "rank point" : "squared-rank point") + (cost == 1 ? "" : "s")
      // The net change counts the student's own gain of a seat when they had none.
      let others = -placed + (unplaced ? 1 : 0)
      if others > 0 {
        return "was full: placing you there would have left \(count(others, "other student"))"
          + " without any seat"
      }
      if cost > 0 {
        return "was full: placing you there would have kept everyone placed, but at \(cost) "
          + "more \(units) in total (some students moved to lower choices)"
      }
      return "was full: a placement as good as this one seats you there, and the run chose "
        + "another of the equally good ones"
    }
    if row.detail.hasPrefix("cutoff=") {
      let parts = row.detail.split(separator: ";").map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      var text =
        "was filled by applicants of higher priority: the last one admitted had "
        + parts[0].dropFirst("cutoff=".count) + ", you had "
        + (parts.count > 1 ? parts[1].dropFirst("yours=".count) : "")
      if parts.count > 2 { text += " (and \(parts[2]) applied)" }
      return text
    }
    if row.detail.hasPrefix("filled=") {
      let parts = row.detail.split(separator: ";").map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      return "was full by your turn: its last seat went at "
        + parts[0].dropFirst("filled=".count) + "; yours was "
        + (parts.count > 1 ? parts[1].dropFirst("yours=".count) : "")
    }
    if row.detail.hasPrefix("pinned") { return "was not weighed: your seat was fixed in advance" }
    return row.detail.isEmpty ? "went to others" : "went to others (\(row.detail))"
  }

  /// An unplaced reason in words.
  package static func describe(_ reason: UnplacedReason?) -> String {
    switch reason {
    case .noPreferences: "your list was empty"
    case .unknownChoices: "none of the worksite ids on your list was recognised"
    case .noEligibleChoice: "you did not meet the requirements of any worksite on your list"
    case .choicesFull: "every worksite on your list that you qualify for was full"
    case .linked:
      "you are linked with another student, and no worksite on your list had seats for both"
    case .notRanked: "the worksites with free seats rank their applicants and did not rank you"
    case .schoolLimit:
      "a worksite with free seats already had its limit of students from your school"
    case .employerLimit: "a worksite with free seats belongs to an employer already at its limit"
    case .reserved: "the free seats were reserved for groups you are not in"
    case .minimumGroup: "a worksite with free seats runs only with a larger group"
    case .freeSeatUnused: "the run stopped before proving its placement best; a seat was left"
    case nil: "no reason recorded"
    }
  }

  /// One failed requirement in words.
  static func requirement(
    _ code: String, student s: Int?, worksite id: String, in instance: PlacementInstance
  ) -> String {
    guard let w = instance.worksiteIndex[id] else { return code }
    let site = instance.worksites[w]
    switch code {
    case "age-below-minimum": return "takes students aged \(site.minimumAge) or older"
    case "age-unknown":
      return "takes students aged \(site.minimumAge) or older, and your age is not on record"
    case "grade-below-minimum": return "takes students in grade \(site.minimumGrade) or above"
    case "grade-unknown":
      return
        "takes students in grade \(site.minimumGrade) or above, and your grade is not on record"
    case "missing-credential":
      let held = s.map { instance.students[$0].credentials } ?? []
      let missing = site.requiredCredentials.subtracting(held).sorted().map { $0.uppercased() }
      return "needs \(list(missing)), which you don't hold"
    case "no-shared-schedule": return "runs at times that do not match your free blocks"
    case "too-far":
      let km = instance.policy.maximumDistanceKilometres.map { String(format: "%g", $0) } ?? "?"
      return "is more than \(km) km from you"
    default: return code
    }
  }

  /// The story of one worksite's applicants, for its employer: seats, applicants by outcome
  /// with counts, cutoffs or prices, and the value of one more seat. Only the students placed
  /// there are named.
  public static func worksite(
    _ id: String, explanations: [PlacementExplanation], seatValue: SeatValue?,
    in instance: PlacementInstance, rankCost: RankCost = .linear
  ) -> String {
    guard let w = instance.worksiteIndex[id] else { return "No worksite \(id) in this dataset.\n" }
    let site = instance.worksites[w]
    var byOutcome: [ChoiceOutcome: Int] = [:]
    var reasons: [String: Int] = [:]
    var placed: [String] = []
    var placedHigher = 0
    var cutoff: String?
    var seatCosting = 0
    var rankCostly: [Int] = []
    for (s, e) in explanations.enumerated() {
      guard instance.students[s].preferences.contains(id) else { continue }
      guard let row = e.choices.first(where: { $0.worksite == id }) else {
        placedHigher += 1
        continue
      }
      byOutcome[row.outcome, default: 0] += 1
      switch row.outcome {
      case .placed: placed.append(e.student)
      case .ineligible:
        for code in row.detail.split(separator: ";") { reasons[String(code), default: 0] += 1 }
      case .taken:
        if row.detail.hasPrefix("cutoff=") {
          cutoff = row.detail.split(separator: ";").first.map {
            String($0.dropFirst("cutoff=".count))
          }
        }
        if let p = row.placedChange, let c = row.rankCostChange {
          let others = -p + (e.worksite == nil ? 1 : 0)
          if others > 0 { seatCosting += 1 } else { rankCostly.append(c) }
        }
      default: break
      }
    }
    var lines: [String] = []
    lines.append(
      "\(display(id, in: instance)): \(site.capacity) seat\(site.capacity == 1 ? "" : "s"), \(placed.count) filled."
    )
    let applicants = byOutcome.values.reduce(0, +) + placedHigher
    lines.append("\(count(applicants, "student")) listed it:")
    let order: [ChoiceOutcome] = [.placed, .taken, .ineligible, .notRanked, .noSeats, .duplicate]
    let words: [ChoiceOutcome: String] = [
      .placed: "placed here", .taken: "eligible, turned away (seats went to others)",
      .ineligible: "not eligible", .notRanked: "not ranked by you", .noSeats: "no seats offered",
      .duplicate: "listed it twice (counted once above)",
    ]
    for o in order {
      guard let n = byOutcome[o], n > 0 else { continue }
      var line = "  \(n) \(words[o] ?? o.rawValue)"
      if o == .ineligible {
        line +=
          " ("
          + reasons.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
          .joined(separator: ", ") + ")"
      }
      lines.append(line)
    }
    if placedHigher > 0 {
      lines.append("  \(placedHigher) placed at a choice they ranked higher")
    }
    if !placed.isEmpty { lines.append("Placed here: " + placed.joined(separator: ", ") + ".") }
    if let cutoff { lines.append("Cutoff (the last applicant admitted): \(cutoff).") }
    if seatCosting + rankCostly.count > 0 {
      var text = "Seating a turned-away applicant here would have left another student "
      text += "without a seat for \(seatCosting) of them"
      if let least = rankCostly.min() {
        let units = rankCost == .linear ? "rank points" : "squared-rank points"
        text += "; for the other \(rankCostly.count), everyone stays placed at \(least) or more "
        text += "\(units) in total"
      }
      lines.append(text + ".")
    }
    if let v = seatValue, let p = v.placedChange, let c = v.rankCostChange {
      if p > 0 {
        lines.append(
          "One more seat here would place \(count(p, "more student")) (rank cost \(signed(c))).")
      } else if c < 0 {
        lines.append(
          "One more seat here would place no one more, but lower the rank cost by \(-c).")
      } else {
        lines.append("One more seat here would change nothing.")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `Employer (id)`, or the id alone.
  package static func display(_ id: String, in instance: PlacementInstance) -> String {
    guard let w = instance.worksiteIndex[id], let employer = instance.worksites[w].employer,
      !employer.isEmpty
    else { return id }
    return "\(employer) (\(id))"
  }

  package static func ordinal(_ n: Int) -> String {
    let suffix: String
    switch (n % 10, n % 100) {
    case (_, 11...13): suffix = "th"
    case (1, _): suffix = "st"
    case (2, _): suffix = "nd"
    case (3, _): suffix = "rd"
    default: suffix = "th"
    }
    return "\(n)\(suffix)"
  }

  static func count(_ n: Int, _ noun: String) -> String {
    let number = n == 1 ? "one" : String(n)
    return n == 1 ? "\(number) \(noun)" : "\(number) \(noun)s"
  }

  private static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : String(n) }

  static func list(_ items: [String]) -> String {
    switch items.count {
    case 0: ""
    case 1: items[0]
    default: items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
  }
}
