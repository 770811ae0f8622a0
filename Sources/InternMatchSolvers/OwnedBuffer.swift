/// A fixed-size buffer of plain values that frees its storage when it goes away: the one owner
/// of the unsafe storage behind the solvers' innermost loops, so no solver frees anything by hand.
///
/// Reads and writes go straight to the storage: no reference counting, no uniqueness check, no
/// copy-on-write. The buffer cannot be copied (`~Copyable`), so exactly one owner frees it, once,
/// in `deinit`; a loop that wants the raw pointer borrows ``storage`` for as long as the owner
/// lives.
///
/// ```swift
/// let seats = OwnedBuffer(repeating: 0 as Int32, count: 3)
/// seats[1] = 4
/// seats[1]  // 4; the storage is freed when `seats` goes out of scope
/// ```
///
/// - Complexity: O(1) per access; creating or growing is O(count).
struct OwnedBuffer<Element: BitwiseCopyable>: ~Copyable {
  /// The storage, valid while the buffer lives; never free it.
  private(set) var storage: UnsafeMutableBufferPointer<Element>

  /// A buffer of `count` copies of `value`.
  init(repeating value: Element, count: Int) {
    storage = .allocate(capacity: count)
    storage.initialize(repeating: value)
  }

  /// A buffer holding `values`.
  init(copying values: some Collection<Element>) {
    storage = .allocate(capacity: values.count)
    _ = storage.initialize(fromContentsOf: values)
  }

  deinit { storage.deallocate() }

  /// Number of elements.
  var count: Int { storage.count }

  /// The element at `index`.
  @inline(__always)
  subscript(index: Int) -> Element {
    get { storage[index] }
    nonmutating set { storage[index] = newValue }
  }

  /// Grows to at least `minimum` elements (doubling, at least 64), the new ones set to `value`.
  ///
  /// - Complexity: O(new count).
  mutating func grow(to minimum: Int, filling value: Element) {
    guard minimum > storage.count else { return }
    let bigger = UnsafeMutableBufferPointer<Element>.allocate(
      capacity: max(minimum, 2 * storage.count, 64))
    _ = bigger.initialize(fromContentsOf: storage)
    bigger[storage.count...].initialize(repeating: value)
    storage.deallocate()
    storage = bigger
  }
}
