import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a set of files so that a reader sees all of them complete or none of them new: each is
/// written to a temporary file in the same directory, flushed, then renamed into place once every
/// one has been written. A failure removes the temporaries and leaves the old files untouched.
///
/// ```swift
/// try AtomicWriter.write([("out/placements.csv", csv), ("out/summary.json", json)])
/// ```
public enum AtomicWriter {
  /// A failure to write output, with the path and the system's reason.
  public struct WriteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path that could not be written.
    public var path: String
    /// Why.
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }
  }

  /// Writes every `(path, contents)` pair atomically, creating parent directories as needed.
  public static func write(_ files: [(path: String, contents: Data)]) throws(WriteError) {
    var temporaries: [(temporary: String, final: String)] = []
    do throws(WriteError) {
      for (path, data) in files {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
          do {
            try FileManager.default.createDirectory(
              atPath: directory, withIntermediateDirectories: true)
          } catch {
            throw WriteError(path: directory, reason: "\(error.localizedDescription)")
          }
        }
        let name = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).tmp-\(getpid())"
        temporaries.append((temporary, path))
        try writeFully(data, to: temporary)
      }
      for (temporary, final) in temporaries where rename(temporary, final) != 0 {
        throw WriteError(path: final, reason: String(cString: strerror(errno)))
      }
    } catch {
      for (temporary, _) in temporaries { unlink(temporary) }
      throw error
    }
  }

  private static func writeFully(_ data: Data, to path: String) throws(WriteError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    let failed: Bool = data.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return fsync(fd) != 0 }
      var offset = 0
      while offset < buffer.count {
        let n = systemWrite(fd, base + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return true
        }
        offset += n
      }
      return fsync(fd) != 0
    }
    if failed { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
  }
}

/// The C library's `write(2)`, named apart from ``AtomicWriter/write(_:)``.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, bytes, count)
}
