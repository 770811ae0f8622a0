import Foundation
import InternMatchIO
import InternMatchModel
import InternMatchPipeline
import InternMatchTestSupport
import Testing

@Suite("PlacementRosters: rosters and letters with the district's own columns")
struct PlacementRostersTests {
  /// Four students with a name and a guardian's e-mail (one name holds a comma, one quotes),
  /// three worksites. The optimum is unique: S1 at W1 (rank 1), S2 at W2 (rank 2: W1 is S1's
  /// only choice, so S2 there would leave S1 without a seat), S3 at W2 (rank 1), S4 unplaced
  /// (W3 offers no seats).
  static let students = """
    id,name,school,cluster,Guardian Email,preferences
    S1,"Ruiz, Ana",02M600,it,ruiz@example.org,W1
    S2,Ben Okafor,02M600,it,,W1;W2
    S3,"Dee ""DJ"" Jones",13K605,it,jones@example.org,W2
    S4,Chen Li,13K605,healthcare,li@example.org,W3

    """
  static let worksites = """
    id,employer,cluster,capacity,borough,kind
    W1,Tech Partners,it,1,Manhattan,internship
    W2,City Bank,it,2,,job-shadow
    W3,Harbor Health,healthcare,0,Brooklyn,internship

    """

  static func dataset(students: String = students, worksites: String = worksites) throws
    -> Dataset
  {
    try DatasetReader.read(
      .files(["students.csv": Array(students.utf8), "worksites.csv": Array(worksites.utf8)]))
  }

  /// The contents of the rosters' files by name, as UTF-8 text.
  static func files(_ run: PlacementRun) -> [String: String] {
    Dictionary(
      uniqueKeysWithValues: (run.rosters?.files() ?? []).map {
        ($0.name, String(decoding: $0.contents, as: UTF8.self))
      })
  }

