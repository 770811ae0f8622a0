/// The known name nearest to a misspelt one, for "did you mean" hints in messages.
///
/// Names are compared folded: lowercased, with only letters and digits kept, so `Health-Care`
/// and `healthcare` are one name and `Helthcare` is one edit from it.
///
/// ```swift
/// NearestName.suggestion(for: "Helthcare", among: ["healthcare", "it"])  // "healthcare"
/// NearestName.suggestion(for: "zzz", among: ["healthcare", "it"])        // nil
/// ```
///
/// - Complexity: O(n · k²) for n names of about k characters.
package enum NearestName {
  /// `name` lowercased, with only its letters and digits kept.
  ///
  /// ```swift
  /// NearestName.folded("Job Shadow")  // "jobshadow"
  /// ```
  package static func folded(_ name: String) -> String {
    String(
      String.UnicodeScalarView(
        name.lowercased().unicodeScalars.filter {
          $0.properties.isAlphabetic || ("0"..."9").contains($0)
        }))
  }

  /// The name among `names` whose folded form is nearest to `name`'s, within two edits (one for
  /// a folded name of four characters or fewer, so that `name` does not suggest `age`); ties go
  /// to the earlier name; `nil` when none is that near.
  package static func suggestion(for name: String, among names: [String]) -> String? {
    nearest(to: name, among: names, within: { $0 <= 4 ? 1 : 2 })
  }

  /// The name among `names` whose folded form is nearest to `name`'s, whatever the distance;
  /// ties go to the earlier name.
  package static func nearest(to name: String, among names: [String]) -> String? {
    nearest(to: name, among: names, within: { _ in .max })
  }

  private static func nearest(
    to name: String, among names: [String], within limit: (Int) -> Int
  ) -> String? {
    let key = Array(folded(name).unicodeScalars)
    let allowed = limit(key.count)
    var best: (distance: Int, name: String)?
    for candidate in names {
      let distance = editDistance(key, Array(folded(candidate).unicodeScalars))
      if distance <= allowed, distance < (best?.distance ?? .max) { best = (distance, candidate) }
    }
    return best?.name
  }

  /// The Levenshtein distance between `a` and `b` (insertions, deletions, substitutions).
  ///
  /// ```swift
  /// NearestName.editDistance(Array("kitten"), Array("sitting"))  // 3
  /// ```
  ///
  /// - Complexity: O(|a| · |b|) time, O(|b|) space (Wagner–Fischer, one row).
  package static func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
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

  /// ` (did you mean 'x'?)` for the suggestion among `names`, or `""` when there is none.
  package static func hint(for name: String, among names: [String]) -> String {
    suggestion(for: name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
  }
}
