import InternMatchModel

/// One deadline for a whole solve: `mip_time_limit_seconds` counted from the start of the
/// solve, so every stage after it — each GLPK simplex and branch-and-cut — gets the time left,
/// not a fresh limit of its own.
///
/// ```swift
/// let deadline = SolveDeadline(seconds: 60)
/// deadline.passed                 // false
/// deadline.remainingMilliseconds  // 60000 (at most), at least 1
/// ```
///
/// The seconds are held to `DatasetLimits.mipTimeLimitSeconds` (a dataset outside it is
/// refused when read; a library caller's NaN or 1e308 must not trap the conversion).
///
/// - Complexity: O(1) per query (one clock read).
package struct SolveDeadline: Sendable {
  /// When the time is up.
  package let end: ContinuousClock.Instant

  /// The deadline at `end` (tests pass one already passed).
  package init(end: ContinuousClock.Instant) { self.end = end }

  /// The deadline `seconds` from now, held to the documented range.
  package init(seconds: Double) {
    let limit = DatasetLimits.mipTimeLimitSeconds
    let bounded =
      seconds.isNaN ? limit.lowerBound : min(max(seconds, limit.lowerBound), limit.upperBound)
    end = ContinuousClock.now + .milliseconds(Int((bounded * 1000).rounded(.up)))
  }

  /// Whether the time is up.
  package var passed: Bool { ContinuousClock.now >= end }

  /// The milliseconds left, at least 1 (GLPK's `tm_lim` for the next search); ask ``passed``
  /// first to skip a search the deadline has already ruled out.
  package var remainingMilliseconds: Int {
    max(1, Int((end - ContinuousClock.now) / .milliseconds(1)))
  }
}
