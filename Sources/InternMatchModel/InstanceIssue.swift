/// A problem found while building a ``PlacementInstance``, located by record and field so that
/// readers can turn it into `file:line:column`.
public struct InstanceIssue: Hashable, Sendable, Codable, CustomStringConvertible {
  /// Whether the issue stops the run.
  public enum Severity: String, Hashable, Sendable, Codable {
    case error, warning
  }

  /// The record an issue is about: which table and which 0-based row of it.
  public enum Record: Hashable, Sendable {
    case cluster(Int)
    case student(Int)
    case worksite(Int)
    case ranking(Int)
    /// The run settings (`policy.json`).
    case policy
    /// An employer capacity (`employers.csv`), a link (`links.csv`) or a pin (`pins.csv`).
    case employer(Int)
    case link(Int)
    case pin(Int)
  }

  /// Error or warning.
  public var severity: Severity
  /// The record at fault.
  public var record: Record
  /// The dataset field (column name) at fault, such as `capacity`.
  public var field: String
  /// What is wrong, for a person.
  public var message: String

  /// Creates an issue.
  public init(_ severity: Severity, _ record: Record, field: String, _ message: String) {
    self.severity = severity
    self.record = record
    self.field = field
    self.message = MessageText.safe(message)
  }

  public var description: String { "\(severity): \(record) \(field): \(message)" }
}

/// A record's JSON names its table and, but for the policy, its 0-based row:
/// `{"table":"student","row":3}`, `{"table":"policy"}`.
extension InstanceIssue.Record: Codable {
  enum CodingKeys: String, CodingKey { case table, row }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let table = try container.decode(String.self, forKey: .table)
    if table == "policy" {
      self = .policy
      return
    }
    let row = try container.decode(Int.self, forKey: .row)
    switch table {
    case "cluster": self = .cluster(row)
    case "student": self = .student(row)
    case "worksite": self = .worksite(row)
    case "ranking": self = .ranking(row)
    case "employer": self = .employer(row)
    case "link": self = .link(row)
    case "pin": self = .pin(row)
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .table, in: container, debugDescription: "unknown table '\(table)'")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    let (table, row): (String, Int?) =
      switch self {
      case .cluster(let r): ("cluster", r)
      case .student(let r): ("student", r)
      case .worksite(let r): ("worksite", r)
      case .ranking(let r): ("ranking", r)
      case .policy: ("policy", nil)
      case .employer(let r): ("employer", r)
      case .link(let r): ("link", r)
      case .pin(let r): ("pin", r)
      }
    try container.encode(table, forKey: .table)
    try container.encodeIfPresent(row, forKey: .row)
  }
}

/// Thrown when a ``PlacementInstance`` cannot be built; lists every error and warning found.
public struct InstanceValidationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Every issue found, errors and warnings, in the order found.
  public var issues: [InstanceIssue]

  /// Creates the error.
  public init(issues: [InstanceIssue]) { self.issues = issues }

  public var description: String {
    issues.filter { $0.severity == .error }.map(\.description).joined(separator: "\n")
  }
}
