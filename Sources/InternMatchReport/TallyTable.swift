/// Students and placements counted by a short text key (a school, borough, cluster or group):
/// an open-addressing table hashed with FNV-1a over the key's UTF-8 bytes, cheaper than
/// `Dictionary`'s seeded SipHash for the few hundred keys of a dimension, met once per student.
///
/// Keys are the same when Swift's `==` says so (canonical equivalence), as in a `Dictionary`.
/// Bytes decide that only for ASCII; from the first key that is not ASCII on, keys are looked
/// up in a `Dictionary` instead.
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
  // The hash of each key, while every key is ASCII.
  private var hashes: [Int] = []
  // 1 + the index of the key in each slot, 0 for an empty one; a power of two long.
  private var slots = [Int32](repeating: 0, count: 64)
  // The index of every key, once a key that is not ASCII has been met.
  private var names: [String: Int]?

  /// Counts one student with `key`, placed at `rank` (0 for a seat off their list) or not.
  mutating func count(_ key: String, rank: Int?) {
    tallies[index(of: key)].count(rank)
  }

  /// Counts one person with `key` holding placements at `ranks` (a menu kind: several, or
  /// none): placed when `ranks` is not empty, every listed rank in the mean.
  mutating func count(_ key: String, ranks: [Int]) {
    let k = index(of: key)
    tallies[k].count(ranks.first)
    for rank in ranks.dropFirst() where rank > 0 {
      tallies[k].ranked += 1
      tallies[k].rankSum += rank
    }
  }

  /// The index of `key`, added when new.
  private mutating func index(of key: String) -> Int {
    if names == nil, let hash = Self.asciiHash(key) { return indexASCII(key, hash: hash) }
    if names == nil { names = Dictionary(uniqueKeysWithValues: zip(keys, keys.indices)) }
    if let k = names?[key] { return k }
    names?[key] = keys.count
    return add(key)
  }

  /// The index of ASCII `key`, added when new.
  private mutating func indexASCII(_ key: String, hash: Int) -> Int {
    var slot = hash & (slots.count - 1)
    while slots[slot] != 0 {
      let k = Int(slots[slot]) - 1
      if keys[k] == key { return k }
      slot = (slot + 1) & (slots.count - 1)
    }
    let k = add(key)
    hashes.append(hash)
    slots[slot] = Int32(keys.count)
    if 2 * keys.count > slots.count { rehash() }
    return k
  }

  /// Adds `key` with an empty tally; returns its index.
  private mutating func add(_ key: String) -> Int {
    keys.append(key)
    tallies.append(Tally())
    return keys.count - 1
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
    for (k, hash) in hashes.enumerated() {
      var slot = hash & (slots.count - 1)
      while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
      slots[slot] = Int32(k + 1)
    }
  }

  /// FNV-1a of an ASCII key's bytes; `nil` when the key is not ASCII.
  private static func asciiHash(_ key: String) -> Int? {
    var key = key
    return key.withUTF8 { bytes in
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      var high: UInt8 = 0
      for byte in bytes {
        h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
        high |= byte
      }
      return high < 0x80 ? Int(truncatingIfNeeded: h ^ (h >> 32)) : nil
    }
  }
}

/// Students of one key, how many were placed, and the ranks of those placed on their list.
private struct Tally {
  var students = 0
  var placed = 0
  var ranked = 0
  var rankSum = 0

  /// Counts one student placed at `rank` (0 for unlisted), or unplaced.
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
