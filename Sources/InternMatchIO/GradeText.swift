/// Grade levels as exports write them: `11`, `11th`, `Grade 11`, `Gr. 11`, `11th grade`.
///
/// Case and spaces are ignored; other punctuation is not (`11.5` is not a grade). Kindergarten and pre-kindergarten (`K`, `KG`, `PK`, `Pre-K`,
/// `3K`, `Kindergarten`) are refused with their own message: work-based learning places high
/// school students, and a grade written that way is a sign of the wrong column or file.
///
/// ```swift
/// GradeText.read(Array("Grade 11".utf8))  // .grade(11)
/// GradeText.read(Array("11th".utf8))      // .grade(11)
/// GradeText.read(Array("PK".utf8))        // .refused("…")
/// ```
///
/// - Complexity: O(length of the text).
enum GradeText {
  /// What a grade text is.
  enum Reading: Equatable {
    case grade(Int)
    /// A kindergarten or pre-kindergarten grade, with the reason.
    case refused(String)
    /// Not a grade at all.
    case unreadable
  }

  /// The accepted forms, for messages.
  static let forms = "11, 11th, Grade 11 or Gr. 11"

  /// What `bytes` (a field that is not a plain integer) write.
  static func read(_ bytes: some Collection<UInt8>) -> Reading {
    // Lowercased, spaces dropped: "Gr. 11th" → "gr.11th"; other punctuation stays, so that
    // "11.5" is not read as 115.
    let key = String(decoding: bytes, as: UTF8.self).lowercased().filter { !$0.isWhitespace }
    var rest = Substring(key)
    for prefix in ["grade", "gr.", "gr"] where rest.hasPrefix(prefix) {
      rest = rest.dropFirst(prefix.count)
      break
    }
    if rest.hasSuffix("grade") { rest = rest.dropLast("grade".count) }
    let letters = rest.filter { $0.isLetter || $0.isNumber }
    if ["k", "kg", "pk", "prek", "3k", "kindergarten", "prekindergarten"].contains(letters) {
      return .refused(
        "kindergarten and pre-kindergarten grades are not read: work-based learning places "
          + "high school students")
    }
    for suffix in ["st", "nd", "rd", "th"] where rest.hasSuffix(suffix) {
      rest = rest.dropLast(suffix.count)
      break
    }
    guard !rest.isEmpty, rest.count <= 3, rest.allSatisfy({ $0.isASCII && $0.isWholeNumber }),
      let n = Int(rest)
    else { return .unreadable }
    return .grade(n)
  }

}
