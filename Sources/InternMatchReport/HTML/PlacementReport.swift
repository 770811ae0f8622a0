import Foundation
import InternMatchModel

/// `report.html`: one self-contained page (inline CSS, inline SVG, a little vanilla JS, no
/// network) that shows a run to a coordinator — headline cards, the rank profile as a bar chart,
/// placement rate and mean rank by borough and cluster with the largest gap marked, a map when
/// the data have coordinates, sortable per-worksite and per-school tables, and a student lookup.
///
/// ```swift
/// let html = PlacementReport(instance: instance, outcomes: outcomes, summary: summary).html
/// ```
///
/// Every headline number carries `data-metric` and `data-value`, every rank-profile bar
/// `data-rank` and `data-value`, so a browser test reads them from the DOM; the script sets
/// `document.body.dataset.ready` to `ok` when it has run, or to `error: …`. Every string from
/// the data (ids, employers, boroughs) is HTML-escaped, and the embedded lookup JSON cannot
/// close its `<script>` element.
///
/// The largest gap of a dimension is ``EquityBreakdown/largestGap``: among the groups with at
/// least 10 students (all groups when fewer than two have 10), the highest placement rate minus
/// the lowest; the two rows are marked "highest" and "lowest" in words, not only in colour.
///
/// - Complexity: O(S + W + groups) to render.
public struct PlacementReport: Sendable {
  /// The instance that was placed.
  public var instance: PlacementInstance
  /// Each student's outcome, in input order.
  public var outcomes: [StudentOutcome]
  /// The run's summary (`summary.json` without its manifest).
  public var summary: PlacementSummary

  /// Creates the report of one run.
  public init(instance: PlacementInstance, outcomes: [StudentOutcome], summary: PlacementSummary) {
    self.instance = instance
    self.outcomes = outcomes
    self.summary = summary
  }

