/// Seats of a worksite set aside for a priority group, such as 3 seats (or 30%) for `ell`.
///
/// ```swift
/// let r = SeatReserve(group: "ell", seats: .fraction(0.3))
/// r.count(ofCapacity: 10)  // 3
/// ```
public struct SeatReserve: Hashable, Sendable, Codable {
  /// How many seats: a number, or a share of capacity rounded up.
  /// Its JSON is `{"seats":3}` or `{"fraction":0.3}`.
  public enum Amount: Hashable, Sendable {
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

extension SeatReserve.Amount: Codable {
  enum CodingKeys: String, CodingKey { case seats, fraction }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    if let share = try container.decodeIfPresent(Double.self, forKey: .fraction) {
      self = .fraction(share)
    } else {
      self = .seats(try container.decode(Int.self, forKey: .seats))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .seats(let n): try container.encode(n, forKey: .seats)
    case .fraction(let f): try container.encode(f, forKey: .fraction)
    }
  }
}
