import InternMatchModel

/// Typed access to the columns of a ``CSVTable`` by name, collecting every problem it meets.
///
/// Columns are found by name in any order, case and punctuation ignored, or by an alias
/// (``ColumnSpec``). A missing required column is an error; a column the format does not know is
/// a warning. Empty cells mean "not given". Values are read from the
/// field's bytes: a `String` is made only for text.
///
/// ```swift
/// var reader = ColumnReader(table, required: ["id"], optional: ["grade"])
/// let grade = reader.integer(record, reader["grade"], range: 0...20)  // nil when empty
/// ```
struct ColumnReader {
  /// A column by name, with its field index when the header has it.
  struct Column {
    let name: String
    let field: Int?
  }

  let table: CSVTable
  private(set) var issues: [DatasetIssue] = []
  /// The key of each issue reported once per table (``reportOnce(_:_:_:key:_:)``), by its
  /// index in ``issues``, and every such key reported.
  private var onceKeys: [Int: String] = [:]
  private var reportedOnce: Set<String> = []
  private var columns: [(name: String, length: Int, field: Int)] = []

  /// The numbered columns present (``NumberedColumns``), in the order of their numbers.
  private(set) var numberedColumns: [Column] = []

  /// Whether every required column is present.
  private(set) var hasRequiredColumns = true
  /// The header positions of the columns the format does not use, in file order, when the
  /// file passes them through (``UnknownColumns/passedThrough``); empty otherwise.
  private(set) var passThroughFields: [Int] = []

  /// What becomes of a header name that means no column of the format.
  enum UnknownColumns {
    /// A warning, naming the nearest column if any; the column is not read.
    case ignored
    /// Kept for rosters (``PassThroughColumns``): a warning only when the name is a near miss
    /// of a known column (it names the column, "did you mean 'preferences'?").
    case passedThrough
  }

  /// Matches the header of `table` to the `required` and `optional` columns by ``HeaderKey``
  /// (case and punctuation ignored) and aliases: an error for a missing required column and for
  /// two header names that mean one column, a warning (naming the nearest column, if any) for a
  /// name that means none.
  ///
  /// With `unknown` ``UnknownColumns/passedThrough``, an unknown name is kept in
  /// ``passThroughFields`` and warned about only when it is a near miss of a known column.
  ///
  /// - Complexity: O(h · a · k²) for h header names, a known names and aliases of k characters.
  init(
    _ table: CSVTable, required: [ColumnSpec], optional: [ColumnSpec],
    numbered: NumberedColumns? = nil, unknown: UnknownColumns = .ignored
  ) {
    self.table = table
    issues = table.issues
    let matcher = HeaderMatcher(required + optional)
    let known =
      ((required + optional).map(\.name) + [numbered.map { $0.column(1) + "…" }].compactMap { $0 })
      .sorted()
      .joined(separator: ", ")
    var index: [String: Int] = [:]
    var numbers: [String: Int] = [:]
    for (k, name) in table.header.enumerated() {
      let number = matcher.column(named: name) == nil ? numbered?.number(of: name) : nil
      if let numbered, let number { numbers[numbered.column(number)] = number }
      guard let column = matcher.column(named: name) ?? number.flatMap({ numbered?.column($0) })
      else {
        let suggestion = matcher.suggestion(for: name)
        let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
        // A column without a name (an export's trailing empty columns) is never passed on.
        let passes = unknown == .passedThrough && !name.isEmpty
        if passes { passThroughFields.append(k) }
        guard !passes || suggestion != nil else { continue }
        let fate = passes ? "passed through to rosters, not read" : "ignored"
        issues.append(
          DatasetIssue(
            .warning, file: table.file, line: 1, column: table.headerColumn(k),
            "unknown column '\(name)' \(fate)\(hint) (known: \(known))", code: "unknown-column"))
        continue
      }
      if let first = index[column] {
        let earlier = table.header[first]
        issues.append(
          DatasetIssue(
            .error, file: table.file, line: 1, column: table.headerColumn(k),
            earlier == name
              ? "column '\(name)' appears twice in the header"
              : "columns '\(earlier)' and '\(name)' both mean '\(column)'",
            code: "duplicate-column"))
      } else {
        index[column] = k
      }
    }
    columns = index.map { (name: $0.key, length: $0.key.utf8.count, field: $0.value) }
    numberedColumns = numbers.sorted { $0.value < $1.value }.map {
      Column(name: $0.key, field: index[$0.key])
    }
    reportDelimiter()
    reportUndecodable(used: Set(index.values))
    for spec in required where index[spec.name] == nil {
      hasRequiredColumns = false
      issues.append(
        DatasetIssue(
          .error, file: table.file, line: 1, column: nil, "missing required column '\(spec.name)'",
          code: "missing-column"))
    }
  }

