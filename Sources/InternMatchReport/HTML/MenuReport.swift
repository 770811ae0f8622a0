import Foundation
import InternMatchModel

/// `report.html` of a menu run (`activities.csv`): one self-contained page (inline CSS and SVG,
/// a little vanilla JS, no network) with the totals, then a section per kind offered to anybody
/// — its headline numbers, rank profile, people by their number of its placements, why people
/// were left short, seats and placements in each slot label, a grid of worksites × slots, and
/// the kind's people by school and by borough — a lookup of a person's activities, and every
/// worksite with its people.
///
/// ```swift
/// let report = MenuReport(instance: instance, placement: run.result.placement,
///                         rows: run.rows, summary: run.summary)
/// report.html.contains("data-kind=\"mock-interview\"")  // true when mock interviews are offered
/// ```
///
/// Every number a test reads carries `data-` attributes equal to `summary.json`'s: headline
/// cards `data-metric`/`data-value` (`data-kind` inside a kind), rank bars
/// `data-kind`/`data-rank`/`data-value`, people by placements `data-kind`/`data-count`/
/// `data-value`, slot labels `data-kind`/`data-label`/`data-seats`/`data-placed`, grid cells
/// `data-worksite`/`data-slot`/`data-placed`/`data-seats`, and breakdown rows
/// `data-dimension="<kind>/school"` (or `/borough`) with `data-key`, `data-students`,
/// `data-placed` and `data-mean-rank`. The script sets `document.body.dataset.ready`.
///
/// - Complexity: O(rows + K·(S + W·t)) for K kinds and t slots a worksite.
public struct MenuReport: Sendable {
  /// The placed instance (it has a menu).
  public var instance: PlacementInstance
  /// The placement.
  public var placement: MenuPlacement
  /// The rows of `placements.csv` (``/InternMatchModel/PlacementInstance/menuRows(of:)``).
  public var rows: [MenuRow]
  /// The run's summary (`summary.json` without its manifest).
  public var summary: MenuSummary

  /// Worksites the slot grid of one kind shows at most (by id); the rest are counted below it.
  public static let gridLimit = 200

  /// Creates the report of one menu run.
  public init(
    instance: PlacementInstance, placement: MenuPlacement, rows: [MenuRow], summary: MenuSummary
  ) {
    self.instance = instance
    self.placement = placement
    self.rows = rows
    self.summary = summary
  }

  /// The whole page.
  ///
  /// - Complexity: O(rows + K·(S + W·t)).
  public var html: String {
    var page = HTMLPage.opening(title: "InternMatch activities report", extraCSS: Self.css)
    page += headline()
    for kind in summary.kinds where kind.isInPlay {
      page += section(kind)
    }
    page += lookup()
    page += worksiteTable()
    let data =
      "<script type=\"application/json\" id=\"people-data\">\(lookupJSON())</script>\n"
    return page + HTMLPage.closing(beforeScript: data, pageScript: Self.lookupScript)
  }

  /// A kind as a title: `mock-interview` → `Mock interview`.
  package static func title(_ kind: WorksiteKind) -> String {
    let words = kind.rawValue.replacingOccurrences(of: "-", with: " ")
    return words.prefix(1).uppercased() + words.dropFirst()
  }

  /// Why a (person, kind) is short, in words (the lookup and the letters).
  ///
  /// ```swift
  /// MenuReport.words(for: .slotConflict)  // "the free seats were only in slots you were already placed in"
  /// ```
  package static func words(for reason: MenuShortfall) -> String {
    switch reason {
    case .noPreferences: "your list was empty"
    case .unknownChoices: "none of the worksite ids on your list was recognised"
    case .noEligibleChoice:
      "you did not meet the requirements of any worksite of this kind you listed"
    case .choicesFull: "every worksite of this kind on your list that you qualify for was full"
    case .maxPerEmployer:
      "the free seats were with employers you already had the most placements of this kind with"
    case .employerFull:
      "the free seats were with employers that had taken as many people as they can host"
    case .maxPerSchool:
      "the worksites with free seats already held the most people they take from your school"
    case .slotConflict: "the free seats were only in slots you were already placed in"
    case .freeSeatUnused: "a seat was left free (the placement is not an optimal one)"
    }
  }

