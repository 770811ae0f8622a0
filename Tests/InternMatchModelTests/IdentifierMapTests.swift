import InternMatchModel
import Testing

@Suite("IdentifierMap: ids by their bytes")
struct IdentifierMapTests {
  @Test("canonically equivalent ids are two ids; the first claim keeps an id")
  func bytesDecide() {
    var map = IdentifierMap()
    #expect(map.claim("\u{E9}", at: 0) == nil)
    #expect(map.claim("e\u{301}", at: 1) == nil)
    #expect(map.claim("\u{E9}", at: 2) == 0)
    #expect(map["e\u{301}"] == 1)
    #expect(map["\u{E9}"] == 0)
    #expect(map["e"] == nil)
    #expect(map.count == 2)
  }

  @Test("seeded random ids, short and long, agree with a dictionary keyed by their bytes")
  func bruteForce() {
    for seed in UInt64(1)...20 {
      var rng = SplitMix64(seed: seed)
      var map = IdentifierMap(minimumCapacity: seed % 2 == 0 ? 0 : 500)
      var truth: [[UInt8]: Int] = [:]
      for position in 0..<600 {
        // Few distinct ids, so many repeat; lengths 1 to 27 cross the 8-byte words.
        let length = Int(rng.next() % 25)
        let id = "S-prefix-shared-by-many-".prefix(length) + String(rng.next() % 300)
        let first = truth[Array(id.utf8)]
        if first == nil { truth[Array(id.utf8)] = position }
        #expect(map.claim(String(id), at: position) == first)
      }
      #expect(map.count == truth.count)
      for (bytes, position) in truth {
        #expect(map[String(decoding: bytes, as: UTF8.self)] == position)
      }
      #expect(map["never claimed"] == nil)
    }
  }

  @Test("equal when the same ids sit at the same positions, whatever the claim order")
  func equality() {
    var a = IdentifierMap()
    var b = IdentifierMap(minimumCapacity: 100)
    for (k, id) in ["W1", "W2", "a longer id than eight bytes"].enumerated() {
      a.claim(id, at: k)
    }
    for (k, id) in ["a longer id than eight bytes", "W2", "W1"].enumerated() {
      b.claim(id, at: 2 - k)
    }
    #expect(a == b)
    b.claim("W3", at: 3)
    #expect(a != b)
    var c = IdentifierMap()
    c.claim("W1", at: 1)
    c.claim("W2", at: 0)
    c.claim("a longer id than eight bytes", at: 2)
    #expect(a != c)
  }
}
