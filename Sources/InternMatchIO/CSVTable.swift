import Foundation
import InternMatchModel

/// A CSV file parsed into records, each field remembering where it stood in the file.
///
/// Parsing follows RFC 4180: fields separated by commas, records by CRLF or LF, fields with
/// commas, quotes or line breaks enclosed in double quotes, a quote inside a quoted field written
/// twice. Leading UTF-8 byte-order marks (one or more) are skipped; blank lines are ignored;
/// surrounding spaces of each field are trimmed. A file whose header line has no comma outside
/// quotes but a tab or a `;` is read with that delimiter instead (``delimiter``; the tab wins
/// over `;`, and tabs are then not trimmed).
///
/// ```swift
/// let table = try CSVTable(parsing: Array("id,cluster\nS1,it\n".utf8), file: "students.csv")
/// table.field(0, of: table.records[0])  // "S1"
/// table.records[0].line                 // 2
/// ```
///
/// - Complexity: O(n) in the file size. A field is kept as a byte range of the file (quoted
///   fields, decoded, in a side buffer): no `String` is made until one is asked for, and a
///   column number is computed only when asked for. A large file without quotes is scanned as
///   two halves at once.
package struct CSVTable: Sendable {
  /// One data record.
  package struct Record: Sendable {
    /// The line and first field, in 32 bits each (a table holds at most ``maximumBytes``).
    private var storedLine, storedFirst: Int32

    init(line: Int, first: Int) {
      storedLine = Int32(truncatingIfNeeded: line)
      storedFirst = Int32(truncatingIfNeeded: first)
    }

    /// The 1-based line where the record starts.
    package var line: Int {
      get { Int(storedLine) }
      set { storedLine = Int32(truncatingIfNeeded: newValue) }
    }
    /// The index of the record's first field in the table's fields.
    var first: Int { Int(storedFirst) }
  }

  /// The largest file a table reads: 2 GiB − 2 bytes, so that every offset, field number and
  /// line number fits in 32 bits, where a table keeps them (a million students take about
  /// 150 MB).
  package static let maximumBytes = Int(Int32.max) - 1

  /// The file name used in messages, such as `students.csv`.
  package let file: String
  /// The header's column names, trimmed.
  package let header: [String]
  /// The data records, in file order, without those whose field count is wrong.
  package let records: [Record]
  /// Records that were left out because their field count differs from the header's.
  package let issues: [DatasetIssue]
  /// Whether every field is ASCII.
  let isASCII: Bool
  /// The byte between fields: `,`, or the tab or `;` that the header line uses instead.
  package let delimiter: UInt8
  /// The fields that are not UTF-8, in file order (their text holds U+FFFD in their place).
  let undecodable: [Undecodable]
  private let bytes: [UInt8]
  private let fields: CSVScanner.Fields

  /// Parses `bytes`, a whole CSV file with a header row.
  ///
  /// A record whose field count differs from the header's is left out and reported in
  /// ``issues``, so that one reading finds every such record.
  ///
  /// - Throws: ``DatasetIssue`` naming `file:line:column` for an unterminated quoted field, a
  ///   stray quote, text after a closing quote, invalid UTF-8 (the first such field), or a
  ///   file with no header.
  package init(parsing bytes: [UInt8], file: String) throws(DatasetIssue) {
    try self.init(parsing: bytes, file: file, splitAbove: Sharing.standard.bytes)
    if let first = undecodable.first {
      throw DatasetIssue(
        .error, file: file, line: first.line, column: first.column,
        "field is not valid UTF-8: \(TextEncoding.advice(forBadByte: first.byte))",
        code: "not-utf8")
    }
  }

  /// A field that is not UTF-8: where its first bad byte is, which byte it is, and which field
  /// of which row holds it.
  struct Undecodable {
    var line: Int
    var column: Int
    var byte: UInt8
    /// The field's index in its row.
    var field: Int
    /// Whether the row is the header.
    var isHeader: Bool
    /// Whether the row is among ``records`` (not left out for its field count).
    var isInRecords: Bool
  }

  /// Parses `bytes`, scanning it as two halves at once when it has at least `splitAbove`
  /// bytes (and no quote); fields that are not UTF-8 are listed in ``undecodable``, not thrown.
  init(parsing bytes: [UInt8], file: String, splitAbove: Int) throws(DatasetIssue) {
    guard bytes.count <= Self.maximumBytes else {
      throw DatasetIssue(
        .error, file: file, line: nil, column: nil,
        "the file has \(bytes.count) bytes, more than a table may hold (\(Self.maximumBytes))",
        code: "file-too-large")
    }
    self.file = file
    self.bytes = bytes
    let delimiter = bytes.withUnsafeBufferPointer(Self.delimiter)
    self.delimiter = delimiter
    let scan = try bytes.withUnsafeBufferPointer { (buffer) throws(DatasetIssue) in
      try CSVScanner(bytes: buffer, file: file, delimiter: delimiter)
        .scanSplitting(above: splitAbove)
    }
    fields = scan.fields
    isASCII = scan.isASCII
    guard let head = scan.rows.first else {
      throw DatasetIssue(
        .error, file: file, line: 1, column: nil, "the file is empty: no header row",
        code: "empty-file")
    }
    let width = head.count
    let data = scan.rows.dropFirst()
    issues = data.filter { $0.count != width }.map {
      DatasetIssue(
        .error, file: file, line: $0.line, column: nil,
        "record has \($0.count) fields, the header has \(width)", code: "field-count")
    }
    var records: [Record] = []
    records.reserveCapacity(data.count)  // once: a filtered sequence would grow by copies
    for row in data where row.count == width {
      records.append(Record(line: row.line, first: row.first))
    }
    self.records = records
    let rows = scan.rows
    undecodable = bytes.withUnsafeBufferPointer { buffer in
      scan.invalid.map { bad in
        // The row holding the span: the last whose first field is at or before it.
        var (low, high) = (0, rows.count - 1)
        while low < high {
          let middle = (low + high + 1) / 2
          if rows[middle].first <= bad.span { low = middle } else { high = middle - 1 }
        }
        return Undecodable(
          line: bad.line, column: Self.column(ofOffset: bad.offset, in: buffer),
          byte: bad.offset < buffer.count ? buffer[bad.offset] : 0,
          field: bad.span - rows[low].first,
          isHeader: low == 0, isInRecords: rows[low].count == width)
      }
    }
    header = (0..<width).map { k in
      scan.fields.withBytes(ofField: k, in: bytes) { String(decoding: $0, as: UTF8.self) }
    }
  }

  /// Field `k` of `record`, counting from 0: trimmed, or decoded when quoted.
  package func field(_ k: Int, of record: Record) -> String { string(ofField: record.first + k) }

  /// Every field of `record`.
  package func fields(of record: Record) -> [String] {
    (0..<header.count).map { field($0, of: record) }
  }

  /// The bytes of field `k` of `record` (trimmed, or decoded when quoted), lent to `body`.
  ///
  /// - Complexity: O(1) besides `body`.
  func withBytes<R>(of record: Record, field k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R)
    -> R
  {
    withBytes(ofField: record.first + k, body)
  }

  private func withBytes<R>(ofField f: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    fields.withBytes(ofField: f, in: bytes, body)
  }

  /// The text of field `f`, validated UTF-8 since scanning.
  private func string(ofField f: Int) -> String {
    withBytes(ofField: f) { String(decoding: $0, as: UTF8.self) }
  }

  /// The 1-based character column where field `k` of `record` starts on its line.
  package func column(of record: Record, field k: Int) -> Int { column(ofField: record.first + k) }

  /// The 1-based character column of header name `k`.
  package func headerColumn(_ k: Int) -> Int { column(ofField: k) }

  /// The column where field `f` starts, before the spaces that trimming dropped.
  private func column(ofField f: Int) -> Int {
    bytes.withUnsafeBufferPointer { bytes in
      let span = fields.spans[f]
      if span.start < 0 {
        return Self.column(ofOffset: fields.quoted[-1 - span.start].raw, in: bytes)
      }
      // Only the delimiter before the field stops the walk back over leading spaces.
      var start = span.start
      while start > 0,
        bytes[start - 1] == UInt8(ascii: " ")
          || (bytes[start - 1] == UInt8(ascii: "\t") && delimiter != UInt8(ascii: "\t"))
      {
        start -= 1
      }
      return Self.column(ofOffset: start, in: bytes)
    }
  }

  /// The delimiter of the file `bytes`, as its header line shows it: a comma when the line has
  /// one outside quotes; else a tab when it has one; else `;` when it has one; else a comma.
  ///
  /// - Complexity: O(length of the header line).
  static func delimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
    var (tabs, semicolons) = (0, 0)
    var quoted = false
    for b in bytes[byteOrderMarks(in: bytes)...] {
      if b == UInt8(ascii: "\"") { quoted.toggle() }
      if quoted { continue }
      if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { break }
      if b == UInt8(ascii: ",") { return b }
      if b == UInt8(ascii: "\t") { tabs += 1 }
      if b == UInt8(ascii: ";") { semicolons += 1 }
    }
    return tabs > 0 ? UInt8(ascii: "\t") : semicolons > 0 ? UInt8(ascii: ";") : UInt8(ascii: ",")
  }

  /// The bytes of the UTF-8 byte-order marks at the start of `bytes`: every one is skipped (a
  /// tool that adds a mark to a file that had one leaves two; neither is data).
  static func byteOrderMarks(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var k = 0
    while k + 3 <= bytes.count, bytes[k] == 0xEF, bytes[k + 1] == 0xBB, bytes[k + 2] == 0xBF {
      k += 3
    }
    return k
  }

  /// Characters (not bytes) from the start of the line holding `offset` to `offset`, plus one.
  static func column(ofOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var start = offset
    while start > 0, bytes[start - 1] != UInt8(ascii: "\n"), bytes[start - 1] != UInt8(ascii: "\r")
    {
      start -= 1
    }
    if start == 0 { start = byteOrderMarks(in: bytes) }
    var column = 1
    for k in start..<offset where bytes[k] & 0xC0 != 0x80 { column += 1 }
    return column
  }
}

