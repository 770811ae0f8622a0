import Foundation
import HTTPTypes
import Hummingbird
import InternMatch
import Logging
import NIOCore
import NIOPosix

/// A district placement service over HTTP: a dataset uploaded to `POST /placements` is placed
/// as `internmatch solve` places it, with ``PlacementRun``, and answered with the placements
/// and the summary.
///
/// ```swift
/// let server = PlacementServer()
/// let app = server.application(port: 8080)  // http://127.0.0.1:8080 only
/// try await app.runService()
/// ```
///
/// - `GET /health`: 200 `{"status": "ok", "version": …}`.
/// - `POST /placements?strategy=…&seed=…` (see ``RunParameters``) with the dataset's files
///   (see ``DatasetUpload``): 200 `{"placements_csv": …, "status": …, "summary": …}`, where
///   `placements_csv` is `placements.csv`'s text and `summary` is `summary.json`'s object byte for
///   byte, run manifest included; with `Accept: text/csv`, `placements.csv` alone (the status in
///   the `X-Placement-Status` header). Failures: see ``ServiceAnswer``.
///
/// A run is synchronous and CPU-bound, so reading the dataset and placing it happen on NIO's
/// blocking thread pool (one thread per core), never on an event loop or on Swift's
/// cooperative pool: requests beyond the cores wait in the pool's queue, and `/health` answers
/// meanwhile.
public struct PlacementServer: Sendable {
  /// The only address the service binds: the IPv4 loopback.
  public static let host = "127.0.0.1"
  /// The default largest request body accepted: 32 MiB, about eight times a city-wide cohort.
  public static let defaultMaximumUploadBytes = 32 << 20

  /// The largest request body accepted, in bytes; a larger one is answered 413.
  public var maximumUploadBytes: Int

  /// Creates a service that accepts bodies of up to `maximumUploadBytes`.
  public init(maximumUploadBytes: Int = defaultMaximumUploadBytes) {
    precondition(maximumUploadBytes > 0, "PlacementServer: the upload limit must be positive")
    self.maximumUploadBytes = maximumUploadBytes
  }

  /// The application serving ``router()`` on `127.0.0.1:port` (0 picks a free port), which
  /// calls `onServerRunning` with the port it listens on and logs to `logger` (default:
  /// Hummingbird's, at the level of the `LOG_LEVEL` environment variable, else `info`).
  public func application(
    port: Int, logger: Logger? = nil,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  ) -> some ApplicationProtocol {
    Application(
      router: router(),
      configuration: .init(
        address: .hostname(Self.host, port: port), serverName: "InternMatch PlacementService"),
      onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
      logger: logger)
  }

