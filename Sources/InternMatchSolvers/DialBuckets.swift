/// Dial's (1969) bucket queue for small non-negative integer keys: the items of key `d` form a
/// singly linked list in one flat pool, so inserting and taking are O(1) and nothing is
/// allocated once the pool has grown. It does not decrease keys: insert again with the smaller
/// key and skip stale items when they are taken.
///
/// ```swift
/// var queue = DialBuckets()
/// queue.insert(7, key: 2)
/// queue.take(key: 2)  // 7
/// queue.deallocate()
/// ```
///
/// The owner calls ``deallocate()`` once; copies share storage.
struct DialBuckets {
  private var head: UnsafeMutableBufferPointer<Int32> = .allocate(capacity: 0)
  private var item: UnsafeMutableBufferPointer<Int32> = .allocate(capacity: 0)
  private var next: UnsafeMutableBufferPointer<Int32> = .allocate(capacity: 0)
  private var used = 0
  /// One more than the largest key inserted since the last ``removeAll()``.
  private(set) var keyCount = 0

  /// Adds `value` under `key`.
  ///
  /// - Complexity: amortised O(1).
  @inline(__always)
  mutating func insert(_ value: Int32, key: Int) {
    if key >= keyCount {
      if key >= head.count { Self.grow(&head, to: key + 1, filling: -1) }
      keyCount = key + 1
    }
    if used == item.count {
      Self.grow(&item, to: used + 1, filling: 0)
      Self.grow(&next, to: used + 1, filling: 0)
    }
    item[used] = value
    next[used] = head[key]
    head[key] = Int32(used)
    used += 1
  }

  /// Takes the item inserted last under `key`, or `nil` when there is none.
  @inline(__always)
  mutating func take(key: Int) -> Int32? {
    guard key < keyCount, head[key] >= 0 else { return nil }
    let k = Int(head[key])
    head[key] = next[k]
    return item[k]
  }

  /// Empties every bucket, keeping the storage.
  ///
  /// - Complexity: O(keys used).
  mutating func removeAll() {
    for k in 0..<keyCount { head[k] = -1 }
    keyCount = 0
    used = 0
  }

  /// Frees the storage.
  func deallocate() {
    head.deallocate()
    item.deallocate()
    next.deallocate()
  }

  private static func grow(
    _ buffer: inout UnsafeMutableBufferPointer<Int32>, to minimum: Int, filling value: Int32
  ) {
    let bigger = UnsafeMutableBufferPointer<Int32>.allocate(
      capacity: max(minimum, 2 * buffer.count, 64))
    _ = bigger.initialize(fromContentsOf: buffer)
    bigger[buffer.count...].initialize(repeating: value)
    buffer.deallocate()
    buffer = bigger
  }
}
