/// An open-addressing hash set of byte strings that numbers each distinct string in the order
/// it was first inserted: a lookup hashes the bytes eight at a time and compares bytes, with no
/// `String` made and no SipHash.
///
/// A slot keeps a string's first eight bytes and length, so an id of up to eight bytes (such
/// as `W000123`) is found or ruled out in its slot alone, with one memory access.
///
/// ```swift
/// var table = ByteStringTable()
/// Array("W7".utf8).withUnsafeBufferPointer { table.insert($0) }  // (entry: 0, inserted: true)
/// ```
///
/// - Complexity: expected O(k) per insertion or lookup of a k-byte string.
struct ByteStringTable: Sendable {
  /// What a lookup needs of a string: its hash, its first eight bytes (zero-padded), its
  /// length, and whether it is all ASCII.
  struct Digest {
    var hash: UInt64
    var head: UInt64
    var count: Int
    var isASCII: Bool

    /// The slot's check: 24 bits of hash and the length (capped at 255).
    fileprivate var check: UInt32 {
      UInt32(truncatingIfNeeded: hash) & 0xFF_FFFF | UInt32(min(count, 255)) << 24
    }
  }

  /// A slot: an entry's first eight bytes and check, and the entry number plus one (0 marks
  /// an empty slot).
  private struct Slot {
    var head: UInt64
    var check: UInt32
    var entry: Int32
  }

  private var slots: [Slot]
  /// Where each entry's bytes end in `keys`; each starts where the one before ends.
  private var ends: [Int] = [0]
  /// Every entry's bytes, one after another.
  private var keys: [UInt8] = []

  /// The number of distinct strings inserted.
  var count: Int { ends.count - 1 }

  /// An empty table sized for about `capacity` strings (it grows as needed).
  init(capacity: Int = 8) {
    var size = 16
    while size < 2 * capacity { size *= 2 }
    slots = Array(repeating: Slot(head: 0, check: 0, entry: 0), count: size)
    ends.reserveCapacity(capacity + 1)
  }

  /// The digest of `bytes`: a multiply-and-fold hash of its 8-byte words.
  @inline(__always)
  static func digest(_ bytes: UnsafeBufferPointer<UInt8>) -> Digest {
    let raw = UnsafeRawBufferPointer(bytes)
    var hash = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
    var high: UInt64 = 0
    var head: UInt64 = 0
    var k = 0
    while k < bytes.count {
      let left = bytes.count - k
      var word: UInt64
      if left >= 8 {
        word = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
      } else if left >= 4 {
        // Two overlapping 4-byte loads; the bytes they share land in the same places.
        let low = UInt64(raw.loadUnaligned(fromByteOffset: k, as: UInt32.self))
        let high = UInt64(raw.loadUnaligned(fromByteOffset: k + left - 4, as: UInt32.self))
        word = low | high &<< UInt64(8 * (left - 4))
      } else {
        word = 0
        for j in 0..<left { word |= UInt64(raw[k + j]) &<< UInt64(8 * j) }
      }
      if k == 0 { head = word }
      high |= word
      hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
      hash ^= hash >> 32
      k += 8
    }
    return Digest(
      hash: hash, head: head, count: bytes.count, isASCII: high & 0x8080_8080_8080_8080 == 0)
  }

  /// The slot where a probe for `hash` starts: its high bits, mixed (Fibonacci hashing).
  private static func home(_ hash: UInt64, slots: Int) -> Int {
    Int(
      truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slots.trailingZeroBitCount)
    )
  }

  /// The entry number of `key` and the slot where the probe stopped (holding it, or empty).
  @inline(__always)
  private func probe(_ key: UnsafeBufferPointer<UInt8>, _ digest: Digest) -> (
    entry: Int?, slot: Int
  ) {
    let check = digest.check
    return slots.withUnsafeBufferPointer { slots in
      let mask = slots.count - 1
      var slot = Self.home(digest.hash, slots: slots.count)
      while true {
        let e = Int(slots[slot].entry) - 1
        if e < 0 { return (nil, slot) }
        if slots[slot].check == check, slots[slot].head == digest.head,
          key.count <= 8 || rest(of: e, equals: key)
        {
          return (e, slot)
        }
        slot = (slot + 1) & mask
      }
    }
  }

  /// Whether entry `e` is `key`, given that their first eight bytes agree.
  private func rest(of e: Int, equals key: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = ends[e]
    guard ends[e + 1] - start == key.count else { return false }
    return keys.withUnsafeBufferPointer { stored in
      let (a, b) = (UnsafeRawBufferPointer(stored), UnsafeRawBufferPointer(key))
      var k = 8
      while k + 8 <= key.count {
        guard
          a.loadUnaligned(fromByteOffset: start + k, as: UInt64.self)
            == b.loadUnaligned(fromByteOffset: k, as: UInt64.self)
        else { return false }
        k += 8
      }
      while k < key.count, stored[start + k] == key[k] { k += 1 }
      return k == key.count
    }
  }

  /// The entry number of `key`, whose digest is `digest`, or `nil` when it was never inserted.
  func entry(of key: UnsafeBufferPointer<UInt8>, _ digest: Digest) -> Int? {
    probe(key, digest).entry
  }

  /// The entry number of `key`, which gets the next number when it is new.
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (entry: Int, inserted: Bool) {
    let digest = Self.digest(key)
    let (found, slot) = probe(key, digest)
    if let found { return (found, false) }
    let e = count
    keys.append(contentsOf: key)
    ends.append(keys.count)
    slots[slot] = Slot(head: digest.head, check: digest.check, entry: Int32(e + 1))
    if 2 * count > slots.count { grow() }
    return (e, true)
  }

  /// Doubles the slots and places every entry again.
  private mutating func grow() {
    let old = slots
    slots = Array(repeating: Slot(head: 0, check: 0, entry: 0), count: 2 * old.count)
    let mask = slots.count - 1
    keys.withUnsafeBufferPointer { keys in
      for s in old where s.entry != 0 {
        let e = Int(s.entry) - 1
        let hash = Self.digest(UnsafeBufferPointer(rebasing: keys[ends[e]..<ends[e + 1]])).hash
        var slot = Self.home(hash, slots: slots.count)
        while slots[slot].entry != 0 { slot = (slot + 1) & mask }
        slots[slot] = s
      }
    }
  }
}
