import InternMatchModel

/// A problem in a dataset file, located as `file:line:column` where there is a place to point at.
///
/// ```swift
/// let issue = DatasetIssue(.error, file: "worksites.csv", line: 4, column: 12,
///                          "capacity 'ten' is not an integer")
/// issue.description  // "worksites.csv:4:12: error: capacity 'ten' is not an integer"
/// ```
public struct DatasetIssue: Error, Hashable, Sendable, Codable, CustomStringConvertible {
  /// Error (the dataset cannot be used) or warning (the entry is skipped or ignored).
  public var severity: InstanceIssue.Severity
  /// The file name within the dataset directory, such as `students.csv`.
  public var file: String
  /// The 1-based line, if the issue has one.
  public var line: Int?
  /// The 1-based character column, if the issue has one.
  public var column: Int?
  /// What is wrong, for a person: one line, control characters escaped and at most
  /// 400 characters (a longer message keeps its head and tail; `MessageText`).
  public var message: String
  /// The kind of problem, for tools: a stable kebab-case name such as `unknown-column` or
  /// `not-utf8`, or `check.<column>` for the instance's own checks (listed in
  /// `Datasets/README.md`).
  public var code: String

  /// Creates an issue.
  public init(
    _ severity: InstanceIssue.Severity, file: String, line: Int?, column: Int?, _ message: String,
    code: String = "unclassified"
  ) {
    self.code = code
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.message = MessageText.safe(message)
  }

  /// `file:line:column: severity: message`, leaving out what is unknown.
  public var description: String {
    var place = file
    if let line {
      place += ":\(line)"
      if let column { place += ":\(column)" }
    }
    return "\(place): \(severity.rawValue): \(message)"
  }
}

/// Why a dataset could not be read: the input is missing, or its data is bad.
public struct DatasetError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kind of failure, which decides the command-line exit code.
  public enum Kind: Hashable, Sendable {
    /// A directory or a required file does not exist or cannot be read (exit 66).
    case missingInput
    /// Some data is malformed or inconsistent (exit 65).
    case badData
  }

  /// The kind of failure.
  public var kind: Kind
  /// Every issue found, errors and warnings, in file order.
  public var issues: [DatasetIssue]

  /// Creates an error.
  public init(_ kind: Kind, issues: [DatasetIssue]) {
    self.kind = kind
    self.issues = issues
  }

  /// The errors among ``issues``.
  public var errors: [DatasetIssue] { issues.filter { $0.severity == .error } }

  public var description: String { errors.map(\.description).joined(separator: "\n") }
}
