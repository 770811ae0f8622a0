import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import PlacementServiceCore
import ServiceLifecycle

/// An HTTP answer as the client received it.
struct HTTPAnswer: Sendable {
  var status: Int
  var headers: [String: String]
  var body: [UInt8]

  /// The body parsed as a JSON object (empty when it is not one).
  var object: [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
  }
}

/// Runs `body` with the port of a ``PlacementServer`` listening on 127.0.0.1, then shuts it
/// down gracefully (as SIGTERM would).
func withService<T: Sendable>(
  _ server: PlacementServer = PlacementServer(), _ body: @Sendable (Int) async throws -> T
) async throws -> T {
  let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
  var logger = Logger(label: "PlacementServiceTests")
  logger.logLevel = .warning
  let app = server.application(port: 0, logger: logger) { port in continuation.yield(port) }
  let services = ServiceGroup(
    configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
  return try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask { try await services.run() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else { throw CancellationError() }
    let result: Result<T, any Error>
    do {
      result = .success(try await body(port))
    } catch {
      result = .failure(error)
    }
    await services.triggerGracefulShutdown()
    try await group.waitForAll()
    return try result.get()
  }
}

/// Sends one HTTP/1.1 request to 127.0.0.1:`port` over a fresh connection, and reads the answer
/// (SwiftNIO's HTTP codec, so chunked answers are decoded too). A `chunked` body is sent in
/// two chunks without a `Content-Length`.
func send(
  _ method: HTTPMethod, _ target: String, port: Int, headers: [String: String] = [:],
  body: [UInt8] = [], chunked: Bool = false
) async throws -> HTTPAnswer {
  let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
    .connect(host: PlacementServer.host, port: port) { channel in
      channel.eventLoop.makeCompletedFuture {
        try channel.pipeline.syncOperations.addHTTPClientHandlers()
        return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(
          wrappingChannelSynchronously: channel)
      }
    }
  return try await channel.executeThenClose { inbound, outbound in
    var head = HTTPRequestHead(version: .http1_1, method: method, uri: target)
    head.headers.add(name: "Host", value: "\(PlacementServer.host):\(port)")
    head.headers.add(name: "Connection", value: "close")
    if chunked {
      head.headers.add(name: "Transfer-Encoding", value: "chunked")
    } else {
      head.headers.add(name: "Content-Length", value: "\(body.count)")
    }
    for (name, value) in headers { head.headers.add(name: name, value: value) }
    try await outbound.write(.head(head))
    let half = chunked ? body.count / 2 : body.count
    for piece in [body[..<half], body[half...]] where !piece.isEmpty {
      try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: piece))))
    }
    try await outbound.write(.end(nil))
    var answer = HTTPAnswer(status: 0, headers: [:], body: [])
    for try await part in inbound {
      switch part {
      case .head(let response):
        answer.status = Int(response.status.code)
        for (name, value) in response.headers { answer.headers[name.lowercased()] = value }
      case .body(let bytes):
        answer.body += bytes.readableBytesView
      case .end:
        return answer
      }
    }
    throw ClientError.closedEarly
  }
}

/// The connection closed before the answer ended.
enum ClientError: Error { case closedEarly }
