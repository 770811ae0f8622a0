import Foundation

/// The comparison page of `compare --report`: strategies side by side — placed, rank profile,
/// blocking pairs, equity gaps — as inline SVG charts with their numbers in text, and, when the
/// comparison ran over several lottery seeds, the spread of every measure (mean, sample sd,
/// min–max). One self-contained file like `report.html`: no network, a little vanilla JS.
///
/// ```swift
/// let table = try LotteryReplications(strategies, seeds: Array(1...20)).run(instance)
/// let html = ComparisonReport(table).html  // placed per strategy as bars with min–max whiskers
/// ```
///
/// Every chart plots each strategy's **mean over its seeds** (its value, with one seed); a bar
/// carries `data-chart`, `data-strategy` and `data-value`, and, over several seeds, `data-min`
/// and `data-max`, drawn as a whisker. Every spread cell carries `data-strategy`,
/// `data-column` (a ``StrategyComparison/numericColumns`` name), `data-stat` and `data-value`,
/// so a browser test compares them with `compare --format json`.
///
/// - Complexity: O(rows × columns).
public struct ComparisonReport: Sendable {
  /// The comparison shown.
  public var comparison: StrategyComparison

  /// Creates the page of `comparison`.
  public init(_ comparison: StrategyComparison) {
    self.comparison = comparison
  }

  /// The measures the spread table shows, by their ``StrategyComparison/numericColumns`` name,
  /// with a heading and a formatter.
  static let spreadColumns: [(column: String, title: String, shown: @Sendable (Double) -> String)] =
    [
      ("placed", "Placed", { String(format: "%.1f", $0) }),
      ("rate", "Placement rate", { HTMLPage.percent($0) }),
      ("mean_rank", "Mean rank", { HTMLPage.rank($0) }),
      ("rank_cost", "Rank cost", { String(format: "%.1f", $0) }),
      ("blocking", "Blocking pairs", { String(format: "%.1f", $0) }),
      ("school_gap", "School gap (points)", { HTMLPage.points($0) }),
      ("group_gap", "Group gap (points)", { HTMLPage.points($0) }),
    ]

  /// The whole page.
  public var html: String {
    var page = HTMLPage.opening(title: "InternMatch strategy comparison", extraCSS: Self.css)
    page += overview()
    if !comparison.rows.isEmpty {
      page += chart(
        "placed", "Students placed",
        intro: "Students placed by each strategy" + meanNote + ".",
        column: "placed", shown: Self.count)
      page += rankProfile()
      page += chart(
        "blocking", "Blocking pairs",
        intro:
          "Pairs of a student and a worksite that would both rather have each other than what "
          + "they got, counted against each seed's worksite priorities (justified envy)"
          + meanNote + ". 0 means stable.",
        column: "blocking", shown: Self.count)
      page += gaps()
      if seeded { page += spread() }
      page += allNumbers()
    }
    return page + HTMLPage.closing()
  }

  /// Whether the comparison ran over more than one seed.
  var seeded: Bool { comparison.seeds.count > 1 }

  private var meanNote: String {
    seeded ? ": the bar is the mean over \(comparison.seeds.count) seeds, the whisker min–max" : ""
  }

  /// The statistic `name` of `column` for `strategy`.
  func statistic(_ name: String, _ column: String, of strategy: String) -> Double? {
    guard let c = StrategyComparison.numericColumns.firstIndex(of: column) else { return nil }
    return comparison.statistics.first { $0.strategy == strategy && $0.name == name }?.values[c]
  }

  // MARK: Sections

