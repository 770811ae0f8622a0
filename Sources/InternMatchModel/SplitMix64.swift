/// A small, fast, seedable random number generator, so that runs are reproducible: the same
/// seed gives the same sequence on every platform.
///
/// ```swift
/// var rng = SplitMix64(seed: 42)
/// let die = Int.random(in: 1...6, using: &rng)  // same value on every run
/// ```
///
/// Algorithm: SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014), as used to seed xoshiro.
///
/// - Complexity: O(1) per value.
package struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator from `seed`.
  package init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
