/// Message text that is safe to print on one terminal line: control characters escaped and
/// very long messages cut in the middle.
///
/// Values from a dataset are echoed in messages; a value holding a line break, a carriage
/// return, NUL or an escape sequence could otherwise start a forged `file:line:column` line or
/// rewrite the terminal, and a 5 MB cell would be printed whole.
///
/// ```swift
/// MessageText.safe("id 'a\nstudents.csv:1:1: error: x'")  // "id 'a\\nstudents.csv:1:1: error: x'"
/// ```
package enum MessageText {
  /// The most characters a message keeps; a longer one keeps its head and tail around a
  /// marker saying how many characters were cut.
  package static let limit = 400

  /// `text` with every control character (C0, DEL, C1, and the Unicode line and paragraph
  /// separators) written as an escape — `\n`, `\r`, `\t`, `\0`, else `\u{…}` — and, when
  /// `cutting` (the default), cut to ``limit`` characters.
  ///
  /// - Complexity: O(n) for n characters; a message with nothing to escape or cut is returned
  ///   as it is.
  package static func safe(_ text: String, cutting: Bool = true) -> String {
    let needsEscape = text.unicodeScalars.contains(where: isControl)
    let limit = cutting ? Self.limit : max(text.utf8.count, Self.limit)
    guard needsEscape || text.utf8.count > limit else { return text }
    var escaped = ""
    escaped.reserveCapacity(min(text.utf8.count, 4 * limit))
    let head = limit * 3 / 5
    let total = text.unicodeScalars.count
    let tailStart = total - (limit - head)
    for (k, scalar) in text.unicodeScalars.enumerated() {
      if total > limit, k >= head, k < tailStart {
        if k == head { escaped += " …(\(tailStart - head) characters cut)… " }
        continue
      }
      guard isControl(scalar) else {
        escaped.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "\n": escaped += "\\n"
      case "\r": escaped += "\\r"
      case "\t": escaped += "\\t"
      case "\0": escaped += "\\0"
      default: escaped += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      }
    }
    return escaped
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
      || scalar.value == 0x2029
  }
}
