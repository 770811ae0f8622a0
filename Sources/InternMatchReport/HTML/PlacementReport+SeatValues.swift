import InternMatchModel

extension PlacementReport {
  /// The most worksites the ranked seat-value table lists (the rest are counted below it).
  static let seatValueRows = 100

  /// "Where one more seat helps": the worksites whose one more seat places a student or lowers
  /// the rank cost, ranked (more placed first, then the larger saving, then id), and the best
  /// seat of every cluster × borough area as a heat map; or, when the run has no seat values,
  /// why not.
  ///
  /// - Complexity: O(W log W).
  func seatValues() -> String {
    let title = "Where one more seat helps"
    let values: [SeatValue]
    let rankCost: RankCost
    switch explanations {
    case .absent(let why):
      return HTMLPage.section(
        "seat-values", title,
        "<p class=\"note\" id=\"seat-values-absent\">Seat values are not shown: "
          + "\(escape(why)).</p>\n")
    case .computed(_, let seatValues, let cost):
      (values, rankCost) = (seatValues, cost)
    }
    let known = values.filter { $0.placedChange != nil && $0.rankCostChange != nil }
    let unknown = values.count - known.count
    let reasons = Set(values.compactMap { $0.placedChange == nil ? $0.detail : nil })
      .filter { !$0.isEmpty }.sorted()
    guard !known.isEmpty else {
      let why =
        reasons.isEmpty ? "no worksite's value could be computed" : reasons.joined(separator: "; ")
      return HTMLPage.section(
        "seat-values", title,
        "<p class=\"note\" id=\"seat-values-absent\">Seat values are not shown: \(escape(why)) "
          + "(this run's strategy is \(escape(summary.strategy))).</p>\n")
    }
    let units = rankCost == .linear ? "rank points" : "squared-rank points"
    let helpful = known.filter { ($0.placedChange ?? 0) > 0 || ($0.rankCostChange ?? 0) < 0 }
      .sorted {
        let a = ($0.placedChange ?? 0, -($0.rankCostChange ?? 0))
        let b = ($1.placedChange ?? 0, -($1.rankCostChange ?? 0))
        return a != b ? a > b : $0.worksite < $1.worksite
      }
    let placing = helpful.filter { ($0.placedChange ?? 0) > 0 }.count
    var html = "<p>What one more seat at a worksite would do, computed exactly for this run: the "
    html += "new optimum minus this one, students placed first, then the rank cost in \(units) "
    html += "(lower is better). <strong>\(placing) of \(values.count) worksites</strong> would "
    html += "place one more student; \(helpful.count - placing) more would only lower the rank "
    html += "cost; the other \(known.count - helpful.count) would change nothing"
    if unknown > 0 {
      html += "; \(unknown) not computed (\(escape(reasons.joined(separator: "; "))))"
    }
    html += ".</p>\n"
    html += "<h3 id=\"h-seat-ranked\">Ranked: the best places for one more seat</h3>\n"
    if helpful.isEmpty {
      html += "<p>No worksite: one more seat anywhere changes nothing.</p>\n"
    } else {
      html += seatValueTable(Array(helpful.prefix(Self.seatValueRows)), units: units)
      if helpful.count > Self.seatValueRows {
        html += "<p class=\"note\">\(helpful.count - Self.seatValueRows) more worksites help less; "
        html += "seat-values.csv (written with --explain) lists every worksite.</p>\n"
      }
    }
    html += "<h3 id=\"h-seat-areas\">By cluster and borough</h3>\n"
    html += seatValueHeatMap(values, units: units)
    return HTMLPage.section("seat-values", title, html)
  }

