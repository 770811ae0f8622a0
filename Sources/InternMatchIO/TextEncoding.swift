/// The text encoding a dataset's files are read in: UTF-8, or an encoding that spreadsheet
/// exports often use, converted to UTF-8 before the files are read.
///
/// - ``utf8``: every file must be UTF-8 (leading UTF-8 byte-order marks are skipped). A file
///   that starts with a UTF-16 byte-order mark, or whose bytes are not UTF-8, is an error that
///   names the problem and this option.
/// - ``windows1252``: a file that is valid UTF-8 is read as it is (a dataset may mix files from
///   two tools); any other file is decoded as Windows-1252, Excel's "CSV" on Windows (bytes
///   0x81, 0x8D, 0x8F, 0x90 and 0x9D, which Windows-1252 leaves undefined, become the control
///   characters of the same number, as the WHATWG Encoding Standard decodes them).
/// - ``utf16``: a file that starts with a UTF-16 byte-order mark (Excel's "Unicode Text") is
///   decoded as UTF-16 of that byte order; any other file is read as UTF-8.
///
/// ```swift
/// TextEncoding.windows1252.utf8([0x43, 0x61, 0x66, 0xE9])  // .success("Café" as UTF-8 bytes)
/// ```
public enum TextEncoding: String, CaseIterable, Hashable, Sendable, Codable {
  /// UTF-8, the format's encoding (the default).
  case utf8 = "utf-8"
  /// Windows-1252 (also called CP-1252 or, loosely, Latin-1), for files that are not UTF-8.
  case windows1252 = "windows-1252"
  /// UTF-16 with a byte-order mark, for files that have one.
  case utf16 = "utf-16"

  /// The byte order of a UTF-16 byte-order mark at the start of `bytes`, if there is one
  /// (`true` for big-endian); a UTF-32 mark is not taken for one.
  static func utf16ByteOrder(_ bytes: [UInt8]) -> Bool? {
    if bytes.starts(with: [0xFE, 0xFF]) { return true }
    if bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFF, 0xFE, 0, 0]) { return false }
    return nil
  }

  /// `bytes` converted to UTF-8 as this encoding says, or why they cannot be read: a message
  /// naming the encoding problem and the fix. Bytes that need no conversion are returned as
  /// they are (the same array, no copy).
  ///
  /// - Complexity: O(n) in the size of the file.
  public func utf8(_ bytes: [UInt8]) -> Result<[UInt8], EncodingProblem> {
    if let bigEndian = Self.utf16ByteOrder(bytes) {
      guard self == .utf16 else {
        return .failure(
          EncodingProblem(
            "the file is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8: save it as "
              + "\"CSV UTF-8\", or read it with --encoding utf-16"))
      }
      return Self.decodeUTF16(bytes.dropFirst(2), bigEndian: bigEndian)
    }
    if let wide = StrictJSON.wideEncoding(bytes) {
      return .failure(
        EncodingProblem(
          "the file is \(wide) without a byte-order mark, not UTF-8: save it as \"CSV UTF-8\""))
    }
    guard self == .windows1252, String(validating: bytes, as: UTF8.self) == nil else {
      return .success(bytes)
    }
    return .success(Self.decodeWindows1252(bytes))
  }

  /// `units` (UTF-16 code units as byte pairs) as UTF-8; an error naming the first unpaired
  /// surrogate.
  private static func decodeUTF16(_ units: ArraySlice<UInt8>, bigEndian: Bool) -> Result<
    [UInt8], EncodingProblem
  > {
    guard units.count % 2 == 0 else {
      return .failure(EncodingProblem("the UTF-16 file has an odd number of bytes"))
    }
    var codeUnits: [UInt16] = []
    codeUnits.reserveCapacity(units.count / 2)
    var k = units.startIndex
    while k < units.endIndex {
      let (a, b) = (UInt16(units[k]), UInt16(units[k + 1]))
      codeUnits.append(bigEndian ? a << 8 | b : b << 8 | a)
      k += 2
    }
    var out: [UInt8] = []
    out.reserveCapacity(codeUnits.count)
    var iterator = codeUnits.makeIterator()
    var decoder = UTF16()
    var unit = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        UTF8.encode(scalar) { out.append($0) }
        unit += scalar.value > 0xFFFF ? 2 : 1
      case .emptyInput:
        return .success(out)
      case .error:
        return .failure(
          EncodingProblem(
            "the UTF-16 file has an unpaired surrogate at code unit \(unit + 1); "
              + "save it as \"CSV UTF-8\""))
      }
    }
  }

  /// `bytes`, Windows-1252 text, as UTF-8.
  static func decodeWindows1252(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8)
    for b in bytes {
      if b < 0x80 {
        out.append(b)
        continue
      }
      let scalar = b >= 0xA0 ? Unicode.Scalar(b) : windows1252High[Int(b) - 0x80]
      UTF8.encode(scalar) { out.append($0) }
    }
    return out
  }

  /// The characters of bytes 0x80–0x9F in Windows-1252 (the five undefined ones are the C1
  /// controls of the same number, as WHATWG decodes them); 0xA0–0xFF are Latin-1's.
  private static let windows1252High: [Unicode.Scalar] = [
    "\u{20AC}", "\u{0081}", "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}",
    "\u{2020}", "\u{2021}", "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}",
    "\u{0152}", "\u{008D}", "\u{017D}", "\u{008F}", "\u{0090}", "\u{2018}",
    "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
    "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", "\u{009D}",
    "\u{017E}", "\u{0178}",
  ]

  /// A guess at the encoding of non-UTF-8 text, from its first bad byte and what follows, and
  /// the advice that goes with it, for the message of a field that is not UTF-8.
  static func advice(forBadByte byte: UInt8) -> String {
    let character = byte >= 0xA0 ? "'\(Character(Unicode.Scalar(byte)))' in " : ""
    return "byte 0x\(String(byte, radix: 16, uppercase: true)) is not UTF-8 "
      + "(\(character)Windows-1252, as Excel's \"CSV\" saves it?): save the file as "
      + "\"CSV UTF-8\", or read it with --encoding windows-1252"
  }
}

/// Why a file's bytes cannot be read as text in the encoding asked for.
public struct EncodingProblem: Error, Hashable, Sendable {
  /// The problem and its fix, for a person.
  public var message: String

  init(_ message: String) { self.message = message }
}
