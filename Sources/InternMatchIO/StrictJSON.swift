/// A strict reader of one JSON text (RFC 8259), for `policy.json`: every value keeps its line
/// and column, numbers keep their text (so integers are exact to the last digit, up to
/// `UInt64.max` and beyond), and anything RFC 8259 does not allow is an error with its place.
///
/// Refused: a trailing comma, a key given twice in one object, comments, single quotes, `NaN`
/// and other bare words, leading zeros, a control character inside a string, an unpaired
/// surrogate escape, invalid UTF-8, UTF-16 or UTF-32 text (with or without a byte-order mark:
/// "save it as UTF-8"), nesting deeper than 64 levels, and anything after the value. One UTF-8
/// byte-order mark at the start is skipped.
///
/// ```swift
/// let value = try StrictJSON.parse(Array(#"{"seed": 18446744073709551615}"#.utf8))
/// value.object?.first?.value.number  // "18446744073709551615"
/// ```
///
/// - Complexity: O(n) in the length of the text.
enum StrictJSON {
  /// A place in the text: 1-based line and character column.
  struct Place: Hashable {
    var line: Int
    var column: Int
  }

  /// A JSON value and where it starts.
  struct Value {
    enum Kind {
      case object([(key: String, keyPlace: Place, value: Value)])
      case array([Value])
      case string(String)
      /// The number's text, exactly as written.
      case number(String)
      case bool(Bool)
      case null
    }
    var kind: Kind
    var place: Place

    var object: [(key: String, keyPlace: Place, value: Value)]? {
      if case .object(let members) = kind { members } else { nil }
    }
    var string: String? { if case .string(let s) = kind { s } else { nil } }
    var number: String? { if case .number(let n) = kind { n } else { nil } }
    var bool: Bool? { if case .bool(let b) = kind { b } else { nil } }
    var array: [Value]? { if case .array(let a) = kind { a } else { nil } }
  }

  /// A syntax error and where it is.
  struct SyntaxError: Error {
    var place: Place
    var message: String
  }