  // MARK: Sections

  /// A row of headline cards, each with `data-metric` and `data-value` (and `data-kind`).
  static func cards(
    _ cards: [(metric: String, label: String, value: String, shown: String)], kind: String? = nil
  ) -> String {
    let attribute = kind.map { " data-kind=\"\(HTMLPage.escape($0))\"" } ?? ""
    var html = "<div class=\"cards\">\n"
    for c in cards {
      html += "<div class=\"card\"\(attribute) data-metric=\"\(c.metric)\" "
      html += "data-value=\"\(HTMLPage.escape(c.value))\"><span class=\"label\">\(c.label)</span>"
      html += "<span class=\"value\">\(HTMLPage.escape(c.shown))</span></div>\n"
    }
    return html + "</div>\n"
  }

  /// The totals: people, students, teachers, placements, status, strategy, seed, run time.
  func headline() -> String {
    let total = summary.timingsMilliseconds["total"] ?? 0
    let students = summary.people - summary.teachers
    var html = Self.cards([
      ("people", "People", String(summary.people), String(summary.people)),
      ("students", "Students", String(students), String(students)),
      ("teachers", "Teachers", String(summary.teachers), String(summary.teachers)),
      ("placements", "Placements", String(summary.placements), String(summary.placements)),
      ("status", "Status", summary.status ?? "", summary.status ?? "—"),
      ("strategy", "Strategy", summary.strategy, summary.strategy),
      ("seed", "Seed", summary.seed.map(String.init) ?? "", summary.seed.map(String.init) ?? "—"),
      ("run-time", "Run time (ms)", HTMLPage.number(total), String(format: "%.0f ms", total)),
    ])
    html += "<p>Kinds are served in this order, each taking the seats and slots left by the "
    html += "ones before it: "
    html += summary.kinds.filter(\.isInPlay).map {
      HTMLPage.escape(Self.title($0.kind))
    }.joined(separator: " → ")
    html += ". A rank is a choice's position among the person's choices of the same kind.</p>\n"
    html += Self.countTable(
      id: "people-by-placements", caption: "People by their number of placements (every kind)",
      [("student", summary.studentsByPlacements), ("teacher", summary.teachersByPlacements)])
    return HTMLPage.section("summary", "Summary", html)
  }

  /// A table's `<thead>` of plain `<th scope="col">` cells, and the `<tbody>` opening.
  static func head(_ titles: [String]) -> String {
    "<thead><tr>" + titles.map { "<th scope=\"col\">\(HTMLPage.escape($0))</th>" }.joined()
      + "</tr></thead><tbody>\n"
  }

  /// A table of people by their number of placements, one row per (role or kind, count), each
  /// with `data-kind`, `data-count` and `data-value`.
  static func countTable(id: String, caption: String, _ groups: [(String, [String: Int])])
    -> String
  {
    var html = "<table id=\"\(HTMLPage.escape(id))\"><caption>\(HTMLPage.escape(caption))"
    html += "</caption>" + head(["Who", "Placements", "People"])
    for (who, counts) in groups {
      for (k, people) in MenuSummary.ordered(counts) {
        html += "<tr data-kind=\"\(HTMLPage.escape(who))\" data-count=\"\(k)\" "
        html += "data-value=\"\(people)\"><th scope=\"row\">\(HTMLPage.escape(who))</th>"
        html += "<td>\(k)</td><td>\(people)</td></tr>\n"
      }
    }
    return html + "</tbody></table>\n"
  }