  /// Students, seeds, strategies run and skipped.
  func overview() -> String {
    let seeds = comparison.seeds
    let seedText =
      seeds.count == 1
      ? "seed \(seeds[0])"
      : "\(seeds.count) lottery seeds (\(Self.seedList(seeds))); sd is the sample standard "
        + "deviation (n − 1)"
    var html = "<div class=\"cards\">"
    let cards: [(String, String, String)] = [
      ("students", "Students", String(comparison.students)),
      ("strategies", "Strategies run", String(comparison.strategies.count)),
      ("seeds", "Seeds", String(seeds.count)),
      ("skipped", "Skipped", String(comparison.skipped.count)),
    ]
    for (metric, label, value) in cards {
      html += "<div class=\"card\" data-metric=\"\(metric)\" data-value=\"\(value)\">"
      html += "<span class=\"label\">\(label)</span><span class=\"value\">\(value)</span></div>"
    }
    html += "</div>\n<p>\(comparison.students) students, \(escape(seedText)). Strategies: "
    html += comparison.strategies.map(escape).joined(separator: ", ") + ".</p>\n"
    if !comparison.skipped.isEmpty {
      html += "<p>Not run (they cannot honour the dataset's rules):</p><ul>"
      for skip in comparison.skipped {
        html += "<li data-skipped=\"\(escape(skip.strategy))\"><strong>\(escape(skip.strategy))"
        html += "</strong>: it \(escape(skip.reason))</li>"
      }
      html += "</ul>\n"
    }
    if comparison.rows.isEmpty { html += "<p>No strategy ran: nothing to compare.</p>\n" }
    return HTMLPage.section("overview", "Overview", html)
  }

  /// A bar chart of `column`'s mean per strategy (whiskers min–max over several seeds), and
  /// the strategies it has no value for.
  func chart(
    _ id: String, _ title: String, intro: String, column: String, shown: (Double) -> String
  ) -> String {
    let strategies = comparison.strategies
    let measured = strategies.compactMap { s in statistic("mean", column, of: s).map { (s, $0) } }
    var html = "<p>\(escape(intro))</p>\n"
    if measured.isEmpty {
      html += "<p class=\"note\">Not measured for any strategy.</p>\n"
      return HTMLPage.section(id, title, html)
    }
    let items = measured.map {
      s, mean -> (name: String, value: Double, range: ClosedRange<Double>?, text: String) in
      let low = statistic("min", column, of: s) ?? mean
      let high = statistic("max", column, of: s) ?? mean
      let spread = seeded && low < high
      return (
        s, mean, spread ? low...high : nil,
        shown(mean) + (spread ? " (\(shown(low))–\(shown(high)))" : "")
      )
    }
    html += HTMLPage.barChart(
      label: title + ": " + items.map { "\($0.name) \($0.text)" }.joined(separator: ", "),
      items: items
    ) { i in
      var a = " data-chart=\"\(id)\" data-strategy=\"\(escape(items[i].name))\" "
      a += "data-value=\"\(HTMLPage.number(items[i].value))\""
      if seeded, let low = statistic("min", column, of: items[i].name),
        let high = statistic("max", column, of: items[i].name)
      {
        a += " data-min=\"\(HTMLPage.number(low))\" data-max=\"\(HTMLPage.number(high))\""
      }
      return a
    }
    let missing = strategies.filter { s in !measured.contains { $0.0 == s } }
    if !missing.isEmpty {
      html +=
        "<p class=\"note\">Not measured: \(missing.map(escape).joined(separator: ", ")).</p>\n"
    }
    return HTMLPage.section(id, title, html)
  }

