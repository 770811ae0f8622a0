/// Seats of a worksite set aside for a priority group, such as 3 seats (or 30%) for `ell`.
///
/// ```swift
/// let r = SeatReserve(group: "ell", seats: .fraction(0.3))
/// r.count(ofCapacity: 10)  // 3
/// ```
public struct SeatReserve: Hashable, Sendable, Codable {
  /// How many seats: a number, or a share of capacity rounded up.
  public enum Amount: Hashable, Sendable, Codable {
    case seats(Int)
    case fraction(Double)
  }

  /// The priority group the seats are for.
  public var group: String
  /// How many seats.
  public var amount: Amount

  /// Creates a reserve.
  public init(group: String, seats amount: Amount) {
    self.group = group
    self.amount = amount
  }

  /// The number of reserved seats at a worksite of `capacity` (never more than the capacity, never
  /// negative).
  public func count(ofCapacity capacity: Int) -> Int {
    switch amount {
    case .seats(let n): min(max(n, 0), capacity)
    case .fraction(let f):
      // A share outside 0–1 (NaN included) is an error the instance reports; it counts here as
      // the nearest share that is not, so that no conversion traps.
      f.isNaN || f <= 0
        ? 0 : f >= 1 ? capacity : min(Int((Double(capacity) * f).rounded(.up)), capacity)
    }
  }
}