  /// A warning when the table's fields are not separated by commas.
  private mutating func reportDelimiter() {
    let name: String
    switch table.delimiter {
    case UInt8(ascii: ","): return
    case UInt8(ascii: "\t"): name = "tabs"
    default: name = "'\(Character(Unicode.Scalar(table.delimiter)))'"
    }
    issues.append(
      DatasetIssue(
        .warning, file: table.file, line: 1, column: nil,
        "fields are separated by \(name), not commas, as the header line shows: read so "
          + "(a field holding the delimiter, such as a list, must be quoted)", code: "delimiter"))
  }

  /// The fields that are not UTF-8: in a header name or a column that is read, an error at the
  /// first bad byte naming the likely encoding and the fix, once per column with the count of
  /// the others; in a column that is ignored, one warning per column (the read goes on).
  ///
  /// - Complexity: O(f) for f such fields.
  private mutating func reportUndecodable(used: Set<Int>) {
    var seen: [Int: (issue: Int, count: Int)] = [:]  // per header field: its issue, its fields
    for bad in table.undecodable {
      let advice = TextEncoding.advice(forBadByte: bad.byte)
      if bad.isHeader {
        // A name that is not UTF-8 means no known column (they are ASCII): it is ignored.
        let isRead = used.contains(bad.field)
        let fate =
          isRead
          ? ""
          : passThroughFields.contains(bad.field)
            ? " (the column is passed through to rosters)" : " (the column is ignored)"
        issues.append(
          DatasetIssue(
            isRead ? .error : .warning, file: table.file, line: bad.line, column: bad.column,
            "header name is not valid UTF-8\(fate): \(advice)", code: "not-utf8"))
        continue
      }
      // A field past the header's names is in a record left out for its field count, which
      // the table reports already.
      guard table.header.indices.contains(bad.field) else { continue }
      if let first = seen[bad.field] {
        seen[bad.field]?.count = first.count + 1
        continue
      }
      let name = table.header[bad.field]
      let isRead = used.contains(bad.field) || !bad.isInRecords
      seen[bad.field] = (issues.count, 1)
      issues.append(
        DatasetIssue(
          isRead ? .error : .warning, file: table.file, line: bad.line, column: bad.column,
          isRead
            ? "field of column '\(name)' is not valid UTF-8: \(advice)"
            : passThroughFields.contains(bad.field)
              ? "column '\(name)' is passed through to rosters, and its fields are not all "
                + "UTF-8 (\(advice)); each byte that is not is written as U+FFFD"
              : "column '\(name)' is ignored, and its fields are not all UTF-8 (\(advice))",
          code: "not-utf8"))
    }
    for (_, found) in seen where found.count > 1 {
      issues[found.issue].message +=
        "; \(found.count - 1) more field\(found.count == 2 ? "" : "s") of this column too"
    }
  }

  /// A reader of the same table with no issues yet, to read a share of the records on another
  /// thread; ``adopt(_:)`` takes its issues back.
  func fresh() -> ColumnReader {
    var copy = self
    copy.issues = []
    copy.onceKeys = [:]
    return copy
  }