  /// The whole page.
  ///
  /// - Complexity: O(S + W + groups).
  public var html: String {
    var page = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>InternMatch placement report</title>
      <style>\(Self.css)</style>
      </head>
      <body data-ready="pending">
      <main>
      <h1>InternMatch placement report</h1>

      """
    page += headline()
    page += rankProfile()
    for (dimension, title) in [("borough", "By borough"), ("cluster", "By cluster")] {
      if let breakdown = summary.metrics.equity[dimension], !breakdown.rows.isEmpty {
        page += equityTable(breakdown, dimension: dimension, title: title)
      }
    }
    page += map()
    page += lookup()
    page += worksiteTable()
    page += schoolTable()
    page += "</main>\n<script type=\"application/json\" id=\"students-data\">"
    page += lookupJSON()
    page += "</script>\n<script>\(Self.script)</script>\n</body>\n</html>\n"
    return page
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
      ("rate", "Placement rate", Self.number(m.placementRate), Self.percent(m.placementRate)),
      (
        "seats-used", "Seats used", String(m.placed),
        "\(m.placed) of \(m.seats) (\(Self.percent(used)))"
      ),
      ("status", "Status", summary.status ?? "", summary.status ?? "—"),
      ("strategy", "Strategy", summary.strategy, summary.strategy),
      ("seed", "Seed", summary.seed.map(String.init) ?? "", summary.seed.map(String.init) ?? "—"),
      ("run-time", "Run time (ms)", Self.number(total), String(format: "%.0f ms", total)),
    ]
    var html = "<section aria-labelledby=\"h-summary\"><h2 id=\"h-summary\">Summary</h2>\n"
    html += "<div class=\"cards\">\n"
    for c in cards {
      html += "<div class=\"card\" data-metric=\"\(c.metric)\" data-value=\"\(escape(c.value))\">"
      html +=
        "<span class=\"label\">\(c.label)</span><span class=\"value\">\(escape(c.shown))</span></div>\n"
    }
    return html + "</div></section>\n"
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
    var svg = "<svg class=\"chart\" role=\"img\" aria-label=\"Placed students by rank\" "
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
    return """
      <section aria-labelledby="h-ranks"><h2 id="h-ranks">Rank profile</h2>
      <p>Placed students by the rank of their placement among their choices (1 = first choice; \
      “unlisted” = placed at a worksite they did not list). Mean rank \
      \(Self.number(summary.meanRank)).</p>
      \(svg)</section>

      """
  }

  /// Placement rate and mean rank of every group of `dimension`, with a bar and the largest gap.
  func equityTable(_ breakdown: EquityBreakdown, dimension: String, title: String) -> String {
    let gap = breakdown.largestGap
    var html =
      "<section aria-labelledby=\"h-\(dimension)\"><h2 id=\"h-\(dimension)\">\(title)</h2>\n"
    if let gap {
      html += "<p class=\"gap\" data-gap=\"\(dimension)\" data-value=\"\(Self.number(gap.gap))\">"
      html += "Largest gap: \(escape(gap.best)) \(Self.percent(gap.bestRate)) vs "
      html += "\(escape(gap.worst)) \(Self.percent(gap.worstRate)) "
      html += "(\(Self.points(gap.gap)) percentage points).</p>\n"
    }
    html += "<table class=\"sortable\"><thead><tr>"
    html += Self.headers([
      (dimension.capitalized, "text"), ("Students", "number"),
      ("Placed", "number"), ("Placement rate", "number"), ("Mean rank", "number"), ("Gap", "text"),
    ])
    html += "</tr></thead><tbody>\n"
    for row in breakdown.rows {
      let mark = row.key == gap?.best ? "▲ highest" : row.key == gap?.worst ? "▼ lowest" : ""
      html += "<tr\(mark.isEmpty ? "" : " class=\"marked\"")><td>\(escape(row.key))</td>"
      html += "<td>\(row.students)</td><td>\(row.placed)</td>"
      html += "<td data-sort=\"\(Self.number(row.rate))\">\(Self.rateBar(row.rate))</td>"
      html += "<td>\(Self.number(row.meanRank))</td><td>\(mark)</td></tr>\n"
    }
    return html + "</tbody></table></section>\n"
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
    var svg = "<svg class=\"map\" role=\"img\" aria-label=\"Map of worksites and students\" "
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
    let unplaced = students.filter { !$0.1 }.count
    return """
      <section aria-labelledby="h-map"><h2 id="h-map">Map</h2>
      <p class="legend"><span class="key site-key">■</span> worksite (\(sites.count)) \
      <span class="key placed-key">●</span> placed student (\(students.count - unplaced)) \
      <span class="key unplaced-key">✕</span> unplaced student (\(unplaced)) — \
      equirectangular projection of the data's coordinates.</p>
      \(svg)</section>

      """
  }

  /// The student lookup box; the script fills the answer from the embedded JSON.
  func lookup() -> String {
    """
    <section aria-labelledby="h-lookup" class="no-print"><h2 id="h-lookup">Find a student</h2>
    <label for="lookup">Student id</label> <input id="lookup" type="search" autocomplete="off">
    <output id="lookup-result" for="lookup" aria-live="polite"></output></section>

    """
  }

  /// One row per worksite: capacity, filled seats, mean rank and the placed students.
  func worksiteTable() -> String {
    var roster = [[(student: String, rank: Int)]](repeating: [], count: instance.worksites.count)
    for (i, outcome) in outcomes.enumerated() {
      if case .placed(let w, let rank) = outcome {
        roster[w].append((instance.students[i].id, rank))
      }
    }
    var html = "<section aria-labelledby=\"h-worksites\"><h2 id=\"h-worksites\">Worksites</h2>\n"
    html +=
      "<p>Click a column header to sort.</p><table class=\"sortable\" id=\"worksites\"><thead><tr>"
    html += Self.headers([
      ("Worksite", "text"), ("Employer", "text"), ("Cluster", "text"),
      ("Borough", "text"), ("Capacity", "number"), ("Placed", "number"),
      ("Mean rank", "number"), ("Students (rank)", "text"),
    ])
    html += "</tr></thead><tbody>\n"
    for (w, site) in instance.worksites.enumerated() {
      let ranks = roster[w].map(\.rank).filter { $0 > 0 }
      let mean = ranks.isEmpty ? "" : Self.number(Double(ranks.reduce(0, +)) / Double(ranks.count))
      let names = roster[w].map {
        "\(escape($0.student)) (\($0.rank == 0 ? "unlisted" : String($0.rank)))"
      }
      html += "<tr><td>\(escape(site.id))</td><td>\(escape(site.employer ?? ""))</td>"
      html += "<td>\(escape(site.cluster))</td><td>\(escape(site.borough ?? ""))</td>"
      html += "<td>\(site.capacity)</td><td>\(roster[w].count)</td><td>\(mean)</td>"
      html += "<td class=\"roster\">\(names.joined(separator: ", "))</td></tr>\n"
    }
    return html + "</tbody></table></section>\n"
  }

  /// One row per school: students, placed, placement rate and mean rank.
  func schoolTable() -> String {
    guard let breakdown = summary.metrics.equity["school"] else { return "" }
    var html = "<section aria-labelledby=\"h-schools\"><h2 id=\"h-schools\">Schools</h2>\n"
    html += "<table class=\"sortable\" id=\"schools\"><thead><tr>"
    html += Self.headers([
      ("School", "text"), ("Students", "number"), ("Placed", "number"),
      ("Placement rate", "number"), ("Mean rank", "number"),
    ])
    html += "</tr></thead><tbody>\n"
    for row in breakdown.rows {
      html += "<tr><td>\(escape(row.key))</td><td>\(row.students)</td><td>\(row.placed)</td>"
      html += "<td data-sort=\"\(Self.number(row.rate))\">\(Self.rateBar(row.rate))</td>"
      html += "<td>\(Self.number(row.meanRank))</td></tr>\n"
    }
    return html + "</tbody></table></section>\n"
  }

  /// `{"id": [worksite, employer, rank, reason], …}` for the lookup, with every `<` written
  /// `\u003c` so no string can end the `<script>` element.
  func lookupJSON() -> String {
    var entries: [String: [String]] = [:]
    for (i, outcome) in outcomes.enumerated() {
      switch outcome {
      case .placed(let w, let rank):
        let site = instance.worksites[w]
        entries[instance.students[i].id] = [
          site.id, site.employer ?? "", rank == 0 ? "unlisted" : String(rank), "placed",
        ]
      case .unplaced(let reason):
        entries[instance.students[i].id] = ["", "", "", reason.rawValue]
      }
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    // A dictionary of string arrays always encodes.
    let data = (try? encoder.encode(entries)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
  }

  // MARK: Helpers

  /// `text` with `&`, `<`, `>`, `"` and `'` as entities, safe in element text and attributes.
  ///
  /// - Complexity: O(n).
  package func escape(_ text: String) -> String { Self.escape(text) }

  /// `text` with `&`, `<`, `>`, `"` and `'` as entities.
  ///
  /// - Complexity: O(n).
  package static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for ch in text {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(ch)
      }
    }
    return out
  }

  /// `<th scope="col">` cells with the sort kind the script reads.
  static func headers(_ columns: [(title: String, kind: String)]) -> String {
    columns.map {
      "<th scope=\"col\" data-kind=\"\($0.kind)\" tabindex=\"0\">\(escape($0.title))</th>"
    }.joined()
  }

  /// A rate as a labelled bar: the percentage in text beside the coloured bar.
  static func rateBar(_ rate: Double) -> String {
    let width = Int((rate * 100).rounded())
    return
      "<span class=\"rate\"><span class=\"track\"><span class=\"fill\" style=\"width:\(width)%\">"
      + "</span></span> \(percent(rate))</span>"
  }

  static func number(_ v: Double) -> String { String(format: "%.4f", v) }
  static func percent(_ v: Double) -> String { String(format: "%.1f%%", v * 100) }
  static func points(_ v: Double) -> String { String(format: "%.1f", v * 100) }

  static let css = """
    body{font:15px/1.4 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff}
    main{max-width:1200px;margin:0 auto;padding:1rem 1.5rem}
    h1{font-size:1.8rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #ccc}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:.75rem}
    .card{border:1px solid #bbb;border-radius:6px;padding:.6rem .8rem}
    .card .label{display:block;font-size:.8rem;color:#444}.card .value{font-size:1.3rem;font-weight:600}
    .chart{width:100%;max-width:900px;height:auto}.bar{fill:#2b6cb0}
    .chart text{font-size:13px;fill:#1b1b1b}
    table{border-collapse:collapse;width:100%;margin:.5rem 0}
    th,td{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
    th{background:#f0f0f0;cursor:pointer;user-select:none}
    th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
    tr.marked{background:#fff4d6;font-weight:600}
    .rate{white-space:nowrap}.track{display:inline-block;width:80px;height:.7rem;background:#e4e4e4}
    .fill{display:block;height:100%;background:#2b6cb0}
    .roster{font-size:.8rem;max-width:420px}
    .map{width:100%;max-width:900px;height:auto;border:1px solid #ccc;background:#f8fbff}
    .map .site{fill:#c05621}.map .placed{fill:#2b6cb0;opacity:.6}
    .map .unplaced{stroke:#b00020;stroke-width:1.5}
    .site-key{color:#c05621}.placed-key{color:#2b6cb0}.unplaced-key{color:#b00020}
    #lookup-result{display:block;margin-top:.5rem;font-weight:600}
    @media print{.no-print{display:none}th{cursor:auto}main{max-width:none}
    h2{break-after:avoid}tr,svg{break-inside:avoid}.card{break-inside:avoid}}
    """

  static let script = """
    try {
      const data = JSON.parse(document.getElementById("students-data").textContent);
      const input = document.getElementById("lookup");
      const result = document.getElementById("lookup-result");
      input.addEventListener("input", () => {
        const id = input.value.trim();
        const e = data[id];
        if (!id) { result.textContent = ""; return; }
        if (!e) { result.textContent = "No student with id " + id + "."; return; }
        result.textContent = e[3] === "placed"
          ? id + ": placed at " + e[0] + (e[1] ? " (" + e[1] + ")" : "") + ", rank " + e[2] + "."
          : id + ": not placed (" + e[3] + ").";
      });
      for (const table of document.querySelectorAll("table.sortable")) {
        const heads = table.tHead.rows[0].cells;
        for (let c = 0; c < heads.length; c++) {
          const sort = () => {
            const th = heads[c];
            const up = th.getAttribute("aria-sort") !== "ascending";
            for (const h of heads) h.removeAttribute("aria-sort");
            th.setAttribute("aria-sort", up ? "ascending" : "descending");
            const key = (row) => {
              const cell = row.cells[c];
              const v = cell.dataset.sort ?? cell.textContent;
              return th.dataset.kind === "number" ? (v === "" ? -Infinity : parseFloat(v)) : v;
            };
            const body = table.tBodies[0];
            const rows = Array.from(body.rows);
            rows.sort((a, b) => {
              const x = key(a), y = key(b);
              const order = x < y ? -1 : x > y ? 1 : 0;
              return up ? order : -order;
            });
            for (const r of rows) body.appendChild(r);
          };
          heads[c].addEventListener("click", sort);
          heads[c].addEventListener("keydown", (e) => { if (e.key === "Enter") sort(); });
        }
      }
      document.body.dataset.ready = "ok";
    } catch (error) {
      document.body.dataset.ready = "error: " + error.message;
    }
    """
}