  /// The rank profile of each strategy as one stacked bar — 1st, 2nd, 3rd, 4th or lower,
  /// unlisted, unplaced — mean students over its seeds, each segment's count written in it
  /// when it fits and every count in the table below.
  func rankProfile() -> String {
    let categories = ["1st", "2nd", "3rd", "4th+", "unlisted", "unplaced"]
    let strategies = comparison.strategies
    let profiles = strategies.map { s -> [Double] in
      let rows = comparison.rows.filter { $0.strategy == s }
      var sums = [Double](repeating: 0, count: categories.count)
      for row in rows {
        let m = row.metrics
        for (k, n) in m.rankProfile.enumerated() { sums[min(k, 3)] += Double(n) }
        sums[4] += Double(m.unlisted)
        sums[5] += Double(m.students - m.placed)
      }
      return sums.map { $0 / Double(max(1, rows.count)) }
    }
    let labelWidth = 190.0
    let barWidth = 680.0
    let rowHeight = 30.0
    let total = Double(max(1, comparison.students))
    func f(_ v: Double) -> String { String(format: "%.1f", v) }
    func count(_ v: Double) -> String { String(format: seeded ? "%.1f" : "%.0f", v) }
    var svg = "<svg class=\"chart\" role=\"img\" aria-label=\"Rank profile by strategy, mean "
    svg += "students: the table below gives every count\" viewBox=\"0 0 "
    svg += "\(f(labelWidth + barWidth + 10)) \(f(Double(strategies.count) * rowHeight + 10))\">\n"
    for (i, s) in strategies.enumerated() {
      let y = 5 + Double(i) * rowHeight
      svg += "<g><text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 19))\" text-anchor=\"end\">"
      svg += "\(escape(s))</text>"
      var x = labelWidth
      for (c, value) in profiles[i].enumerated() where value > 0 {
        let w = value / total * barWidth
        svg += "<rect class=\"seg\(c)\" data-chart=\"ranks\" data-strategy=\"\(escape(s))\" "
        svg += "data-category=\"\(categories[c])\" data-value=\"\(HTMLPage.number(value))\" "
        svg += "x=\"\(f(x))\" y=\"\(f(y + 3))\" width=\"\(f(w))\" height=\"\(f(rowHeight - 8))\">"
        svg += "<title>\(escape(s)) \(categories[c]): \(count(value))</title></rect>"
        if w > 34 {
          svg += "<text class=\"seg-text\(c)\" x=\"\(f(x + w / 2))\" y=\"\(f(y + 19))\" "
          svg += "text-anchor=\"middle\">\(count(value))</text>"
        }
        x += w
      }
      svg += "</g>\n"
    }
    svg += "</svg>\n"
    var legend = "<p class=\"legend\">"
    for (c, name) in categories.enumerated() {
      legend += "<span class=\"swatch seg-key\(c)\" aria-hidden=\"true\"></span> \(name) "
    }
    legend += "— segments in this order, left to right.</p>\n"
    var table = "<table><caption>Students by the rank of their seat"
    table += seeded ? " (mean over seeds)" : ""
    table += "</caption><thead><tr><th scope=\"col\">Strategy</th>"
    table += categories.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead><tbody>\n"
    for (i, s) in strategies.enumerated() {
      table += "<tr><th scope=\"row\">\(escape(s))</th>"
      table += profiles[i].map { "<td>\(count($0))</td>" }.joined() + "</tr>\n"
    }
    table += "</tbody></table>\n"
    return HTMLPage.section(
      "ranks", "Rank profile",
      "<p>Where each strategy seats its students: first choice, second, third, fourth or lower, "
        + "a seat they did not list, or none" + (seeded ? " (mean over seeds)" : "") + ".</p>\n"
        + legend + svg + table)
  }

  /// The largest placement-rate gaps between schools and between priority groups.
  func gaps() -> String {
    let intro =
      "The largest placement-rate gap, in percentage points, between two schools (and between "
      + "two priority groups) of at least 10 students (all of them when fewer than two are that "
      + "large): the highest rate minus the lowest" + meanNote + ". Smaller is more even."
    let school = chart(
      "school-gap", "Equity: largest school gap", intro: intro, column: "school_gap",
      shown: { HTMLPage.points($0) + " pts" })
    let group = chart(
      "group-gap", "Equity: largest priority-group gap", intro: "Between priority groups.",
      column: "group_gap", shown: { HTMLPage.points($0) + " pts" })
    return school + group
  }

  /// Mean, sd and min–max of the main measures over the seeds, per strategy.
  func spread() -> String {
    var html = "<p>Each strategy over its \(comparison.seeds.count) seeds (a strategy without "
    html += "a lottery runs once; only its blocking pairs change with the seed): mean ± sample "
    html += "standard deviation, then the smallest and largest value.</p>\n"
    html += "<table id=\"spread\"><thead><tr><th scope=\"col\">Strategy</th>"
    html += Self.spreadColumns.map { "<th scope=\"col\">\(escape($0.title))</th>" }.joined()
    html += "</tr></thead><tbody>\n"
    for s in comparison.strategies {
      html += "<tr><th scope=\"row\">\(escape(s))</th>"
      for column in Self.spreadColumns {
        guard let mean = statistic("mean", column.column, of: s) else {
          html += "<td>not measured</td>"
          continue
        }
        let sd = statistic("sd", column.column, of: s)
        let low = statistic("min", column.column, of: s) ?? mean
        let high = statistic("max", column.column, of: s) ?? mean
        html += "<td data-strategy=\"\(escape(s))\" data-column=\"\(column.column)\" "
        html += "data-stat=\"mean\" data-value=\"\(HTMLPage.number(mean))\" "
        html += "data-sd=\"\(sd.map(HTMLPage.number) ?? "")\" data-min=\"\(HTMLPage.number(low))\" "
        html += "data-max=\"\(HTMLPage.number(high))\">\(column.shown(mean))"
        html += sd.map { " ± " + column.shown($0) } ?? ""
        html += "<br><span class=\"range\">\(column.shown(low))–\(column.shown(high))</span></td>"
      }
      html += "</tr>\n"
    }
    return HTMLPage.section("spread", "Lottery spread", html + "</tbody></table>\n")
  }

