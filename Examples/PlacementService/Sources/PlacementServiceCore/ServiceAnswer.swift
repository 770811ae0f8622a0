import Foundation
import InternMatch

/// An HTTP answer of the service: its status code, media type, extra headers and body bytes.
///
/// Every answer but a successful `text/csv` one is JSON. Failures share one shape:
///
/// ```json
/// {"error": "bad-data", "message": "2 errors in the dataset",
///  "issues": [{"file": "worksites.csv", "line": 4, "column": 12, "severity": "error",
///              "message": "capacity 'ten' is not an integer"}]}
/// ```
public struct ServiceAnswer: Sendable, Hashable {
  /// The HTTP status code.
  public var status: Int
  /// The `Content-Type` of ``body``.
  public var contentType: String
  /// Headers besides `Content-Type`, by name.
  public var headers: [String: String] = [:]
  /// The body.
  public var body: [UInt8]

  /// The kinds of failure, as the `error` member of a failure's body names them.
  public enum Failure: String, Sendable, CaseIterable {
    /// 400: the request is malformed (body, media type, query parameter).
    case badRequest = "bad-request"
    /// 413: the body is larger than the service accepts.
    case tooLarge = "too-large"
    /// 422: a required file (`students.csv`, `worksites.csv`) is missing from the upload.
    case missingInput = "missing-input"
    /// 422: the dataset's files have errors, each located as file:line:column.
    case badData = "bad-data"
    /// 422: the strategy cannot honour a rule of the data.
    case refused
    /// 422: the data admit no placement under their own rules.
    case infeasible
    /// 500: a backend failed, or a result failed its independent checks (a bug).
    case backend

    /// The HTTP status code of this kind of failure.
    public var status: Int {
      switch self {
      case .badRequest: 400
      case .tooLarge: 413
      case .missingInput, .badData, .refused, .infeasible: 422
      case .backend: 500
      }
    }
  }

  /// A JSON failure answer of `kind`, with `message`, every issue and optionally a run's record.
  public static func failure(
    _ kind: Failure, _ message: String, issues: [DatasetIssue] = [], run: PlacementRun? = nil
  ) -> ServiceAnswer {
    let document = FailureDocument(
      error: kind.rawValue, message: message, issues: issues.map(IssueDocument.init),
      status: run?.status.rawValue, run: run?.manifest)
    return ServiceAnswer(status: kind.status, contentType: jsonType, body: json(document))
  }

  /// The media type of every JSON answer.
  public static let jsonType = "application/json; charset=utf-8"
  /// The media type of a `placements.csv` answer.
  public static let csvType = "text/csv; charset=utf-8"

  /// `value` as compact JSON with sorted keys and a final newline.
  static func json(_ value: some Encodable) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // The documents are plain structs of strings, numbers and arrays: encoding them cannot fail
    // but through a programming error.
    guard let data = try? encoder.encode(value) else {
      preconditionFailure("PlacementService: an answer could not be encoded as JSON")
    }
    return [UInt8](data) + [UInt8(ascii: "\n")]
  }
}

/// A failure's body.
struct FailureDocument: Encodable {
  var error: String
  var message: String
  var issues: [IssueDocument]
  /// The run's status (`refused`, `infeasible`) when a run took place.
  var status: String?
  /// The run's manifest when a run took place.
  var run: RunManifest?
}

/// One dataset issue with every member present (`null` where there is no line or column).
struct IssueDocument: Encodable {
  var file: String
  var line: Int?
  var column: Int?
  var severity: String
  var message: String

  init(_ issue: DatasetIssue) {
    file = issue.file
    line = issue.line
    column = issue.column
    severity = issue.severity.rawValue
    message = issue.message
  }

  enum CodingKeys: String, CodingKey { case file, line, column, severity, message }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(file, forKey: .file)
    try c.encode(line, forKey: .line)
    try c.encode(column, forKey: .column)
    try c.encode(severity, forKey: .severity)
    try c.encode(message, forKey: .message)
  }
}
