import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a set of files so that a reader sees the old set or the new set, never a mix — also
/// when several runs write into one directory at once, when a write fails, and when a run is
/// killed between renames.
///
/// ```swift
/// try AtomicWriter.write([("out/placements.csv", csv), ("out/summary.json", json)])
/// let files = try AtomicWriter.read(["out/placements.csv", "out/summary.json"])  // one set
/// ```
///
/// How (a lock, a journal, and renames):
/// 1. Every file is written to a temporary of its own in its directory
///    (`.NAME.tmp-PID-N-RANDOM`, created exclusively) and flushed with `fsync`; runs do this at
///    the same time. A failure here removes the temporaries and leaves the old files untouched.
/// 2. The writer takes an exclusive `flock` on `.internmatch.lock` in every directory of the set
///    (in sorted order), so concurrent runs commit one set at a time. A target that is a
///    directory is refused now, before anything is replaced.
/// 3. It writes the journal `.internmatch.journal` (each temporary and its final path, and each
///    file a replaced directory loses), flushes it and renames it into place: from then on the
///    set is committed.
/// 4. It renames every temporary over its final path, removes the files a replaced directory
///    loses, flushes the directory, and removes the journal.
///
/// A directory the set *replaces* (``write(_:replacing:)``, such as `rosters/letters/`) ends
/// with the set's files in it and no others: its other files (not its dot-files, not its
/// subdirectories) are removed in step 4, as part of the set.
///
/// A run killed during step 4 (even by `SIGKILL`) leaves the journal: the next writer into the
/// directory, or ``recover(directory:)`` or ``read(_:)``, finishes its renames under the lock
/// before anything else (roll forward), so a reader that goes through ``read(_:)`` never sees a
/// mix, and a plain reader sees one only until then. `SIGINT`, `SIGTERM` and `SIGHUP` (when the
/// program has not set its own handlers) remove the temporaries of a set not yet committed and
/// finish the renames of one that is, then end the process as the signal would. Temporaries
/// left by a killed process are removed by the next writer into the directory.
///
/// Threads and processes may call it at once; the lock files stay in the output directories.
///
/// - Complexity: O(total bytes) written; two `fsync`s per file and two per directory.
package enum AtomicWriter {
  /// A failure to write output (public as ``OutputWriteError``).
  package typealias WriteError = OutputWriteError

  static let lockName = ".internmatch.lock"
  static let journalName = ".internmatch.journal"

  /// Writes every `(path, contents)` pair as one set, creating parent directories as needed.
  /// Each directory in `replacing` is replaced as a whole: its files that the set does not
  /// write are removed with the set.
  package static func write(
    _ files: [(path: String, contents: Data)], replacing: [String] = []
  ) throws(WriteError) {
    try write(files, replacing: replacing, renamesBeforeStopping: nil)
  }

  /// ``write(_:replacing:)``; with `renamesBeforeStopping`, returns after that many renames,
  /// leaving the journal as a killed run would (for tests of recovery).
  package static func write(
    _ files: [(path: String, contents: Data)], replacing: [String] = [],
    renamesBeforeStopping: Int?
  ) throws(WriteError) {
    guard !files.isEmpty else { return }
    SignalCleanup.installOnce()
    let targets = files.map { absolute($0.path) }
    let replaced = replacing.map(absolute)
    let directories = Array(Set(targets.map(parent) + replaced)).sorted()
    for directory in directories { try makeDirectories(directory) }

    // 1. Temporaries, written at the same time as other runs write theirs.
    let set = SignalCleanup.register()
    defer { SignalCleanup.unregister(set) }
    var temporaries: [String] = []
    do throws(WriteError) {
      for (target, file) in zip(targets, files) {
        let temporary = temporaryName(for: target)
        temporaries.append(temporary)
        SignalCleanup.add(temporary: temporary, final: target, to: set)
        try writeFully(file.contents, to: temporary)
      }
      pauseForTests()
      // 2. The lock, and what a killed run left.
      let locks = try directories.map { (d: String) throws(WriteError) in try Lock(directory: d) }
      defer { for lock in locks { lock.release() } }
      for directory in directories { try recoverLocked(directory: directory) }
      for target in targets {
        var info = stat()
        if lstat(target, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
          throw WriteError(path: target, reason: "is a directory")
        }
      }
      let removals = staleFiles(in: replaced, keeping: Set(targets))
      if !removals.isEmpty { SignalCleanup.keepJournal(set) }
      // 3. The journal: committed from here on.
      let journalDirectory = directories[0]
      let journal = journalDirectory + "/" + journalName
      var text = ""
      for (temporary, target) in zip(temporaries, targets) {
        text += temporary + "\t" + target + "\n"
      }
      // A removal is a line with no temporary.
      for path in removals { text += "\t" + path + "\n" }
      let journalTemporary = temporaryName(for: journal)
      try writeFully(Data(text.utf8), to: journalTemporary)
      guard rename(journalTemporary, journal) == 0 else {
        let reason = String(cString: strerror(errno))
        unlink(journalTemporary)
        throw WriteError(path: journal, reason: reason)
      }
      SignalCleanup.commit(set, journal: journal)
      syncDirectory(journalDirectory)
      // 4. The renames.
      for (k, (temporary, target)) in zip(temporaries, targets).enumerated() {
        if let stop = renamesBeforeStopping, k == stop { return }
        guard rename(temporary, target) == 0 else {
          // The journal stays: the next writer or reader retries these renames.
          throw WriteError(path: target, reason: String(cString: strerror(errno)))
        }
      }
      for path in removals { unlink(path) }
      for directory in directories { syncDirectory(directory) }
      unlink(journal)
      syncDirectory(journalDirectory)
    } catch {
      if !SignalCleanup.isCommitted(set) { for t in temporaries { unlink(t) } }
      throw error
    }
  }

  /// Finishes the renames of a set whose writer was killed after committing it, if the
  /// journal in `directory` says there is one.
  package static func recover(directory: String) throws(WriteError) {
    let directory = absolute(directory)
    let lock = try Lock(directory: directory)
    defer { lock.release() }
    try recoverLocked(directory: directory)
  }

  /// The contents of `paths`, read as one set: under the lock of their directories, after
  /// finishing any set a killed writer committed.
  package static func read(_ paths: [String]) throws(WriteError) -> [Data] {
    let targets = paths.map(absolute)
    let directories = Array(Set(targets.map(parent))).sorted()
    let locks = try directories.map { (d: String) throws(WriteError) in try Lock(directory: d) }
    defer { for lock in locks { lock.release() } }
    for directory in directories { try recoverLocked(directory: directory) }
    var contents: [Data] = []
    for path in targets {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw WriteError(path: path, reason: "cannot be read")
      }
      contents.append(data)
    }
    return contents
  }

  /// Rolls the journal in `directory` forward and removes temporaries of dead processes; the
  /// caller holds the lock.
  private static func recoverLocked(directory: String) throws(WriteError) {
    let journal = directory + "/" + journalName
    var named: Set<String> = []
    if let data = FileManager.default.contents(atPath: journal) {
      for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
        let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
          .map(String.init)
        guard parts.count == 2 else { continue }
        if parts[0].isEmpty {
          unlink(parts[1])  // a file the set removes; already gone when the writer got there
          continue
        }
        named.insert(parts[0])
        // A temporary already renamed is gone; the others are renamed now.
        if access(parts[0], F_OK) == 0, rename(parts[0], parts[1]) != 0 {
          throw WriteError(path: parts[1], reason: String(cString: strerror(errno)))
        }
      }
      syncDirectory(directory)
      unlink(journal)
      syncDirectory(directory)
    }
    // Temporaries of processes that no longer run (killed before committing).
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
      return
    }
    for name in names where name.hasPrefix(".") && name.contains(".tmp-") {
      let path = directory + "/" + name
      guard !named.contains(path), let pid = ownerProcess(ofTemporary: name) else { continue }
      if kill(pid, 0) != 0, errno == ESRCH { unlink(path) }
    }
  }

  /// The files (and symbolic links) in `directories` that are not dot-files and not among
  /// `keeping`, sorted: what replacing those directories removes.
  private static func staleFiles(in directories: [String], keeping: Set<String>) -> [String] {
    var stale: [String] = []
    for directory in directories {
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
        continue
      }
      for name in names.sorted() where !name.hasPrefix(".") {
        let path = directory + "/" + name
        var info = stat()
        guard !keeping.contains(path), lstat(path, &info) == 0 else { continue }
        let type = info.st_mode & S_IFMT
        if type == S_IFREG || type == S_IFLNK { stale.append(path) }
      }
    }
    return stale
  }

  /// The process id in a temporary's name `.NAME.tmp-PID-N-RANDOM`.
  static func ownerProcess(ofTemporary name: String) -> pid_t? {
    guard let range = name.range(of: ".tmp-", options: .backwards) else { return nil }
    let fields = name[range.upperBound...].split(separator: "-")
    guard fields.count == 3, let pid = pid_t(fields[0]), pid > 0 else { return nil }
    return pid
  }

  private static let counter = Counter()

  /// For the end-to-end tests of interrupted runs only: `INTERNMATCH_TEST_WRITE_PAUSE_MS`
  /// holds a run with its temporaries written and nothing committed, so that a test can signal
  /// it there.
  private static func pauseForTests() {
    guard let text = ProcessInfo.processInfo.environment["INTERNMATCH_TEST_WRITE_PAUSE_MS"],
      let ms = UInt32(text), ms <= 60_000
    else { return }
    usleep(ms * 1000)
  }

  /// A fresh temporary name beside `path`.
  private static func temporaryName(for path: String) -> String {
    let name = (path as NSString).lastPathComponent
    return parent(path)
      + "/.\(name).tmp-\(getpid())-\(counter.next())-\(UInt32.random(in: 0...UInt32.max))"
  }

  private static func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    return FileManager.default.currentDirectoryPath + "/" + path
  }

  private static func parent(_ path: String) -> String {
    let directory = (path as NSString).deletingLastPathComponent
    return directory.isEmpty ? "/" : directory
  }

  /// `mkdir -p`, with the system's reason on failure.
  private static func makeDirectories(_ directory: String) throws(WriteError) {
    var info = stat()
    if stat(directory, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFDIR else {
        throw WriteError(path: directory, reason: "is not a directory")
      }
      return
    }
    let up = parent(directory)
    if up != directory { try makeDirectories(up) }
    if mkdir(directory, 0o755) != 0, errno != EEXIST {
      throw WriteError(path: directory, reason: String(cString: strerror(errno)))
    }
  }

  private static func writeFully(_ data: Data, to path: String) throws(WriteError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
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

  private static func syncDirectory(_ directory: String) {
    let fd = open(directory, O_RDONLY)
    guard fd >= 0 else { return }
    fsync(fd)
    close(fd)
  }

  /// An exclusive `flock` on a directory's lock file, held until ``release()``.
  private struct Lock {
    let fd: Int32

    init(directory: String) throws(WriteError) {
      let path = directory + "/" + AtomicWriter.lockName
      fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
      guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
      while flock(fd, LOCK_EX) != 0 {
        guard errno == EINTR else {
          let reason = String(cString: strerror(errno))
          close(fd)
          throw WriteError(path: path, reason: reason)
        }
      }
    }

    func release() {
      flock(fd, LOCK_UN)
      close(fd)
    }
  }

  /// A process-wide counter for temporary names.
  private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
      lock.lock()
      defer { lock.unlock() }
      value += 1
      return value
    }
  }
}

/// The C library's `write(2)`, named apart from ``AtomicWriter/write(_:)``.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, bytes, count)
}
