/// Disjoint sets of the integers `0 ..< count`, merged by ``union(_:_:)`` (union–find with path
/// halving and union by size; Tarjan 1975).
///
/// ```swift
/// var sets = DisjointSets(count: 4)
/// sets.union(0, 2)                  // true: merged
/// sets.find(2) == sets.find(0)      // true
/// ```
///
/// - Complexity: O(α(n)) amortised per operation.
struct DisjointSets {
  private var parent: [Int]
  private var size: [Int]

  /// Every integer in a set of its own.
  init(count: Int) {
    parent = Array(0..<count)
    size = [Int](repeating: 1, count: count)
  }

  /// The representative of `x`'s set.
  mutating func find(_ x: Int) -> Int {
    var x = x
    while parent[x] != x {
      parent[x] = parent[parent[x]]
      x = parent[x]
    }
    return x
  }

  /// Merges the sets of `a` and `b`; false when they were one set already.
  @discardableResult
  mutating func union(_ a: Int, _ b: Int) -> Bool {
    var root = find(a)
    var other = find(b)
    guard root != other else { return false }
    if size[root] < size[other] { swap(&root, &other) }
    parent[other] = root
    size[root] += size[other]
    return true
  }
}
