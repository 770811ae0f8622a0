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