  @Test("worked example: every file, byte for byte")
  func workedExample() throws {
    let run = try PlacementRun(try Self.dataset(), configuration: .init(rosters: true))
    let files = Self.files(run)
    #expect(
      files.keys.sorted() == [
        "rosters/by-school.csv", "rosters/by-worksite.csv", "rosters/letters.csv",
        "rosters/letters/S1.txt", "rosters/letters/S2.txt", "rosters/letters/S3.txt",
        "rosters/letters/S4.txt",
      ])
    #expect(
      files["rosters/by-worksite.csv"] == """
        worksite,employer,student,school,rank,name,Guardian Email
        W1,Tech Partners,S1,02M600,1,"Ruiz, Ana",ruiz@example.org
        W2,City Bank,S2,02M600,2,Ben Okafor,
        W2,City Bank,S3,13K605,1,"Dee ""DJ"" Jones",jones@example.org

        """)
    #expect(
      files["rosters/by-school.csv"] == """
        school,student,worksite,employer,rank,reason,name,Guardian Email
        02M600,S1,W1,Tech Partners,1,,"Ruiz, Ana",ruiz@example.org
        02M600,S2,W2,City Bank,2,,Ben Okafor,
        13K605,S3,W2,City Bank,1,,"Dee ""DJ"" Jones",jones@example.org
        13K605,S4,,,,choices-full,Chen Li,li@example.org

        """)
    #expect(
      files["rosters/letters.csv"] == """
        student,school,worksite,employer,rank,reason,file,letter,name,Guardian Email
        S1,02M600,W1,Tech Partners,1,,letters/S1.txt,"You were placed at your 1st choice, Tech Partners (W1).","Ruiz, Ana",ruiz@example.org
        S2,02M600,W2,City Bank,2,,letters/S2.txt,"You were placed at your 2nd choice, City Bank (W2). Your 1st choice, Tech Partners (W1), was full: placing you there would have left one other student without any seat.",Ben Okafor,
        S3,13K605,W2,City Bank,1,,letters/S3.txt,"You were placed at your 1st choice, City Bank (W2).","Dee ""DJ"" Jones",jones@example.org
        S4,13K605,,,,choices-full,letters/S4.txt,"You were not placed: every worksite on your list that you qualify for was full. Your 1st choice, Harbor Health (W3), offered no seats this round.",Chen Li,li@example.org

        """)
    #expect(
      files["rosters/letters/S2.txt"] == """
        Dear Ben Okafor,

        Student: S2
        School: 02M600
        Placement: City Bank (W2), job shadow; your 2nd choice

        You were placed at your 2nd choice, City Bank (W2). Your 1st choice, Tech
        Partners (W1), was full: placing you there would have left one other student
        without any seat.

        If you have any question about this placement, please ask your school's
        work-based learning coordinator.

        """)
    #expect(
      files["rosters/letters/S4.txt"] == """
        Dear Chen Li,

        Student: S4
        School: 13K605
        Placement: none

        You were not placed: every worksite on your list that you qualify for was
        full. Your 1st choice, Harbor Health (W3), offered no seats this round.

        If you have any question about this placement, please ask your school's
        work-based learning coordinator.

        """)
    #expect(files["rosters/letters/S1.txt"]?.hasPrefix("Dear Ruiz, Ana,\n") == true)
    #expect(files["rosters/letters/S3.txt"]?.hasPrefix("Dear Dee \"DJ\" Jones,\n") == true)
    // The outputs carry the rosters after placements.csv and summary.json.
    #expect(
      run.outputs().map(\.name).prefix(3) == [
        "placements.csv", "summary.json", "rosters/by-worksite.csv",
      ])
  }

  @Test("without pass-through columns: the format's columns only, greeted by id")
  func noPassThrough() throws {
    let run = try PlacementRun(
      try DatasetReader.read(directory: Paths.dataset("tiny")),
      configuration: .init(strategy: .stable, seed: 3, rosters: true))
    let files = Self.files(run)
    #expect(
      files["rosters/by-school.csv"]?.hasPrefix("school,student,worksite,employer,rank,reason\n")
        == true)
    #expect(files["rosters/letters/S1.txt"]?.hasPrefix("Dear student S1,\n") == true)
    // Every student has a letter and a by-school row; every placed student a by-worksite row.
    #expect(run.rosters?.letters.count == 10)
    #expect(files["rosters/by-school.csv"]?.split(separator: "\n").count == 11)
    #expect(
      files["rosters/by-worksite.csv"]?.split(separator: "\n").count == 1
        + (run.summary?.placed ?? -1))
    // A stable run's letters quote the worksite's cutoff, in words.
    #expect(run.rosters?.letters.contains { $0.body.contains("higher priority") } == true)
  }

  @Test("the same run gives the same bytes")
  func deterministic() throws {
    let first = try PlacementRun(try Self.dataset(), configuration: .init(rosters: true))
    let second = try PlacementRun(try Self.dataset(), configuration: .init(rosters: true))
    #expect(first.rosters?.files().map(\.contents) == second.rosters?.files().map(\.contents))
  }

  @Test("first and last names greet when there is no whole name; an empty name falls back")
  func greeting() throws {
    let students = """
      id,school,cluster,First Name,last_name,preferences
      S1,X,it,Ana,Ruiz,W1
      S2,X,it,,,W1

      """
    let run = try PlacementRun(
      try Self.dataset(students: students), configuration: .init(rosters: true))
    let letters = run.rosters?.letters ?? []
    #expect(letters.first?.text.hasPrefix("Dear Ana Ruiz,\n") == true)
    #expect(letters.last?.text.hasPrefix("Dear student S2,\n") == true)
  }

  @Test("a value with a line break or an escape cannot add a line to a letter")
  func controlCharacters() throws {
    let students =
      "id,school,cluster,name,preferences\nS1,X,it,\"Ana\nStudent: forged\u{1B}[2J\",W1\n"
    let run = try PlacementRun(
      try Self.dataset(students: students), configuration: .init(rosters: true))
    let text = run.rosters?.letters.first?.text ?? ""
    #expect(text.hasPrefix("Dear Ana\\nStudent: forged\\u{1B}[2J,\n"))
    #expect(!text.contains("\u{1B}"))
    // The CSV keeps the value as read, quoted.
    #expect(run.rosters?.bySchoolCSV.contains("\"Ana\nStudent: forged\u{1B}[2J\"") == true)
  }

  @Test("a list of 70,000 entries (the format allows 100,000) is explained to its last entry")
  func longList() throws {
    let unknown = (0..<69_999).map { "X\($0)" }
    let instance = try PlacementInstance(
      students: [
        Student(id: "A", school: "s", cluster: "it", preferences: ["W"]),
        Student(id: "B", school: "s", cluster: "it", preferences: unknown + ["W"]),
      ],
      worksites: [Worksite(id: "W", cluster: "it", capacity: 1)])
    let run = try PlacementRun(
      Dataset(instance: instance), configuration: .init(rosters: true))
    let letter = run.rosters?.letters[1].body ?? ""
    #expect(
      letter.hasSuffix(
        "Your 70000th choice, W, was full: placing you there would have left one other student "
          + "without any seat."))
  }

  @Test("re-match: letters say what changed, letters.csv has a change column")
  func rematch() throws {
    let dataset = try Self.dataset()
    let first = try PlacementRun(dataset, configuration: .init())
    // W1 withdraws: S1 loses their seat and S2 moves nowhere (W2 is still theirs).
    let updated = try Self.dataset(
      worksites: Self.worksites.replacingOccurrences(
        of: "W1,Tech Partners,it,1,", with: "W1,Tech Partners,it,0,"))
    let previous = try PlacementFile.read(
      Array(first.outputs()[0].contents), file: "placements.csv", instance: updated.instance)
    let run = try PlacementRun(
      updated, configuration: .init(rematch: Rematch(previous: previous), rosters: true))
    let files = Self.files(run)
    #expect(
      files["rosters/letters.csv"]?.hasPrefix(
        "student,school,worksite,employer,rank,reason,change,file,letter,name,Guardian Email\n")
        == true)
    let table = try CSVTable(
      parsing: Array((files["rosters/letters.csv"] ?? "").utf8), file: "letters.csv")
    let rows = table.records.map { table.fields(of: $0).prefix(8).joined(separator: ",") }
    #expect(
      rows == [
        "S1,02M600,,,,choices-full,lost-seat,letters/S1.txt",
        "S2,02M600,W2,City Bank,2,,kept,letters/S2.txt",
        "S3,13K605,W2,City Bank,1,,kept,letters/S3.txt",
        "S4,13K605,,,,choices-full,still-unplaced,letters/S4.txt",
      ])
    let letters = run.rosters?.letters ?? []
    #expect(
      letters[0].body.hasSuffix(
        "\n\nYour earlier placement at Tech Partners (W1) could not be kept in this round."))
    #expect(letters[1].body.hasSuffix("\n\nYour placement is the same as in the earlier round."))
    #expect(letters[3].body.hasSuffix("\n\nYou had no placement in the earlier round either."))
    // A re-match prices nothing: a taken choice "went to others".
    #expect(!letters.contains { $0.body.contains("placing you there") })
  }
}
