import Testing

@testable import InternMatchReport

@Suite("Tally table")
struct TallyTableTests {
  @Test("counts like a dictionary, through growth and colliding keys")
  func matchesDictionary() {
    var table = TallyTable()
    var expected: [String: (students: Int, placed: Int, rankSum: Int, ranked: Int)] = [:]
    // 700 keys (the table grows from 64 slots several times), some long, some non-ASCII.
    for i in 0..<20_000 {
      let key =
        i % 7 == 0 ? "école-\(i % 700)" : "K\(i % 700)-\(String(repeating: "x", count: i % 40))"
      let rank: Int? = i % 5 == 0 ? nil : i % 11
      table.count(key, rank: rank)
      var e = expected[key, default: (0, 0, 0, 0)]
      e.students += 1
      if let rank {
        e.placed += 1
        if rank > 0 {
          e.ranked += 1
          e.rankSum += rank
        }
      }
      expected[key] = e
    }
    let rows = table.breakdown.rows
    #expect(rows.count == expected.count)
    for row in rows {
      let e = expected[row.key]
      #expect(e != nil)
      #expect(row.students == e?.students && row.placed == e?.placed)
      let mean = (e?.ranked ?? 0) == 0 ? 0 : Double(e!.rankSum) / Double(e!.ranked)
      #expect(row.meanRank == mean)
    }
  }

  @Test("keys Swift calls equal are one key, as in a dictionary, ASCII or not")
  func canonicalEquivalence() {
    var table = TallyTable()
    // "K" and the Kelvin sign are canonically equivalent; so are a precomposed "é" and
    // "e" + combining acute. Many ASCII keys first, so the table has grown before the switch.
    for i in 0..<100 { table.count("S\(i)", rank: 1) }
    table.count("K", rank: 1)
    table.count("\u{212A}", rank: nil)
    table.count("caf\u{E9}", rank: 2)
    table.count("cafe\u{301}", rank: 4)
    table.count("K", rank: 3)
    table.count("S7", rank: nil)
    var expected: [String: (students: Int, placed: Int)] = [:]
    for row in table.breakdown.rows { expected[row.key, default: (0, 0)].students += row.students }
    #expect(table.breakdown.rows.count == 102)
    #expect(expected["K"]?.students == 3)
    #expect(expected["caf\u{E9}"]?.students == 2)
    #expect(expected["S7"]?.students == 2)
    let k = table.breakdown.rows.first { $0.key == "K" }
    #expect(k?.placed == 2 && k?.meanRank == 2)
  }
}
