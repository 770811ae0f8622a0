import Foundation
import InternMatchModel

/// `report.html`: one self-contained page (inline CSS, inline SVG, a little vanilla JS, no
/// network) that shows a run to a coordinator — headline cards, the rank profile as a bar chart,
/// placement rate and mean rank by borough, cluster, school and priority group with the largest
/// gaps marked, unfilled seats by cluster × borough, where one more seat helps (seat values as a
/// ranked table and a heat map), a map when the data have coordinates, a sortable per-worksite
/// roster, and a student lookup that tells each student's explanation in plain English.
///
/// ```swift
/// let report = PlacementReport(instance: instance, outcomes: outcomes, summary: summary,
///                              explanations: .computed(students: e, seatValues: v, rankCost: .linear))
/// try Data(report.html.utf8).write(to: url)
/// ```
///
/// Every headline number carries `data-metric` and `data-value`, every rank-profile bar
/// `data-rank` and `data-value`, every breakdown row `data-dimension`, `data-key` and its
/// counts, every heat-map cell its area and numbers, so a browser test reads them from the DOM;
/// the script sets `document.body.dataset.ready` to `ok` when it has run, or to `error: …`.
/// Every string from the data (ids, employers, boroughs) is HTML-escaped, and the embedded
/// lookup JSON cannot close its `<script>` element.
///
/// The largest placement-rate gap of a dimension is ``EquityBreakdown/largestGap``, the largest
/// mean-rank gap ``EquityBreakdown/largestMeanRankGap``; their rows are marked in words
/// ("▲ highest rate", "▼ lowest rate", "best mean rank", "worst mean rank"), not only colour.
///
/// - Complexity: O(S·k + W + groups) to render, k the length of a list.
public struct PlacementReport: Sendable {
  /// The run's explanations and seat values, or why the report has none.
  public enum Explanations: Sendable {
    /// Every student's explanation and every worksite's seat value (``/InternMatchModel/SeatValue``), in input
    /// order, with the run's rank cost (the units of the prices).
    case computed(students: [PlacementExplanation], seatValues: [SeatValue], rankCost: RankCost)
    /// None, for the reason given (shown in the page where the sections would be).
    case absent(String)
  }

  /// The instance that was placed.
  public var instance: PlacementInstance
  /// Each student's outcome, in input order.
  public var outcomes: [StudentOutcome]
  /// The run's summary (`summary.json` without its manifest).
  public var summary: PlacementSummary
  /// The explanations and seat values the lookup and "where one more seat helps" show.
  public var explanations: Explanations

  /// Creates the report of one run.
  public init(
    instance: PlacementInstance, outcomes: [StudentOutcome], summary: PlacementSummary,
    explanations: Explanations = .absent("the run was made without explanations")
  ) {
    self.instance = instance
    self.outcomes = outcomes
    self.summary = summary
    self.explanations = explanations
  }

  /// The whole page.
  ///
  /// - Complexity: O(S·k + W + groups).
  public var html: String {
    var page = HTMLPage.opening(title: "InternMatch placement report", extraCSS: Self.css)
    page += headline()
    page += rankProfile()
    let dimensions = [
      ("borough", "By borough", "Borough"), ("cluster", "By cluster", "Cluster"),
      ("school", "By school", "School"), ("group", "By priority group", "Priority group"),
    ]
    for (dimension, title, column) in dimensions {
      if let breakdown = summary.metrics.equity[dimension], !breakdown.rows.isEmpty {
        page += equityTable(breakdown, dimension: dimension, title: title, column: column)
      }
    }
    page += unfilledSeats()
    page += seatValues()
    page += map()
    page += lookup()
    page += worksiteTable()
    let data =
      "<script type=\"application/json\" id=\"students-data\">\(lookupJSON())</script>\n"
    return page + HTMLPage.closing(beforeScript: data, pageScript: Self.lookupScript)
  }

  // MARK: Sections