  /// The routes: `GET /health` and `POST /placements`.
  public func router() -> Router<BasicRequestContext> {
    let router = Router()
    router.get("health") { _, _ -> Response in
      Self.response(
        ServiceAnswer(
          status: 200, contentType: ServiceAnswer.jsonType,
          body: ServiceAnswer.json(["status": "ok", "version": InternMatchVersion.current])))
    }
    let limit = maximumUploadBytes
    router.post("placements") { request, _ -> Response in
      if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
        return Self.response(Self.tooLarge(limit))
      }
      var request = request
      let body: ByteBuffer
      do {
        body = try await request.collectBody(upTo: limit)
      } catch is NIOTooManyBytesError {
        return Self.response(Self.tooLarge(limit))
      }
      let answer = await placements(
        body: Array(body.readableBytesView), contentType: request.headers[.contentType],
        accept: request.headers[.accept], query: request.uri.query, target: request.uri.string)
      return Self.response(answer)
    }
    return router
  }

  /// The answer to `POST <target>` with `body`, its `Content-Type` and `Accept` headers and
  /// the URI's `query`; `target` is recorded in the run manifest's command line.
  public func placements(
    body: [UInt8], contentType: String?, accept: String?, query: String?, target: String
  ) async -> ServiceAnswer {
    let configuration: PlacementRun.Configuration
    let files: [String: [UInt8]]
    do {
      configuration = try RunParameters.configuration(
        query: query, commandLine: ["PlacementService", "POST", target])
      files = try DatasetUpload.files(body: body, contentType: contentType)
    } catch {
      return .failure(.badRequest, error.message)
    }
    let csv = Self.prefersCSV(accept)
    do {
      return try await NIOThreadPool.singleton.runIfActive {
        Self.place(files, configuration: configuration, csv: csv)
      }
    } catch {
      return .failure(.backend, "the service's thread pool is not running: \(error)")
    }
  }

  /// Reads and places the uploaded `files`; synchronous and CPU-bound.
  static func place(
    _ files: [String: [UInt8]], configuration: PlacementRun.Configuration, csv: Bool
  ) -> ServiceAnswer {
    let clock = ContinuousClock()
    let start = clock.now
    let source = DatasetSource.files(files)
    let dataset: Dataset
    do {
      dataset = try DatasetReader.read(source)
    } catch {
      let errors = error.errors.count
      let message =
        error.kind == .missingInput
        ? "the upload lacks a required file"
        : "\(errors) error\(errors == 1 ? "" : "s") in the dataset"
      return .failure(
        error.kind == .missingInput ? .missingInput : .badData, message, issues: error.issues)
    }
    let read = clock.now - start
    var run: PlacementRun
    do {
      run = try PlacementRun(dataset, source: source, configuration: configuration)
    } catch {
      let violations = error.violations.map { "\($0)" }
      return .failure(
        .backend, ([error.message] + violations).joined(separator: "; "),
        issues: dataset.warnings)
    }
    guard run.status.hasPlacement else {
      return .failure(
        run.status == .infeasible ? .infeasible : .refused, run.problem ?? run.status.rawValue,
        issues: dataset.warnings, run: run)
    }
    run.record(
      "read",
      milliseconds: Double(read.components.seconds) * 1000
        + Double(read.components.attoseconds) / 1e15)
    let outputs = Dictionary(run.outputs().map { ($0.name, $0.contents) }) { first, _ in first }
    let placements = outputs["placements.csv"] ?? Data()
    if csv {
      return ServiceAnswer(
        status: 200, contentType: ServiceAnswer.csvType,
        headers: ["X-Placement-Status": run.status.rawValue], body: Array(placements))
    }
    // `{"placements_csv":…,"status":…` by the encoder, then `summary.json` as it is, so that the
    // answer's summary is the file's object byte for byte.
    var head = ServiceAnswer.json([
      "placements_csv": String(decoding: placements, as: UTF8.self),
      "status": run.status.rawValue,
    ])
    head.removeLast(2)  // the object's closing `}` and the final line end
    var summary = Array(outputs["summary.json"] ?? Data("{}".utf8))
    while summary.last == UInt8(ascii: "\n") { summary.removeLast() }
    return ServiceAnswer(
      status: 200, contentType: ServiceAnswer.jsonType,
      body: head + Array(#","summary":"#.utf8) + summary + Array("}\n".utf8))
  }

  /// Whether `accept` asks for CSV: its first media range that is `text/csv` or
  /// `application/json` is `text/csv` (quality values are not weighed).
  static func prefersCSV(_ accept: String?) -> Bool {
    for range in (accept ?? "").split(separator: ",") {
      let type = MediaType(String(range)).type
      if type == "text/csv" { return true }
      if type == "application/json" { return false }
    }
    return false
  }

  /// The 413 answer.
  static func tooLarge(_ limit: Int) -> ServiceAnswer {
    .failure(.tooLarge, "the request body is larger than the service's limit of \(limit) bytes")
  }

  /// `answer` as a Hummingbird response.
  static func response(_ answer: ServiceAnswer) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = answer.contentType
    for (name, value) in answer.headers {
      if let field = HTTPField.Name(name) { headers[field] = value }
    }
    return Response(
      status: HTTPResponse.Status(code: answer.status), headers: headers,
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
  }
}
