import InternMatchModel

extension ExplanationStory {
  /// The story of one person's outcome on a menu of activities, kind by kind: one line per
  /// kind in service order (what they got, with ranks within the kind and slots, each better
  /// entry and what stopped them taking it, and why they got fewer than they could have), then
  /// a line for entries of no kind offered to them, then the reason of a person with no
  /// row of any kind. Every sentence restates a value of the explanation; no other person is
  /// named.
  ///
  /// ```swift
  /// ExplanationStory.menu(explanations[0], in: instance)
  /// // "Internship: you were placed at your 2nd internship choice, Bolt (W2). Your 1st …"
  /// ```
  ///
  /// - Complexity: O(entries of the person's list).
  public static func menu(
    _ e: MenuExplanation, in instance: PlacementInstance, rankCost: RankCost = .linear
  ) -> String {
    let s = instance.studentIndex[e.student]
    var lines: [String] = []
    for k in e.kinds {
      let noun = words(k.kind)
      var sentences: [String] = []
      let placed = k.placements
      if placed.isEmpty {
        sentences.append("\(capitalised(noun)): you were not placed.")
      } else {
        let seats = placed.enumerated().map { i, c in
          (i == 0
            ? "your \(ordinal(c.rank ?? 0)) \(noun) choice, " : "your \(ordinal(c.rank ?? 0)), ")
            + display(c.worksite, in: instance) + (c.slot.map { ", slot \($0)" } ?? "")
        }
        sentences.append("\(capitalised(noun)): you were placed at \(list(seats)).")
      }
      for c in k.choices where c.outcome != .placed {
        sentences.append(sentence(c, noun: noun, student: s, in: instance, rankCost: rankCost))
      }
      if let reason = k.shortfall {
        let due = min(k.maxPerParticipant, k.listed)
        sentences.append(
          "You got \(placed.count) of the \(due) \(due == 1 ? noun : noun + "s") you could have "
            + "had: \(shortfall(reason, noun: noun)).")
      }
      lines.append(sentences.joined(separator: " "))
    }
    if !e.other.isEmpty {
      lines.append(
        e.other.map {
          sentence(
            $0, noun: $0.kind.map(words) ?? "", student: s, in: instance, rankCost: rankCost)
        }
        .joined(separator: " "))
    }
    if let reason = e.reason {
      let why: String
      switch reason {
      case .noEligibleChoice:
        why = "no worksite on your list offers an activity open to a \(e.role.rawValue)"
      case .unknownChoices: why = describe(.unknownChoices)
      default: why = describe(.noPreferences)
      }
      lines.append("You were not placed: \(why).")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A kind in words: `mock interview`.
  static func words(_ kind: WorksiteKind) -> String {
    kind.rawValue.replacingOccurrences(of: "-", with: " ")
  }

  private static func capitalised(_ text: String) -> String {
    text.prefix(1).uppercased() + text.dropFirst()
  }

  /// One entry that is not a placement, in words.
  private static func sentence(
    _ c: MenuChoiceExplanation, noun: String, student s: Int?, in instance: PlacementInstance,
    rankCost: RankCost
  ) -> String {
    let opening =
      "Your \(ordinal(c.rank ?? 0)) \(noun) choice, \(display(c.worksite, in: instance)),"
    switch c.outcome {
    case .unknownWorksite:
      return "Entry \(c.position) of your list, “\(c.worksite)”, is not a worksite of this round; "
        + "check the id."
    case .duplicate:
      return "Your \(ordinal(c.rank ?? 0)) \(noun) choice repeats an earlier entry; it counts once."
    case .notOffered:
      let who = c.detail.hasPrefix("participants=") ? String(c.detail.dropFirst(13)) : ""
      let article = noun.first.map { "aeiou".contains($0) } == true ? "an" : "a"
      return "\(display(c.worksite, in: instance)) on your list is \(article) \(noun), offered to "
        + (who.isEmpty ? "others" : "\(who)s") + " only."
    case .ineligible:
      let why = c.detail.split(separator: ";").map {
        requirement(String($0), student: s, worksite: c.worksite, in: instance)
      }
      return "\(opening) \(list(why))."
    case .noSeats: return "\(opening) offered no seats this round."
    case .placed: return ""
    case .full, .employerFull, .maxPerSchool, .slotConflict, .maxPerEmployer, .atCap,
      .freeSeatUnused:
      let facts = c.detail.split(separator: ";").map { fact(String($0), noun: noun) }
      return "\(String(opening.dropLast())): "
        + (facts.isEmpty
          ? "a seat is still free and no rule kept it from you; the run did not prove its "
            + "placement best"
          : list(facts)) + price(c, noun: noun, rankCost: rankCost) + "."
    }
  }

  /// What honouring an entry would cost, in words (empty when not computed).
  private static func price(_ c: MenuChoiceExplanation, noun: String, rankCost: RankCost)
    -> String
  {
    guard let placed = c.placedChange, let cost = c.rankCostChange else { return "" }
    if placed < 0 {
      return "; placing you there would have meant \(count(-placed, noun + " placement")) fewer "
        + "in total"
    }
    if cost > 0 {
      let units = rankCost == .linear ? "rank point" : "squared-rank point"
      return "; placing you there would have kept as many \(noun)s placed, at \(cost) more "
        + "\(units)\(cost == 1 ? "" : "s") in total"
    }
    return "; a placement as good as this one gives you it, and the run chose another"
  }

  /// One fact of an entry's detail (`full`, `slot-conflict=…`, …) in words.
  private static func fact(_ text: String, noun: String) -> String {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    let value = parts.count > 1 ? parts[1] : ""
    switch parts[0] {
    case "full": return "it was full"
    case "slot-conflict":
      let held = value.split(separator: ",").map { item -> String in
        let pair = item.split(separator: "@", maxSplits: 1)
        return pair.count == 2 ? "\(pair[0]) (at \(pair[1]))" : String(item)
      }
      return "its free seats were only in slots you already hold: \(list(held))"
    case "employer-full":
      return "\(value) had already taken as many people as it can host over all its worksites"
    case "max-per-school":
      return "it already held the most people it takes from your school (\(value))"
    case "max-per-employer":
      return "you already held the most \(noun)s allowed with \(value)"
    case "at-cap":
      return "you already held the \(value) \(value == "1" ? noun : noun + "s") allowed"
    default: return text
    }
  }

  /// A (person, kind) shortfall in words.
  private static func shortfall(_ reason: MenuShortfall, noun: String) -> String {
    switch reason {
    case .noEligibleChoice: "you did not meet the requirements of any \(noun) on your list"
    case .choicesFull: "every eligible \(noun) choice you did not hold was full"
    case .maxPerEmployer:
      "every eligible \(noun) with a free seat is with an employer you already held the most "
        + "\(noun)s allowed with"
    case .employerFull:
      "every eligible \(noun) with a free seat is with an employer that had taken as many "
        + "people as it can host"
    case .maxPerSchool:
      "every eligible \(noun) with a free seat already held the most people it takes from "
        + "your school"
    case .slotConflict:
      "every eligible \(noun) with a free seat has it only in slots you already hold"
    case .freeSeatUnused:
      "a seat was left free that no rule kept from you; the run did not prove its placement best"
    case .noPreferences, .unknownChoices: describe(.noPreferences)
    }
  }

  /// The story of one worksite's applicants on a menu of activities, for its employer: its
  /// kind and seats (in each slot), applicants by outcome with counts, and the people placed
  /// there with their slots. Only those placed there are named.
  ///
  /// ```swift
  /// ExplanationStory.menuWorksite("M2", explanations: explanations, in: instance)
  /// // "Acme (M2): mock interview, 2 seats, 1 filled.\n…"
  /// ```
  ///
  /// - Complexity: O(entries of every list).
  public static func menuWorksite(
    _ id: String, explanations: [MenuExplanation], in instance: PlacementInstance
  ) -> String {
    guard let w = instance.worksiteIndex[id] else { return "No worksite \(id) in this dataset.\n" }
    let site = instance.worksites[w]
    var byOutcome: [MenuChoiceOutcome: Int] = [:]
    var placed: [String] = []
    var higher = 0
    for (s, e) in explanations.enumerated() where instance.students[s].preferences.contains(id) {
      guard let row = (e.kinds.flatMap(\.choices) + e.other).first(where: { $0.worksite == id })
      else {
        higher += 1
        continue
      }
      byOutcome[row.outcome, default: 0] += 1
      if row.outcome == .placed { placed.append(e.student + (row.slot.map { " (\($0))" } ?? "")) }
    }
    let seats =
      "\(site.capacity) seat\(site.capacity == 1 ? "" : "s")"
      + (site.slots.isEmpty ? "" : " in each of \(count(site.slots.count, "slot"))")
    var lines = [
      "\(display(id, in: instance)): \(words(site.kind)), \(seats), \(placed.count) filled.",
      "\(count(byOutcome.values.reduce(0, +) + higher, "person").replacingOccurrences(of: "persons", with: "people")) listed it:",
    ]
    for outcome in MenuChoiceOutcome.allCases {
      guard let n = byOutcome[outcome] else { continue }
      lines.append("  \(n) \(outcome.rawValue)")
    }
    if higher > 0 {
      lines.append("  \(higher) placed at enough choices of the kind they ranked higher")
    }
    if !placed.isEmpty { lines.append("Placed here: " + placed.joined(separator: ", ") + ".") }
    return lines.joined(separator: "\n") + "\n"
  }
}
