/// A CSV file parsed into records, each field remembering where it stood in the file.
///
/// Parsing follows RFC 4180: fields separated by commas, records by CRLF or LF, fields with
/// commas, quotes or line breaks enclosed in double quotes, a quote inside a quoted field written
/// twice. A UTF-8 byte-order mark is skipped; blank lines are ignored; surrounding spaces of each
/// field are trimmed.
///
/// ```swift
/// let table = try CSVTable(parsing: Array("id,cluster\nS1,it\n".utf8), file: "students.csv")
/// table.records[0].fields  // ["S1", "it"]
/// table.records[0].line    // 2
/// ```
///
/// - Complexity: O(n) in the file size.
public struct CSVTable: Sendable {
  /// One data record.
  public struct Record: Sendable {
    /// The 1-based line where the record starts.
    public var line: Int
    /// The field values, trimmed, one per header column.
    public var fields: [String]
    /// The 1-based character column where each field starts on its line.
    public var columns: [Int]
  }

  /// The file name used in messages, such as `students.csv`.
  public let file: String
  /// The header's column names, trimmed.
  public let header: [String]
  /// The 1-based character column of each header name.
  public let headerColumns: [Int]
  /// The data records, in file order, without those whose field count is wrong.
  public let records: [Record]
  /// Records that were left out because their field count differs from the header's.
  public let issues: [DatasetIssue]

  /// Parses `bytes`, a whole CSV file with a header row.
  ///
  /// A record whose field count differs from the header's is left out and reported in
  /// ``issues``, so that one reading finds every such record.
  ///
  /// - Throws: ``DatasetIssue`` naming `file:line:column` for an unterminated quoted field, a
  ///   stray quote, text after a closing quote, invalid UTF-8, or a file with no header.
  public init(parsing bytes: [UInt8], file: String) throws(DatasetIssue) {
    self.file = file
    var rows = try CSVScanner(bytes: bytes, file: file).records()
    guard !rows.isEmpty else {
      throw DatasetIssue(
        .error, file: file, line: 1, column: nil, "the file is empty: no header row")
    }
    let head = rows.removeFirst()
    header = head.fields
    headerColumns = head.columns
    let width = header.count
    issues = rows.filter { $0.fields.count != width }.map {
      DatasetIssue(
        .error, file: file, line: $0.line, column: nil,
        "record has \($0.fields.count) fields, the header has \(width)")
    }
    records = issues.isEmpty ? rows : rows.filter { $0.fields.count == width }
  }
}

/// The byte-level RFC 4180 scanner behind ``CSVTable``.
private struct CSVScanner {
  let bytes: [UInt8]
  let file: String

  private static let quote = UInt8(ascii: "\"")
  private static let comma = UInt8(ascii: ",")
  private static let lf = UInt8(ascii: "\n")
  private static let cr = UInt8(ascii: "\r")

  func records() throws(DatasetIssue) -> [CSVTable.Record] {
    var out: [CSVTable.Record] = []
    var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var line = 1
    var lineStart = i
    let n = bytes.count
    var fields: [String] = []
    var columns: [Int] = []
    var recordLine = 1
    var field: [UInt8] = []
    field.reserveCapacity(64)

    // Column of byte offset `at` on the current line, counting characters, not bytes.
    func column(_ at: Int, from start: Int) -> Int {
      var c = 1
      var k = start
      while k < at {
        if bytes[k] & 0xC0 != 0x80 { c += 1 }
        k += 1
      }
      return c
    }

    func finishField(_ start: Int, _ startLineStart: Int) throws(DatasetIssue) {
      guard let text = String(validating: field, as: UTF8.self) else {
        throw DatasetIssue(
          .error, file: file, line: line, column: column(start, from: startLineStart),
          "field is not valid UTF-8")
      }
      fields.append(text.trimmingSpaces())
      columns.append(column(start, from: startLineStart))
      field.removeAll(keepingCapacity: true)
    }

    while i < n {
      // Start of a record: skip blank lines.
      if bytes[i] == Self.lf || bytes[i] == Self.cr {
        if bytes[i] == Self.cr, i + 1 < n, bytes[i + 1] == Self.lf { i += 1 }
        i += 1
        line += 1
        lineStart = i
        continue
      }
      recordLine = line
      fields.removeAll(keepingCapacity: true)
      columns.removeAll(keepingCapacity: true)
      var endOfRecord = false
      while !endOfRecord {
        let fieldStart = i
        let fieldLineStart = lineStart
        // Skip leading spaces before a possible opening quote.
        var j = i
        while j < n, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t") { j += 1 }
        if j < n, bytes[j] == Self.quote {
          let openLine = line
          let openColumn = column(j, from: lineStart)
          i = j + 1
          var closed = false
          while i < n {
            let b = bytes[i]
            if b == Self.quote {
              if i + 1 < n, bytes[i + 1] == Self.quote {
                field.append(Self.quote)
                i += 2
                continue
              }
              closed = true
              i += 1
              break
            }
            if b == Self.lf || (b == Self.cr && !(i + 1 < n && bytes[i + 1] == Self.lf)) {
              line += 1
              lineStart = i + 1
            }
            field.append(b)
            i += 1
          }
          guard closed else {
            throw DatasetIssue(
              .error, file: file, line: openLine, column: openColumn,
              "unterminated quoted field: the quote opened here is never closed")
          }
          while i < n, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
          if i < n, bytes[i] != Self.comma, bytes[i] != Self.lf, bytes[i] != Self.cr {
            throw DatasetIssue(
              .error, file: file, line: line, column: column(i, from: lineStart),
              "unexpected text after a closing quote")
          }
        } else {
          while i < n {
            let b = bytes[i]
            if b == Self.comma || b == Self.lf || b == Self.cr { break }
            if b == Self.quote {
              throw DatasetIssue(
                .error, file: file, line: line, column: column(i, from: lineStart),
                "stray quote in an unquoted field (enclose the field in quotes and double the quote)"
              )
            }
            field.append(b)
            i += 1
          }
        }
        try finishField(fieldStart, fieldLineStart)
        if i >= n {
          endOfRecord = true
        } else if bytes[i] == Self.comma {
          i += 1
        } else {
          // Line break ends the record.
          if bytes[i] == Self.cr, i + 1 < n, bytes[i + 1] == Self.lf { i += 1 }
          i += 1
          line += 1
          lineStart = i
          endOfRecord = true
        }
      }
      out.append(CSVTable.Record(line: recordLine, fields: fields, columns: columns))
    }
    return out
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
    return s.count == count ? self : String(s)
  }
}