  /// The ranked table of the worksites where one more seat helps.
  private func seatValueTable(_ rows: [SeatValue], units: String) -> String {
    var html = "<table class=\"sortable\" id=\"seat-value-table\"><thead><tr>"
    html += HTMLPage.headers([
      ("#", "number"), ("Worksite", "text"), ("Employer", "text"), ("Cluster", "text"),
      ("Borough", "text"), ("Seats", "number"), ("Filled", "number"),
      ("More placed", "number"), ("Rank cost change", "number"), ("One more seat", "text"),
    ])
    html += "</tr></thead><tbody>\n"
    for (i, v) in rows.enumerated() {
      let p = v.placedChange ?? 0
      let c = v.rankCostChange ?? 0
      html += "<tr data-worksite=\"\(escape(v.worksite))\" data-placed-change=\"\(p)\" "
      html += "data-rank-cost-change=\"\(c)\"><td>\(i + 1)</td>"
      html += "<th scope=\"row\">\(escape(v.worksite))</th><td>\(escape(v.employer ?? ""))</td>"
      html += "<td>\(escape(v.cluster))</td><td>\(escape(v.borough ?? ""))</td>"
      html += "<td>\(v.capacity)</td><td>\(v.filled)</td><td>\(Self.signed(p))</td>"
      html += "<td>\(Self.signed(c))</td><td>\(Self.seatWords(p, c, units: units))</td></tr>\n"
    }
    return HTMLPage.scrolling(html + "</tbody></table>\n", rows: rows.count)
  }

  /// The heat map of ``AreaSeatValue/areas(of:)``: each cell's best seat in words, shaded by
  /// the count of its worksites where one more seat places a student (by the best rank-cost
  /// saving when no worksite anywhere places one more).
  private func seatValueHeatMap(_ values: [SeatValue], units: String) -> String {
    let areas = AreaSeatValue.areas(of: values)
    var byKey: [String: AreaSeatValue] = [:]
    for a in areas { byKey[a.cluster + "\u{1F}" + a.borough] = a }
    let clusters = Set(areas.map(\.cluster)).sorted()
    let boroughs = Set(areas.map(\.borough)).sorted()
    let peakPlacing = areas.map(\.worksitesPlacingOneMore).max() ?? 0
    let byPlacing = peakPlacing > 0
    let peak =
      byPlacing ? peakPlacing : max(1, areas.map { -min(0, $0.bestRankCostChange ?? 0) }.max() ?? 1)
    let table = HTMLPage.heatMap(
      id: "seat-value-areas", caption: "The best single seat of each cluster × borough area",
      corner: "Cluster", rows: clusters, columns: boroughs
    ) { cluster, borough in
      guard let a = byKey[cluster + "\u{1F}" + borough] else { return nil }
      var attributes = " data-cluster=\"\(escape(cluster))\" data-borough=\"\(escape(borough))\""
      attributes +=
        " data-worksites=\"\(a.worksites)\" data-placing=\"\(a.worksitesPlacingOneMore)\""
      guard let p = a.bestPlacedChange, let c = a.bestRankCostChange else {
        return HTMLPage.HeatCell(text: "not computed", step: 0, attributes: attributes)
      }
      attributes += " data-best-placed=\"\(p)\" data-best-rank-cost=\"\(c)\""
      let text: String
      if p > 0 {
        text = "+\(p) placed at \(a.worksitesPlacingOneMore) of \(a.worksites)"
      } else if c < 0 {
        text = "\(Self.signed(c)) rank cost"
      } else {
        text = "no change"
      }
      let step = HTMLPage.shade(byPlacing ? a.worksitesPlacingOneMore : -min(0, c), peak: peak)
      return HTMLPage.HeatCell(text: text, step: step, attributes: attributes)
    }
    let unit = byPlacing ? "worksites placing one more" : "best rank-cost saving, \(units)"
    return "<p>Each cell is the best single extra seat among the area's worksites (most placed, "
      + "then the largest rank-cost saving); “+1 placed at 3 of 7” means one more seat places "
      + "a student at 3 of its 7 worksites. The shade follows the count of such worksites "
      + (byPlacing ? "" : "(none anywhere: here the best rank-cost saving) ")
      + "— the words carry the same meaning; “—” means no worksite.</p>\n"
      + HTMLPage.heatScale(HTMLPage.shadeRanges(peak: peak), unit: unit) + table
  }

  /// One seat value in words.
  static func seatWords(_ placed: Int, _ cost: Int, units: String) -> String {
    if placed > 0 {
      let who = placed == 1 ? "one more student" : "\(placed) more students"
      // Placing one more adds that student's rank: a rise here is the price of the seat.
      return "places \(who)"
        + (cost == 0 ? "" : " (rank cost \(signed(cost)), the new student's rank included)")
    }
    return cost < 0 ? "places no one more; saves \(-cost) \(units)" : "changes nothing"
  }

  /// `+3`, `0`, `-2`.
  static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : String(n) }
}
