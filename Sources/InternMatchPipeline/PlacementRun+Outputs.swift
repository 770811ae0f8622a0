import Foundation
import InternMatchIO
import InternMatchReport

extension PlacementRun {
  /// The names of the files an explaining run adds, in the order they are written.
  public static let explanationNames = [
    "explanations.csv", "seat-values.csv", "seat-values-by-area.csv",
  ]

  /// The files of the run by name — `placements.csv`, `changes.csv` for a re-match, and
  /// `summary.json` (the summary with its `run` manifest), `report.html` when the configuration
  /// asks for it, then ``explanationNames`` when the run explains, then the files of
  /// ``PlacementRosters/files(letters:)`` (`rosters/…`, the letter files when
  /// ``writesLetterFiles``) when it writes rosters — or none when the run
  /// has no placement. With a menu of activities: `placements.csv`, `changes.csv` for a
  /// re-match (`student,kind,before,after,kept,change`), `summary.json` and, when
  /// the run explains, `explanations.csv` (``/InternMatchIO/ExplanationWriter/menuExplanationsCSV(_:)``).
  ///
  /// - Complexity: O(S) for the CSVs, O(W + groups) for the JSON, O(rows) for explanations.
  public func outputs() -> [(name: String, contents: Data)] {
    guard let summaryJSON else { return [] }
    if let menu {
      let csv = PlacementWriter.menuCSVBytes(instance, rows: menu.rows)
      var files = [("placements.csv", Data(csv))]
      if isRematch { files.append(("changes.csv", Data(Self.menuChangesCSV(menu.changes).utf8))) }
      files.append(("summary.json", summaryJSON))
      if writesReport {
        let report = MenuReport(
          instance: instance, placement: menu.result.placement, rows: menu.rows,
          summary: menu.summary)
        files.append(("report.html", Data(report.html.utf8)))
      }
      if let rosters { files += rosters.files(letters: writesLetterFiles) }
      if writesExplanations, let explanations = menu.explanations {
        let text = ExplanationWriter.menuExplanationsCSV(explanations)
        files.append(("explanations.csv", Data(text.utf8)))
      }
      return files
    }
    var files = [("placements.csv", PlacementWriter.csvData(instance, outcomes: outcomes))]
    if isRematch { files.append(("changes.csv", Data(Self.changesCSV(changes).utf8))) }
    files.append(("summary.json", summaryJSON))
    if writesReport, let summary {
      let report = PlacementReport(
        instance: instance, outcomes: outcomes, summary: summary,
        explanations: reportExplanations)
      files.append(("report.html", Data(report.html.utf8)))
    }
    if writesExplanations, let explanation {
      files += [
        ("explanations.csv", Data(ExplanationWriter.explanationsCSV(explanation.students).utf8)),
        ("seat-values.csv", Data(ExplanationWriter.seatValuesCSV(explanation.seatValues).utf8)),
        ("seat-values-by-area.csv", Data(ExplanationWriter.areasCSV(explanation.seatValues).utf8)),
      ]
    }
    if let rosters { files += rosters.files(letters: writesLetterFiles) }
    return files
  }

  /// The explanations `report.html` shows, or why it has none.
  var reportExplanations: PlacementReport.Explanations {
    if let explanation {
      return .computed(
        students: explanation.students, seatValues: explanation.seatValues, rankCost: rankCost)
    }
    return .absent(
      isRematch
        ? "a re-match weighs moves from the earlier placement, so it has no explanations or "
          + "seat values of its own; run solve with --report for the fresh run's"
        : "the run was made without explanations")
  }

  /// The bytes of `summary.json` as ``outputs()`` gives them (the summary, then its `run`
  /// manifest; pretty-printed, sorted keys, final newline), or `nil` when the run has no
  /// placement. `solve --format json` prints exactly these bytes.
  ///
  /// - Complexity: O(W + groups).
  public var summaryJSON: Data? {
    if let menu { return Self.json(SummaryDocument(summary: menu.summary, run: manifest)) }
    return summary.map { Self.json(SummaryDocument(summary: $0, run: manifest)) }
  }

  /// `changes.csv`: `student,before,after,change`, one row per student of either placement.
  static func changesCSV(_ changes: [Rematch.Change]) -> String {
    var text = "student,before,after,change\n"
    for c in changes {
      text += CSVWriter.line([c.student, c.before ?? "", c.after ?? "", c.change.rawValue])
    }
    return text
  }

  /// `changes.csv` of a menu re-match: `student,kind,before,after,kept,change`, one row per
  /// (person, kind) (``MenuRematch/changes(to:in:)``); `before` and `after` list placements
  /// `;`-separated.
  static func menuChangesCSV(_ changes: [MenuRematch.Change]) -> String {
    var text = "student,kind,before,after,kept,change\n"
    for c in changes {
      text += CSVWriter.line([
        c.student, c.kind, c.before.joined(separator: ";"), c.after.joined(separator: ";"),
        String(c.kept), c.change.rawValue,
      ])
    }
    return text
  }

  /// Writes ``outputs()`` into `directory`, and the `additional` files at their paths (an
  /// exported model), as one set: a reader sees the old files or the new ones, never a mix
  /// (see `AtomicWriter`). With rosters, `rosters/letters/` is replaced as a whole: letters
  /// of an earlier run into the same directory that this run does not write (all of them when
  /// it writes no letter files) are removed in the same set. Writes nothing for a run without
  /// placement.
  ///
  /// Returns ``outputs()`` as written (not `additional`), so a caller that names the files or
  /// prints `summary.json` uses these bytes instead of building them again.
  ///
  /// ```swift
  /// let written = try run.write(to: "out")
  /// written.map(\.name)  // ["placements.csv", "summary.json"]
  /// ```
  @discardableResult
  public func write(
    to directory: String, additional: [(path: String, contents: Data)] = []
  ) throws(OutputWriteError) -> [(name: String, contents: Data)] {
    let files = outputs()
    guard !files.isEmpty else { return [] }
    let path = { (name: String) in (directory as NSString).appendingPathComponent(name) }
    let letters = path(PlacementRosters.lettersDirectory)
    let replacesLetters =
      rosters != nil && (writesLetterFiles || FileManager.default.fileExists(atPath: letters))
    try AtomicWriter.write(
      files.map { (path($0.name), $0.contents) } + additional.map { ($0.path, $0.contents) },
      replacing: replacesLetters ? [letters] : [])
    return files
  }

  /// `value` as pretty-printed JSON with sorted keys and a final newline.
  package static func json(_ value: some Encodable) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Every value written is a plain struct of numbers, strings and arrays: encoding cannot
    // fail for them but through a programming error.
    guard let data = try? encoder.encode(value) else {
      preconditionFailure("PlacementRun: a summary could not be encoded as JSON")
    }
    return data + Data("\n".utf8)
  }
}

/// `summary.json`: the summary's keys (a ``PlacementSummary``, or a ``MenuSummary``), then
/// `run`, the manifest.
struct SummaryDocument<Summary: Encodable>: Encodable {
  var summary: Summary
  var run: RunManifest

  enum CodingKeys: String, CodingKey { case run }

  func encode(to encoder: any Encoder) throws {
    try summary.encode(to: encoder)
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(run, forKey: .run)
  }
}
