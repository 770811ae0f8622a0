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
}