  /// Parses `bytes` as one JSON text.
  static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> Value {
    if let encoding = wideEncoding(bytes) {
      throw SyntaxError(
        place: Place(line: 1, column: 1),
        message: "the file is \(encoding), not UTF-8; save it as UTF-8")
    }
    var parser = Parser(bytes: bytes)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      parser.offset = 3
      parser.lineStart = 3
    }
    parser.skipSpace()
    let value = try parser.value(depth: 0)
    parser.skipSpace()
    guard parser.offset == bytes.count else {
      throw parser.error("unexpected text after the value")
    }
    return value
  }

  /// The name of the UTF-16 or UTF-32 encoding `bytes` are in (by byte-order mark, or by the
  /// zero bytes ASCII text has in them), if any.
  static func wideEncoding(_ bytes: [UInt8]) -> String? {
    if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE, 0, 0]) {
      return "UTF-32"
    }
    if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16" }
    if bytes.count >= 4, bytes[0] == 0 || bytes[1] == 0 {
      return bytes[0] == 0 && bytes[1] == 0 || bytes[2] == 0 && bytes[3] == 0 ? "UTF-32" : "UTF-16"
    }
    if bytes.count >= 2, bytes[0] == 0 || bytes[1] == 0 { return "UTF-16" }
    return nil
  }

  private struct Parser {
    let bytes: [UInt8]
    var offset = 0
    var line = 1
    var lineStart = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The place of the current byte; the column counts characters, not bytes.
    var place: Place {
      var column = 1
      var k = lineStart
      while k < offset {
        if bytes[k] & 0xC0 != 0x80 { column += 1 }
        k += 1
      }
      return Place(line: line, column: column)
    }

    func error(_ message: String) -> SyntaxError { SyntaxError(place: place, message: message) }

    var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    mutating func skipSpace() {
      while let b = current {
        switch b {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): offset += 1
        case UInt8(ascii: "\n"):
          offset += 1
          line += 1
          lineStart = offset
        default: return
        }
      }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(SyntaxError) {
      guard current == byte else { throw error("expected \(what)") }
      offset += 1
    }

    mutating func value(depth: Int) throws(SyntaxError) -> Value {
      guard depth < 64 else { throw error("nesting deeper than 64 levels") }
      let start = place
      guard let b = current else { throw error("expected a value, found the end of the file") }
      switch b {
      case UInt8(ascii: "{"): return Value(kind: try object(depth: depth), place: start)
      case UInt8(ascii: "["): return Value(kind: try array(depth: depth), place: start)
      case UInt8(ascii: "\""): return Value(kind: .string(try string()), place: start)
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        return Value(kind: .number(try number()), place: start)
      default:
        for (word, kind) in [
          ("true", Value.Kind.bool(true)), ("false", .bool(false)), ("null", .null),
        ]
        where bytes[offset...].starts(with: word.utf8) {
          offset += word.utf8.count
          return Value(kind: kind, place: start)
        }
        throw error("expected a value (a string, number, object, array, true, false or null)")
      }
    }

    mutating func object(depth: Int) throws(SyntaxError) -> Value.Kind {
      offset += 1
      var members: [(key: String, keyPlace: Place, value: Value)] = []
      var seen: [String: Place] = [:]
      skipSpace()
      if current == UInt8(ascii: "}") {
        offset += 1
        return .object(members)
      }
      while true {
        skipSpace()
        let keyPlace = place
        guard current == UInt8(ascii: "\"") else {
          throw error(
            current == UInt8(ascii: "}")
              ? "trailing comma before '}'" : "expected a key in double quotes")
        }
        let key = try string()
        if let first = seen[key] {
          throw SyntaxError(
            place: keyPlace,
            message:
              "key '\(key)' appears twice (first at line \(first.line), column \(first.column))")
        }
        seen[key] = keyPlace
        skipSpace()
        try expect(UInt8(ascii: ":"), "':' after the key")
        skipSpace()
        members.append((key, keyPlace, try value(depth: depth + 1)))
        skipSpace()
        if current == UInt8(ascii: ",") {
          offset += 1
          continue
        }
        try expect(UInt8(ascii: "}"), "',' or '}'")
        return .object(members)
      }
    }

    mutating func array(depth: Int) throws(SyntaxError) -> Value.Kind {
      offset += 1
      var items: [Value] = []
      skipSpace()
      if current == UInt8(ascii: "]") {
        offset += 1
        return .array(items)
      }
      while true {
        skipSpace()
        if current == UInt8(ascii: "]") { throw error("trailing comma before ']'") }
        items.append(try value(depth: depth + 1))
        skipSpace()
        if current == UInt8(ascii: ",") {
          offset += 1
          continue
        }
        try expect(UInt8(ascii: "]"), "',' or ']'")
        return .array(items)
      }
    }

    /// A number's text: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func number() throws(SyntaxError) -> String {
      let start = offset
      func digits(_ parser: inout Parser) -> Int {
        let from = parser.offset
        while let b = parser.current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) {
          parser.offset += 1
        }
        return parser.offset - from
      }
      if current == UInt8(ascii: "-") { offset += 1 }
      let integerStart = offset
      guard digits(&self) > 0 else { throw error("expected a digit") }
      if bytes[integerStart] == UInt8(ascii: "0"), offset - integerStart > 1 {
        throw SyntaxError(place: place, message: "a number may not have leading zeros")
      }
      if current == UInt8(ascii: ".") {
        offset += 1
        guard digits(&self) > 0 else { throw error("expected a digit after '.'") }
      }
      if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
        offset += 1
        if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
        guard digits(&self) > 0 else { throw error("expected a digit in the exponent") }
      }
      return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    /// A string's value, escapes decoded; the bytes must be valid UTF-8.
    mutating func string() throws(SyntaxError) -> String {
      offset += 1
      var scalars = String.UnicodeScalarView()
      while true {
        guard let b = current else { throw error("unterminated string") }
        switch b {
        case UInt8(ascii: "\""):
          offset += 1
          return String(scalars)
        case UInt8(ascii: "\\"):
          offset += 1
          guard let e = current else { throw error("unterminated string") }
          offset += 1
          switch e {
          case UInt8(ascii: "\""): scalars.append("\"")
          case UInt8(ascii: "\\"): scalars.append("\\")
          case UInt8(ascii: "/"): scalars.append("/")
          case UInt8(ascii: "b"): scalars.append("\u{08}")
          case UInt8(ascii: "f"): scalars.append("\u{0C}")
          case UInt8(ascii: "n"): scalars.append("\n")
          case UInt8(ascii: "r"): scalars.append("\r")
          case UInt8(ascii: "t"): scalars.append("\t")
          case UInt8(ascii: "u"):
            var code = try hex4()
            if (0xD800...0xDBFF).contains(code) {
              guard bytes[offset...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
                throw error("unpaired surrogate in a \\u escape")
              }
              offset += 2
              let low = try hex4()
              guard (0xDC00...0xDFFF).contains(low) else {
                throw error("unpaired surrogate in a \\u escape")
              }
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else {
              throw error("unpaired surrogate in a \\u escape")
            }
            scalars.append(scalar)
          default:
            offset -= 1
            throw error("invalid escape in a string")
          }
        case 0..<0x20: throw error("a control character must be escaped inside a string")
        case 0..<0x80:
          scalars.append(Unicode.Scalar(b))
          offset += 1
        default:
          var decoder = UTF8()
          var iterator = bytes[offset...].makeIterator()
          guard case .scalarValue(let scalar) = decoder.decode(&iterator) else {
            throw error("invalid UTF-8")
          }
          scalars.append(scalar)
          offset += String(scalar).utf8.count
        }
      }
    }

    mutating func hex4() throws(SyntaxError) -> UInt32 {
      guard offset + 4 <= bytes.count,
        let code = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16),
        bytes[offset..<offset + 4].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") }
        )
      else { throw error("expected four hex digits after \\u") }
      offset += 4
      return code
    }
  }
}