  /// The headline cards, each with `data-metric` and `data-value`.
  func headline() -> String {
    let m = summary.metrics
    let used = Double(m.placed) / Double(max(1, m.seats))
    let total = summary.timingsMilliseconds["total"] ?? 0
    let cards: [(metric: String, label: String, value: String, shown: String)] = [
      ("students", "Students", String(summary.students), String(summary.students)),
      ("placed", "Placed", String(summary.placed), String(summary.placed)),
      (
        "rate", "Placement rate", HTMLPage.number(m.placementRate),
        HTMLPage.percent(m.placementRate)
      ),
      (
        "seats-used", "Seats used", String(m.placed),
        "\(m.placed) of \(m.seats) (\(HTMLPage.percent(used)))"
      ),
      ("status", "Status", summary.status ?? "", summary.status ?? "—"),
      ("strategy", "Strategy", summary.strategy, summary.strategy),
      ("seed", "Seed", summary.seed.map(String.init) ?? "", summary.seed.map(String.init) ?? "—"),
      ("run-time", "Run time (ms)", HTMLPage.number(total), String(format: "%.0f ms", total)),
    ]
    var html = "<div class=\"cards\">\n"
    for c in cards {
      html += "<div class=\"card\" data-metric=\"\(c.metric)\" data-value=\"\(escape(c.value))\">"
      html += "<span class=\"label\">\(c.label)</span>"
      html += "<span class=\"value\">\(escape(c.shown))</span></div>\n"
    }
    html += "</div>\n"
    if let note = summary.statusNote, !note.isEmpty {
      html += "<p><strong>Status:</strong> \(escape(note))</p>\n"
    }
    return HTMLPage.section("summary", "Summary", html)
  }

  /// The rank profile: one labelled SVG bar per rank, then the unlisted placements.
  func rankProfile() -> String {
    let profile = summary.metrics.rankProfile
    let bars =
      profile.enumerated().map { (label: String($0.offset + 1), value: $0.element) }
      + (summary.metrics.unlisted > 0 ? [(label: "unlisted", value: summary.metrics.unlisted)] : [])
    let peak = max(1, bars.map(\.value).max() ?? 1)
    let width = 60
    let height = 200
    var svg = "<svg class=\"chart\" role=\"img\" aria-label=\"Placed students by rank: "
    svg += bars.map { "\($0.label) \($0.value)" }.joined(separator: ", ") + "\" "
    svg += "viewBox=\"0 0 \(max(1, bars.count) * width + 20) \(height + 50)\">\n"
    for (i, bar) in bars.enumerated() {
      let h = Int((Double(bar.value) / Double(peak) * Double(height)).rounded())
      let x = 10 + i * width
      let rank = bar.label == "unlisted" ? "0" : bar.label
      svg +=
        "<g><rect class=\"bar\" data-rank=\"\(rank)\" data-value=\"\(bar.value)\" x=\"\(x + 8)\" "
      svg += "y=\"\(height - h + 20)\" width=\"\(width - 16)\" height=\"\(h)\"></rect>"
      svg +=
        "<text x=\"\(x + width / 2)\" y=\"\(height - h + 15)\" text-anchor=\"middle\">\(bar.value)</text>"
      svg +=
        "<text x=\"\(x + width / 2)\" y=\"\(height + 40)\" text-anchor=\"middle\">\(bar.label)</text></g>\n"
    }
    svg += "</svg>"
    return HTMLPage.section(
      "ranks", "Rank profile",
      """
      <p>Placed students by the rank of their placement among their choices (1 = first choice; \
      “unlisted” = placed at a worksite they did not list). Mean rank \
      \(HTMLPage.rank(summary.meanRank)).</p>
      \(svg)

      """)
  }