/// The byte-level RFC 4180 scanner behind ``CSVTable``: one pass that records where each field's
/// value lies, decoding only quoted fields.
private struct CSVScanner {
  /// Where a field's value lies: `bytes[start..<end]` of the file, trimmed; or, when `start` is
  /// negative, quoted field `-1 - start`. Kept in 32 bits each (8 bytes a field, not 16: the
  /// spans are the largest part of a table), which is why a table holds at most
  /// ``CSVTable/maximumBytes``.
  struct Span {
    private var first: Int32
    private var past: Int32
    init(start: Int, end: Int) {
      (first, past) = (Int32(truncatingIfNeeded: start), Int32(truncatingIfNeeded: end))
    }
    var start: Int { Int(first) }
    var end: Int { Int(past) }
  }

  /// A quoted field: where it starts in the file, and its decoded value in `decoded`.
  struct Quoted {
    var raw: Int
    var value: Range<Int>
  }

  /// The fields of every record.
  struct Fields {
    var spans: [Span] = []
    var quoted: [Quoted] = []
    var decoded: [UInt8] = []

    /// The bytes of field `f` of the file `bytes`, lent to `body`.
    func withBytes<R>(
      ofField f: Int, in bytes: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
      let span = spans[f]
      if span.start >= 0 {
        return bytes.withUnsafeBufferPointer {
          body(UnsafeBufferPointer(rebasing: $0[span.start..<span.end]))
        }
      }
      let range = quoted[-1 - span.start].value
      return decoded.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }
  }

