import InternMatchModel

extension PlacementReport {
  /// Placement rate and mean rank of every group of `dimension`, a bar beside each rate, and
  /// the largest placement-rate and mean-rank gaps stated in a sentence and marked in words on
  /// their rows.
  ///
  /// - Complexity: O(groups).
  func equityTable(
    _ breakdown: EquityBreakdown, dimension: String, title: String, column: String
  ) -> String {
    let (html, table) = Self.equityParts(
      breakdown, dimension: dimension, tableID: dimension == "school" ? "schools" : dimension,
      column: column)
    return HTMLPage.section(
      dimension, title, html + HTMLPage.scrolling(table, rows: breakdown.rows.count))
  }

  /// The sentences (largest gaps) and the sortable table of ``equityTable(_:dimension:title:column:)``,
  /// the table's rows carrying `data-dimension="<dimension>"`; shared with ``MenuReport``'s
  /// breakdowns per kind.
  static func equityParts(
    _ breakdown: EquityBreakdown, dimension: String, tableID: String, column: String
  ) -> (sentences: String, table: String) {
    let gap = breakdown.largestGap
    let rankGap = breakdown.largestMeanRankGap
    var html = ""
    if dimension == "group" {
      html += "<p>A student in several priority groups counts in each; “none” is the students "
      html += "in no group.</p>\n"
    }
    if let gap {
      html +=
        "<p class=\"gap\" data-gap=\"\(dimension)\" data-value=\"\(HTMLPage.number(gap.gap))\">"
      html += "<strong>Largest placement-rate gap: \(HTMLPage.points(gap.gap)) percentage "
      html += "points</strong> — \(escape(gap.best)) \(HTMLPage.percent(gap.bestRate)) (highest) "
      html += "vs \(escape(gap.worst)) \(HTMLPage.percent(gap.worstRate)) (lowest).</p>\n"
    }
    if let rankGap {
      html += "<p class=\"gap\" data-rank-gap=\"\(dimension)\" "
      html += "data-value=\"\(HTMLPage.number(rankGap.gap))\"><strong>Largest mean-rank gap: "
      html += "\(HTMLPage.rank(rankGap.gap)) ranks</strong> — \(escape(rankGap.best)) "
      html += "\(HTMLPage.rank(rankGap.bestMeanRank)) (best) vs \(escape(rankGap.worst)) "
      html += "\(HTMLPage.rank(rankGap.worstMeanRank)) (worst).</p>\n"
    }
    if gap != nil || rankGap != nil {
      html += "<p class=\"note\">Gaps compare groups of at least 10 students (10 placed for mean "
      html += "rank), or all groups when fewer than two are that large.</p>\n"
    }
    var table = "<table class=\"sortable\" id=\"\(escape(tableID))\">"
    table += "<thead><tr>"
    table += HTMLPage.headers([
      (column, "text"), ("Students", "number"), ("Placed", "number"),
      ("Placement rate", "number"), ("Mean rank", "number"), ("Largest gaps", "text"),
    ])
    table += "</tr></thead><tbody>\n"
    for row in breakdown.rows {
      var marks: [String] = []
      if row.key == gap?.best { marks.append("▲ highest rate") }
      if row.key == gap?.worst { marks.append("▼ lowest rate") }
      if row.key == rankGap?.best { marks.append("best mean rank") }
      if row.key == rankGap?.worst { marks.append("worst mean rank") }
      table += "<tr\(marks.isEmpty ? "" : " class=\"marked\"") data-dimension=\"\(dimension)\" "
      table += "data-key=\"\(escape(row.key))\" data-students=\"\(row.students)\" "
      table += "data-placed=\"\(row.placed)\" data-rate=\"\(HTMLPage.number(row.rate))\" "
      table += "data-mean-rank=\"\(HTMLPage.number(row.meanRank))\">"
      table += "<th scope=\"row\">\(escape(row.key))</th>"
      table += "<td>\(row.students)</td><td>\(row.placed)</td>"
      table += "<td data-sort=\"\(HTMLPage.number(row.rate))\">\(HTMLPage.rateBar(row.rate))</td>"
      table += "<td>\(row.placed > 0 && row.meanRank > 0 ? HTMLPage.rank(row.meanRank) : "")</td>"
      table += "<td class=\"mark\">\(marks.joined(separator: "; "))</td></tr>\n"
    }
    table += "</tbody></table>\n"
    return (html, table)
  }

  /// Unfilled seats by cluster × borough: a heat map whose cells read "unfilled of seats",
  /// with an "all boroughs" column and an "all clusters" row.
  ///
  /// - Complexity: O(S + W + clusters × boroughs).
  func unfilledSeats() -> String {
    let grid = SeatGrid(instance: instance, outcomes: outcomes)
    guard !grid.clusters.isEmpty else { return "" }
    let peak = max(1, grid.cells.values.map(\.unfilled).max() ?? 1)
    let all = "All boroughs"
    let total = "All clusters"
    let table = HTMLPage.heatMap(
      id: "unfilled", caption: "Unfilled seats of seats offered, by worksite cluster and borough",
      corner: "Cluster", rows: grid.clusters + [total], columns: grid.boroughs + [all]
    ) { cluster, borough in
      let isTotal = cluster == total || borough == all
      guard
        let cell = grid.cell(
          cluster: cluster == total ? nil : cluster, borough: borough == all ? nil : borough)
      else { return nil }
      let attributes =
        " data-cluster=\"\(escape(cluster == total ? "*" : cluster))\" data-borough=\""
        + "\(escape(borough == all ? "*" : borough))\" data-unfilled=\"\(cell.unfilled)\" "
        + "data-seats=\"\(cell.seats)\""
      return HTMLPage.HeatCell(
        text: "\(cell.unfilled) of \(cell.seats)",
        step: isTotal ? 0 : HTMLPage.shade(cell.unfilled, peak: peak), attributes: attributes)
    }
    let sum = grid.cells.values.reduce(0) { $0 + $1.unfilled }
    return HTMLPage.section(
      "unfilled", "Unfilled seats by cluster and borough",
      "<p>\(sum) of \(summary.seats) seats are unfilled. Each cell reads “unfilled of seats” "
        + "for the worksites of that cluster in that borough (the worksite's own cluster and "
        + "borough); the darker the cell, the more seats are unfilled; “—” means no worksite. "
        + "Totals are not shaded.</p>\n"
        + HTMLPage.heatScale(HTMLPage.shadeRanges(peak: peak), unit: "unfilled seats")
        + table)
  }
}