  /// An equirectangular SVG map of worksites (squares) and students (circles placed, crosses
  /// unplaced); empty when nothing has coordinates.
  func map() -> String {
    let sites = instance.worksites.compactMap { $0.location?.isValid == true ? $0.location : nil }
    let students = instance.students.indices.compactMap { i -> (Coordinate, Bool)? in
      guard let c = instance.students[i].location, c.isValid else { return nil }
      if case .placed = outcomes[i] { return (c, true) }
      return (c, false)
    }
    let all = sites + students.map(\.0)
    guard let first = all.first else { return "" }
    var (minLat, maxLat, minLon, maxLon) = (
      first.latitude, first.latitude, first.longitude, first.longitude
    )
    for c in all {
      minLat = min(minLat, c.latitude)
      maxLat = max(maxLat, c.latitude)
      minLon = min(minLon, c.longitude)
      maxLon = max(maxLon, c.longitude)
    }
    // Equirectangular: x scaled by cos(mid-latitude) so a kilometre is as long either way.
    let aspect = cos((minLat + maxLat) / 2 * .pi / 180)
    let spanX = max(1e-6, (maxLon - minLon) * aspect)
    let spanY = max(1e-6, maxLat - minLat)
    let width = 800.0
    let height = max(200, min(1200, width * spanY / spanX))
    func point(_ c: Coordinate) -> (Double, Double) {
      (
        10 + (c.longitude - minLon) * aspect / spanX * (width - 20),
        10 + (maxLat - c.latitude) / spanY * (height - 20)
      )
    }
    func f(_ v: Double) -> String { String(format: "%.1f", v) }
    let unplaced = students.filter { !$0.1 }.count
    var svg = "<svg class=\"map\" role=\"img\" aria-label=\"Map: \(sites.count) worksites, "
    svg += "\(students.count - unplaced) placed and \(unplaced) unplaced students\" "
    svg += "viewBox=\"0 0 \(f(width)) \(f(height))\">\n"
    for (c, placed) in students {
      let (x, y) = point(c)
      if placed {
        svg += "<circle class=\"placed\" cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"2\"></circle>"
      } else {
        svg += "<path class=\"unplaced\" d=\"M\(f(x - 3)) \(f(y - 3))L\(f(x + 3)) \(f(y + 3))"
        svg += "M\(f(x - 3)) \(f(y + 3))L\(f(x + 3)) \(f(y - 3))\"></path>"
      }
    }
    svg += "\n"
    for c in sites {
      let (x, y) = point(c)
      svg +=
        "<rect class=\"site\" x=\"\(f(x - 3))\" y=\"\(f(y - 3))\" width=\"6\" height=\"6\"></rect>"
    }
    svg += "\n</svg>"
    return HTMLPage.section(
      "map", "Map",
      """
      <p class="legend"><span class="key site-key">■</span> worksite (\(sites.count)) \
      <span class="key placed-key">●</span> placed student (\(students.count - unplaced)) \
      <span class="key unplaced-key">✕</span> unplaced student (\(unplaced)) — \
      equirectangular projection of the data's coordinates (north up).</p>
      \(svg)

      """)
  }

  /// The student lookup box; the script fills the answer from the embedded JSON.
  func lookup() -> String {
    let told: String
    switch explanations {
    case .computed(let students, _, _) where students.count > Self.storyLimit:
      told =
        "their outcome (explanations are left out above \(Self.storyLimit) students to keep the "
        + "page small: internmatch explain DATASET --student ID tells one)."
    case .computed: told = "their outcome and, in plain English, why."
    case .absent(let why): told = "their outcome (no explanations: \(escape(why)))."
    }
    return HTMLPage.section(
      "lookup", "Find a student", class: "no-print",
      """
      <p>Type a student id to see \(told)</p>
      <label for="lookup">Student id</label> <input id="lookup" type="search" autocomplete="off">
      <output id="lookup-result" for="lookup" aria-live="polite"></output>
      <p id="lookup-story"></p>

      """)
  }

  /// One row per worksite: capacity, filled seats, mean rank and the placed students.
  func worksiteTable() -> String {
    var roster = [[(student: String, rank: Int)]](repeating: [], count: instance.worksites.count)
    for (i, outcome) in outcomes.enumerated() {
      if case .placed(let w, let rank) = outcome {
        roster[w].append((instance.students[i].id, rank))
      }
    }
    var html = "<table class=\"sortable\" id=\"worksites\"><thead><tr>"
    html += HTMLPage.headers([
      ("Worksite", "text"), ("Employer", "text"), ("Cluster", "text"),
      ("Borough", "text"), ("Capacity", "number"), ("Placed", "number"),
      ("Mean rank", "number"), ("Students (rank)", "text"),
    ])
    html += "</tr></thead><tbody>\n"
    for (w, site) in instance.worksites.enumerated() {
      let ranks = roster[w].map(\.rank).filter { $0 > 0 }
      let mean =
        ranks.isEmpty ? "" : HTMLPage.rank(Double(ranks.reduce(0, +)) / Double(ranks.count))
      let names = roster[w].map {
        "\(escape($0.student)) (\($0.rank == 0 ? "unlisted" : String($0.rank)))"
      }
      html += "<tr><th scope=\"row\">\(escape(site.id))</th><td>\(escape(site.employer ?? ""))</td>"
      html += "<td>\(escape(site.cluster))</td><td>\(escape(site.borough ?? ""))</td>"
      html += "<td>\(site.capacity)</td><td>\(roster[w].count)</td><td>\(mean)</td>"
      html += "<td class=\"roster\">\(names.joined(separator: ", "))</td></tr>\n"
    }
    return HTMLPage.section(
      "worksites", "Worksites",
      "<p>Every worksite with its placed students. Click a column header (or press Enter on it) "
        + "to sort; every table with a “Students” or “Placed” column sorts the same way.</p>\n"
        + HTMLPage.scrolling(html + "</tbody></table>\n", rows: instance.worksites.count))
  }