  /// A record: the line where it starts and its fields among the spans (in 32 bits each, as
  /// spans are).
  struct Row {
    private var storedLine, storedFirst, storedCount: Int32
    init(line: Int, first: Int, count: Int) {
      storedLine = Int32(truncatingIfNeeded: line)
      storedFirst = Int32(truncatingIfNeeded: first)
      storedCount = Int32(truncatingIfNeeded: count)
    }
    var line: Int { Int(storedLine) }
    var first: Int { Int(storedFirst) }
    var count: Int { Int(storedCount) }
  }

  /// A field that is not UTF-8: its span, and the offset and line of its first bad byte.
  struct Invalid {
    var span: Int
    var offset: Int
    var line: Int
  }

  /// What a scan found: fields, records, the line after the last, whether all is ASCII, and
  /// the fields that are not UTF-8.
  struct Output {
    var invalid: [Invalid] = []
    var fields = Fields()
    var rows: [Row] = []
    var endLine = 1
    var isASCII = true
  }

  let bytes: UnsafeBufferPointer<UInt8>
  let file: String
  /// The byte between fields: `,`, or `;` or tab when the header says so.
  let delimiter: UInt8
  /// Whether tabs around a field are trimmed (not when the tab is the delimiter).
  let trimsTab: Bool
  /// Bit `b` is set for the bytes that end an unquoted field or may not appear in one: line
  /// feed, carriage return, quote and the delimiter (all below 64).
  let special: UInt64

