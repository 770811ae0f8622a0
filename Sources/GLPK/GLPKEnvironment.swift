import CGLPK

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Process-wide facts about the GLPK library and its per-thread terminal output.
public enum GLPKEnvironment {
  /// The linked GLPK version, such as `5.0`.
  public static var version: String { String(cString: glp_version()) }

  /// Whether `INTERNMATCH_GLPK_LOG=1` asks for GLPK's own progress messages (on stderr).
  static var isLogging: Bool {
    getenv("INTERNMATCH_GLPK_LOG").map { String(cString: $0) } == "1"
  }

  /// The message level of GLPK's solvers: progress when logging, else none.
  static var messageLevel: Int32 { isLogging ? GLP_MSG_ON : GLP_MSG_OFF }

  /// Keeps GLPK's terminal output off stdout on the calling thread: silenced, or copied to
  /// stderr when the environment variable `INTERNMATCH_GLPK_LOG` is `1`.
  static func routeTerminalOutput() {
    if isLogging {
      glp_term_out(GLP_ON)
      glp_term_hook(
        { _, text in
          if let text { _ = write(2, text, strlen(text)) }  // fd 2: stderr
          return 1  // handled: GLPK prints nothing itself
        }, nil)
    } else {
      glp_term_out(GLP_OFF)
    }
  }
}
