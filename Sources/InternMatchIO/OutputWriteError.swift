/// A failure to write a run's outputs, with the path and the system's reason: nothing of the
/// set was written (see README "Guarantees"; exit 73 on the command line).
///
/// ```swift
/// do { try run.write(to: "/read-only/out") } catch {
///   print(error)  // cannot write /read-only/out/.internmatch.lock: Read-only file system
/// }
/// ```
public struct OutputWriteError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The path that could not be written.
  public var path: String
  /// Why.
  public var reason: String

  /// Creates an error.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "cannot write \(path): \(reason)" }
}
