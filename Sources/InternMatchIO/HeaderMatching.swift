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

/// A header name with case and punctuation dropped: only its letters and digits, lowercased.
///
/// - Complexity: O(length of the name).
struct HeaderKey: Hashable, CustomStringConvertible {
  let description: String

  init(_ name: String) {
    description = String(
      String.UnicodeScalarView(
        name.lowercased().unicodeScalars.filter {
          $0.properties.isAlphabetic || ("0"..."9").contains($0)
        }
      ))
  }
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

  /// The column whose name or alias is nearest to `name`, within two edits of its key (one for
  /// a key of four characters or fewer, so that `name` does not suggest `age`); `nil` when none
  /// is.
  ///
  /// - Complexity: O(a · k²) for a names and aliases of k characters.
  func suggestion(for name: String) -> String? {
    let key = Array(HeaderKey(name).description.unicodeScalars)
    var best: (distance: Int, column: String)?
    for (candidate, column) in columns.sorted(by: { $0.key.description < $1.key.description }) {
      let distance = Self.editDistance(key, Array(candidate.description.unicodeScalars))
      if distance <= (key.count <= 4 ? 1 : 2), distance < (best?.distance ?? .max) {
        best = (distance, column)
      }
    }
    return best?.column
  }

  /// The Levenshtein distance between `a` and `b` (insertions, deletions, substitutions).
  ///
  /// - Complexity: O(|a| · |b|) time, O(|b|) space (Wagner–Fischer, one row).
  static func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
    guard !a.isEmpty, !b.isEmpty else { return a.count + b.count }
    var row = Array(0...b.count)
    for i in 1...a.count {
      var diagonal = row[0]
      row[0] = i
      for j in 1...b.count {
        let above = row[j]
        row[j] = min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1))
        diagonal = above
      }
    }
    return row[b.count]
  }
}
