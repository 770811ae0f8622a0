import Foundation

/// The pieces both report pages share: escaping, table headers, rate bars, heat maps, bar
/// charts, number formats, the style sheet and the script (sortable tables, the `data-ready`
/// flag). One place for each, so the run report and the comparison look and behave alike.
///
/// ```swift
/// HTMLPage.escape("<b>")          // "&lt;b&gt;"
/// HTMLPage.percent(0.8475)        // "84.8%"
/// ```
package enum HTMLPage {
  /// `text` with `&`, `<`, `>`, `"` and `'` as entities, safe in element text and attributes.
  ///
  /// - Complexity: O(n).
  package static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for ch in text {
      if let entity = entities[ch] { out += entity } else { out.append(ch) }
    }
    return out
  }

  /// The characters markup gives a meaning to, and their entities.
  private static let entities: [Character: String] = [
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;",
  ]

  /// The opening of a page: doctype, title, the shared style sheet and `extraCSS`, `<h1>`.
  static func opening(title: String, extraCSS: String = "") -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(escape(title))</title>
    <style>\(css)\(extraCSS)</style>
    </head>
    <body data-ready="pending">
    <main>
    <h1>\(escape(title))</h1>

    """
  }

  /// The end of a page: `</main>`, `beforeScript` (embedded data), the shared script with
  /// `pageScript` run first inside its `try`.
  static func closing(beforeScript: String = "", pageScript: String = "") -> String {
    "</main>\n\(beforeScript)<script>\ntry {\n\(pageScript)\n\(script)\n"
      + "  document.body.dataset.ready = \"ok\";\n} catch (error) {\n"
      + "  document.body.dataset.ready = \"error: \" + error.message;\n}\n</script>\n"
      + "</body>\n</html>\n"
  }

  /// A `<section>` with an `<h2>` whose id is `h-<id>`.
  static func section(_ id: String, _ title: String, class cls: String? = nil, _ body: String)
    -> String
  {
    let attribute = cls.map { " class=\"\($0)\"" } ?? ""
    return "<section aria-labelledby=\"h-\(id)\"\(attribute)><h2 id=\"h-\(id)\">"
      + "\(escape(title))</h2>\n\(body)</section>\n"
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
      "<span class=\"rate\"><span class=\"track\" aria-hidden=\"true\"><span class=\"fill\" "
      + "style=\"width:\(width)%\"></span></span> \(percent(rate))</span>"
  }

  /// One cell of a heat map: its text (always shown), its shade step 0–5 (``shade(_:peak:)``),
  /// and data attributes.
  struct HeatCell {
    var text: String
    var step: Int
    var attributes: String = ""
  }

  /// The shade step of `value` on a scale up to `peak`: 5·value/peak rounded half up, 0–5, in
  /// integers so a cell and the legend never disagree by a rounding.
  ///
  /// ```swift
  /// HTMLPage.shade(3, peak: 10)  // 2 (1.5 rounds up)
  /// ```
  static func shade(_ value: Int, peak: Int) -> Int {
    guard peak > 0, value > 0 else { return 0 }
    return min(5, (10 * min(value, peak) + peak) / (2 * peak))
  }

  /// The values each shade step covers on a scale up to `peak`, for the legend: `0`, `1–2`, …,
  /// or `—` for a step no whole number falls in.
  static func shadeRanges(peak: Int) -> [String] {
    func ceilDiv(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }
    return (0...5).map { s in
      let low = s == 0 ? 0 : ceilDiv((2 * s - 1) * peak, 10)
      let high = s == 5 ? max(peak, low) : ceilDiv((2 * s + 1) * peak, 10) - 1
      return low > high ? "—" : low == high ? "\(low)" : "\(low)–\(high)"
    }
  }

  /// A heat map as a table: one row per `rows` value (`<th scope="row">`), one column per
  /// `columns` value, each cell's number in text and its shade one of six steps (`heat0` …
  /// `heat5`); a cell `cell` gives `nil` for shows "—".
  ///
  /// - Complexity: O(rows × columns) calls of `cell`.
  static func heatMap(
    id: String, caption: String, corner: String, rows: [String], columns: [String],
    cell: (_ row: String, _ column: String) -> HeatCell?
  ) -> String {
    var html = "<table class=\"heat\" id=\"\(id)\"><caption>\(escape(caption))</caption>"
    html += "<thead><tr><th scope=\"col\">\(escape(corner))</th>"
    html += columns.map { "<th scope=\"col\">\(escape($0))</th>" }.joined()
    html += "</tr></thead><tbody>\n"
    for row in rows {
      html += "<tr><th scope=\"row\">\(escape(row))</th>"
      for column in columns {
        guard let c = cell(row, column) else {
          html += "<td class=\"heat-none\">—</td>"
          continue
        }
        html += "<td class=\"heat\(min(5, max(0, c.step)))\"\(c.attributes)>\(c.text)</td>"
      }
      html += "</tr>\n"
    }
    return html + "</tbody></table>\n"
  }

  /// `table` in a box that scrolls past 32rem on screen (a sticky header row), when it has
  /// more than `rows` rows; printed whole.
  static func scrolling(_ table: String, rows: Int, limit: Int = 15) -> String {
    rows > limit ? "<div class=\"scroll\" tabindex=\"0\">\(table)</div>\n" : table
  }

  /// A horizontal bar chart: one labelled bar per item, its value in text at the bar's end,
  /// (`text`), and an optional range (min–max) drawn as a whisker.
  ///
  /// - Parameter attributes: data attributes of each bar (for tests reading the DOM).
  static func barChart(
    label: String,
    items: [(name: String, value: Double, range: ClosedRange<Double>?, text: String)],
    attributes: (Int) -> String
  ) -> String {
    let peak = max(1e-9, items.map { max($0.value, $0.range?.upperBound ?? 0) }.max() ?? 1)
    let labelWidth = 190.0
    let barWidth = 520.0
    let rowHeight = 28.0
    let height = Double(items.count) * rowHeight + 10
    func f(_ v: Double) -> String { String(format: "%.1f", v) }
    var svg = "<svg class=\"chart hbar\" role=\"img\" aria-label=\"\(escape(label))\" "
    // Room at the right for the longest value text, such as "2491.3 (2476–2517)".
    let textWidth = 8.5 * Double(items.map(\.text.count).max() ?? 0) + 16
    svg += "viewBox=\"0 0 \(f(labelWidth + barWidth + max(120, textWidth))) \(f(height))\">\n"
    for (i, item) in items.enumerated() {
      let y = 5 + Double(i) * rowHeight
      let w = max(0, item.value) / peak * barWidth
      svg += "<g><text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 18))\" text-anchor=\"end\">"
      svg += "\(escape(item.name))</text>"
      svg += "<rect class=\"bar\"\(attributes(i)) x=\"\(f(labelWidth))\" y=\"\(f(y + 4))\" "
      svg += "width=\"\(f(w))\" height=\"\(f(rowHeight - 10))\"></rect>"
      var end = labelWidth + w
      if let range = item.range {
        let low = labelWidth + max(0, range.lowerBound) / peak * barWidth
        let high = labelWidth + max(0, range.upperBound) / peak * barWidth
        let mid = y + rowHeight / 2 - 1
        svg += "<path class=\"whisker\" d=\"M\(f(low)) \(f(mid))H\(f(high))"
        svg += "M\(f(low)) \(f(mid - 6))V\(f(mid + 6))M\(f(high)) \(f(mid - 6))V\(f(mid + 6))\">"
        svg += "</path>"
        end = max(end, high)
      }
      svg += "<text x=\"\(f(end + 6))\" y=\"\(f(y + 18))\">\(escape(item.text))</text>"
      svg += "</g>\n"
    }
    return svg + "</svg>\n"
  }

  /// A number for a `data-value` attribute: four decimals.
  static func number(_ v: Double) -> String { String(format: "%.4f", v) }
  /// A share (0–1) as a percentage with one decimal.
  static func percent(_ v: Double) -> String { String(format: "%.1f%%", v * 100) }
  /// A share difference in percentage points, one decimal.
  static func points(_ v: Double) -> String { String(format: "%.1f", v * 100) }
  /// A mean rank, two decimals.
  static func rank(_ v: Double) -> String { String(format: "%.2f", v) }

  /// The shared style sheet. Heat-map steps run from white to dark blue, the text turning white
  /// on the two darkest; `print-color-adjust: exact` keeps the shades on paper.
  static let css = """
    body{font:15px/1.4 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff}
    main{max-width:1200px;margin:0 auto;padding:1rem 1.5rem}
    h1{font-size:1.8rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #ccc}
    h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:.75rem}
    .card{border:1px solid #bbb;border-radius:6px;padding:.6rem .8rem}
    .card .label{display:block;font-size:.8rem;color:#444}
    .card .value{font-size:1.3rem;font-weight:600}
    .chart{width:100%;max-width:900px;height:auto}.bar{fill:#2b6cb0}
    .chart text{font-size:13px;fill:#1b1b1b}.whisker{stroke:#1b1b1b;stroke-width:2;fill:none}
    table{border-collapse:collapse;width:100%;margin:.5rem 0}
    caption{text-align:left;font-size:.9rem;color:#333;padding:.2rem 0}
    th,td{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
    th{background:#f0f0f0}tbody th{background:none}
    table.sortable thead th{cursor:pointer;user-select:none}
    .scroll{max-height:32rem;overflow:auto;border:1px solid #ddd}
    .scroll thead th{position:sticky;top:0}
    th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
    tr.marked{background:#fff4d6}.mark{font-weight:600;white-space:nowrap}
    .gap{margin:.3rem 0}.gap strong{white-space:nowrap}
    .rate{white-space:nowrap}.track{display:inline-block;width:80px;height:.7rem;background:#e4e4e4}
    .fill{display:block;height:100%;background:#2b6cb0}
    .roster{font-size:.8rem;max-width:420px}.note{color:#333;font-style:italic}
    table.heat{width:auto}table.heat td{text-align:right;min-width:4.5rem;white-space:nowrap}
    table.heat th[scope=row]{text-align:left}
    .heat0{background:#ffffff}.heat1{background:#deebf7}.heat2{background:#b5d0ea}
    .heat3{background:#7fb0d8}.heat4{background:#3f7fbf;color:#fff}
    .heat5{background:#1c4f8a;color:#fff}.heat-none{color:#777;text-align:center}
    .scale span{display:inline-block;padding:0 .5rem;border:1px solid #ccc}
    *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    @media print{.no-print{display:none}main{max-width:none;padding:0}
    .scroll{max-height:none;overflow:visible;border:none}
    h2,h3{break-after:avoid}tr,svg,.card,table.heat{break-inside:avoid}
    th[aria-sort]::after{content:""}a{color:inherit;text-decoration:none}}

    """

  /// The legend of the heat maps' six shades, each with its range in words.
  static func heatScale(_ ranges: [String], unit: String) -> String {
    "<p class=\"scale\" aria-hidden=\"true\">Shade (\(escape(unit))): "
      + ranges.enumerated().map { "<span class=\"heat\($0.offset)\">\(escape($0.element))</span>" }
      .joined(separator: " ") + "</p>\n"
  }

  /// The script of a lookup box (`#lookup`, answered in `#lookup-result`): the page's JSON
  /// from the element `data`, the element `answer.id` as the constant `answer.name`, the
  /// page's `show` (a `const show = () => {…};` reading `input.value`), run on every input and
  /// on the address's `#id`.
  static func lookupScript(data: String, answer: (name: String, id: String), show: String)
    -> String
  {
    """
      const data = JSON.parse(document.getElementById("\(data)").textContent);
      const input = document.getElementById("lookup");
      const result = document.getElementById("lookup-result");
      const \(answer.name) = document.getElementById("\(answer.id)");

    """ + show + """

        input.addEventListener("input", show);
        // report.html#S000123 opens with that student looked up (a link a coordinator can send).
        const fromHash = () => {
          if (location.hash.length > 1) {
            input.value = decodeURIComponent(location.hash.slice(1));
            show();
          }
        };
        window.addEventListener("hashchange", fromHash);
        fromHash();
      """
  }

  /// Sortable tables: a click on (or Enter in) a header sorts by that column, numbers by the
  /// cell's `data-sort` or text.
  static let script = """
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
    """
}
