import Foundation

/// A point on the Earth, in decimal degrees (WGS 84).
///
/// ```swift
/// let school = Coordinate(latitude: 40.7506, longitude: -73.9971)
/// let office = Coordinate(latitude: 40.7061, longitude: -74.0087)
/// school.distanceKilometres(to: office)  // ≈ 5.05
/// ```
public struct Coordinate: Hashable, Sendable, Codable {
  /// Degrees north of the equator, from -90 to 90.
  public var latitude: Double
  /// Degrees east of Greenwich, from -180 to 180.
  public var longitude: Double

  /// Creates a coordinate.
  public init(latitude: Double, longitude: Double) {
    self.latitude = latitude
    self.longitude = longitude
  }

  /// Whether both components lie in their valid ranges.
  public var isValid: Bool {
    (-90...90).contains(latitude) && (-180...180).contains(longitude)
  }

  /// The great-circle distance to `other` in kilometres (haversine formula, mean Earth radius
  /// 6,371.0088 km).
  ///
  /// - Complexity: O(1).
  public func distanceKilometres(to other: Coordinate) -> Double {
    let radians = Double.pi / 180
    let dLat = (other.latitude - latitude) * radians
    let dLon = (other.longitude - longitude) * radians
    let a =
      sin(dLat / 2) * sin(dLat / 2) + cos(latitude * radians) * cos(other.latitude * radians)
      * sin(dLon / 2) * sin(dLon / 2)
    return 2 * 6371.0088 * asin(min(1, a.squareRoot()))
  }
}
