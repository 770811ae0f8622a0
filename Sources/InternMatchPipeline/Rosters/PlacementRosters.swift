import Foundation
import InternMatchIO
import InternMatchModel
import InternMatchReport

/// Rosters and letters of one placement, as `solve --rosters` writes them into `rosters/`:
///
/// - `by-worksite.csv`: `worksite,employer,student,school,rank`, then the students'
///   pass-through columns — one row per placed student, by worksite id, then student id;
/// - `by-school.csv`: `school,student,worksite,employer,rank,reason`, then the pass-through
///   columns — one row per student, placed or not, by school, then student id;
/// - `letters.csv`, for a mail merge: `student,school,worksite,employer,rank,reason` (a re-match
///   adds `change`), `file` (the student's letter file) and `letter` (the letter's body), then
///   the pass-through columns — one row per student, in by-school order;
/// - `letters/NAME.txt` (when asked for: thousands of small files): one plain-English letter per
///   student (``LetterFileName`` makes `NAME` from the id), its outcome and the explanation of
///   every choice above it (`ExplanationStory`).
///
/// `rank` is the student's rank for the seat, empty for a seat off their list; `reason` is the
/// unplaced reason, or `pinned`/`unranked` for a seat off the list (as in `placements.csv`). Ids
/// are ordered as Swift orders strings (Unicode scalar values of the canonical form), so every
/// file is the same bytes for the same run. CSV fields are quoted as RFC 4180 says; values are
/// written as read (a cell that starts with `=` is not altered).
///
/// ```swift
/// let run = try PlacementRun(dataset, configuration: .init(rosters: true))
/// run.rosters?.bySchoolCSV              // "school,student,worksite,employer,rank,reason,name\n…"
/// run.rosters?.files(letters: true).count  // 3 + one letter per student
/// ```
///
/// - Complexity: O(S log S + L) for S students and L list entries explained.
public struct PlacementRosters: Sendable {
  /// One student's letter.
  public struct Letter: Hashable, Sendable {
    /// The student's id.
    public var student: String
    /// The file's name in `letters/` (``LetterFileName``).
    public var fileName: String
    /// The letter's body: the outcome and its explanation, unwrapped (what `letters.csv` holds).
    public var body: String
    /// The whole letter as `letters/NAME.txt` holds it: greeting, the student's details, the
    /// body wrapped at 76 characters, and a closing line.
    public var text: String
  }

  /// The directory, inside a run's output directory, that holds the files.
  public static let directory = "rosters"
  /// The directory, inside a run's output directory, that holds the letters (only they).
  public static let lettersDirectory = "rosters/letters"

  /// `by-worksite.csv`.
  public let byWorksiteCSV: String
  /// `by-school.csv`.
  public let bySchoolCSV: String
  /// `letters.csv`.
  public let lettersCSV: String
  /// Every student's letter, in input order.
  public let letters: [Letter]