  /// Appends the issues `other` (a ``fresh()`` copy) met, leaving out those reported once per
  /// table that this reader has already.
  mutating func adopt(_ other: ColumnReader) {
    for (k, issue) in other.issues.enumerated() {
      if let key = other.onceKeys[k] {
        guard reportedOnce.insert(key).inserted else { continue }
        onceKeys[issues.count] = key
      }
      issues.append(issue)
    }
  }

  /// Column `name`: a scan of the few header names, cheaper than hashing the name.
  subscript(name: String) -> Column {
    let length = name.utf8.count  // O(1); most names differ in length, sparing the comparison
    for column in columns where column.length == length && column.name == name {
      return Column(name: name, field: column.field)
    }
    return Column(name: name, field: nil)
  }

  /// The 1-based column where field `name` of `record` starts, if the column exists.
  func column(of name: String, in record: CSVTable.Record) -> Int? {
    column(of: self[name], in: record)
  }

  private func column(of column: Column, in record: CSVTable.Record) -> Int? {
    column.field.map { table.column(of: record, field: $0) }
  }

  /// The bytes of field `column` of `record` lent to `body`; `nil` when the column is absent.
  func withBytes<R>(
    _ record: CSVTable.Record, _ column: Column, _ body: (UnsafeBufferPointer<UInt8>) -> R
  ) -> R? {
    guard let k = column.field else { return nil }
    return table.withBytes(of: record, field: k, body)
  }

  /// The trimmed text of field `column`, or `nil` when the column is absent or the cell empty.
  func text(_ record: CSVTable.Record, _ column: Column) -> String? {
    withBytes(record, column) { $0.isEmpty ? nil : String(decoding: $0, as: UTF8.self) } ?? nil
  }

  /// The text of a required field; an error and `""` when it is empty.
  mutating func requiredText(_ record: CSVTable.Record, _ column: Column) -> String {
    if let value = text(record, column) { return value }
    reportIfEmpty(record, column)
    return ""
  }

  /// Reports an empty required field (an absent column is reported once, on the header).
  private mutating func reportIfEmpty(_ record: CSVTable.Record, _ column: Column) {
    if column.field != nil {
      report(.error, record, column, "\(column.name) is empty", code: "empty-field")
    }
  }

  /// The integer in a required field; an error when it is empty or not an integer, and then
  /// `substitute`, a valid value that raises no further error, so each mistake is reported once.
  mutating func requiredInteger(
    _ record: CSVTable.Record, _ column: Column, range: ClosedRange<Int>, substitute: Int
  ) -> Int {
    guard withBytes(record, column, { !$0.isEmpty }) == true else {
      reportIfEmpty(record, column)
      return substitute
    }
    return integer(record, column, range: range) ?? substitute
  }

  /// The integer in field `column`, `nil` when empty; an error when it is not an integer, or is
  /// one too large for `Int` ("out of range", naming `range`, the values the field allows: a
  /// value inside `Int` but outside `range` is the instance's to report).
  mutating func integer(_ record: CSVTable.Record, _ column: Column, range: ClosedRange<Int>)
    -> Int?
  {
    value(record, column, Self.integer) { bytes in
      Self.isIntegerText(bytes)
        ? "is out of range (\(DatasetLimits.describe(range)))" : "is not an integer"
    }
  }

  /// The grade level in field `column`, `nil` when empty: an integer, or a form of
  /// ``GradeText`` (`11th`, `Grade 11`); an error for kindergarten grades and for text that is
  /// none of these.
  mutating func grade(_ record: CSVTable.Record, _ column: Column) -> Int? {
    value(
      record, column,
      { bytes in
        if let n = Self.integer(bytes) { return n }
        if case .grade(let n) = GradeText.read(bytes) { return n }
        return nil
      },
      { bytes in
        if Self.isIntegerText(bytes) {
          return "is out of range (\(DatasetLimits.describe(DatasetLimits.grade)))"
        }
        if case .refused(let why) = GradeText.read(bytes) { return "is refused: \(why)" }
        return "is not a grade (write \(GradeText.forms))"
      })
  }

