import InternMatchModel

/// A column a file format knows: its name and the other header names an export may give it.
///
/// Header names are compared by their ``HeaderKey``, so `Student ID`, `student_id` and
/// `STUDENTID` are one name; an alias is declared once, beside its column.
///
/// ```swift
/// let id = ColumnSpec("id", aliases: "Student ID", "OSIS")
/// HeaderKey("Student ID") == HeaderKey("student_id")  // true
/// ```
struct ColumnSpec: ExpressibleByStringLiteral {
  /// The column's name in the format (what `Datasets/README.md` lists).
  let name: String
  /// Other header names that mean the column.
  let aliases: [String]

  init(_ name: String, aliases: String...) {
    self.name = name
    self.aliases = aliases
  }

  init(stringLiteral name: String) { self.init(name) }

  /// Every header name that means the column: the name first, then the aliases.
  var names: [String] { [name] + aliases }
}

/// Columns that come numbered, `choice_1 … choice_N`: a name (`choice`) with aliases
/// (`preference`), each followed by a number from 1, with or without a separator (`Choice 1`,
/// `choice1` and `CHOICE_1` are one column).
///
/// ```swift
/// let choices = NumberedColumns("choice", aliases: "preference")
/// choices.number(of: "Preference 12")  // 12
/// choices.number(of: "choices")        // nil
/// ```
struct NumberedColumns {
  /// The columns' name, without the number.
  let name: String
  /// Other names an export may give them.
  let aliases: [String]

  init(_ name: String, aliases: String...) {
    self.name = name
    self.aliases = aliases
  }

  /// The largest number a column may have.
  static let largest = 100_000

  /// The number of the column header name `header` means, if it means one.
  ///
  /// - Complexity: O(length of the name).
  func number(of header: String) -> Int? {
    let key = HeaderKey(header).description
    for prefix in [name] + aliases {
      let stem = HeaderKey(prefix).description
      guard key.hasPrefix(stem) else { continue }
      let digits = key.dropFirst(stem.count)
      if !digits.isEmpty, digits.allSatisfy(\.isASCII), let n = Int(digits),
        (1...Self.largest).contains(n)
      {
        return n
      }
    }
    return nil
  }

  /// The name of column `n` in the format: `choice_3`.
  func column(_ n: Int) -> String { "\(name)_\(n)" }
}

/// A header name with case and punctuation dropped: only its letters and digits, lowercased
/// (``NearestName/folded(_:)``).
///
/// - Complexity: O(length of the name).
struct HeaderKey: Hashable, CustomStringConvertible {
  let description: String

  init(_ name: String) { description = NearestName.folded(name) }
}

/// Matches a file's header names to the columns of its format.
struct HeaderMatcher {
  /// The column each header key (of a name or an alias) means.
  private var columns: [HeaderKey: String] = [:]

  init(_ specs: [ColumnSpec]) {
    for spec in specs {
      for name in spec.names { columns[HeaderKey(name)] = spec.name }
    }
  }

  /// The column header name `name` means, if any.
  func column(named name: String) -> String? { columns[HeaderKey(name)] }

  /// The column whose name or alias is nearest to `name` (``NearestName/suggestion(for:among:)``:
  /// within two edits of its key, one for a key of four characters or fewer, so that `name`
  /// does not suggest `age`); `nil` when none is.
  ///
  /// - Complexity: O(a · k²) for a names and aliases of k characters.
  func suggestion(for name: String) -> String? {
    let keys = columns.keys.map(\.description).sorted()
    return NearestName.suggestion(for: name, among: keys).flatMap { columns[HeaderKey($0)] }
  }
}