  /// One kind: headline cards, rank profile, people by placements, short rows, slot use and
  /// grid, and the breakdowns by school and borough.
  func section(_ kind: MenuSummary.Kind) -> String {
    let name = kind.kind.rawValue
    let short = kind.shortByReason.values.reduce(0, +)
    var cards: [(metric: String, label: String, value: String, shown: String)] = [
      ("people", "People offered", String(kind.people), String(kind.people)),
      ("placed", "Placed", String(kind.placed), String(kind.placed)),
      ("seats", "Seats", String(kind.seats), String(kind.seats)),
      (
        "unfilled-seats", "Unfilled seats (no slots)", String(kind.unfilledSeats),
        String(kind.unfilledSeats)
      ),
    ]
    if kind.slotSeats > 0 {
      cards.append(
        (
          "unfilled-slots", "Unfilled seats in slots", String(kind.unfilledSlots),
          "\(kind.unfilledSlots) of \(kind.slotSeats)"
        ))
    }
    cards += [
      (
        "mean-rank", "Mean rank", kind.meanRank.map(HTMLPage.number) ?? "",
        kind.meanRank.map(HTMLPage.rank) ?? "—"
      ),
      ("rank-cost", "Rank cost", String(kind.rankCost), String(kind.rankCost)),
      ("short", "Left short", String(short), String(short)),
    ]
    var html = Self.cards(cards, kind: name)
    let rule =
      "Each \(kind.participants.rawValue) may take \(kind.maxPerParticipant)"
      + (kind.maxPerEmployer.map { ", at most \($0) with one employer" } ?? "")
      + "; served \(Self.ordinalWord(kind.priority)) by priority."
    html += "<p>\(HTMLPage.escape(rule))</p>\n"
    html += rankChart(kind)
    html += "<h3>People by their number of \(HTMLPage.escape(Self.title(kind.kind).lowercased()))"
    html += " placements</h3>\n"
    html += Self.countTable(
      id: "\(name)-people", caption: "People offered the kind (\(kind.people))",
      [(name, kind.peopleByPlacements)])
    html += shortTable(kind)
    html += slotTables(kind)
    for (dimension, title, column) in [
      ("school", "By school", "School"),
      ("borough", "By borough", "Borough"),
    ] {
      guard let breakdown = kind.equity[dimension], !breakdown.rows.isEmpty else { continue }
      let (sentences, table) = PlacementReport.equityParts(
        breakdown, dimension: "\(name)/\(dimension)", tableID: "\(name)-\(dimension)",
        column: column)
      html += "<h3>\(title)</h3>\n<p>People offered the kind, those with at least one "
      html += "placement of it, and the mean rank of their placements.</p>\n"
      html += sentences + HTMLPage.scrolling(table, rows: breakdown.rows.count)
    }
    return HTMLPage.section("kind-\(name)", Self.title(kind.kind), html)
  }

  /// "1st", "2nd", … for the service order.
  static func ordinalWord(_ n: Int) -> String { ExplanationStory.ordinal(n) }

  /// The kind's placements by rank, as horizontal bars with their counts.
  func rankChart(_ kind: MenuSummary.Kind) -> String {
    let ranks = kind.rankHistogram.compactMap { key, n in Int(key).map { ($0, n) } }.sorted {
      $0.0 < $1.0
    }
    guard !ranks.isEmpty else { return "<p>No placement of this kind.</p>\n" }
    let name = HTMLPage.escape(kind.kind.rawValue)
    let chart = HTMLPage.barChart(
      label: "\(Self.title(kind.kind)) placements by rank: "
        + ranks.map { "rank \($0.0) \($0.1)" }.joined(separator: ", "),
      items: ranks.map { (name: "rank \($0.0)", value: Double($0.1), range: nil, text: "\($0.1)") }
    ) { i in " data-kind=\"\(name)\" data-rank=\"\(ranks[i].0)\" data-value=\"\(ranks[i].1)\"" }
    return "<h3>Rank profile</h3>\n<p>Placements by their rank among the person's choices of "
      + "this kind (1 = first).</p>\n" + chart
  }

