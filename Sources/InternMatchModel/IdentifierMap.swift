/// The position of each id, with ids compared byte for byte (their UTF-8), as a district's
/// exports mean them.
///
/// Swift's `String ==` compares by canonical equivalence, so "é" (U+00E9) and "e" + U+0301 are
/// one `String` key; a student information system stores bytes and treats them as two students.
/// Student, worksite and employer ids are therefore looked up here, never in a `[String: Int]`.
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
  /// An id hashed and compared by its UTF-8 bytes.
  struct Key: Hashable, Sendable {
    let text: String

    static func == (a: Key, b: Key) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    func hash(into hasher: inout Hasher) {
      var text = text
      text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
  }

  private var positions: [Key: Int] = [:]

  /// An empty map with room for `capacity` ids.
  public init(minimumCapacity capacity: Int = 0) {
    positions.reserveCapacity(capacity)
  }

  /// The position of `id`, if it was claimed.
  public subscript(id: String) -> Int? { positions[Key(text: id)] }

  /// The number of distinct ids.
  public var count: Int { positions.count }

  /// Records `id` at `position` unless it is already claimed; returns the earlier position then
  /// (the first claim keeps the id).
  @discardableResult
  public mutating func claim(_ id: String, at position: Int) -> Int? {
    let key = Key(text: id)
    if let first = positions[key] { return first }
    positions[key] = position
    return nil
  }
}
