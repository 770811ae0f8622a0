import Foundation
import InternMatchModel
import Testing

/// A ``WorksiteList`` behaves as the `[String]` of ids it stands for.
@Suite("WorksiteList")
struct WorksiteListTests {
  /// Lists of every length up to 4 over a few ids, canonically equal ones included.
  static let arrays: [[String]] = {
    let ids = ["W1", "W2", "\u{E9}", "e\u{301}", ""]
    var all: [[String]] = [[]]
    var last: [[String]] = [[]]
    for _ in 1...3 {
      last = last.flatMap { list in ids.map { list + [$0] } }
      all += last
    }
    return all
  }()

  @Test("reads back the ids it was made of, by position, first and count")
  func roundTrip() {
    for ids in Self.arrays {
      let list = WorksiteList(ids)
      #expect(Array(list) == ids)
      #expect(list.count == ids.count && list.isEmpty == ids.isEmpty)
      #expect(list.first == ids.first && list.last == ids.last)
      for k in ids.indices { #expect(list[k] == ids[k]) }
      #expect(WorksiteList(ids.lazy.map { $0 }) == list)
    }
    let literal: WorksiteList = ["W7", "W2"]
    #expect(literal[0] == "W7" && literal.firstIndex(of: "W2") == 1)
    #expect(literal.description == ["W7", "W2"].description)
  }

  @Test("equality and hashing are those of [String] (canonical equivalence included)")
  func equalityAndHash() {
    for a in Self.arrays {
      for b in Self.arrays where a.count == b.count {
        #expect((WorksiteList(a) == WorksiteList(b)) == (a == b), "\(a) \(b)")
      }
      #expect(WorksiteList(a).hashValue == a.hashValue, "\(a)")
    }
    // "é" precomposed and decomposed are one String, so one list, as in [String].
    #expect(WorksiteList(["\u{E9}"]) == WorksiteList(["e\u{301}"]))
    #expect(Set(Self.arrays.map(WorksiteList.init)).count == Set(Self.arrays).count)
  }

  @Test("Codable: the JSON of the array of ids, both ways")
  func codable() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    for ids in Self.arrays {
      let json = try encoder.encode(WorksiteList(ids))
      #expect(json == (try encoder.encode(ids)))
      #expect(try JSONDecoder().decode(WorksiteList.self, from: json) == WorksiteList(ids))
    }
    let student = Student(id: "S1", school: "X", cluster: "it", preferences: ["W7", "W2"])
    let json = try encoder.encode(student)
    #expect(String(decoding: json, as: UTF8.self).contains(#""preferences":["W7","W2"]"#))
    #expect(try JSONDecoder().decode(Student.self, from: json) == student)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(WorksiteList.self, from: Data(#"["W1",2]"#.utf8))
    }
  }

  @Test("changes give the list storage of its own: a copy keeps its ids")
  func changes() {
    for ids in Self.arrays {
      let list = WorksiteList(ids)
      for k in 0...ids.count {
        var changed = list
        var expected = ids
        changed.insert("N", at: k)
        expected.insert("N", at: k)
        #expect(Array(changed) == expected)
        #expect(Array(list) == ids)
        if k < ids.count {
          changed.remove(at: k)
          expected.remove(at: k)
          #expect(Array(changed) == expected)
        }
      }
      var appended = list
      appended.append(contentsOf: ["A", "B"])
      #expect(Array(appended) == ids + ["A", "B"])
      #expect(Array(list.filter { $0 != "W1" }) == ids.filter { $0 != "W1" })
      #expect(Array(WorksiteList(list.prefix(2))) == Array(ids.prefix(2)))
    }
  }

  @Test("a student made from an array of ids or from a list is the same student")
  func studentInitializers() {
    let ids = ["W1", "W9"]
    let fromArray = Student(id: "S", school: "X", cluster: "it", age: 16, preferences: ids)
    let fromList = Student(
      id: "S", school: "X", cluster: "it", age: 16, preferences: WorksiteList(ids))
    #expect(fromArray == fromList)
    #expect(Student(id: "S", school: "X", cluster: "it").preferences.isEmpty)
  }
}
