import Foundation

/// The comparison page of `compare --report` on a menu of activities: for every kind (and all
/// kinds together) the strategies side by side — placed, mean rank, unfilled seats (slots
/// included) — as bar charts whose bars are the mean over the seeds with a min–max whisker,
/// then every number of the table (means). One self-contained file, like ``ComparisonReport``.
///
/// ```swift
/// let table = try LotteryReplications(strategies, seeds: [1, 2, 3]).runMenu(instance)
/// MenuComparisonReport(table).html  // bars with data-chart="placed" data-kind="mock-interview"
/// ```
///
/// A bar carries `data-chart` (`placed`, `mean_rank`, `unfilled`), `data-kind`,
/// `data-strategy`, `data-value` (the mean) and, over several seeds, `data-min` and
/// `data-max`, the `mean`, `min` and `max` rows of `compare --format json`.
///
/// - Complexity: O(rows × columns).
public struct MenuComparisonReport: Sendable {
  /// The comparison shown.
  public var comparison: MenuComparison

  /// Creates the page of `comparison`.
  public init(_ comparison: MenuComparison) { self.comparison = comparison }

  /// The whole page.
  public var html: String {
    var page = HTMLPage.opening(title: "InternMatch strategy comparison: activities")
    page += overview()
    var kinds: [String] = []
    for r in comparison.rows where !kinds.contains(r.kind) { kinds.append(r.kind) }
    for kind in kinds { page += section(kind) }
    if !comparison.rows.isEmpty { page += allNumbers() }
    return page + HTMLPage.closing()
  }

  var seeded: Bool { comparison.seeds.count > 1 }

  /// The statistic `name` (`mean`, `min`, `max`) of `column` for `strategy` and `kind`.
  func statistic(_ name: String, _ column: String, strategy: String, kind: String) -> Double? {
    guard let c = comparison.numericColumns.firstIndex(of: column) else { return nil }
    return comparison.statistics.first {
      $0.strategy == strategy && $0.kind == kind && $0.name == name
    }?.values[c]
  }

  /// People, strategies run, seeds, skipped with the reason.
  func overview() -> String {
    let strategies = comparison.groups.map(\.strategy).reduce(into: [String]()) {
      if !$0.contains($1) { $0.append($1) }
    }
    var html = MenuReport.cards([
      ("people", "People", String(comparison.people), String(comparison.people)),
      ("strategies", "Strategies run", String(strategies.count), String(strategies.count)),
      ("seeds", "Seeds", String(comparison.seeds.count), String(comparison.seeds.count)),
      ("skipped", "Skipped", String(comparison.skipped.count), String(comparison.skipped.count)),
    ])
    html += "<p>\(comparison.people) people, seeds \(ComparisonReport.seedList(comparison.seeds))"
    html += ". Strategies: \(strategies.map(HTMLPage.escape).joined(separator: ", ")). Kinds are "
    html += "served in priority order; a rank is a position among the person's choices of the "
    html += "kind" + (seeded ? "; a bar is the mean over the seeds, the whisker min–max" : "")
    html += ".</p>\n"
    if !comparison.skipped.isEmpty {
      html += "<p>Not run:</p><ul>"
      for skip in comparison.skipped {
        html += "<li data-skipped=\"\(HTMLPage.escape(skip.strategy))\"><strong>"
        html +=
          "\(HTMLPage.escape(skip.strategy))</strong>: it \(HTMLPage.escape(skip.reason))</li>"
      }
      html += "</ul>\n"
    }
    if comparison.rows.isEmpty { html += "<p>No strategy ran: nothing to compare.</p>\n" }
    return HTMLPage.section("overview", "Overview", html)
  }