/// Seats offered and left unfilled in every cluster × borough area of the worksites.
///
/// ```swift
/// let grid = SeatGrid(instance: instance, outcomes: outcomes)
/// grid.cell(cluster: "health", borough: "Bronx")  // (worksites: 3, seats: 40, unfilled: 12)
/// ```
///
/// - Complexity: O(S + W) to build.
struct SeatGrid {
  /// One area's worksites, seats and unfilled seats.
  struct Cell: Hashable {
    var worksites = 0
    var seats = 0
    var unfilled = 0
  }

  /// Clusters and boroughs (`unknown` for a worksite without one) that have worksites, sorted.
  var clusters: [String]
  var boroughs: [String]
  /// The areas that have worksites, keyed by cluster and borough.
  var cells: [Key: Cell]

  struct Key: Hashable {
    var cluster: String
    var borough: String
  }

  init(instance: PlacementInstance, outcomes: [StudentOutcome]) {
    var filled = [Int](repeating: 0, count: instance.worksites.count)
    for case .placed(let w, _) in outcomes { filled[w] += 1 }
    var cells: [Key: Cell] = [:]
    for (w, site) in instance.worksites.enumerated() {
      let key = Key(cluster: site.cluster, borough: site.borough ?? "unknown")
      cells[key, default: Cell()].worksites += 1
      cells[key, default: Cell()].seats += site.capacity
      cells[key, default: Cell()].unfilled += max(0, site.capacity - filled[w])
    }
    self.cells = cells
    clusters = Set(cells.keys.map(\.cluster)).sorted()
    boroughs = Set(cells.keys.map(\.borough)).sorted()
  }

  /// The area's cell, or the sum over every cluster (`cluster` nil) or borough (`borough` nil);
  /// `nil` when no worksite is in it.
  func cell(cluster: String?, borough: String?) -> Cell? {
    var sum = Cell()
    for (key, cell) in cells
    where (cluster == nil || key.cluster == cluster) && (borough == nil || key.borough == borough) {
      sum.worksites += cell.worksites
      sum.seats += cell.seats
      sum.unfilled += cell.unfilled
    }
    return sum.worksites == 0 ? nil : sum
  }
}
