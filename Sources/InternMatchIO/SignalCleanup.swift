import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What ``AtomicWriter`` does when `SIGINT`, `SIGTERM` or `SIGHUP` arrives mid-write: remove
/// the temporaries of a set not yet committed, finish the renames of a committed one, then end
/// the process as the signal would.
///
/// The sets in flight live in a fixed table of C strings allocated once, so that the handler
/// only reads memory and calls `unlink` and `rename`, which are async-signal-safe. Registration
/// takes a lock; the handler does not (a signal while a set is being registered may miss that
/// set's newest temporary, which the next writer into the directory removes).
enum SignalCleanup {
  static let sets = 64
  static let filesPerSet = 16

  /// One set in flight: its state (0 free, 1 writing, 2 committed), its journal and files.
  private struct Slot {
    var state: Int32 = 0
    var journal: UnsafeMutablePointer<CChar>?
    var count: Int32 = 0
    /// Whether every file of the set is in the table (else the journal must stay).
    var complete = true
  }

  nonisolated(unsafe) private static let slots: UnsafeMutablePointer<Slot> = {
    let p = UnsafeMutablePointer<Slot>.allocate(capacity: sets)
    p.initialize(repeating: Slot(), count: sets)
    return p
  }()
  /// Temporary and final path of file `k` of set `s` at `2 * (s * filesPerSet + k)` and `+ 1`.
  nonisolated(unsafe) private static let paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> =
    {
      let p = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(
        capacity: 2 * sets * filesPerSet)
      p.initialize(repeating: nil, count: 2 * sets * filesPerSet)
      return p
    }()
  private static let lock = NSLock()
  nonisolated(unsafe) private static var installed = false

  /// Installs the handler for each signal still at its default action, once per process.
  static func installOnce() {
    lock.lock()
    defer { lock.unlock() }
    guard !installed else { return }
    installed = true
    for sig in [SIGINT, SIGTERM, SIGHUP] {
      let previous = signal(sig, handle)
      // The program chose its own action (or to ignore the signal): keep it.
      if let previous, unsafeBitCast(previous, to: Int.self) != 0 { signal(sig, previous) }
    }
  }

  /// A new set's slot number, or -1 when the table is full (then signals remove nothing).
  static func register() -> Int {
    lock.lock()
    defer { lock.unlock() }
    for s in 0..<sets where slots[s].state == 0 {
      slots[s] = Slot(state: 1, journal: nil, count: 0, complete: true)
      return s
    }
    return -1
  }

  /// Records a temporary of set `s` and the path it will be renamed to.
  static func add(temporary: String, final: String, to s: Int) {
    guard s >= 0 else { return }
    lock.lock()
    defer { lock.unlock() }
    let k = Int(slots[s].count)
    guard k < filesPerSet else {
      slots[s].complete = false
      return
    }
    paths[2 * (s * filesPerSet + k)] = strdup(temporary)
    paths[2 * (s * filesPerSet + k) + 1] = strdup(final)
    slots[s].count += 1
  }

  /// Keeps set `s`'s journal when a signal finishes its renames: the set does more than its
  /// renames (it removes files), which the next writer or reader finishes from the journal.
  static func keepJournal(_ s: Int) {
    guard s >= 0 else { return }
    lock.lock()
    defer { lock.unlock() }
    slots[s].complete = false
  }

  /// Marks set `s` committed: from now on a signal finishes its renames.
  static func commit(_ s: Int, journal: String) {
    guard s >= 0 else { return }
    lock.lock()
    defer { lock.unlock() }
    slots[s].journal = strdup(journal)
    slots[s].state = 2
  }

  static func isCommitted(_ s: Int) -> Bool {
    guard s >= 0 else { return false }
    lock.lock()
    defer { lock.unlock() }
    return slots[s].state == 2
  }

  /// Frees set `s`'s slot.
  static func unregister(_ s: Int) {
    guard s >= 0 else { return }
    lock.lock()
    defer { lock.unlock() }
    slots[s].state = 0
    for k in 0..<(2 * Int(slots[s].count)) {
      free(paths[2 * s * filesPerSet + k])
      paths[2 * s * filesPerSet + k] = nil
    }
    free(slots[s].journal)
    slots[s] = Slot()
  }
}

/// The signal handler: only reads the table and calls async-signal-safe functions.
private func handle(_ sig: Int32) {
  SignalCleanup.cleanUp()
  signal(sig, SIG_DFL)
  raise(sig)
}

extension SignalCleanup {
  fileprivate static func cleanUp() {
    for s in 0..<sets {
      let state = slots[s].state
      guard state != 0 else { continue }
      for k in 0..<Int(slots[s].count) {
        guard let temporary = paths[2 * (s * filesPerSet + k)] else { continue }
        if state == 2, let final = paths[2 * (s * filesPerSet + k) + 1] {
          rename(temporary, final)
        } else {
          unlink(temporary)
        }
      }
      if state == 2, slots[s].complete, let journal = slots[s].journal { unlink(journal) }
    }
  }
}
