/// A problem found while building a ``PlacementInstance``, located by record and field so that
/// readers can turn it into `file:line:column`.
public struct InstanceIssue: Hashable, Sendable, Codable, CustomStringConvertible {
  /// Whether the issue stops the run.
  public enum Severity: String, Hashable, Sendable, Codable {
    case error, warning
  }

  /// The record an issue is about: which table and which 0-based row of it.
  public enum Record: Hashable, Sendable, Codable {
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
    /// A rule of the activity menu (`activities.csv`).
    case activity(Int)
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
