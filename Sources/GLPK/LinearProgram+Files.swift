import CGLPK

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension LinearProgram {
  /// The model file formats GLPK itself reads and writes.
  public enum FileFormat: String, Hashable, Sendable, CaseIterable {
    /// CPLEX LP format (`glp_write_lp`, `glp_read_lp`): readable, opens in glpsol `--lp`,
    /// CPLEX, Gurobi, HiGHS, CBC.
    case lp
    /// Free MPS format (`glp_write_mps`, `glp_read_mps` with `GLP_MPS_FILE`): glpsol `--freemps`
    /// and any MPS reader.
    case mps
  }

  /// The problem — bounds, matrix, objective, integer columns — as GLPK's own writer prints it
  /// in `format`. GLPK writes only to a named file: it writes a private temporary file, which
  /// is read back and removed.
  ///
  /// - Throws: ``GLPKError`` when the temporary file cannot be made or GLPK cannot write it.
  /// - Complexity: O(rows + columns + nonzeros).
  public func fileContents(_ format: FileFormat) throws(GLPKError) -> [UInt8] {
    let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array("\(directory)/internmatch-model-XXXXXX".utf8CString)
    let fd = mkstemp(&template)
    guard fd >= 0 else { throw GLPKError(routine: "mkstemp", code: errno) }
    close(fd)
    let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    defer { unlink(path) }
    let code =
      switch format {
      case .lp: glp_write_lp(problem, nil, path)
      case .mps: glp_write_mps(problem, GLP_MPS_FILE, nil, path)
      }
    guard code == 0 else { throw GLPKError(routine: "glp_write_\(format.rawValue)", code: code) }
    guard let file = fopen(path, "rb") else { throw GLPKError(routine: "fopen", code: errno) }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = fread(&buffer, 1, buffer.count, file)
      if n == 0 { break }
      bytes += buffer[0..<n]
    }
    return bytes
  }

  /// Reads the problem in the file at `path`, written in `format` (by ``fileContents(_:)``,
  /// glpsol or another solver), with GLPK's own reader.
  ///
  /// - Throws: ``GLPKError`` when GLPK cannot read the file.
  @available(*, noasync, message: "GLPK state is thread-local; build and solve synchronously")
  public convenience init(reading path: String, format: FileFormat) throws(GLPKError) {
    self.init()
    let code =
      switch format {
      case .lp: glp_read_lp(problem, nil, path)
      case .mps: glp_read_mps(problem, GLP_MPS_FILE, nil, path)
      }
    guard code == 0 else { throw GLPKError(routine: "glp_read_\(format.rawValue)", code: code) }
  }

  /// Names the problem (the files' `Problem:` line) — at most 255 characters, as GLPK allows.
  public func setName(_ name: String) {
    precondition(name.utf8.count < 256, "LinearProgram: a name has at most 255 bytes")
    glp_set_prob_name(problem, name)
  }

  /// Names column `column` in the files written (GLPK's default names are `x_1`, `x_2`, …) —
  /// at most 255 characters, no spaces.
  public func setColumnName(_ column: Int, _ name: String) {
    precondition(
      name.utf8.count < 256 && !name.contains(" "), "LinearProgram: a column name has no spaces")
    glp_set_col_name(problem, columnNumber(column), name)
  }

  /// Whether some column is integer (so the problem is a MIP for ``branchAndCut(_:)``).
  public var hasIntegerColumns: Bool { glp_get_num_int(problem) > 0 }
}
