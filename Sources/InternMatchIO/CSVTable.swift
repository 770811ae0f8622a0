/// A CSV file parsed into records, each field remembering where it stood in the file.
///
/// Parsing follows RFC 4180: fields separated by commas, records by CRLF or LF, fields with
/// commas, quotes or line breaks enclosed in double quotes, a quote inside a quoted field written
/// twice. A UTF-8 byte-order mark is skipped; blank lines are ignored; surrounding spaces of each
/// field are trimmed.
///
/// ```swift
/// let table = try CSVTable(parsing: Array("id,cluster\nS1,it\n".utf8), file: "students.csv")
/// table.records[0].field(0)  // "S1"
/// table.records[0].line      // 2
/// ```
///
/// - Complexity: O(n) in the file size; a column number is computed only when asked for. All
///   fields live in one array shared by the records, so a record costs no allocation.
public struct CSVTable: Sendable {
  /// One data record.
  public struct Record: Sendable {
    /// The 1-based line where the record starts.
    public var line: Int
    /// The field values, trimmed, one per header column (a slice of the table's fields: index
    /// it through ``field(_:)``).
    public var fields: ArraySlice<String>
    /// The byte offset in the file where each field starts (a slice of the table's offsets:
    /// field `k` is at `offsets.startIndex + k`; ``CSVTable/column(of:field:)`` reads it).
    public var offsets: ArraySlice<Int>

    /// Field `k`, counting from 0.
    public func field(_ k: Int) -> String { fields[fields.startIndex + k] }
  }

  /// The file name used in messages, such as `students.csv`.
  public let file: String
  /// The header's column names, trimmed.
  public let header: [String]
  /// The data records, in file order, without those whose field count is wrong.
  public let records: [Record]
  /// Records that were left out because their field count differs from the header's.
  public let issues: [DatasetIssue]
  private let bytes: [UInt8]
  private let headerOffsets: [Int]

  /// Parses `bytes`, a whole CSV file with a header row.
  ///
  /// A record whose field count differs from the header's is left out and reported in
  /// ``issues``, so that one reading finds every such record.
  ///
  /// - Throws: ``DatasetIssue`` naming `file:line:column` for an unterminated quoted field, a
  ///   stray quote, text after a closing quote, invalid UTF-8, or a file with no header.
  public init(parsing bytes: [UInt8], file: String) throws(DatasetIssue) {
    self.file = file
    self.bytes = bytes
    let rows = try bytes.withUnsafeBufferPointer { (buffer) throws(DatasetIssue) in
      try CSVScanner(bytes: buffer, file: file).records()
    }
    guard let head = rows.first else {
      throw DatasetIssue(
        .error, file: file, line: 1, column: nil, "the file is empty: no header row")
    }
    header = Array(head.fields)
    headerOffsets = Array(head.offsets)
    let width = header.count
    let data = rows.dropFirst()
    issues = data.filter { $0.fields.count != width }.map {
      DatasetIssue(
        .error, file: file, line: $0.line, column: nil,
        "record has \($0.fields.count) fields, the header has \(width)")
    }
    records = issues.isEmpty ? Array(data) : data.filter { $0.fields.count == width }
  }

  /// The 1-based character column where field `k` of `record` starts on its line.
  public func column(of record: Record, field k: Int) -> Int {
    Self.column(ofOffset: record.offsets[record.offsets.startIndex + k], in: bytes)
  }

  /// The 1-based character column of header name `k`.
  public func headerColumn(_ k: Int) -> Int { Self.column(ofOffset: headerOffsets[k], in: bytes) }

  /// Characters (not bytes) from the start of the line holding `offset` to `offset`, plus one.
  static func column(ofOffset offset: Int, in bytes: [UInt8]) -> Int {
    var start = offset
    while start > 0, bytes[start - 1] != UInt8(ascii: "\n"), bytes[start - 1] != UInt8(ascii: "\r")
    {
      start -= 1
    }
    if start == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    var column = 1
    for k in start..<offset where bytes[k] & 0xC0 != 0x80 { column += 1 }
    return column
  }
}

