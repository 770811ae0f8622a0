import Foundation

/// `body(0) ..< body(count)`, computed at once on up to `count` threads and returned in order.
///
/// `body` must be safe to run concurrently with itself: each call may read shared state but
/// writes only what it returns. A single call runs on the caller's thread, with no dispatch.
///
/// ```swift
/// let halves = concurrentMap(2) { k in parse(ranges[k]) }
/// ```
///
/// - Complexity: the slowest call, plus a few microseconds to start the threads.
package func concurrentMap<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
  if count == 1 { return [body(0)] }
  return withoutActuallyEscaping(body) { body in
    let results = UnsafeMutablePointer<T>.allocate(capacity: count)
    defer { results.deallocate() }
    // Each iteration initializes only its own element, and `concurrentPerform` returns after
    // the last one: no two threads touch the same memory.
    nonisolated(unsafe) let body = body
    nonisolated(unsafe) let shared = results
    DispatchQueue.concurrentPerform(iterations: count) { k in
      (shared + k).initialize(to: body(k))
    }
    return (0..<count).map { (results + $0).move() }
  }
}

/// How much work is worth a thread of its own: below these sizes, starting a thread costs
/// more than it saves. Tests lower them to run the shared-out paths on small inputs.
package struct Sharing: Sendable {
  /// The fewest records (or students) in a share.
  package var records: Int
  /// The smallest file scanned in two halves.
  package var bytes: Int

  /// Creates a setting.
  package init(records: Int, bytes: Int) {
    self.records = records
    self.bytes = bytes
  }

  /// What reading uses.
  package static let standard = Sharing(records: 2048, bytes: 1 << 18)

  /// How many shares to cut `count` records into: one per core, each of at least ``records``.
  package func shares(of count: Int) -> Int {
    max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / max(records, 1)))
  }
}

/// `(a(), b())`, computed at once on two threads; as for ``concurrentMap(_:_:)``, each closure
/// may read shared state but writes only what it returns.
///
/// - Complexity: the slower closure, plus a few microseconds to start a thread.
package func concurrently<A, B>(_ a: () -> A, _ b: () -> B) -> (A, B) {
  var first: A?
  var second: B?
  _ = concurrentMap(2) { k in
    if k == 0 { first = a() } else { second = b() }
  }
  guard let first, let second else { preconditionFailure("concurrentMap runs every index") }
  return (first, second)
}
