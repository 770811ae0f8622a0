import InternMatchIO
import InternMatchModel
import InternMatchReport

extension PlacementRosters {
  /// The rosters and letters of a menu run (`activities.csv`), with the same files as a
  /// single-seat run's and a kind and a slot in each row:
  ///
  /// - `by-worksite.csv`: `worksite,employer,kind,slot,student,school,rank`, then the
  ///   pass-through columns — one row per placement, by worksite id, then slot (in the
  ///   worksite's order of `slots`), then person id;
  /// - `by-school.csv`: `school,student,role,kind,worksite,employer,slot,rank,reason`, then the
  ///   pass-through columns — every row of `placements.csv` (placements and (person, kind)
  ///   rows left short), by school, then person id, then in `placements.csv`'s order;
  /// - `letters.csv`: `student,school,role,placements,short,file,letter`, then the
  ///   pass-through columns — one row per person, by school then id; `short` lists the kinds
  ///   the person was left short of (`;`-separated);
  /// - `letters/NAME.txt`: greeting, the person's details, one paragraph per activity (kind,
  ///   worksite, slot, rank within the kind) and per kind left short with the reason in words.
  ///
  /// Menu letters tell outcomes and reasons; explanations of a menu are not computed here.
  ///
  /// ```swift
  /// let rosters = PlacementRosters(menu: instance, rows: instance.menuRows(of: p),
  ///                                passThrough: dataset.passThrough)
  /// rosters.byWorksiteCSV  // "worksite,employer,kind,slot,student,school,rank\n…"
  /// ```
  ///
  /// - Precondition: the instance has a menu; `rows` are its `menuRows(of:)`; pass-through
  ///   columns are none or one row per person.
  /// - Complexity: O(R log R + S log S) for R rows and S people.
  public init(menu instance: PlacementInstance, rows: [MenuRow], passThrough: PassThroughColumns) {
    precondition(instance.activities != nil, "PlacementRosters: the instance has no menu")
    precondition(
      passThrough.names.isEmpty || passThrough.rows == instance.students.count,
      "PlacementRosters: one pass-through row per person")
    let students = instance.students
    let worksites = instance.worksites
    let extra = passThrough.names
    let pass = { (s: Int) in passThrough.values(ofRow: s) }
    let fileNames = LetterFileName.names(for: students.map(\.id))
    func fields(_ r: MenuRow) -> [String] {
      let site = r.worksite.map { worksites[$0] }
      return [
        r.kind?.rawValue ?? "", site?.id ?? "", site?.employer ?? "", r.slot ?? "",
        r.rank.map(String.init) ?? "", r.reason?.rawValue ?? "",
      ]
    }

    // by-worksite: placements by worksite id, slot position, person id — sorted on integer
    // keys (each text's rank among the distinct texts), so no string is compared twice.
    func positions(_ texts: [String]) -> [Int] {
      var position = [Int](repeating: 0, count: texts.count)
      var rank = 0
      var previous: Int?
      for i in texts.indices.sorted(by: { texts[$0] < texts[$1] }) {
        if let p = previous, texts[p] != texts[i] { rank += 1 }
        position[i] = rank
        previous = i
      }
      return position
    }
    let sitePosition = positions(worksites.map(\.id))
    let personPosition = positions(students.map(\.id))
    let placed = rows.compactMap { r -> (key: (Int, Int, Int), row: MenuRow)? in
      guard let w = r.worksite else { return nil }
      let slot = r.slot.flatMap { worksites[w].slots.firstIndex(of: $0) } ?? -1
      return ((sitePosition[w], slot, personPosition[r.student]), r)
    }
    var byWorksite = CSVWriter.line(
      ["worksite", "employer", "kind", "slot", "student", "school", "rank"] + extra)
    for r in placed.sorted(by: { $0.key < $1.key }).map(\.row) {
      let f = fields(r)
      byWorksite += CSVWriter.line(
        [f[1], f[2], f[0], f[3], students[r.student].id, students[r.student].school, f[4]]
          + pass(r.student))
    }
    byWorksiteCSV = byWorksite

    // by-school: every row, by school, person id, then row order (the sort is stable).
    let schoolPosition = positions(students.map(\.school))
    let order = students.indices.sorted {
      (schoolPosition[$0], personPosition[$0]) < (schoolPosition[$1], personPosition[$1])
    }
    var rowsOf = [[MenuRow]](repeating: [], count: students.count)
    for r in rows { rowsOf[r.student].append(r) }
    var bySchool = CSVWriter.line(
      ["school", "student", "role", "kind", "worksite", "employer", "slot", "rank", "reason"]
        + extra)
    for s in order {
      for r in rowsOf[s] {
        bySchool += CSVWriter.line(
          [students[s].school, students[s].id, students[s].role.rawValue] + fields(r) + pass(s))
      }
    }
    bySchoolCSV = bySchool

    let greeting = LetterText.greeting(passThrough, roles: students.map(\.role))
    // The letters in two halves at once (each letter reads shared data, writes its own).
    let count = students.count
    letters = concurrentMap(2) { half in
      (count * half / 2..<count * (half + 1) / 2).map { s in
        let body = LetterText.menuBody(rowsOf[s], in: instance)
        let count = rowsOf[s].count { $0.worksite != nil }
        let lines = [
          greeting(s, students[s].id), "",
          "\(students[s].role == .teacher ? "Teacher" : "Student"): "
            + MessageText.safe(students[s].id),
          "School: \(MessageText.safe(students[s].school))",
          "Activities: \(count)", "",
        ]
        let text =
          (lines + [
            body.map { LetterText.wrapped($0, width: LetterText.width) }
              .joined(separator: "\n\n"), "",
          ]).joined(separator: "\n")
          + "\nIf you have any question about these placements, please ask your school's\n"
          + "work-based learning coordinator.\n"
        return Letter(
          student: students[s].id, fileName: fileNames[s], body: body.joined(separator: "\n\n"),
          text: text)
      }
    }.flatMap { $0 }
    var lettersCSV = CSVWriter.line(
      ["student", "school", "role", "placements", "short", "file", "letter"] + extra)
    for s in order {
      let short = rowsOf[s].compactMap { $0.worksite == nil ? $0.kind?.rawValue : nil }
      lettersCSV += CSVWriter.line(
        [
          students[s].id, students[s].school, students[s].role.rawValue,
          String(rowsOf[s].count { $0.worksite != nil }), short.joined(separator: ";"),
          "letters/" + letters[s].fileName, letters[s].body,
        ] + pass(s))
    }
    self.lettersCSV = lettersCSV
  }
}

