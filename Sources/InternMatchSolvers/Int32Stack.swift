/// A stack of `Int32` with a fixed capacity, on storage allocated once: pushing and popping
/// do no reference counting and no uniqueness checks, for the innermost loops of a search.
///
/// ```swift
/// var stack = Int32Stack(capacity: 4)
/// stack.append(3)
/// stack.last  // 3
/// ```
///
/// The stack owns its storage (an ``OwnedBuffer``) and cannot be copied.
struct Int32Stack: ~Copyable {
  private let storage: OwnedBuffer<Int32>
  /// Number of elements.
  private(set) var count = 0

  /// Creates an empty stack that holds up to `capacity` elements.
  init(capacity: Int) { storage = OwnedBuffer(repeating: 0, count: max(capacity, 1)) }

  /// The top element, or `nil` when empty.
  var last: Int32? { count > 0 ? storage[count - 1] : nil }

  /// The element at `position` (0 is the bottom).
  subscript(position: Int) -> Int32 {
    get { storage[position] }
    nonmutating set { storage[position] = newValue }
  }

  /// The elements from `position` up, bottom first, valid while the stack lives unchanged.
  func elements(from position: Int = 0) -> UnsafeMutableBufferPointer<Int32> {
    UnsafeMutableBufferPointer(rebasing: storage.storage[position..<count])
  }

  /// Pushes `value`; the stack must not be full.
  @inline(__always)
  mutating func append(_ value: Int32) {
    precondition(count < storage.count, "Int32Stack: full")
    storage[count] = value
    count += 1
  }

  /// Pops the top element; the stack must not be empty.
  @inline(__always)
  @discardableResult
  mutating func removeLast() -> Int32 {
    count -= 1
    return storage[count]
  }

  /// Keeps the bottom `newCount` elements.
  mutating func truncate(to newCount: Int) { count = newCount }
}
