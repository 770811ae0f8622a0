/// The position of each id, with ids compared byte for byte (their UTF-8), as a district's
/// exports mean them.
///
/// Swift's `String ==` compares by canonical equivalence, so "é" (U+00E9) and "e" + U+0301 are
/// one `String` key; a student information system stores bytes and treats them as two students.
/// Student, worksite and employer ids are therefore looked up here, never in a `[String: Int]`.
///
/// The map is an open-addressing table (linear probing) hashed with a multiply-and-fold of the
/// id's 8-byte words: a claim hashes the bytes once and probes once, where a `Dictionary` would
/// seed a SipHash twice (look up, then insert) — the index of 60,000 student ids is built on
/// every run.
///
/// ```swift
/// var map = IdentifierMap()
/// map.claim("\u{E9}", at: 0)   // nil: new
/// map.claim("e\u{301}", at: 1) // nil: another id
/// map["e\u{301}"]              // 1
/// ```
///
/// - Complexity: expected O(k) per lookup or claim of a k-byte id.
public struct IdentifierMap: Sendable, Equatable {
  /// Every id claimed, in claim order, and its position.
  private var ids: [String] = []
  private var positions: [Int] = []
  /// The hash of each claimed id.
  private var hashes: [UInt64] = []
  /// 1 + the index in ``ids`` of the id in each slot, 0 for an empty one; a power of two long,
  /// at most half full.
  private var slots: [Int32]

  /// An empty map with room for `capacity` ids.
  public init(minimumCapacity capacity: Int = 0) {
    var size = 16
    while size < 2 * capacity { size *= 2 }
    slots = [Int32](repeating: 0, count: size)
    ids.reserveCapacity(capacity)
    positions.reserveCapacity(capacity)
    hashes.reserveCapacity(capacity)
  }

  /// The position of `id`, if it was claimed.
  public subscript(id: String) -> Int? {
    var id = id
    return id.withUTF8 { bytes in
      let k = find(bytes, hash: Self.hash(bytes)).index
      return k.map { positions[$0] }
    }
  }

  /// The number of distinct ids.
  public var count: Int { ids.count }

  /// Records `id` at `position` unless it is already claimed; returns the earlier position then
  /// (the first claim keeps the id).
  @discardableResult
  public mutating func claim(_ id: String, at position: Int) -> Int? {
    var text = id
    let (hash, found) = text.withUTF8 { bytes in
      let hash = Self.hash(bytes)
      return (hash, find(bytes, hash: hash))
    }
    if let k = found.index { return positions[k] }
    ids.append(id)
    positions.append(position)
    hashes.append(hash)
    slots[found.slot] = Int32(ids.count)
    if 2 * ids.count > slots.count { grow() }
    return nil
  }

  /// Two maps are equal when they hold the same ids at the same positions.
  public static func == (a: IdentifierMap, b: IdentifierMap) -> Bool {
    a.count == b.count && a.ids.indices.allSatisfy { b[a.ids[$0]] == a.positions[$0] }
  }

  /// The index in ``ids`` of the id with `bytes` (`nil` when unclaimed) and the slot where the
  /// probe stopped (holding it, or empty).
  private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (index: Int?, slot: Int) {
    slots.withUnsafeBufferPointer { slots in
      let mask = slots.count - 1
      var slot = Self.home(hash, mask: mask)
      while slots[slot] != 0 {
        let k = Int(slots[slot]) - 1
        if hashes[k] == hash, Self.equal(ids[k], bytes) { return (k, slot) }
        slot = (slot + 1) & mask
      }
      return (nil, slot)
    }
  }

  /// Whether `id`'s UTF-8 is `bytes`.
  private static func equal(_ id: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var id = id
    return id.withUTF8 { $0.count == bytes.count && $0.elementsEqual(bytes) }
  }

  /// Doubles the slots and places every id again.
  private mutating func grow() {
    slots = [Int32](repeating: 0, count: 2 * slots.count)
    let mask = slots.count - 1
    for (k, hash) in hashes.enumerated() {
      var slot = Self.home(hash, mask: mask)
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(k + 1)
    }
  }

  /// The slot where a probe for `hash` starts.
  private static func home(_ hash: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  /// A multiply-and-fold hash of the bytes, eight at a time (the last word zero-padded).
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let raw = UnsafeRawBufferPointer(bytes)
    var hash = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
    var k = 0
    while k < bytes.count {
      var word: UInt64 = 0
      if bytes.count - k >= 8 {
        word = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
      } else {
        for j in k..<bytes.count { word |= UInt64(bytes[j]) &<< UInt64(8 * (j - k)) }
      }
      hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
      hash ^= hash >> 32
      k += 8
    }
    return hash
  }
}
