/// An open-addressing hash set of byte strings that numbers each distinct string in the order
/// it was first inserted: a lookup hashes the bytes (FNV-1a) and compares bytes, with no
/// `String` made and no SipHash.
///
/// ```swift
/// var table = ByteStringTable()
/// Array("W7".utf8).withUnsafeBufferPointer { table.insert($0) }  // (entry: 0, inserted: true)
/// ```
///
/// - Complexity: expected O(k) per insertion or lookup of a k-byte string.
package struct ByteStringTable: Sendable {
  /// A slot: the low half of its entry's hash, to skip most mismatches without touching the
  /// entry, and the entry number plus one (0 marks an empty slot).
  private struct Slot {
    var hash: UInt32
    var entry: Int32
  }

  private var slots: [Slot]
  /// Where each entry's bytes end in `keys`; each starts where the one before ends.
  private var ends: [Int] = [0]
  /// Every entry's bytes, one after another.
  private var keys: [UInt8] = []

  /// The number of distinct strings inserted.
  package var count: Int { ends.count - 1 }

  /// An empty table sized for about `capacity` strings (it grows as needed).
  package init(capacity: Int = 8) {
    var size = 16
    while size < 2 * capacity { size *= 2 }
    slots = Array(repeating: Slot(hash: 0, entry: 0), count: size)
    ends.reserveCapacity(capacity + 1)
  }

  /// The 64-bit FNV-1a hash of `bytes`, and whether they are all ASCII.
  package static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, isASCII: Bool) {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    var high: UInt8 = 0
    for b in bytes {
      h = (h ^ UInt64(b)) &* 0x100_0000_01B3
      high |= b
    }
    return (h, high < 0x80)
  }

  /// The slot where a probe for `hash` starts: its high bits, mixed (Fibonacci hashing), as
  /// the low bits of FNV-1a vary little between ids that differ in their last characters.
  private static func home(_ hash: UInt64, slots: Int) -> Int {
    Int(
      truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slots.trailingZeroBitCount)
    )
  }

  /// The entry number of `key` and the slot where the probe stopped (holding it, or empty).
  private func probe(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (entry: Int?, slot: Int) {
    let low = UInt32(truncatingIfNeeded: hash)
    return slots.withUnsafeBufferPointer { slots in
      keys.withUnsafeBufferPointer { stored in
        let mask = slots.count - 1
        var slot = Self.home(hash, slots: slots.count)
        while true {
          let e = Int(slots[slot].entry) - 1
          if e < 0 { return (nil, slot) }
          if slots[slot].hash == low {
            let start = ends[e]
            if ends[e + 1] - start == key.count,
              Self.equal(UnsafeBufferPointer(rebasing: stored[start..<ends[e + 1]]), key)
            {
              return (e, slot)
            }
          }
          slot = (slot + 1) & mask
        }
      }
    }
  }

  /// Whether `a` and `b`, of the same length, hold equal bytes: eight at a time, then four,
  /// then one.
  private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    let (wa, wb) = (UnsafeRawBufferPointer(a), UnsafeRawBufferPointer(b))
    let count = a.count
    var k = 0
    while k + 8 <= count {
      guard
        wa.loadUnaligned(fromByteOffset: k, as: UInt64.self)
          == wb.loadUnaligned(fromByteOffset: k, as: UInt64.self)
      else { return false }
      k += 8
    }
    if k + 4 <= count {
      guard
        wa.loadUnaligned(fromByteOffset: k, as: UInt32.self)
          == wb.loadUnaligned(fromByteOffset: k, as: UInt32.self)
      else { return false }
      k += 4
    }
    while k < count, a[k] == b[k] { k += 1 }
    return k == count
  }

  /// The entry number of `key` (hashed by ``hash(_:)``), or `nil` when it was never inserted.
  package func entry(of key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
    probe(key, hash: hash).entry
  }

  /// The entry number of `key`, which gets the next number when it is new.
  package mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (entry: Int, inserted: Bool) {
    let h = Self.hash(key).hash
    let (found, slot) = probe(key, hash: h)
    if let found { return (found, false) }
    let e = count
    keys.append(contentsOf: key)
    ends.append(keys.count)
    slots[slot] = Slot(hash: UInt32(truncatingIfNeeded: h), entry: Int32(e + 1))
    if 2 * count > slots.count { grow() }
    return (e, true)
  }

  /// Doubles the slots and places every entry again by its hash.
  private mutating func grow() {
    var larger = Array(repeating: Slot(hash: 0, entry: 0), count: 2 * slots.count)
    let mask = larger.count - 1
    keys.withUnsafeBufferPointer { keys in
      for e in 0..<count {
        let h = Self.hash(UnsafeBufferPointer(rebasing: keys[ends[e]..<ends[e + 1]])).hash
        var slot = Self.home(h, slots: larger.count)
        while larger[slot].entry != 0 { slot = (slot + 1) & mask }
        larger[slot] = Slot(hash: UInt32(truncatingIfNeeded: h), entry: Int32(e + 1))
      }
    }
    slots = larger
  }
}