extension LetterText {
  /// The paragraphs of a menu letter: how many activities, then one per activity (kind,
  /// worksite, slot, rank within the kind) and one per kind left short, with the reason.
  ///
  /// ```text
  /// Mock interview: Acme (M2), slot 09:20, your 2nd choice of this kind.
  /// Mock interview: you could take up to 2; you got 1, because every worksite of this kind …
  /// ```
  static func menuBody(_ rows: [MenuRow], in instance: PlacementInstance) -> [String] {
    let placed = rows.filter { $0.worksite != nil }
    var paragraphs = [
      placed.isEmpty
        ? "You have no placement this year."
        : "You have \(placed.count) placement\(placed.count == 1 ? "" : "s") this year."
    ]
    for r in rows {
      let kind = r.kind.map { MenuReport.title($0) } ?? "Activities"
      if let w = r.worksite {
        let slot = r.slot.map { ", slot \($0)" } ?? ""
        let rank =
          r.rank.map { "your \(ExplanationStory.ordinal($0)) choice of this kind" }
          ?? "not on your list"
        paragraphs.append(
          "\(kind): \(ExplanationStory.display(instance.worksites[w].id, in: instance))"
            + "\(slot); \(rank).")
      } else if let reason = r.reason {
        let words = MenuReport.words(for: reason)
        guard let k = r.kind, let menu = instance.activities else {
          paragraphs.append("No placement: \(words).")
          continue
        }
        let got = placed.count { $0.kind == k }
        paragraphs.append(
          "\(kind): you could take up to \(menu.rule(for: k).maxPerParticipant) and got "
            + "\(got), because \(words).")
      }
    }
    return paragraphs.map { MessageText.safe($0, cutting: false) }
  }
}
