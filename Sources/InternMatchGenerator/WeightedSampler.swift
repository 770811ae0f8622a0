import InternMatchModel

/// Draws indices with probability proportional to fixed non-negative weights, from a table of
/// cumulative weights searched by bisection.
///
/// ```swift
/// var rng = SplitMix64(seed: 1)
/// let sampler = WeightedSampler([1, 0, 3])
/// sampler.sample(using: &rng)  // 0 a quarter of the time, 2 otherwise, never 1
/// ```
///
/// - Complexity: O(n) to build, O(log n) per draw.
struct WeightedSampler: Sendable {
  /// `cumulative[i]` is the sum of the weights of indices `0...i`.
  private let cumulative: [Double]

  /// Creates a sampler; negative and non-finite weights count as 0.
  init<Weights: Sequence<Double>>(_ weights: Weights) {
    var running = 0.0
    cumulative = weights.map { w in
      if w > 0, w.isFinite { running += w }
      return running
    }
  }

  /// The number of indices.
  var count: Int { cumulative.count }
  /// The sum of all weights.
  var total: Double { cumulative.last ?? 0 }
  /// Whether every weight is 0, so that nothing can be drawn.
  var isEmpty: Bool { !(total > 0) }

  /// An index drawn in proportion to its weight; `nil` when every weight is 0.
  func sample(using rng: inout SplitMix64) -> Int? {
    guard total > 0 else { return nil }
    return Self.search(cumulative, below: rng.unit() * total, in: 0..<cumulative.count)
  }

  /// The first index `i` in `range` with `cumulative[i] > target`, or the last index of `range`
  /// when rounding leaves none. This is the weighted draw when `target` is uniform in
  /// `[cumulative[range.lowerBound - 1], cumulative[range.upperBound - 1])`.
  ///
  /// - Complexity: O(log n) for n indices in `range`.
  @inline(__always)
  private static func search(_ cumulative: [Double], below target: Double, in range: Range<Int>)
    -> Int
  {
    var low = range.lowerBound
    var high = range.upperBound - 1
    while low < high {
      let mid = (low + high) >> 1
      if cumulative[mid] > target { high = mid } else { low = mid + 1 }
    }
    return low
  }
}

extension SplitMix64 {
  /// A uniform `Double` in `[0, 1)`, from the top 53 bits of the next value.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

  /// A uniform index in `0..<count`; `count` must be positive.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  mutating func index(below count: Int) -> Int { min(Int(unit() * Double(count)), count - 1) }

  /// `true` with probability `p`.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  mutating func chance(_ p: Double) -> Bool { unit() < p }
}