/// The byte-level RFC 4180 scanner behind ``CSVTable``: one pass, unquoted fields decoded
/// straight from the file's bytes.
private struct CSVScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  let file: String

  private static let quote = UInt8(ascii: "\"")
  private static let comma = UInt8(ascii: ",")
  private static let lf = UInt8(ascii: "\n")
  private static let cr = UInt8(ascii: "\r")
  private static let space = UInt8(ascii: " ")
  private static let tab = UInt8(ascii: "\t")

  private func issue(_ line: Int, _ offset: Int, _ message: String) -> DatasetIssue {
    DatasetIssue(
      .error, file: file, line: line, column: CSVTable.column(ofOffset: offset, in: Array(bytes)),
      message)
  }

  /// `bytes[from..<to]` without surrounding spaces, as a validated string.
  private func text(_ from: Int, _ to: Int, line: Int) throws(DatasetIssue) -> String {
    var a = from
    var b = to
    while a < b, bytes[a] == Self.space || bytes[a] == Self.tab { a += 1 }
    while b > a, bytes[b - 1] == Self.space || bytes[b - 1] == Self.tab { b -= 1 }
    let field = UnsafeBufferPointer(rebasing: bytes[a..<b])
    // ASCII is valid UTF-8: decode it directly, and validate only fields with other bytes.
    if field.allSatisfy({ $0 < 0x80 }) { return String(decoding: field, as: UTF8.self) }
    guard let s = String(validating: field, as: UTF8.self)
    else { throw issue(line, from, "field is not valid UTF-8") }
    return s
  }

  func records() throws(DatasetIssue) -> [CSVTable.Record] {
    // Every field of every record in two flat arrays; records are then slices of them.
    var fields: [String] = []
    var offsets: [Int] = []
    var spans: [(line: Int, start: Int)] = []
    let n = bytes.count
    var i = (n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) ? 3 : 0
    var line = 1
    var width = 0
    var quoted: [UInt8] = []
    while i < n {
      // Start of a record: skip blank lines.
      if bytes[i] == Self.lf || bytes[i] == Self.cr {
        if bytes[i] == Self.cr, i + 1 < n, bytes[i + 1] == Self.lf { i += 1 }
        i += 1
        line += 1
        continue
      }
      spans.append((line, fields.count))
      if spans.count == 2 {
        // The header is read: reserve a field per column for every line left (an upper bound
        // on the records).
        let lines = bytes[i...].count { $0 == Self.lf } + 1
        fields.reserveCapacity(width * lines)
        offsets.reserveCapacity(width * lines)
      }
      var endOfRecord = false
      while !endOfRecord {
        let fieldStart = i
        var j = i
        while j < n, bytes[j] == Self.space || bytes[j] == Self.tab { j += 1 }
        if j < n, bytes[j] == Self.quote {
          let openLine = line
          let openOffset = j
          quoted.removeAll(keepingCapacity: true)
          i = j + 1
          var closed = false
          while i < n {
            let b = bytes[i]
            if b == Self.quote {
              if i + 1 < n, bytes[i + 1] == Self.quote {
                quoted.append(Self.quote)
                i += 2
                continue
              }
              closed = true
              i += 1
              break
            }
            if b == Self.lf || (b == Self.cr && !(i + 1 < n && bytes[i + 1] == Self.lf)) {
              line += 1
            }
            quoted.append(b)
            i += 1
          }
          guard closed else {
            throw issue(
              openLine, openOffset,
              "unterminated quoted field: the quote opened here is never closed")
          }
          while i < n, bytes[i] == Self.space || bytes[i] == Self.tab { i += 1 }
          if i < n, bytes[i] != Self.comma, bytes[i] != Self.lf, bytes[i] != Self.cr {
            throw issue(line, i, "unexpected text after a closing quote")
          }
          guard let s = String(validating: quoted, as: UTF8.self) else {
            throw issue(openLine, openOffset, "field is not valid UTF-8")
          }
          fields.append(s)
        } else {
          while i < n {
            let b = bytes[i]
            if b == Self.comma || b == Self.lf || b == Self.cr { break }
            if b == Self.quote {
              throw issue(
                line, i,
                "stray quote in an unquoted field (enclose the field in quotes and double the quote)"
              )
            }
            i += 1
          }
          fields.append(try text(fieldStart, i, line: line))
        }
        offsets.append(fieldStart)
        if i >= n {
          endOfRecord = true
        } else if bytes[i] == Self.comma {
          i += 1
        } else {
          // A line break ends the record.
          if bytes[i] == Self.cr, i + 1 < n, bytes[i + 1] == Self.lf { i += 1 }
          i += 1
          line += 1
          endOfRecord = true
        }
      }
      if spans.count == 1 { width = fields.count }
    }
    let ends = spans.dropFirst().map(\.start) + [fields.count]
    return zip(spans, ends).map { span, end in
      CSVTable.Record(
        line: span.line, fields: fields[span.start..<end], offsets: offsets[span.start..<end])
    }
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String {
    let u = utf8
    guard let first = u.first, let last = u.last else { return self }
    if first != 32 && first != 9 && last != 32 && last != 9 { return self }
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
    return String(s)
  }
}