  /// Whether `bytes` are an optional sign and one or more ASCII digits.
  static func isIntegerText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let sign = bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") ? 1 : 0
    return bytes.count > sign && bytes[sign...].allSatisfy { $0 &- UInt8(ascii: "0") <= 9 }
  }

  /// The number in field `column`, `nil` when empty; an error when it is not a finite number.
  mutating func number(_ record: CSVTable.Record, _ column: Column) -> Double? {
    value(record, column, { Self.number($0).flatMap { $0.isFinite ? $0 : nil } }) { _ in
      "is not a number"
    }
  }

  /// What a non-empty field holds: a value, or text that is not one.
  private enum Parsed<Value> {
    case empty
    case value(Value)
    case invalid(String)
  }

  /// The value `parse` reads from field `column`, `nil` when empty; an error saying the text
  /// `complaint` gives for the bytes when `parse` finds none. The text is made only for the
  /// message.
  private mutating func value<Value>(
    _ record: CSVTable.Record, _ column: Column,
    _ parse: (UnsafeBufferPointer<UInt8>) -> Value?,
    _ complaint: (UnsafeBufferPointer<UInt8>) -> String
  ) -> Value? {
    let parsed: Parsed<Value> =
      withBytes(record, column) { bytes in
        bytes.isEmpty ? .empty : parse(bytes).map { .value($0) } ?? .invalid(complaint(bytes))
      } ?? .empty
    switch parsed {
    case .empty: return nil
    case .value(let value): return value
    case .invalid(let complaint):
      report(
        .error, record, column, "\(column.name) '\(text(record, column) ?? "")' \(complaint)",
        code: "invalid-value")
      return nil
    }
  }

  /// `Int(text)` of `bytes`.
  ///
  /// - Complexity: O(k) for k bytes; up to 18 digits with an optional sign are read from the
  ///   bytes, anything else goes through `Int(String)`, so the result is always the same.
  static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let first = bytes.first ?? 0
    let sign = first == UInt8(ascii: "-") || first == UInt8(ascii: "+") ? 1 : 0
    if (1...18).contains(bytes.count - sign) {
      var value = 0
      var plain = true
      for b in bytes[sign...] {
        let digit = b &- UInt8(ascii: "0")
        guard digit <= 9 else {
          plain = false
          break
        }
        value = value * 10 + Int(digit)
      }
      if plain { return first == UInt8(ascii: "-") ? -value : value }
    }
    return Int(String(decoding: bytes, as: UTF8.self))
  }

  /// `Double(text)` of `bytes`.
  ///
  /// - Complexity: O(k) for k bytes. A plain decimal (`-`, digits, `.`, digits) of at most 15
  ///   digits is an exact integer over an exact power of ten, and their quotient is rounded
  ///   correctly, as `Double(String)` rounds; anything else goes through `Double(String)`.
  static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    let negative = bytes.first == UInt8(ascii: "-")
    var mantissa = 0
    var digits = 0
    var fraction = -1  // digits after the point, once there is one
    var plain = bytes.count <= 17
    for b in bytes[(negative ? 1 : 0)...] where plain {
      let digit = b &- UInt8(ascii: "0")
      if digit <= 9 {
        mantissa = mantissa * 10 + Int(digit)
        digits += 1
        if fraction >= 0 { fraction += 1 }
      } else if b == UInt8(ascii: "."), fraction < 0, digits > 0 {
        fraction = 0
      } else {
        plain = false
      }
    }
    if plain, digits > 0, digits <= 15, fraction != 0 {
      let value = Double(mantissa) / powersOfTen[max(fraction, 0)]
      return negative ? -value : value
    }
    return Double(String(decoding: bytes, as: UTF8.self))
  }

  /// 10⁰ … 10¹⁵, all exact doubles.
  private static let powersOfTen: [Double] = [
    1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
  ]

  /// The `;`-separated items of field `column`, trimmed, empty items dropped.
  func list(_ record: CSVTable.Record, _ column: Column) -> [String] {
    withBytes(record, column) { bytes in
      var items: [String] = []
      items.reserveCapacity(Self.itemCount(bytes))
      Self.forEachItem(of: bytes) { items.append(String(decoding: $0, as: UTF8.self)) }
      return items
    } ?? []
  }

  /// An upper bound on the items of a list: its separators plus one.
  ///
  /// - Complexity: O(k) for k bytes, eight at a time.
  static func itemCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let raw = UnsafeRawBufferPointer(bytes)
    var count = 1
    var k = 0
    while k + 8 <= bytes.count {
      count += separators(raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)).nonzeroBitCount
      k += 8
    }
    while k < bytes.count {
      if bytes[k] == UInt8(ascii: ";") { count += 1 }
      k += 1
    }
    return count
  }

  /// The `;` bytes of `word`, as a mask with bit 7 of each set. Exact for every byte: adding
  /// 0x7F to the low seven bits of a byte never carries into the next.
  private static func separators(_ word: UInt64) -> UInt64 {
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let x = word ^ (0x0101_0101_0101_0101 &* UInt64(UInt8(ascii: ";")))
    return ~(((x & low7) &+ low7) | x) & ~low7
  }

  /// Calls `body` with each `;`-separated item of `bytes`, trimmed, empty items skipped.
  ///
  /// - Complexity: O(length of the field); separators are found eight bytes at a time, on
  ///   UTF-8 bytes (`;`, space and tab are ASCII and never part of a multi-byte character), so
  ///   each item of valid UTF-8 is valid.
  static func forEachItem(
    of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    let raw = UnsafeRawBufferPointer(bytes)
    let isSpace = { (b: UInt8) in b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
    var start = 0
    while start <= bytes.count {
      var end = start
      while end + 8 <= bytes.count {
        let found = separators(raw.loadUnaligned(fromByteOffset: end, as: UInt64.self))
        if found != 0 {
          end += found.trailingZeroBitCount / 8
          break
        }
        end += 8
      }
      while end < bytes.count, bytes[end] != UInt8(ascii: ";") { end += 1 }
      var a = start
      var b = end
      while a < b, isSpace(bytes[a]) { a += 1 }
      while b > a, isSpace(bytes[b - 1]) { b -= 1 }
      if a < b { body(UnsafeBufferPointer(rebasing: bytes[a..<b])) }
      start = end + 1
    }
  }

  /// A coordinate from the `lat` and `lon` fields; an error when only one is given.
  mutating func coordinate(_ record: CSVTable.Record, lat: Column, lon: Column) -> Coordinate? {
    let latitude = number(record, lat)
    let longitude = number(record, lon)
    switch (latitude, longitude) {
    case (let latitude?, let longitude?):
      return Coordinate(latitude: latitude, longitude: longitude)
    case (nil, nil): return nil
    default:
      if text(record, lat) != nil, text(record, lon) != nil { return nil }  // already reported
      report(
        .error, record, latitude == nil ? lon : lat, "lat and lon must be given together",
        code: "coordinates")
      return nil
    }
  }

  /// Records an issue at field `column` of `record` unless one with the same `key` was
  /// recorded in this table (by this reader, or by one it adopted first): a warning about a
  /// value is given on the first row that holds it.
  mutating func reportOnce(
    _ severity: InstanceIssue.Severity, _ record: CSVTable.Record, _ column: Column, key: String,
    _ message: String, code: String
  ) {
    guard reportedOnce.insert(key).inserted else { return }
    onceKeys[issues.count] = key
    report(severity, record, column, message, code: code)
  }

  /// Records an issue at field `column` of `record`.
  mutating func report(
    _ severity: InstanceIssue.Severity, _ record: CSVTable.Record, _ column: Column,
    _ message: String, code: String
  ) {
    issues.append(
      DatasetIssue(
        severity, file: table.file, line: record.line, column: self.column(of: column, in: record),
        message, code: code))
  }
}
