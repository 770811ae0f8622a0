import InternMatchModel

/// Students' lists given in `choices.csv` (`student,worksite,rank`, one row per choice), and the
/// rule that a dataset gives its lists in one layout only.
extension DatasetReader {
  /// One row of `choices.csv`: the student's record (-1 when unknown), the worksite named and
  /// its record (-1 when unknown), the rank (-1 when not a valid one), and the record.
  struct Choice {
    var student: Int32
    var worksite: String
    var worksiteRecord: Int32
    var rank: Int
    var record: CSVTable.Record
  }

  /// Reads `choices.csv` rows, each id resolved from its bytes.
  struct ChoiceRows {
    let student, worksite, rank: ColumnReader.Column
    let worksites, students: IdentifierIndex

    init(_ c: ColumnReader, worksites: IdentifierIndex, students: IdentifierIndex) {
      (student, worksite, rank) = (c["student"], c["worksite"], c["rank"])
      (self.worksites, self.students) = (worksites, students)
    }

    /// The choice in record `r`; an unknown student is a warning (the row is skipped), an
    /// unknown worksite is kept for the instance to report, as in a `;` list.
    mutating func read(_ r: CSVTable.Record, _ c: inout ColumnReader) -> Choice {
      let student =
        c.withBytes(r, student) { $0.isEmpty ? nil : students.resolve($0) } ?? nil
      let site = c.withBytes(r, worksite) { $0.isEmpty ? nil : worksites.resolve($0) } ?? nil
      if student == nil { _ = c.requiredText(r, self.student) }
      if site == nil { _ = c.requiredText(r, worksite) }
      if let student, student.record < 0 {
        c.report(
          .warning, r, self.student, "unknown student '\(student.name)': row skipped",
          code: "unknown-id")
      }
      // A rank that is not one is reported here and leaves the row out (-1).
      var rank = c.requiredInteger(r, rank, range: DatasetLimits.rank, substitute: -1)
      if rank != -1, !DatasetLimits.rank.contains(rank) {
        c.report(
          .error, r, self.rank,
          "rank \(rank) is out of range (\(DatasetLimits.describe(DatasetLimits.rank)))",
          code: "invalid-value")
        rank = -1
      }
      return Choice(
        student: student?.record ?? -1, worksite: site?.name ?? "",
        worksiteRecord: site?.record ?? -1, rank: rank, record: r)
    }
  }

  /// Gives each student the list `choices` holds for them: their worksites in the order of
  /// their ranks (ranks need not be consecutive; list positions are 1, 2, 3, … in rank order,
  /// as a `;` list's are). Two choices of one student at one rank are an error (the order
  /// would be a guess). The lists share one storage whose names are `worksiteIDs` (a known
  /// worksite's code is its record), then the ids no worksite has.
  ///
  /// - Complexity: O(C log C) for C choices (a bucket per student, each sorted).
  static func apply(
    _ choices: [Choice], reader: inout ColumnReader, to students: inout [Student],
    worksiteIDs: [String]
  ) {
    // Bucket the rows by student (counting sort), keeping file order within a student.
    var start = [Int](repeating: 0, count: students.count + 1)
    func kept(_ choice: Choice) -> Bool { choice.student >= 0 && choice.rank > 0 }
    for choice in choices where kept(choice) { start[Int(choice.student) + 1] += 1 }
    for s in 0..<students.count { start[s + 1] += start[s] }
    var next = start
    var order = [Int](repeating: 0, count: start[students.count])
    for (k, choice) in choices.enumerated() where kept(choice) {
      order[next[Int(choice.student)]] = k
      next[Int(choice.student)] += 1
    }
    var codes: [Int32] = []
    codes.reserveCapacity(order.count)
    var unknownNames: [String] = []
    var ends = [0]
    ends.reserveCapacity(students.count + 1)
    let rank = reader["rank"]
    // Each student's rows sorted in place by rank, then line: no array per student but the list.
    order.withUnsafeMutableBufferPointer { order in
      for s in 0..<students.count {
        var mine = UnsafeMutableBufferPointer(rebasing: order[start[s]..<start[s + 1]])
        mine.sort { a, b in
          (choices[a].rank, choices[a].record.line) < (choices[b].rank, choices[b].record.line)
        }
        for (k, m) in mine.enumerated() {
          let choice = choices[m]
          if k > 0, choices[mine[k - 1]].rank == choice.rank {
            let earlier = choices[mine[k - 1]]
            reader.report(
              .error, choice.record, rank,
              "student '\(students[s].id)' has two choices at rank \(choice.rank) "
                + "('\(earlier.worksite)' on line \(earlier.record.line) and '\(choice.worksite)')",
              code: "duplicate-rank")
          }
          if choice.worksiteRecord >= 0 {
            codes.append(choice.worksiteRecord)
          } else {
            codes.append(Int32(worksiteIDs.count + unknownNames.count))
            unknownNames.append(choice.worksite)
          }
        }
        ends.append(codes.count)
      }
    }
    let storage = WorksiteList.Storage(
      names: worksiteIDs + unknownNames, codes: codes, recordCount: worksiteIDs.count)
    for s in 0..<students.count {
      students[s].preferences = WorksiteList(storage, ends[s]..<ends[s + 1])
    }
  }

  /// Errors for lists given in two layouts: a `preferences` column with `choice_N` columns, or
  /// `choices.csv` with either.
  static func layoutConflicts(_ students: ColumnReader, _ choices: CSVTable?) -> [DatasetIssue] {
    var given: [(name: String, column: Int?)] = []
    let preferences = students["preferences"]
    if let k = preferences.field {
      given.append(("column '\(students.table.header[k])'", students.table.headerColumn(k)))
    }
    if let first = students.numberedColumns.first?.field {
      let count = students.numberedColumns.count
      given.append(
        (
          "column\(count == 1 ? "" : "s") '\(students.table.header[first])'"
            + (count == 1 ? "" : "… (\(count))"),
          students.table.headerColumn(first)
        ))
    }
    if let choices {
      guard let layout = given.first else { return [] }
      return [
        DatasetIssue(
          .error, file: choices.file, line: 1, column: nil,
          "choices.csv and \(layout.name) of students.csv both give the students' lists: "
            + "keep one layout", code: "two-layouts")
      ]
    }
    guard given.count == 2 else { return [] }
    return [
      DatasetIssue(
        .error, file: students.table.file, line: 1, column: given[1].column,
        "\(given[0].name) and \(given[1].name) both give the students' lists: keep one layout",
        code: "two-layouts")
    ]
  }
}
