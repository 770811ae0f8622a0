/// A career cluster that students study and worksites belong to.
///
/// ```swift
/// let it = Cluster(id: "it", name: "Information Technology")
/// Cluster.nycDefaults.count  // 8
/// ```
public struct Cluster: Hashable, Sendable, Codable {
  /// The key used in datasets, such as `healthcare`.
  public var id: String
  /// The human-readable name, such as `Healthcare`.
  public var name: String

  /// Creates a cluster.
  public init(id: String, name: String) {
    self.id = id
    self.name = name
  }

  /// The eight career clusters of New York City's CTE programs, used when a dataset has no
  /// `clusters.csv`.
  public static let nycDefaults: [Cluster] = [
    Cluster(id: "automotive", name: "Automotive & Transportation"),
    Cluster(id: "business", name: "Business & Finance"),
    Cluster(id: "construction", name: "Construction & Sustainability"),
    Cluster(id: "culinary", name: "Culinary Arts, Hospitality & Tourism"),
    Cluster(id: "engineering", name: "Engineering, Architecture & Robotics"),
    Cluster(id: "healthcare", name: "Healthcare"),
    Cluster(id: "it", name: "Information Technology"),
    Cluster(id: "media", name: "Media Technology & Design"),
  ]
}
