import Foundation
import InternMatchIO
import InternMatchModel
import InternMatchPipeline
import InternMatchTestSupport
import Testing

@Suite("LetterFileName: safe, distinct letter file names from hostile ids")
struct LetterFileNameTests {
  static let hostile = [
    "S000123", "../../etc/passwd", "a/b\\c", ".hidden", ".", "..", "CON", "con.txt", "Lpt1",
    "COM10", "\u{1B}[31mred", "line\nbreak", "tab\there", "nul\u{0}byte", "x y", "100%", "é",
    "e\u{301}x", "S1", "s1", "s1~", String(repeating: "A", count: 300),
    String(repeating: "a", count: 300), String(repeating: "é", count: 200), "%41", "A",
  ]

  @Test("the mapping of each kind of id, exactly")
  func exact() {
    let names = LetterFileName.names(for: Self.hostile)
    let byID = Dictionary(uniqueKeysWithValues: zip(Self.hostile, names))
    #expect(byID["S000123"] == "S000123.txt")
    #expect(byID["../../etc/passwd"] == "%2E.%2F..%2Fetc%2Fpasswd.txt")
    #expect(byID["a/b\\c"] == "a%2Fb%5Cc.txt")
    #expect(byID[".hidden"] == "%2Ehidden.txt")
    #expect(byID["."] == "%2E.txt")
    #expect(byID[".."] == "%2E..txt")
    #expect(byID["CON"] == "%43ON.txt")
    #expect(byID["con.txt"] == "%63on.txt.txt")
    #expect(byID["Lpt1"] == "%4Cpt1.txt")
    #expect(byID["COM10"] == "COM10.txt")
    #expect(byID["\u{1B}[31mred"] == "%1B%5B31mred.txt")
    #expect(byID["line\nbreak"] == "line%0Abreak.txt")
    #expect(byID["nul\u{0}byte"] == "nul%00byte.txt")
    #expect(byID["100%"] == "100%25.txt")
    #expect(byID["%41"] == "%2541.txt")
    #expect(byID["é"] == "%C3%A9.txt")
    // Equal but for case: each gets its digest.
    #expect(byID["S1"]?.hasPrefix("S1~") == true && byID["s1"]?.hasPrefix("s1~") == true)
    #expect(byID["A"] == "A.txt")
    // A `~` in an id is escaped, so it cannot meet a digest name.
    #expect(byID["s1~"] == "s1%7E.txt")
  }

  @Test("every name is safe and distinct ignoring case, for hostile and random ids")
  func safeAndDistinct() {
    var rng = SplitMix64(seed: 11)
    let alphabet = Array("aAbB./\\%~ .\u{0}\n\u{1B}é".unicodeScalars)
    var ids = Set(Self.hostile)
    while ids.count < Self.hostile.count + 2000 {
      let length = Int.random(in: 0...12, using: &rng) + 1
      var id = ""
      for _ in 0..<length { id.unicodeScalars.append(alphabet.randomElement(using: &rng)!) }
      ids.insert(id)
    }
    let list = ids.sorted()
    let names = LetterFileName.names(for: list)
    #expect(Set(names.map { $0.lowercased() }).count == list.count)
    for (id, name) in zip(list, names) {
      #expect(name.hasSuffix(".txt"), "\(id.debugDescription)")
      #expect(!name.hasPrefix("."), "\(id.debugDescription)")
      #expect(name.utf8.count <= LetterFileName.maximumStemBytes + 4, "\(id.debugDescription)")
      #expect(
        name.unicodeScalars.allSatisfy {
          $0.isASCII
            && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
              || "-_.%~".unicodeScalars.contains($0))
        }, "\(id.debugDescription) → \(name)")
    }
    // The same ids give the same names.
    #expect(LetterFileName.names(for: list) == names)
  }

  @Test("long ids are cut with a digest and stay distinct")
  func long() {
    let a = String(repeating: "A", count: 300)
    let names = LetterFileName.names(for: [a, a + "B", String(repeating: "é", count: 200)])
    #expect(names[0].hasPrefix(String(repeating: "A", count: 80) + "~"))
    #expect(names[0] != names[1])
    // 80 bytes of `%C3%A9` escapes: cut at a whole escape (78 bytes), then the digest.
    #expect(names[2].hasPrefix(String(repeating: "%C3%A9", count: 13) + "~"))
    // 80 bytes, `~`, 12 digits, `.txt`; 78 for the escapes.
    #expect(names.map(\.utf8.count) == [97, 97, 95])
  }

  @Test("hostile ids: every letter lands in rosters/letters/, nowhere else")
  func writtenToDisk() throws {
    let ids = Self.hostile
    var students = "id,school,cluster,preferences\n"
    for id in ids {
      let quoted = "\"" + id.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      students += "\(quoted),X,it,W1\n"
    }
    let dataset = try DatasetReader.read(
      .files([
        "students.csv": Array(students.utf8),
        "worksites.csv": Array("id,cluster,capacity\nW1,it,3\n".utf8),
      ]))
    let run = try PlacementRun(dataset, configuration: .init(letters: true))
    let output = try Paths.temporaryDirectory() + "/out"
    try run.write(to: output)
    let letters = try FileManager.default.contentsOfDirectory(atPath: output + "/rosters/letters")
      .filter { !$0.hasPrefix(".") }
    #expect(letters.count == dataset.instance.students.count)
    #expect(Set(letters) == Set(run.rosters?.letters.map(\.fileName) ?? []))
    let top = try FileManager.default.contentsOfDirectory(atPath: output).filter {
      !$0.hasPrefix(".")
    }
    #expect(top.sorted() == ["placements.csv", "rosters", "summary.json"])
    let rosters = try FileManager.default.contentsOfDirectory(atPath: output + "/rosters").filter {
      !$0.hasPrefix(".")
    }
    #expect(rosters.sorted() == ["by-school.csv", "by-worksite.csv", "letters", "letters.csv"])
  }
}