  /// The (person, kind) rows left short, by reason, in words.
  func shortTable(_ kind: MenuSummary.Kind) -> String {
    guard !kind.shortByReason.isEmpty else { return "" }
    var html = "<h3>Left short</h3>\n<p>People who got fewer placements of this kind than "
    html += "they could take (the smaller of the cap and the worksites of the kind they "
    html += "listed), by the reason in placements.csv.</p>\n<table>"
    html += Self.head(["Reason", "People", "In words"])
    for reason in MenuShortfall.allCases {
      guard let n = kind.shortByReason[reason.rawValue] else { continue }
      html += "<tr data-kind=\"\(HTMLPage.escape(kind.kind.rawValue))\" "
      html += "data-reason=\"\(reason.rawValue)\" data-value=\"\(n)\">"
      html += "<th scope=\"row\">\(reason.rawValue)</th><td>\(n)</td>"
      html += "<td>\(HTMLPage.escape(Self.words(for: reason)))</td></tr>\n"
    }
    return html + "</tbody></table>\n"
  }

  /// Seats and placements by slot label, then a heat-map grid of the kind's worksites with
  /// slots × labels, each cell "placed of seats".
  func slotTables(_ kind: MenuSummary.Kind) -> String {
    guard !kind.slotUse.isEmpty else { return "" }
    let name = HTMLPage.escape(kind.kind.rawValue)
    var html = "<h3>Slots</h3>\n<p>\(kind.slotSeats) seats in slots "
    html += "(a seat in one slot label), \(kind.unfilledSlots) left empty.</p>\n"
    html += "<table id=\"\(name)-slots\">" + Self.head(["Slot", "Seats", "Placed", "Unfilled"])
    for use in kind.slotUse {
      html += "<tr data-kind=\"\(name)\" data-label=\"\(HTMLPage.escape(use.label))\" "
      html += "data-seats=\"\(use.seats)\" data-placed=\"\(use.placed)\">"
      html += "<th scope=\"row\">\(HTMLPage.escape(use.label))</th><td>\(use.seats)</td>"
      html += "<td>\(use.placed)</td><td>\(use.seats - use.placed)</td></tr>\n"
    }
    html += "</tbody></table>\n"
    // The grid: placements per worksite and slot.
    let sites = instance.worksites.indices.filter {
      instance.worksites[$0].kind == kind.kind && !instance.worksites[$0].slots.isEmpty
    }.sorted { instance.worksites[$0].id < instance.worksites[$1].id }
    var load: [Int: [Int]] = [:]
    for w in sites { load[w] = [Int](repeating: 0, count: instance.worksites[w].slots.count) }
    for e in placement.entries {
      if let t = e.slot, load[e.worksite] != nil { load[e.worksite]?[t] += 1 }
    }
    let shown = Array(sites.prefix(Self.gridLimit))
    let byID = Dictionary(shown.map { (instance.worksites[$0].id, $0) }) { a, _ in a }
    let peak = max(1, shown.map { instance.worksites[$0].capacity }.max() ?? 1)
    html += "<h3>Worksites × slots</h3>\n"
    html += HTMLPage.heatScale(HTMLPage.shadeRanges(peak: peak), unit: "people placed")
    html += HTMLPage.heatMap(
      id: "\(name)-grid",
      caption: "People placed of seats, by worksite and slot (“—”: the worksite has no such slot)",
      corner: "Worksite", rows: shown.map { instance.worksites[$0].id },
      columns: kind.slotUse.map(\.label)
    ) { id, label in
      guard let w = byID[id], let t = instance.worksites[w].slots.firstIndex(of: label) else {
        return nil
      }
      let placed = load[w]?[t] ?? 0
      let seats = instance.worksites[w].capacity
      return HTMLPage.HeatCell(
        text: "\(placed) of \(seats)", step: HTMLPage.shade(placed, peak: peak),
        attributes: " data-worksite=\"\(HTMLPage.escape(id))\" data-slot=\""
          + "\(HTMLPage.escape(label))\" data-placed=\"\(placed)\" data-seats=\"\(seats)\"")
    }
    if sites.count > shown.count {
      html += "<p>The first \(shown.count) of \(sites.count) worksites with slots, by id.</p>\n"
    }
    return html
  }

  /// The lookup box; the script fills the answer from the embedded JSON.
  func lookup() -> String {
    HTMLPage.section(
      "lookup", "Find a person", class: "no-print",
      """
      <p>Type a student or teacher id to see every activity they were placed in (with the \
      slot) and each kind they were left short of, with the reason.</p>
      <label for="lookup">Id</label> <input id="lookup" type="search" autocomplete="off">
      <output id="lookup-result" for="lookup" aria-live="polite"></output>
      <ul id="lookup-list"></ul>

      """)
  }

