/// Dial's (1969) bucket queue for small non-negative integer keys: the items of key `d` form a
/// singly linked list in one flat pool, so inserting and taking are O(1) and nothing is
/// allocated once the pool has grown. It does not decrease keys: insert again with the smaller
/// key and skip stale items when they are taken.
///
/// Keys from ``bucketLimit`` on (squared ranks of long lists reach 10⁹) go to a binary heap
/// instead, so that memory and the scan over empty buckets stay bounded by the limit, never by
/// the largest key: a list of 30,001 entries under squared costs needs no 3.6 GB of buckets.
///
/// ```swift
/// var queue = DialBuckets()
/// queue.insert(7, key: 2)
/// queue.take(key: 2)  // 7
/// ```
///
/// The queue owns its storage (``OwnedBuffer``s) and cannot be copied.
struct DialBuckets: ~Copyable {
  private var head = OwnedBuffer(repeating: 0 as Int32, count: 0)
  private var item = OwnedBuffer(repeating: 0 as Int32, count: 0)
  private var next = OwnedBuffer(repeating: 0 as Int32, count: 0)
  private var used = 0
  /// One more than the largest bucket key (below ``bucketLimit``) inserted since the last
  /// ``removeAll()``.
  private(set) var keyCount = 0
  /// Keys at or above this go to the heap.
  static let bucketLimit = 1 << 20
  /// The items of large keys: a binary min-heap by key.
  private var heap: [(key: Int, item: Int32)] = []

  /// Adds `value` under `key`.
  ///
  /// - Complexity: amortised O(1).
  @inline(__always)
  mutating func insert(_ value: Int32, key: Int) {
    guard key < Self.bucketLimit else {
      push(value, key: key)
      return
    }
    if key >= keyCount {
      if key >= head.count { head.grow(to: key + 1, filling: -1) }
      keyCount = key + 1
    }
    if used == item.count {
      item.grow(to: used + 1, filling: 0)
      next.grow(to: used + 1, filling: 0)
    }
    item[used] = value
    next[used] = head[key]
    head[key] = Int32(used)
    used += 1
  }

  /// Takes the item inserted last under `key`, or `nil` when there is none.
  @inline(__always)
  mutating func take(key: Int) -> Int32? {
    guard key < Self.bucketLimit else { return heap.first?.key == key ? pop() : nil }
    guard key < keyCount, head[key] >= 0 else { return nil }
    let k = Int(head[key])
    head[key] = next[k]
    return item[k]
  }

  /// The smallest key from `start` on that holds an item, if any.
  ///
  /// - Complexity: O(empty buckets passed), at most ``bucketLimit``.
  func nextKey(from start: Int) -> Int? {
    var k = start
    while k < keyCount {
      if head[k] >= 0 { return k }
      k += 1
    }
    return heap.first.map { max($0.key, start) }
  }

  /// Empties every bucket, keeping the storage.
  ///
  /// - Complexity: O(keys used).
  mutating func removeAll() {
    for k in 0..<keyCount { head[k] = -1 }
    keyCount = 0
    used = 0
    heap.removeAll(keepingCapacity: true)
  }

  /// Adds a large key to the heap.
  ///
  /// - Complexity: O(log n).
  private mutating func push(_ value: Int32, key: Int) {
    heap.append((key, value))
    var i = heap.count - 1
    while i > 0 {
      let parent = (i - 1) / 2
      guard heap[i].key < heap[parent].key else { break }
      heap.swapAt(i, parent)
      i = parent
    }
  }

  /// Takes the heap's smallest key's item (the heap is not empty).
  ///
  /// - Complexity: O(log n).
  private mutating func pop() -> Int32 {
    let top = heap[0].item
    let last = heap.removeLast()
    guard !heap.isEmpty else { return top }
    heap[0] = last
    var i = 0
    while true {
      var child = 2 * i + 1
      guard child < heap.count else { break }
      if child + 1 < heap.count, heap[child + 1].key < heap[child].key { child += 1 }
      guard heap[child].key < heap[i].key else { break }
      heap.swapAt(i, child)
      i = child
    }
    return top
  }
}
