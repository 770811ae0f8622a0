import InternMatchModel

/// Weighted draws in O(1) from many segments of one flat array of weights: Walker's alias
/// method, built with Vose's stable variant ("A linear algorithm for generating random numbers
/// with a given distribution", IEEE TSE 1991).
///
/// Each segment (a range of indices) is its own distribution. A draw picks a slot of the
/// segment uniformly, then keeps it with the slot's probability or takes its alias.
///
/// ```swift
/// var rng = SplitMix64(seed: 1)
/// let table = AliasTable(weights: [1, 3, 5, 5], segments: [0, 2, 4])
/// table.sample(in: 0..<2, using: &rng)  // 0 a quarter of the time, else 1
/// table.sample(in: 2..<4, using: &rng)  // 2 or 3, evenly
/// ```
///
/// - Complexity: O(n) to build for n weights, O(1) per draw, one random number each.
struct AliasTable: Sendable {
  /// The chance of keeping each slot rather than taking its alias.
  private let keep: [Double]
  /// The alias of each slot: an index in the same segment.
  private let alias: [Int32]

  /// Builds the table; `segments` holds the start of each segment and then the end
  /// (`weights.count`). Weights must be non-negative and finite.
  init(weights: [Double], segments: [Int]) {
    var keep = [Double](repeating: 1, count: weights.count)
    var alias = (0..<Int32(weights.count)).map { $0 }
    var small: [Int] = []
    var large: [Int] = []
    var scaled = [Double](repeating: 0, count: weights.count)
    for s in 0..<max(0, segments.count - 1) {
      let range = segments[s]..<segments[s + 1]
      let total = weights[range].reduce(0, +)
      guard total > 0 else { continue }
      small.removeAll(keepingCapacity: true)
      large.removeAll(keepingCapacity: true)
      for i in range {
        scaled[i] = weights[i] * Double(range.count) / total
        if scaled[i] < 1 { small.append(i) } else { large.append(i) }
      }
      while let l = small.last, let g = large.last {
        small.removeLast()
        keep[l] = scaled[l]
        alias[l] = Int32(g)
        scaled[g] = (scaled[g] + scaled[l]) - 1
        if scaled[g] < 1 {
          large.removeLast()
          small.append(g)
        }
      }
      // What is left is 1 up to rounding: keep it.
      for i in small { keep[i] = 1 }
      for i in large { keep[i] = 1 }
    }
    self.keep = keep
    self.alias = alias
  }

  /// An index in `segment` drawn in proportion to its weight; `segment` must be one of the
  /// table's segments, not empty and not all zero.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  func sample(in segment: Range<Int>, using rng: inout SplitMix64) -> Int {
    let u = rng.unit() * Double(segment.count)
    let slot = min(Int(u), segment.count - 1)
    let i = segment.lowerBound + slot
    return u - Double(slot) < keep[i] ? i : Int(alias[i])
  }
}