  init(bytes: UnsafeBufferPointer<UInt8>, file: String, delimiter: UInt8) {
    self.bytes = bytes
    self.file = file
    self.delimiter = delimiter
    trimsTab = delimiter != Self.tab
    special = 1 << 10 | 1 << 13 | 1 << 34 | 1 << UInt64(delimiter)
  }

  private static let quote = UInt8(ascii: "\"")
  private static let lf = UInt8(ascii: "\n")
  private static let cr = UInt8(ascii: "\r")
  private static let space = UInt8(ascii: " ")
  private static let tab = UInt8(ascii: "\t")
  /// Whether `b` is a space trimmed around fields.
  @inline(__always)
  private func isBlank(_ b: UInt8) -> Bool { b == Self.space || (b == Self.tab && trimsTab) }

  private func issue(_ line: Int, _ offset: Int, _ message: String) -> DatasetIssue {
    DatasetIssue(
      .error, file: file, line: line, column: CSVTable.column(ofOffset: offset, in: bytes),
      message, code: "csv-syntax")
  }

  /// Scans the whole file: as two halves at once when it has at least `threshold` bytes and no
  /// quote (a record then never spans the cut, a line break after the middle), else in one
  /// piece.
  ///
  /// The halves give what one scan would: the second half's lines are renumbered after the
  /// first's, and the first half's error, if any, wins.
  func scanSplitting(above threshold: Int) throws(DatasetIssue) -> Output {
    let n = bytes.count
    let start = CSVTable.byteOrderMarks(in: bytes)
    guard n >= threshold, let base = bytes.baseAddress,
      memchr(base, Int32(Self.quote), n) == nil,
      let cut = memchr(base + n / 2, Int32(Self.lf), n - n / 2)
    else { return try scan(start..<n, line: 1, linesAfter: 0) }
    let middle = UnsafeRawPointer(base).distance(to: cut) + 1
    let ranges = [start..<middle, middle..<n]
    let halves = concurrentMap(2) { k in
      Result { () throws(DatasetIssue) in
        // The first half makes room for the second's fields, which are appended to it.
        try scan(ranges[k], line: 1, linesAfter: k == 0 ? lineFeeds(in: ranges[1]) + 1 : 0)
      }
    }
    var output = try halves[0].get()
    let shift = output.endLine - 1
    let second: Output
    do {
      second = try halves[1].get()
    } catch {
      var error = error
      error.line = error.line.map { $0 + shift }
      throw error
    }
    let firstField = output.fields.spans.count
    output.fields.spans += second.fields.spans
    output.rows += second.rows.map {
      Row(line: $0.line + shift, first: $0.first + firstField, count: $0.count)
    }
    output.endLine = second.endLine + shift
    output.invalid += second.invalid.map {
      Invalid(span: $0.span + firstField, offset: $0.offset, line: $0.line + shift)
    }
    output.isASCII = output.isASCII && second.isASCII
    return output
  }

