import Foundation
import InternMatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one-line progress display on stderr of `solve` and `rematch`: the phase, the time so
/// far, and a branch-and-cut search's incumbent, bound and gap, redrawn in place (`\r`, erase
/// line) four times a second. It appears only once a run has taken a second and only when
/// stderr is a terminal; `INTERNMATCH_PROGRESS=always` shows it from the start on any stderr
/// and `never` hides it. Every other line written to stderr erases it first (``interrupt()``),
/// and ``finish()`` erases it before the summary is printed and at exit. `--quiet` hides it.
final class ProgressLine: @unchecked Sendable {
  /// The process's display (one run per process).
  static let shared = ProgressLine()

  private let lock = NSLock()
  private let clock = ContinuousClock()
  private var start: ContinuousClock.Instant?
  private var phase = "read"
  private var search: PlacementRun.Progress?
  private var shown = false
  private var finished = false
  private var timer: DispatchSourceTimer?

  /// Whether to draw at all, and after how long.
  private let delay: Duration?

  private init() {
    switch ProcessInfo.processInfo.environment["INTERNMATCH_PROGRESS"] {
    case "always": delay = .zero
    case "never": delay = nil
    default: delay = isatty(2) != 0 ? .seconds(1) : nil
    }
  }

  /// Starts the clock and the redraw timer (the `read` phase).
  func start(at now: ContinuousClock.Instant) {
    guard delay != nil else { return }
    lock.withLock { start = now }
    let timer = DispatchSource.makeTimerSource(queue: .global())
    timer.schedule(deadline: .now() + .milliseconds(250), repeating: .milliseconds(250))
    timer.setEventHandler { [weak self] in self?.draw() }
    timer.resume()
    lock.withLock { self.timer = timer }
    // An error exit (a thrown exit code) leaves no half-drawn line behind.
    atexit { ProgressLine.shared.finish() }
    draw()
  }

  /// Records what the run is doing; a new phase, and a search's first report, are drawn at once.
  func update(_ progress: PlacementRun.Progress) {
    guard delay != nil else { return }
    let drawNow: Bool
    switch progress {
    case .phase(let name):
      lock.withLock {
        phase = name
        search = nil
      }
      drawNow = true
    case .branchAndCut:
      // A search's first report is drawn at once; the timer draws the rest.
      drawNow = lock.withLock {
        defer { search = progress }
        return search == nil
      }
    }
    if drawNow { draw() }
  }

  /// Erases the line, if shown, so that another line can be written; the timer redraws it.
  func interrupt() {
    lock.withLock { eraseLocked() }
  }

  /// Erases the line for good and stops the timer.
  func finish() {
    lock.withLock {
      finished = true
      timer?.cancel()
      eraseLocked()
    }
  }

  private func eraseLocked() {
    if shown { write("\r\u{1B}[K") }
    shown = false
  }

  private func draw() {
    lock.withLock {
      guard let delay, let start, !finished else { return }
      let elapsed = clock.now - start
      guard elapsed >= delay else { return }
      let seconds =
        Double(elapsed.components.seconds)
        + Double(elapsed.components.attoseconds) / 1e18
      var line = "internmatch: \(phase) · \(String(format: "%.1f", seconds)) s"
      if case .branchAndCut(let incumbent, let bound, let gap, let nodes) = search {
        var parts = ["branch-and-cut: \(nodes) nodes"]
        if let incumbent { parts.append("best \(String(format: "%.0f", incumbent))") }
        if let bound { parts.append("bound \(String(format: "%.0f", bound))") }
        if let gap { parts.append("gap \(String(format: "%.2g", 100 * gap))%") }
        line += " · " + parts.joined(separator: ", ")
      }
      write("\r\u{1B}[K" + line)
      shown = true
    }
  }

  private func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
