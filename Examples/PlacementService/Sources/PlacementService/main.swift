// A district placement service on the loopback interface, with the InternMatch library.
//
//     swift run PlacementService [--port N] [--max-upload-mib N]
//
// The port also comes from the environment variable PLACEMENT_SERVICE_PORT (the option wins);
// the default is 8080, and 0 picks a free port. The service binds 127.0.0.1 only.
import Foundation
import Hummingbird
import PlacementServiceCore

let usage = """
  usage: PlacementService [--port N] [--max-upload-mib N]

    --port N            the TCP port on 127.0.0.1 (default: $PLACEMENT_SERVICE_PORT, else 8080;
                        0 picks a free port)
    --max-upload-mib N  the largest request body accepted, in MiB (default: 32)

  Endpoints: GET /health, POST /placements?strategy=…&seed=… (see README.md).
  """

/// Prints `message` and the usage to standard error and exits 64 (bad usage).
func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("error: \(message)\n\n\(usage)\n".utf8))
  exit(64)
}

var port = 8080
if let value = ProcessInfo.processInfo.environment["PLACEMENT_SERVICE_PORT"] {
  guard let number = Int(value), (0...65535).contains(number) else {
    fail("PLACEMENT_SERVICE_PORT '\(value)' is not a port number")
  }
  port = number
}
var maximumUploadBytes = PlacementServer.defaultMaximumUploadBytes
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  switch argument {
  case "--port":
    guard let value = arguments.popFirst(), let number = Int(value), (0...65535).contains(number)
    else { fail("--port needs a port number (0–65535)") }
    port = number
  case "--max-upload-mib":
    guard let value = arguments.popFirst(), let number = Int(value), (1...4096).contains(number)
    else { fail("--max-upload-mib needs a number of MiB (1–4096)") }
    maximumUploadBytes = number << 20
  case "-h", "--help":
    print(usage)
    exit(0)
  default:
    fail("unknown argument '\(argument)'")
  }
}

let server = PlacementServer(maximumUploadBytes: maximumUploadBytes)
let app = server.application(port: port) { port in
  // Unbuffered, so that a script reading the output sees the line at once.
  FileHandle.standardOutput.write(
    Data("PlacementService listening on http://\(PlacementServer.host):\(port)\n".utf8))
}
try await app.runService()
