import Foundation
import GLPK
import InternMatchIO
import InternMatchModel

/// The record of what went into a run, written as `summary.json`'s `run` object, so that any run
/// can be reproduced and audited: the same inputs (their digests say so) and seed give a
/// byte-identical `placements.csv`.
///
/// ```swift
/// run.manifest.inputs.map(\.sha256)  // what `sha256sum students.csv worksites.csv …` prints
/// run.manifest.version               // InternMatch's version, as `internmatch --version`
/// ```
public struct RunManifest: Hashable, Sendable, Encodable {
  /// InternMatch's version.
  public var version: String = InternMatchVersion.current
  /// The linked GLPK library's version.
  public var glpkVersion: String = GLPKEnvironment.version
  /// The command line of the run, as the program was called.
  public var commandLine: [String]
  /// The dataset directory (or `(uploaded files)`); `nil` when the caller did not say.
  public var dataset: String?
  /// Every dataset file read, with its SHA-256, size in bytes and data rows.
  public var inputs: [DatasetInput]
  /// A placement file the run read besides the dataset (`verify`, `rematch`).
  public var placementInput: DatasetInput?
  /// The effective policy: every setting, defaults filled in, with the run's strategy, seed and
  /// rank cost in place of the file's.
  public var policy: PolicySettings
  /// The strategy, rank cost, seed and backend of the run.
  public var strategy: String
  public var rankCost: RankCost
  public var seed: UInt64
  public var solver: String?
  /// How the run ended (`optimal`, `feasible`, `complete`, `infeasible`, `refused`).
  public var status: String
  /// When the run started, as ISO 8601 in UTC, to the millisecond (truncated):
  /// `2026-12-08T00:45:06.123Z`.
  public var started: String

  /// Creates a record; `policy` is stored with the run's own strategy, seed and rank cost.
  public init(
    commandLine: [String], dataset: String?, inputs: [DatasetInput], policy: Policy,
    strategy: String, rankCost: RankCost, seed: UInt64, solver: String?, status: String,
    started: Date
  ) {
    var effective = policy
    effective.strategy = strategy
    effective.seed = seed
    effective.rankCost = rankCost
    self.commandLine = commandLine
    self.dataset = dataset
    self.inputs = inputs
    self.policy = PolicySettings(effective)
    self.strategy = strategy
    self.rankCost = rankCost
    self.seed = seed
    self.solver = solver
    self.status = status
    // Foundation's own ISO 8601 style, not `ISO8601DateFormatter`: the formatter loads ICU's
    // calendar data on first use (about a millisecond and 160 page faults of every run).
    self.started = started.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
  }

  enum CodingKeys: String, CodingKey {
    case version
    case glpkVersion = "glpk_version"
    case commandLine = "command_line"
    case dataset, inputs
    case placementInput = "placement_input"
    case policy, strategy
    case rankCost = "rank_cost"
    case seed, solver, status, started
  }
}

/// InternMatch's version, as `internmatch --version` prints it and every manifest records it.
public enum InternMatchVersion {
  /// The version of this build: `MAJOR.MINOR.PATCH` (semantic versioning).
  public static let current = "0.6.0"

  /// The version of the GLPK library linked into this build, such as `5.0` (`glp_version`).
  public static var glpk: String { GLPKEnvironment.version }
}
