import InternMatchIO
import InternMatchModel
import InternMatchReport

/// The words of a student's letter (``PlacementRosters/Letter``). Every value from the data is
/// written with its control characters escaped (``MessageText``), so no cell can add a line.
enum LetterText {
  /// The width plain-text letters are wrapped at.
  static let width = 76
  /// Pass-through columns that hold a student's whole name, in the order they are tried for the
  /// greeting (names matched as header names are: case and punctuation ignored); then
  /// `first_name` and `last_name` together; else the id.
  static let nameColumns = ["name", "full_name", "student_name"]

  /// The greeting of student row `s` with id `id`: `Dear Ana Ruiz,` or `Dear student S1,`
  /// (`Dear teacher T1,` for a teacher's row).
  static func greeting(_ columns: PassThroughColumns, roles: [ParticipantRole] = [])
    -> (Int, String) -> String
  {
    let whole = nameColumns.compactMap(columns.column(named:))
    let parts = ["first_name", "last_name"].compactMap(columns.column(named:))
    return { s, id in
      let name =
        whole.lazy.map { columns.value(row: s, column: $0) }.first { !$0.isEmpty }
        ?? parts.map { columns.value(row: s, column: $0) }.filter { !$0.isEmpty }
        .joined(separator: " ")
      let noun = s < roles.count && roles[s] == .teacher ? "teacher" : "student"
      return name.isEmpty
        ? "Dear \(noun) \(MessageText.safe(id)),"
        : "Dear \(MessageText.safe(name)),"
    }
  }

  /// The body's paragraphs: the story of the outcome and of each choice above it, then for a
  /// re-match what changed; not wrapped.
  static func body(
    _ explanation: PlacementExplanation, in instance: PlacementInstance, rankCost: RankCost,
    change: Rematch.Change?
  ) -> [String] {
    let story = ExplanationStory.student(explanation, in: instance, rankCost: rankCost)
    var paragraphs = [
      MessageText.safe(String(story.dropLast(story.hasSuffix("\n") ? 1 : 0)), cutting: false)
    ]
    if let change, let sentence = Self.sentence(change, in: instance) {
      paragraphs.append(MessageText.safe(sentence, cutting: false))
    }
    return paragraphs
  }

  /// What a re-match changed, in words; `nil` when there is nothing to say.
  static func sentence(_ change: Rematch.Change, in instance: PlacementInstance) -> String? {
    let before = change.before.map { ExplanationStory.display($0, in: instance) } ?? ""
    switch change.change {
    case .kept: return "Your placement is the same as in the earlier round."
    case .moved: return "This replaces your earlier placement at \(before)."
    case .newlyPlaced: return "You had no placement in the earlier round; this one is new."
    case .lostSeat: return "Your earlier placement at \(before) could not be kept in this round."
    case .stillUnplaced: return "You had no placement in the earlier round either."
    case .withdrawn: return nil
    }
  }

  /// The whole letter of student `s`: greeting, details, the body wrapped, and a closing line.
  static func letter(
    student s: Int, body: [String], greeting: String, in instance: PlacementInstance,
    outcome: StudentOutcome
  ) -> String {
    let student = instance.students[s]
    let placement: String
    switch outcome {
    case .placed(let w, let rank):
      let site = instance.worksites[w]
      let kind = String(site.kind.rawValue.map { $0 == "-" ? " " : $0 })
      let area = site.borough.map { " in \($0)" } ?? ""
      let choice =
        rank > 0
        ? "your \(ExplanationStory.ordinal(rank)) choice"
        : instance.pinnedWorksite[s] == Int32(w) ? "fixed in advance" : "not on your list"
      placement = "\(ExplanationStory.display(site.id, in: instance)), \(kind)\(area); \(choice)"
    case .unplaced: placement = "none"
    }
    let lines = [
      greeting, "",
      "Student: \(MessageText.safe(student.id))",
      "School: \(MessageText.safe(student.school))",
      "Placement: \(MessageText.safe(placement))", "",
    ]
    let paragraphs = body.map { wrapped($0, width: width) }
    return (lines + [paragraphs.joined(separator: "\n\n"), ""]).joined(separator: "\n")
      + "\nIf you have any question about this placement, please ask your school's\n"
      + "work-based learning coordinator.\n"
  }

  /// `paragraph` broken into lines of at most `width` Unicode scalars at spaces (a longer word
  /// keeps a line of its own; runs of spaces become one).
  ///
  /// - Complexity: O(n) for n bytes: words are found and measured on the UTF-8 bytes (a space
  ///   byte is always a whole character), where splitting the `String` walks graphemes.
  static func wrapped(_ paragraph: String, width: Int) -> String {
    let bytes = Array(paragraph.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / width + 1)
    var length = 0  // scalars on the current line
    var start = 0
    while start < bytes.count {
      guard bytes[start] != UInt8(ascii: " ") else {
        start += 1
        continue
      }
      var end = start
      var scalars = 0
      while end < bytes.count, bytes[end] != UInt8(ascii: " ") {
        if bytes[end] & 0xC0 != 0x80 { scalars += 1 }
        end += 1
      }
      if length > 0, length + 1 + scalars <= width {
        out.append(UInt8(ascii: " "))
        length += 1 + scalars
      } else {
        if length > 0 { out.append(UInt8(ascii: "\n")) }
        length = scalars
      }
      out.append(contentsOf: bytes[start..<end])
      start = end
    }
    return String(decoding: out, as: UTF8.self)
  }
}