  /// One kind's charts: placed, mean rank, unfilled seats (in slots and not).
  func section(_ kind: String) -> String {
    let strategies = comparison.groups.filter { $0.kind == kind }.map(\.strategy)
    var html = ""
    for (column, title) in [
      ("placed", "Placed"), ("mean_rank", "Mean rank"), ("unfilled", "Unfilled seats"),
    ] {
      let items = strategies.compactMap {
        s -> (name: String, value: Double, range: ClosedRange<Double>?, text: String)? in
        guard let mean = value("mean", column, s, kind) else { return nil }
        let low = value("min", column, s, kind) ?? mean
        let high = value("max", column, s, kind) ?? mean
        let shown = { (v: Double) in
          column == "mean_rank" ? HTMLPage.rank(v) : ComparisonReport.count(v)
        }
        let spread = seeded && low < high
        return (
          s, mean, spread ? low...high : nil,
          shown(mean) + (spread ? " (\(shown(low))–\(shown(high)))" : "")
        )
      }
      html += "<h3>\(title)</h3>\n"
      guard !items.isEmpty else {
        html += "<p class=\"note\">No value.</p>\n"
        continue
      }
      html += HTMLPage.barChart(
        label: "\(title), \(kind): "
          + items.map { "\($0.name) \($0.text)" }.joined(separator: ", "),
        items: items
      ) { i in
        var a = " data-chart=\"\(column)\" data-kind=\"\(HTMLPage.escape(kind))\" "
        a += "data-strategy=\"\(HTMLPage.escape(items[i].name))\" "
        a += "data-value=\"\(HTMLPage.number(items[i].value))\""
        if seeded, let low = value("min", column, items[i].name, kind),
          let high = value("max", column, items[i].name, kind)
        {
          a += " data-min=\"\(HTMLPage.number(low))\" data-max=\"\(HTMLPage.number(high))\""
        }
        return a
      }
    }
    let title = kind == "all" ? "All kinds" : kind
    return HTMLPage.section("kind-\(kind)", title, html)
  }

  /// A statistic of a column, `unfilled` being `unfilled_seats` + `unfilled_slots` (their
  /// sums per seed: the mean adds up; min and max are taken over the seeds' sums).
  func value(_ name: String, _ column: String, _ strategy: String, _ kind: String) -> Double? {
    guard column == "unfilled" else {
      return statistic(name, column, strategy: strategy, kind: kind)
    }
    let sums = comparison.rows.filter { $0.strategy == strategy && $0.kind == kind }.map {
      Double($0.unfilledSeats + $0.unfilledSlots)
    }
    guard !sums.isEmpty else { return nil }
    switch name {
    case "mean": return StrategyComparison.mean(sums)
    case "min": return sums.min()
    default: return sums.max()
    }
  }

  /// Every numeric column per (strategy, kind), the mean over the seeds, sortable.
  func allNumbers() -> String {
    let columns = comparison.numericColumns
    var html = "<p>Every measure of <code>internmatch compare</code>"
    html += (seeded ? ", mean over seeds" : "") + ". Click a header to sort.</p>\n"
    html += "<table class=\"sortable\" id=\"numbers\"><thead><tr>"
    html += HTMLPage.headers(
      [("Strategy", "text"), ("Kind", "text")]
        + columns.map { ($0.replacingOccurrences(of: "_", with: " "), "number") })
    html += "</tr></thead><tbody>\n"
    for stat in comparison.statistics where stat.name == "mean" {
      html += "<tr><th scope=\"row\">\(HTMLPage.escape(stat.strategy))</th>"
      html += "<td>\(HTMLPage.escape(stat.kind))</td>"
      for (c, v) in stat.values.enumerated() {
        guard let v else {
          html += "<td data-sort=\"\"></td>"
          continue
        }
        let text = columns[c] == "mean_rank" ? HTMLPage.rank(v) : ComparisonReport.count(v)
        html += "<td data-sort=\"\(HTMLPage.number(v))\">\(text)</td>"
      }
      html += "</tr>\n"
    }
    return HTMLPage.section("numbers", "All numbers", html + "</tbody></table>\n")
  }
}
