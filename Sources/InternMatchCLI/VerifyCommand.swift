import ArgumentParser
import Foundation
import InternMatch

/// `internmatch verify DIR FILE`: audits a placement file against a dataset.
struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Audit a placements.csv (ours or hand-made) against a dataset's rules.",
    discussion: """
      Lists every broken rule as file:line (capacity, eligibility, one row per student, pins, \
      max_per_school, employer capacities, reserves, school floors, links, minimum groups), \
      recomputes the objective and blocking pairs, and says how far the file is from optimal. \
      With a menu of activities (activities.csv): capacities per slot, slot conflicts, one \
      placement per worksite, max_per_participant, max_per_employer, roles, eligibility, each \
      row's kind and slot, and the short rows' reasons; placed and rank cost per kind. Exits 0 \
      when no rule is broken (an improvable file is valid), 65 when one is.
      """
  )

  enum Format: String, CaseIterable, ExpressibleByArgument { case text, json }

  @OptionGroup var dataset: DatasetArgument

  @Argument(help: ArgumentHelp("The placement file to audit.", valueName: "placements.csv"))
  var placements: String

  @Option(help: "Also check that the file is what this strategy gives with the seed.")
  var strategy: StrategyName?

  @Option(help: "Rank cost of the objective (default: policy.json's, else linear).")
  var rankCost: RankCost?

  @Option(help: "Seed of the worksite priorities and lotteries (default: policy.json's, else 0).")
  var seed: UInt64?

  @Option(help: "Output format.")
  var format: Format = .text

  func run() throws {
    let dataset: Dataset
    do {
      dataset = try self.dataset.read()
    } catch {
      throw ExitStatus.report(error, warnings: false)
    }
    if dataset.instance.activities != nil { return try verifyMenu(dataset) }
    let file = try RunOptions.placementFile(placements, instance: dataset.instance)
    let audit: PlacementAudit
    do {
      audit = try PlacementAudit(dataset, file: file, rankCost: rankCost, seed: seed)
    } catch {
      printError("internal error: \(error)")
      throw ExitStatus.internalError
    }
    let runSeed = seed ?? dataset.instance.policy.seed ?? 0
    var reproduces: Int?
    if let strategy {
      do {
        let run = try PlacementRun(
          dataset, configuration: .init(strategy: strategy, rankCost: rankCost, seed: runSeed))
        if let result = run.result {
          reproduces = dataset.instance.students.indices.count {
            result.placement.worksite(of: $0) != audit.placement.worksite(of: $0)
          }
        }
      } catch {
        printError("internal error: \(error)")
        throw ExitStatus.internalError
      }
    }
    switch format {
    case .text: printText(audit, dataset: dataset, reproduces: reproduces, seed: runSeed)
    case .json:
      let manifest = manifest(
        dataset, rankCost: audit.rankCost, seed: runSeed, valid: audit.isValid, file: file.input)
      let report = VerifyReport(audit: audit, differingFromStrategy: reproduces, run: manifest)
      FileHandle.standardOutput.write(PlacementRun.json(report))
    }
    if !audit.isValid { throw ExitStatus.badData }
  }

  private func printText(_ audit: PlacementAudit, dataset: Dataset, reproduces: Int?, seed: UInt64)
  {
    printFindings(audit.findings)
    let students = dataset.instance.students.count
    let o = audit.objective
    print(
      audit.isValid
        ? "OK: \(placements) breaks no rule."
        : "\(audit.findings.count) rule\(audit.findings.count == 1 ? "" : "s") broken.")
    print(
      "Placed \(o.placed) of \(students); rank cost \(o.cost) (\(audit.rankCost.rawValue)); "
        + "blocking pairs \(audit.blockingPairs) (seed \(seed)).")
    if let best = audit.optimum {
      let fewer = best.placed - o.placed
      let more = o.cost - best.cost
      print(
        "Optimal on the same data: \(best.placed) placed, rank cost \(best.cost)"
          + (!audit.isValid
            ? " (the file breaks the rules above)."
            : fewer == 0 && more == 0
              ? " — the file is optimal."
              : fewer == 0
                ? " — the file places as many and costs \(more) more."
                : " — the file places \(fewer) fewer."))
    }
    if let reproduces, let strategy {
      print(
        reproduces == 0
          ? "The file is exactly what \(strategy.rawValue) gives with seed \(seed)."
          : "\(reproduces) students are placed differently from \(strategy.rawValue) with seed \(seed)."
      )
    }
  }
}

/// `verify --format json`: the audit, the comparison and the manifest.
struct VerifyReport: Encodable {
  var audit: PlacementAudit
  var differingFromStrategy: Int?
  var run: RunManifest

  enum CodingKeys: String, CodingKey {
    case valid, findings, placed
    case rankCost = "rank_cost"
    case blockingPairs = "blocking_pairs"
    case optimalPlaced = "optimal_placed"
    case optimalRankCost = "optimal_rank_cost"
    case differingFromStrategy = "differing_from_strategy"
    case run
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(audit.isValid, forKey: .valid)
    try c.encode(audit.findings, forKey: .findings)
    try c.encode(audit.objective.placed, forKey: .placed)
    try c.encode(audit.objective.cost, forKey: .rankCost)
    try c.encode(audit.blockingPairs, forKey: .blockingPairs)
    try c.encode(audit.optimum?.placed, forKey: .optimalPlaced)
    try c.encode(audit.optimum?.cost, forKey: .optimalRankCost)
    try c.encodeIfPresent(differingFromStrategy, forKey: .differingFromStrategy)
    try c.encode(run, forKey: .run)
  }
}

