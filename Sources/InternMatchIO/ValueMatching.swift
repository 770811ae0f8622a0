import InternMatchModel

/// The keys a field's values are one of (cluster ids, worksite kinds), and how a value that is
/// not exactly one is read.
///
/// A value that equals a key once both are folded (``NearestName/folded(_:)``: case, spaces and
/// punctuation dropped), or equals a key's display name so folded, is read as that key, with a
/// warning; any other value is unknown, and its message names the nearest key.
///
/// ```swift
/// let kinds = ValueKeys(field: "kind", keys: ["internship", "job-shadow"])
/// kinds.match("Job Shadow")  // .folded("job-shadow", byName: false)
/// kinds.match("intern")      // .unknown
/// ```
///
/// - Complexity: O(1) expected per ``match(_:)`` of a short value, plus the folding.
struct ValueKeys: Sendable {
  /// What a value is.
  enum Match: Equatable {
    /// A key as written.
    case exact
    /// Key `key` but for case, spaces or punctuation (`byName`: the key's display name).
    case folded(String, byName: Bool)
    /// No key.
    case unknown
  }

  /// The column name, for messages (`cluster`).
  let field: String
  /// The keys, in the order they are listed in messages.
  let keys: [String]
  private let exact: Set<String>
  private let folded: [String: (key: String, byName: Bool)]

  /// Keys `keys`, each also known by its display name in `names` (`Healthcare` for
  /// `healthcare`); a folded key wins over a folded name, and the first of equal ones wins.
  init(field: String, keys: [String], names: [(key: String, name: String)] = []) {
    self.field = field
    self.keys = keys
    exact = Set(keys)
    var folded: [String: (key: String, byName: Bool)] = [:]
    for key in keys where folded[NearestName.folded(key)] == nil {
      folded[NearestName.folded(key)] = (key, false)
    }
    for (key, name) in names where folded[NearestName.folded(name)] == nil {
      folded[NearestName.folded(name)] = (key, true)
    }
    self.folded = folded
  }

  /// What `value` is.
  func match(_ value: String) -> Match {
    if exact.contains(value) { return .exact }
    if let found = folded[NearestName.folded(value)] {
      return .folded(found.key, byName: found.byName)
    }
    return .unknown
  }

  /// The message for an unknown value: the nearest key when one is within two edits, and
  /// the keys.
  func unknownMessage(_ value: String) -> String {
    "\(field) '\(value)' is not one of \(keys.joined(separator: ", "))"
      + (NearestName.suggestion(for: value, among: keys).map { " (did you mean '\($0)'?)" } ?? "")
  }
}

/// Reads a keyed field of a table's records (``ValueKeys``): each distinct text is matched once,
/// and a value read as a key it only resembles is a warning on its first row.
struct KeyedField {
  let keys: ValueKeys
  /// Whether an unknown value is an error here (else the caller's to report; the value is
  /// returned as written).
  let reportsUnknown: Bool
  private var matched = Interner<(text: String, match: ValueKeys.Match)>()

  init(_ keys: ValueKeys, reportsUnknown: Bool) {
    self.keys = keys
    self.reportsUnknown = reportsUnknown
  }

  /// The key field `column` of `r` means: the key as written, the key it was folded to, or,
  /// when unknown, the text as written (`nil` when `reportsUnknown`); `nil` when empty, an error
  /// when empty and `required`.
  mutating func read(
    _ r: CSVTable.Record, _ column: ColumnReader.Column, _ c: inout ColumnReader, required: Bool
  ) -> String? {
    let found =
      c.withBytes(r, column) { bytes in
        bytes.isEmpty
          ? nil
          : matched.value(of: bytes) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            return (text, keys.match(text))
          }.value
      } ?? nil
    guard let (text, match) = found else {
      return required ? c.requiredText(r, column) : nil
    }
    switch match {
    case .exact:
      return text
    case .folded(let key, let byName):
      let how =
        byName
        ? "the \(keys.field) of that name"
        : "it differs from that key only in case, spaces or punctuation"
      c.reportOnce(
        .warning, r, column, key: "\(keys.field)\u{0}\(text)",
        "\(keys.field) '\(text)' is read as '\(key)': \(how) (reported on its first row only)",
        code: "value-read-as-key")
      return key
    case .unknown:
      guard reportsUnknown else { return text }
      c.report(.error, r, column, keys.unknownMessage(text), code: "unknown-value")
      return nil
    }
  }
}