  /// `{"id": [worksite, employer, rank, reason, story], …}` for the lookup, the story the
  /// student's ``ExplanationStory`` (empty without explanations), with every `<` written
  /// `\u003c` so no string can end the `<script>` element.
  func lookupJSON() -> String {
    var stories: [String]?
    if case .computed(let students, _, let rankCost) = explanations,
      students.count == outcomes.count, students.count <= Self.storyLimit
    {
      stories = students.map {
        ExplanationStory.student($0, in: instance, rankCost: rankCost)
          .trimmingCharacters(in: .whitespacesAndNewlines)
      }
    }
    var entries: [String: [String]] = [:]
    for (i, outcome) in outcomes.enumerated() {
      let story = stories?[i] ?? ""
      switch outcome {
      case .placed(let w, let rank):
        let site = instance.worksites[w]
        entries[instance.students[i].id] = [
          site.id, site.employer ?? "", rank == 0 ? "unlisted" : String(rank), "placed", story,
        ]
      case .unplaced(let reason):
        entries[instance.students[i].id] = [
          "", "", "", ExplanationStory.describe(reason) + " (" + reason.rawValue + ")", story,
        ]
      }
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    // A dictionary of string arrays always encodes.
    let data = (try? encoder.encode(entries)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
  }

  /// The most students whose stories the page embeds (about 300 bytes each): above it the
  /// lookup shows outcomes only and says so, and `internmatch explain` tells a story.
  public static let storyLimit = 50_000

  // MARK: Helpers

  /// `text` with `&`, `<`, `>`, `"` and `'` as entities, safe in element text and attributes.
  ///
  /// - Complexity: O(n).
  package func escape(_ text: String) -> String { HTMLPage.escape(text) }

  /// `text` with `&`, `<`, `>`, `"` and `'` as entities.
  ///
  /// - Complexity: O(n).
  package static func escape(_ text: String) -> String { HTMLPage.escape(text) }

  /// The map's colours.
  static let css = """
    .map{width:100%;max-width:900px;height:auto;border:1px solid #ccc;background:#f8fbff}
    .map .site{fill:#c05621}.map .placed{fill:#2b6cb0;opacity:.6}
    .map .unplaced{stroke:#b00020;stroke-width:1.5}
    .site-key{color:#c05621}.placed-key{color:#2b6cb0}.unplaced-key{color:#b00020}
    #lookup-result{display:block;margin-top:.5rem;font-weight:600}#lookup-story{max-width:60rem}

    """

  /// The lookup: the outcome line, then the story; `#id` in the address looks `id` up.
  static let lookupScript = HTMLPage.lookupScript(
    data: "students-data", answer: ("story", "lookup-story"),
    show: """
        const show = () => {
          const id = input.value.trim();
          const e = data[id];
          story.textContent = "";
          if (!id) { result.textContent = ""; return; }
          if (!e) { result.textContent = "No student with id " + id + "."; return; }
          result.textContent = e[3] === "placed"
            ? id + ": placed at " + e[0] + (e[1] ? " (" + e[1] + ")" : "") + ", rank " + e[2] + "."
            : id + ": not placed — " + e[3] + ".";
          story.textContent = e[4];
        };
      """)
}
