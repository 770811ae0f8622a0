/// Students and placements counted by a short text key (a school, borough, cluster or group):
/// an open-addressing table hashed with FNV-1a over the key's UTF-8 bytes, cheaper than
/// `Dictionary`'s seeded SipHash for the few hundred keys of a dimension, met once per student.
///
/// ```swift
/// var bySchool = TallyTable()
/// bySchool.count("02M600", rank: 1)
/// bySchool.breakdown.rows.first?.placed  // 1
/// ```
///
/// - Complexity: O(key length) expected per count.
struct TallyTable {
  private var keys: [String] = []
  private var tallies: [Tally] = []
  // 1 + the index of the key in each slot, 0 for an empty one; a power of two long.
  private var slots = [Int32](repeating: 0, count: 64)

  /// Counts one student with `key`, placed at `rank` (0 for a seat off their list) or not.
  mutating func count(_ key: String, rank: Int?) {
    var slot = Self.hash(key) & (slots.count - 1)
    while slots[slot] != 0 {
      let k = Int(slots[slot]) - 1
      if keys[k] == key {
        tallies[k].count(rank)
        return
      }
      slot = (slot + 1) & (slots.count - 1)
    }
    keys.append(key)
    tallies.append(Tally())
    tallies[tallies.count - 1].count(rank)
    slots[slot] = Int32(keys.count)
    if 2 * keys.count > slots.count { rehash() }
  }

  /// The rows of every key counted.
  var breakdown: EquityBreakdown {
    EquityBreakdown(
      zip(keys, tallies).map { key, t in
        EquityBreakdown.Row(
          key: key, students: t.students, placed: t.placed,
          meanRank: t.ranked == 0 ? 0 : Double(t.rankSum) / Double(t.ranked))
      })
  }

  private mutating func rehash() {
    slots = [Int32](repeating: 0, count: 2 * slots.count)
    for (k, key) in keys.enumerated() {
      var slot = Self.hash(key) & (slots.count - 1)
      while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
      slots[slot] = Int32(k + 1)
    }
  }

  private static func hash(_ key: String) -> Int {
    var key = key
    return key.withUTF8 { bytes in
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
      return Int(truncatingIfNeeded: h ^ (h >> 32))
    }
  }
}

/// Students of one key, how many were placed, and the ranks of those placed on their list.
private struct Tally {
  var students = 0
  var placed = 0
  var ranked = 0
  var rankSum = 0

  mutating func count(_ rank: Int?) {
    students += 1
    guard let rank else { return }
    placed += 1
    if rank > 0 {
      ranked += 1
      rankSum += rank
    }
  }
}
