import InternMatchModel

/// Names that two files must spell alike — group names (`groups` ↔ `reserve`,
/// `priority_groups`), credentials (`credentials` ↔ `requires`) and schedule blocks
/// (`availability` ↔ `schedule`) — are compared exactly; a worksite-side name that no student
/// has as written but some student has but for case or punctuation is a warning, since the rule
/// it states then never applies as meant.
extension DatasetReader {
  /// One kind of name: what the worksite side calls it, the students' names, and the column.
  private struct NameKind {
    var what: String
    var column: String
    var names: (Student) -> Set<String>
    /// Each name to find, with the first worksite (record) stating it, `nil` for policy.json.
    var wanted: [String: Int?] = [:]
  }

  /// Warnings for names of `worksites` and `policy` that match students' names only folded
  /// (``NearestName/folded(_:)``), located at the first worksite row that states each.
  ///
  /// - Complexity: O(W · n) for W worksites of n names; students are scanned only while some
  ///   name is not yet found (as the first students usually hold every name, a consistent
  ///   dataset costs a few students), at worst O(S · m) for S students of m names.
  static func nameMismatches(
    students: [Student], worksites: [Worksite], policy: Policy, reader: ColumnReader?
  ) -> [DatasetIssue] {
    var kinds = [
      NameKind(what: "reserve group", column: "reserve", names: \.groups),
      NameKind(what: "required credential", column: "requires", names: \.credentials),
      NameKind(what: "schedule block", column: "schedule", names: \.availability),
    ]
    for (j, w) in worksites.enumerated() {
      for r in w.reserves where kinds[0].wanted[r.group] == nil { kinds[0].wanted[r.group] = j }
      for c in w.requiredCredentials where kinds[1].wanted[c] == nil { kinds[1].wanted[c] = j }
      for b in w.schedule where kinds[2].wanted[b] == nil { kinds[2].wanted[b] = j }
    }
    for g in policy.priorityGroups where kinds[0].wanted[g] == nil {
      kinds[0].wanted[g] = .some(nil)
    }
    // Drop every name some student has; keep the students' names of a kind while one is left.
    var held: [Set<String>] = Array(repeating: [], count: kinds.count)
    for s in students {
      var open = false
      for k in kinds.indices where !kinds[k].wanted.isEmpty {
        let names = kinds[k].names(s)
        for name in names { kinds[k].wanted[name] = nil }
        held[k].formUnion(names)
        open = open || !kinds[k].wanted.isEmpty
      }
      if !open { break }
    }
    var issues: [DatasetIssue] = []
    for (k, kind) in kinds.enumerated() {
      let folded = Dictionary(held[k].sorted().map { (NearestName.folded($0), $0) }) { a, _ in a }
      for (name, first) in kind.wanted.sorted(by: { $0.key < $1.key }) {
        guard let theirs = folded[NearestName.folded(name)] else { continue }
        // A group only policy.json names is a priority group.
        let what = first == nil ? "priority group" : kind.what
        let message =
          "\(what) '\(name)' is no student's as written; students have '\(theirs)', "
          + "which differs only in case or punctuation (these names are compared exactly)"
        if let j = first, let reader, reader.table.records.indices.contains(j) {
          let record = reader.table.records[j]
          issues.append(
            DatasetIssue(
              .warning, file: reader.table.file, line: record.line,
              column: reader.column(of: kind.column, in: record), message, code: "name-mismatch"))
        } else {
          issues.append(
            DatasetIssue(
              .warning, file: PolicyReader.file, line: nil, column: nil, message,
              code: "name-mismatch"))
        }
      }
    }
    return issues
  }
}
