/// Identifiers of generated records: a letter and a zero-padded number.
///
/// ```swift
/// SyntheticIdentifier.make("S", 42)         // "S000042"
/// SyntheticIdentifier.make("W", 1_234_567)  // "W1234567"
/// ```
enum SyntheticIdentifier {
  /// `prefix` followed by `number` padded with zeros to at least `width` digits.
  ///
  /// Builds the UTF-8 bytes directly: short identifiers are small strings, so a million of
  /// them cost no allocation.
  ///
  /// - Complexity: O(d) for d digits.
  static func make(_ prefix: Character, _ number: Int, width: Int = 6) -> String {
    precondition(number >= 0, "SyntheticIdentifier: negative number")
    var digits = 1
    var rest = number / 10
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    let length = max(width, digits)
    let head = prefix.utf8
    return String(unsafeUninitializedCapacity: head.count + length) { buffer in
      var i = 0
      for byte in head {
        buffer[i] = byte
        i += 1
      }
      var value = number
      for position in stride(from: head.count + length - 1, through: head.count, by: -1) {
        buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
        value /= 10
      }
      return head.count + length
    }
  }
}