extension VerifyCommand {
  /// `verify` on a dataset with a menu of activities: the ``MenuAudit`` of the file.
  private func verifyMenu(_ dataset: Dataset) throws {
    let file: MenuPlacementFile
    do {
      file = try MenuPlacementFile.read(path: placements, instance: dataset.instance)
    } catch {
      throw ExitStatus.report(error, warnings: false)
    }
    let audit: MenuAudit
    let runSeed = seed ?? dataset.instance.policy.seed ?? 0
    var differing: Int?
    var refusal: String?
    do {
      audit = try MenuAudit(dataset, file: file, rankCost: rankCost)
      if let strategy {
        let run = try PlacementRun(
          dataset, configuration: .init(strategy: strategy, rankCost: rankCost, seed: runSeed))
        if run.status == .refused { refusal = run.problem }
        if let placed = run.menu?.result.placement {
          differing = dataset.instance.students.indices.count {
            Array(placed.placements(of: $0)) != Array(audit.placement.placements(of: $0))
          }
        }
      }
    } catch {
      printError("internal error: \(error)")
      throw ExitStatus.internalError
    }
    switch format {
    case .text:
      printFindings(audit.findings)
      print(
        audit.isValid
          ? "OK: \(placements) breaks no rule."
          : "\(audit.findings.count) rule\(audit.findings.count == 1 ? "" : "s") broken.")
      for k in audit.kinds where k.placed > 0 || (k.optimalPlaced ?? 0) > 0 {
        let optimum =
          k.optimalPlaced.map { placed in
            "; optimal \(placed) placed, rank cost \(k.optimalRankCost ?? 0)"
          } ?? ""
        print(
          "\(k.kind.rawValue): \(k.placed) placed, rank cost \(k.rankCost) "
            + "(\(audit.rankCost.rawValue))\(optimum)")
      }
      if !audit.uncheckedRules.isEmpty {
        print(
          "Not checked with a menu of activities yet: "
            + audit.uncheckedRules.joined(separator: ", ") + ".")
      }
      if let optimal = audit.isOptimal {
        print(
          !audit.isValid
            ? "Optimal per kind as above (the file breaks the rules above)."
            : optimal
              ? "The file is optimal: the same placed and rank cost at every kind."
              : "The file is not optimal: the optimum is better at the first kind that differs.")
      }
      if let refusal, let strategy {
        print("Not compared with \(strategy.rawValue), which refuses this dataset: \(refusal)")
      }
      if let differing, let strategy {
        print(
          differing == 0
            ? "The file is exactly what \(strategy.rawValue) gives with seed \(runSeed)."
            : "\(differing) people are placed differently from \(strategy.rawValue) with seed "
              + "\(runSeed).")
      }
    case .json:
      let manifest = manifest(
        dataset, rankCost: audit.rankCost, seed: runSeed, valid: audit.isValid, file: file.input)
      let report = MenuVerifyReport(
        valid: audit.isValid, findings: audit.findings, kinds: audit.kinds,
        uncheckedRules: audit.uncheckedRules, differingFromStrategy: differing, run: manifest)
      FileHandle.standardOutput.write(PlacementRun.json(report))
    }
    if !audit.isValid { throw ExitStatus.badData }
  }

  /// The manifest of `verify --format json`: status `valid` or `invalid`, the file audited
  /// among the inputs.
  func manifest(
    _ dataset: Dataset, rankCost: RankCost, seed: UInt64, valid: Bool, file: DatasetInput
  ) -> RunManifest {
    var manifest = RunManifest(
      commandLine: CommandLine.arguments, dataset: self.dataset.directory,
      inputs: dataset.inputs, policy: dataset.instance.policy,
      strategy: (strategy ?? .optimal).rawValue, rankCost: rankCost, seed: seed,
      solver: nil, status: valid ? "valid" : "invalid", started: Date())
    manifest.placementInput = file
    return manifest
  }

  /// Prints each finding at each of its locations (the file's name when it has none).
  func printFindings(_ findings: [PlacementAudit.Finding]) {
    for finding in findings {
      for location in finding.locations.isEmpty ? [placements] : finding.locations {
        print("\(location): error: \(finding.rule): \(finding.message)")
      }
    }
  }
}

/// `verify --format json` on a menu: the findings, the numbers per kind and the manifest.
struct MenuVerifyReport: Encodable {
  var valid: Bool
  var findings: [PlacementAudit.Finding]
  var kinds: [MenuAudit.Kind]
  var uncheckedRules: [String]
  var differingFromStrategy: Int?
  var run: RunManifest

  enum CodingKeys: String, CodingKey {
    case valid, findings, kinds, run
    case uncheckedRules = "unchecked_rules"
    case differingFromStrategy = "differing_from_strategy"
  }
}
