import InternMatchModel

/// The first record holding each id (empty ids name none), looked up from the bytes of a
/// reference such as a list entry, with the reference's text: the id itself when found, so that
/// no `String` is made for it.
///
/// The byte table answers when every id and the reference are ASCII; otherwise the reference
/// goes through an ``IdentifierMap`` (ids compared byte for byte), built the way
/// ``PlacementInstance`` builds its id index, so that both always name the same record.
///
/// ```swift
/// let index = IdentifierIndex(ids: ["W1", "W2"], referencesAreASCII: true)
/// Array("W2".utf8).withUnsafeBufferPointer { index.resolve($0) }  // ("W2", 1)
/// ```
///
/// - Complexity: O(total id length) to build; expected O(k) per k-byte lookup.
final class IdentifierIndex: Sendable {
  private let ids: [String]
  /// The ids as bytes; used only when `bytesDecide`.
  private let table: ByteStringTable
  /// Whether every id is ASCII.
  private let bytesDecide: Bool
  /// The record of each entry of `table`.
  private let records: [Int32]
  /// Whether entry `k` of `table` is record `k` (no id is empty or repeated, as in any valid
  /// dataset): a lookup then touches the table alone, not `records`.
  private let entriesAreRecords: Bool
  /// Every id and its first record, when some id or some reference is not ASCII.
  private let names: IdentifierMap

  /// The number of records indexed (ids, empty or not).
  var count: Int { ids.count }

  /// Indexes `ids`; `referencesAreASCII` tells whether every reference that will be looked up
  /// is ASCII (a `CSVTable` knows).
  init(ids: [String], referencesAreASCII: Bool) {
    self.ids = ids
    var table = ByteStringTable(capacity: ids.count)
    var idsAreASCII = true
    var records: [Int32] = []
    records.reserveCapacity(ids.count)
    for (k, id) in ids.enumerated() where !id.isEmpty {
      var id = id
      let inserted = id.withUTF8 { bytes in
        idsAreASCII = idsAreASCII && !bytes.contains { $0 >= 0x80 }
        return idsAreASCII && table.insert(bytes).inserted
      }
      guard idsAreASCII else { break }
      if inserted { records.append(Int32(k)) }
    }
    (self.table, self.records, bytesDecide) = (table, records, idsAreASCII)
    entriesAreRecords = records.count == ids.count
    var names = IdentifierMap()
    if !idsAreASCII || !referencesAreASCII {
      for (k, id) in ids.enumerated() where !id.isEmpty { names.claim(id, at: k) }
    }
    self.names = names
  }

  /// The text of reference `bytes` and the first record with that id, or -1.
  @inline(__always)
  func resolve(_ bytes: UnsafeBufferPointer<UInt8>) -> (name: String, record: Int32) {
    let digest = ByteStringTable.digest(bytes)
    if bytesDecide, digest.isASCII {
      guard let entry = table.entry(of: bytes, digest) else {
        return (String(decoding: bytes, as: UTF8.self), -1)
      }
      let k = records[entry]
      return (ids[Int(k)], k)
    }
    let name = String(decoding: bytes, as: UTF8.self)
    return (name, names[name].map { Int32($0) } ?? -1)
  }

  /// The first record with the id in `bytes`, or -1: ``resolve(_:)`` without the text, so
  /// that a lookup in a large index costs one random memory access (the table's slot), not
  /// three (slot, record, id).
  @inline(__always)
  func record(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
    let digest = ByteStringTable.digest(bytes)
    if bytesDecide, digest.isASCII {
      guard let entry = table.entry(of: bytes, digest) else { return -1 }
      return entriesAreRecords ? Int32(entry) : records[entry]
    }
    return names[String(decoding: bytes, as: UTF8.self)].map { Int32($0) } ?? -1
  }
}