  /// Every numeric column per strategy (the mean over seeds), sortable.
  func allNumbers() -> String {
    let headings = StrategyComparison.headings
    var html =
      "<p>Every measure of <code>internmatch compare</code>" + (seeded ? ", mean over seeds" : "")
    html += " (shares as percentages, gaps in percentage points). Click a header to sort.</p>\n"
    html += "<table class=\"sortable\" id=\"numbers\"><thead><tr>"
    html += HTMLPage.headers([("Strategy", "text")] + headings.map { ($0, "number") })
    html += "</tr></thead><tbody>\n"
    for s in comparison.strategies {
      html += "<tr><th scope=\"row\">\(escape(s))</th>"
      for (c, column) in StrategyComparison.numericColumns.enumerated() {
        guard let v = statistic("mean", column, of: s) else {
          html += "<td data-sort=\"\"></td>"
          continue
        }
        let text: String
        if StrategyComparison.shares.contains(c) {
          text = c == 1 || c == 10 ? HTMLPage.percent(v) : HTMLPage.points(v)
        } else if StrategyComparison.counts.contains(c) {
          text = Self.count(v)
        } else {
          // Mean and median rank to two decimals; distance and milliseconds to one.
          text = String(format: column.hasSuffix("rank") ? "%.2f" : "%.1f", v)
        }
        html += "<td data-sort=\"\(HTMLPage.number(v))\">\(text)</td>"
      }
      html += "</tr>\n"
    }
    return HTMLPage.section(
      "numbers", "All numbers", html + "</tbody></table>\n")
  }

  // MARK: Helpers

  /// A count, or a mean of counts: whole numbers without a fraction, others with one decimal.
  static func count(_ v: Double) -> String {
    v == v.rounded() ? String(format: "%.0f", v) : String(format: "%.1f", v)
  }

  /// `text` with markup characters as entities.
  func escape(_ text: String) -> String { HTMLPage.escape(text) }

  /// Seeds as ranges: `1–5, 9`.
  static func seedList(_ seeds: [UInt64]) -> String {
    var parts: [String] = []
    var i = 0
    while i < seeds.count {
      var j = i
      while j + 1 < seeds.count, seeds[j + 1] == seeds[j] + 1 { j += 1 }
      parts.append(j == i ? "\(seeds[i])" : "\(seeds[i])–\(seeds[j])")
      i = j + 1
    }
    return parts.joined(separator: ", ")
  }

  /// The rank segments' colours (a sequential blue scale, then grey for unlisted and a hatched
  /// red for unplaced) and the legend swatches.
  static let css = """
    .seg0{fill:#08519c}.seg1{fill:#3182bd}.seg2{fill:#6baed6}.seg3{fill:#bdd7e7}
    .seg4{fill:#969696}.seg5{fill:#fcbba1;stroke:#b00020;stroke-width:1}
    .seg-text0,.seg-text1{fill:#fff!important}.chart text.seg-text2{fill:#1b1b1b}
    .swatch{display:inline-block;width:1rem;height:.8rem;border:1px solid #555;vertical-align:middle}
    .seg-key0{background:#08519c}.seg-key1{background:#3182bd}.seg-key2{background:#6baed6}
    .seg-key3{background:#bdd7e7}.seg-key4{background:#969696}.seg-key5{background:#fcbba1}
    .range{font-size:.8rem;color:#444}#spread td{white-space:nowrap}

    """
}