  /// The rosters of `outcomes` on `instance`.
  ///
  /// - Parameters:
  ///   - instance: the placed instance.
  ///   - outcomes: each student's outcome, in input order (`PlacementRun.outcomes`).
  ///   - passThrough: the students' pass-through columns (`Dataset.passThrough`); none, or one
  ///     row per student.
  ///   - explanations: one per student (`PlacementExplainer`), told in each letter.
  ///   - rankCost: the run's cost units, for the prices the letters quote.
  ///   - changes: for a re-match, ``Rematch/changes(to:in:)`` (the dataset's students first):
  ///     letters say what changed, and `letters.csv` gains `change`.
  public init(
    instance: PlacementInstance, outcomes: [StudentOutcome], passThrough: PassThroughColumns,
    explanations: [PlacementExplanation], rankCost: RankCost, changes: [Rematch.Change]? = nil
  ) {
    precondition(
      outcomes.count == instance.students.count && explanations.count == outcomes.count,
      "PlacementRosters: one outcome and one explanation per student")
    precondition(
      passThrough.names.isEmpty || passThrough.rows == outcomes.count,
      "PlacementRosters: one pass-through row per student")
    let students = instance.students
    let extra = passThrough.names
    let row = { (s: Int) in passThrough.values(ofRow: s) }
    let fileNames = LetterFileName.names(for: students.map(\.id))

    /// The seat's fields: worksite, employer, rank, reason.
    func fields(_ s: Int) -> (worksite: String, employer: String, rank: String, reason: String) {
      switch outcomes[s] {
      case .placed(let w, let rank):
        let site = instance.worksites[w]
        let offList = instance.pinnedWorksite[s] == Int32(w) ? "pinned" : "unranked"
        return (
          site.id, site.employer ?? "", rank > 0 ? String(rank) : "", rank > 0 ? "" : offList
        )
      case .unplaced(let reason): return ("", "", "", reason.rawValue)
      }
    }

    let seats = students.indices.map(fields)
    let placed = students.indices.filter { !seats[$0].worksite.isEmpty }
    var byWorksite = CSVWriter.line(["worksite", "employer", "student", "school", "rank"] + extra)
    for s in placed.sorted(by: { a, b in
      let (x, y) = (seats[a].worksite, seats[b].worksite)
      return x != y ? x < y : students[a].id < students[b].id
    }) {
      let f = seats[s]
      byWorksite += CSVWriter.line(
        [f.worksite, f.employer, students[s].id, students[s].school, f.rank] + row(s))
    }
    byWorksiteCSV = byWorksite

    let bySchoolOrder = students.indices.sorted { a, b in
      students[a].school != students[b].school
        ? students[a].school < students[b].school : students[a].id < students[b].id
    }
    var bySchool = CSVWriter.line(
      ["school", "student", "worksite", "employer", "rank", "reason"] + extra)
    for s in bySchoolOrder {
      let f = seats[s]
      bySchool += CSVWriter.line(
        [students[s].school, students[s].id, f.worksite, f.employer, f.rank, f.reason] + row(s))
    }
    bySchoolCSV = bySchool

    let greeting = LetterText.greeting(passThrough)
    // The letters in two halves at once (each letter reads shared data, writes its own).
    let count = students.count
    letters = concurrentMap(2) { half in
      (count * half / 2..<count * (half + 1) / 2).map { s in
        let change = changes.map { $0[s] }
        let body = LetterText.body(
          explanations[s], in: instance, rankCost: rankCost, change: change)
        return Letter(
          student: students[s].id, fileName: fileNames[s], body: body.joined(separator: "\n\n"),
          text: LetterText.letter(
            student: s, body: body, greeting: greeting(s, students[s].id), in: instance,
            outcome: outcomes[s]))
      }
    }.flatMap { $0 }
    var lettersCSV = CSVWriter.line(
      ["student", "school", "worksite", "employer", "rank", "reason"]
        + (changes == nil ? [] : ["change"]) + ["file", "letter"] + extra)
    for s in bySchoolOrder {
      let f = seats[s]
      lettersCSV += CSVWriter.line(
        [students[s].id, students[s].school, f.worksite, f.employer, f.rank, f.reason]
          + (changes.map { [$0[s].change.rawValue] } ?? [])
          + ["letters/" + letters[s].fileName, letters[s].body] + row(s))
    }
    self.lettersCSV = lettersCSV
  }

  /// The files by path inside the output directory (`rosters/by-worksite.csv`,
  /// `rosters/by-school.csv`, `rosters/letters.csv`, then with `letters` each
  /// `rosters/letters/NAME.txt` in input order), as UTF-8.
  ///
  /// - Complexity: O(total bytes).
  public func files(letters: Bool = true) -> [(name: String, contents: Data)] {
    let d = Self.directory
    return [
      ("\(d)/by-worksite.csv", Data(byWorksiteCSV.utf8)),
      ("\(d)/by-school.csv", Data(bySchoolCSV.utf8)),
      ("\(d)/letters.csv", Data(lettersCSV.utf8)),
    ]
      + (letters ? self.letters : []).map {
        ("\(Self.lettersDirectory)/\($0.fileName)", Data($0.text.utf8))
      }
  }
}