  /// `{"id": [[kind, worksite, employer, slot, rank, reason in words], …], …}`: every row of
  /// the person in `placements.csv` order, with every `<` written `\u003c`.
  func lookupJSON() -> String {
    var entries: [String: [[String]]] = [:]
    for row in rows {
      var cells = [row.kind.map { Self.title($0) } ?? "", "", "", row.slot ?? "", "", ""]
      if let w = row.worksite {
        cells[1] = instance.worksites[w].id
        cells[2] = instance.worksites[w].employer ?? ""
        cells[4] = row.rank.map(String.init) ?? "unlisted"
      }
      if let reason = row.reason {
        cells[5] = Self.words(for: reason) + " (" + reason.rawValue + ")"
      }
      entries[instance.students[row.student].id, default: []].append(cells)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    // A dictionary of arrays of string arrays always encodes.
    let data = (try? encoder.encode(entries)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
  }

  /// Every worksite: kind, employer, capacity, slots, placed, and its people (with slot).
  func worksiteTable() -> String {
    var roster = [[String]](repeating: [], count: instance.worksites.count)
    for e in placement.entries {
      let slot = e.slot.map { " @ " + instance.worksites[e.worksite].slots[$0] } ?? ""
      roster[e.worksite].append(instance.students[e.student].id + slot)
    }
    var html = "<table class=\"sortable\" id=\"worksites\"><thead><tr>"
    html += HTMLPage.headers([
      ("Worksite", "text"), ("Kind", "text"), ("Employer", "text"), ("Borough", "text"),
      ("Capacity", "number"), ("Slots", "number"), ("Placed", "number"), ("People", "text"),
    ])
    html += "</tr></thead><tbody>\n"
    for (w, site) in instance.worksites.enumerated() {
      html += "<tr><th scope=\"row\">\(HTMLPage.escape(site.id))</th>"
      html += "<td>\(site.kind.rawValue)</td><td>\(HTMLPage.escape(site.employer ?? ""))</td>"
      html += "<td>\(HTMLPage.escape(site.borough ?? ""))</td><td>\(site.capacity)</td>"
      html += "<td>\(site.slots.count)</td><td>\(roster[w].count)</td>"
      html += "<td class=\"roster\">\(HTMLPage.escape(roster[w].joined(separator: ", ")))</td>"
      html += "</tr>\n"
    }
    return HTMLPage.section(
      "worksites", "Worksites",
      "<p>Every worksite with its people (and the slot each takes). Click a column header (or "
        + "press Enter on it) to sort.</p>\n"
        + HTMLPage.scrolling(html + "</tbody></table>\n", rows: instance.worksites.count))
  }

  /// The lookup's style.
  static let css = """
    #lookup-result{display:block;margin-top:.5rem;font-weight:600}#lookup-list{max-width:60rem}

    """

  /// The lookup: one line per row of the person; `#id` in the address looks `id` up.
  static let lookupScript = HTMLPage.lookupScript(
    data: "people-data", answer: ("list", "lookup-list"),
    show: """
        const show = () => {
          const id = input.value.trim();
          const rows = data[id];
          list.textContent = "";
          if (!id) { result.textContent = ""; return; }
          if (!rows) { result.textContent = "No person with id " + id + "."; return; }
          const placed = rows.filter((r) => r[1] !== "").length;
          result.textContent = id + ": " + placed + (placed === 1 ? " activity." : " activities.");
          for (const r of rows) {
            const li = document.createElement("li");
            li.textContent = r[1] !== ""
              ? r[0] + ": " + r[1] + (r[2] ? " (" + r[2] + ")" : "") + (r[3] ? ", slot " + r[3] : "")
                + ", rank " + r[4]
              : (r[0] ? r[0] + ": short — " : "nothing placed — ") + r[5];
            list.appendChild(li);
          }
        };
      """)
}