  /// Scans the records in `range`, which starts at a record boundary on line `line` (1-based),
  /// reserving room for the records of `linesAfter` more lines.
  func scan(_ range: Range<Int>, line firstLine: Int, linesAfter: Int) throws(DatasetIssue)
    -> Output
  {
    var out = Output()
    let n = range.upperBound
    var i = range.lowerBound
    var line = firstLine
    let raw = UnsafeRawBufferPointer(bytes)
    var high: UInt8 = 0  // every field byte or'ed: bit 7 tells whether any is not ASCII
    while i < n {
      // Start of a record: skip blank lines.
      if bytes[i] == Self.lf || bytes[i] == Self.cr {
        if bytes[i] == Self.cr, i + 1 < n, bytes[i + 1] == Self.lf { i += 1 }
        i += 1
        line += 1
        continue
      }
      let row = Row(line: line, first: out.fields.spans.count, count: 0)
      var endOfRecord = false
      while !endOfRecord {
        let fieldStart = i
        var j = i
        while j < n, isBlank(bytes[j]) { j += 1 }
        if j < n, bytes[j] == Self.quote {
          let openLine = line
          let openOffset = j
          let valueStart = out.fields.decoded.count
          i = j + 1
          var closed = false
          while i < n {
            let b = bytes[i]
            if b == Self.quote {
              if i + 1 < n, bytes[i + 1] == Self.quote {
                out.fields.decoded.append(Self.quote)
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
            out.fields.decoded.append(b)
            high |= b
            i += 1
          }
          guard closed else {
            throw issue(
              openLine, openOffset,
              "unterminated quoted field: the quote opened here is never closed")
          }
          while i < n, isBlank(bytes[i]) { i += 1 }
          if i < n, bytes[i] != delimiter, bytes[i] != Self.lf, bytes[i] != Self.cr {
            throw issue(line, i, "unexpected text after a closing quote")
          }
          let value = valueStart..<out.fields.decoded.count
          if !Self.isValidUTF8(out.fields.decoded[value]) {
            // The doubled quotes are ASCII: the raw bytes go bad where the value does.
            let bad = Self.firstInvalidUTF8(in: bytes, openOffset + 1..<i)
            out.invalid.append(
              Invalid(
                span: out.fields.spans.count, offset: bad,
                line: openLine + lineBreaks(in: openOffset..<bad)))
          }
          out.fields.spans.append(Span(start: -1 - out.fields.quoted.count, end: 0))
          out.fields.quoted.append(Quoted(raw: fieldStart, value: value))
        } else {
          i = j
          // Eight bytes at a time up to the first that ends the field or is a quote.
          var wordsHigh: UInt64 = 0
          while i + 8 <= n {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let special = specialBytes(word)
            if special != 0 {
              let before = special.trailingZeroBitCount / 8  // bytes ahead of the first
              wordsHigh |= word & ((1 &<< UInt64(8 * before)) &- 1)
              i += before
              break
            }
            wordsHigh |= word
            i += 8
          }
          var fieldHigh: UInt8 = wordsHigh & 0x8080_8080_8080_8080 == 0 ? 0 : 0x80
          while i < n {
            let b = bytes[i]
            if b < 64, special >> b & 1 != 0 {
              if b == Self.quote {
                throw issue(
                  line, i,
                  "stray quote in an unquoted field (enclose the field in quotes and double the quote)"
                )
              }
              break
            }
            fieldHigh |= b
            i += 1
          }
          var end = i
          while end > j, isBlank(bytes[end - 1]) { end -= 1 }
          // ASCII is valid UTF-8: only fields with other bytes need checking.
          if fieldHigh >= 0x80, !Self.isValidUTF8(bytes[j..<end]) {
            out.invalid.append(
              Invalid(
                span: out.fields.spans.count, offset: Self.firstInvalidUTF8(in: bytes, j..<end),
                line: line))
          }
          high |= fieldHigh
          out.fields.spans.append(Span(start: j, end: end))
        }
        if i >= n {
          endOfRecord = true
        } else if bytes[i] == delimiter {
          i += 1
        } else {
          // A line break ends the record.
          if bytes[i] == Self.cr, i + 1 < n, bytes[i + 1] == Self.lf { i += 1 }
          i += 1
          line += 1
          endOfRecord = true
        }
      }
      out.rows.append(
        Row(line: row.line, first: row.first, count: out.fields.spans.count - row.first))
      if out.rows.count == 1, i < n {
        // Reserve a field per column for every line left (an upper bound on the records).
        let lines = lineFeeds(in: i..<n) + 1 + linesAfter
        out.fields.spans.reserveCapacity(out.fields.spans.count + out.rows[0].count * lines)
        out.rows.reserveCapacity(lines + 1)
      }
    }
    out.endLine = line
    out.isASCII = high < 0x80
    return out
  }

  /// The bytes of `word` (little-endian) that are the delimiter, a line feed, a carriage return or a
  /// quote, as a mask with bit 7 of each set: for each, a byte that equals it is zeroed by
  /// `xor`, and the classic zero-byte test `(v - 0x01…01) & ~v & 0x80…80` marks zero bytes.
  /// It is zero exactly when there is no such byte, and its lowest mark is always a true one
  /// (a false mark can only follow a true one).
  @inline(__always)
  private func specialBytes(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    func zeroBytes(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & (ones &<< 7) }
    return zeroBytes(word ^ (ones &* UInt64(delimiter)))
      | zeroBytes(word ^ (ones &* UInt64(Self.lf)))
      | zeroBytes(word ^ (ones &* UInt64(Self.cr))) | zeroBytes(word ^ (ones &* UInt64(Self.quote)))
  }

  /// The number of line feeds in `range`.
  private func lineFeeds(in range: Range<Int>) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    var count = 0
    var p = UnsafeRawPointer(base + range.lowerBound)
    let end = UnsafeRawPointer(base + range.upperBound)
    while p < end, let hit = memchr(p, Int32(Self.lf), p.distance(to: end)) {
      count += 1
      p = UnsafeRawPointer(hit) + 1
    }
    return count
  }

  /// The line breaks (LF, CRLF or a lone CR) in `range`.
  private func lineBreaks(in range: Range<Int>) -> Int {
    var count = 0
    for k in range
    where bytes[k] == Self.lf
      || (bytes[k] == Self.cr && !(k + 1 < range.upperBound && bytes[k + 1] == Self.lf))
    {
      count += 1
    }
    return count
  }

  /// The offset of the first byte in `range` of `bytes` where well-formed UTF-8 (RFC 3629:
  /// no overlong forms, no surrogates, nothing above U+10FFFF) breaks; `range.upperBound` when
  /// none does.
  ///
  /// - Complexity: O(length of the range).
  static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    var k = range.lowerBound
    let end = range.upperBound
    while k < end {
      let b = bytes[k]
      if b < 0x80 {
        k += 1
        continue
      }
      // The sequence's length and the range of its second byte.
      let (length, second): (Int, ClosedRange<UInt8>)
      switch b {
      case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
      case 0xE0: (length, second) = (3, 0xA0...0xBF)
      case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
      case 0xED: (length, second) = (3, 0x80...0x9F)
      case 0xF0: (length, second) = (4, 0x90...0xBF)
      case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
      case 0xF4: (length, second) = (4, 0x80...0x8F)
      default: return k
      }
      guard k + 1 < end, second.contains(bytes[k + 1]) else { return k }
      for m in 2..<length {
        guard k + m < end, bytes[k + m] & 0xC0 == 0x80 else { return k }
      }
      k += length
    }
    return end
  }

  /// Whether `bytes` is well-formed UTF-8, as `String(validating:)` decides.
  private static func isValidUTF8(_ bytes: some Sequence<UInt8>) -> Bool {
    String(validating: bytes, as: UTF8.self) != nil
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
