import ArgumentParser
import Foundation
import InternMatch

/// `internmatch explain DIR --student ID | --worksite ID`: a plain-English story of one outcome.
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Tell one student's outcome, or one worksite's applicants, in plain English.",
    discussion: """
      Places the dataset as `solve` does (same strategy, seed and rank cost), then tells the \
      story from the same values solve --explain writes: for a student, each choice at or \
      above the one they got and why it was not theirs; for a worksite, its applicants by \
      outcome with counts and cutoffs. No student other than those placed at the worksite is \
      named. With a menu of activities (activities.csv) a student's story goes kind by kind: \
      what they got (rank within the kind, slot), each better choice of the kind and what \
      stopped them, and why they got fewer than they could have.
      """
  )

  @OptionGroup var dataset: DatasetArgument

  @Option(help: "The student to explain.")
  var student: String?

  @Option(help: "The worksite to explain, for its employer.")
  var worksite: String?

  @Option(help: "Strategy (default: policy.json's, else optimal).")
  var strategy: StrategyName?

  @Option(help: "Rank cost of the optimal objective (default: policy.json's, else linear).")
  var rankCost: RankCost?

  @Option(help: "Seed of the run's lotteries (default: policy.json's, else 0).")
  var seed: UInt64?

  func validate() throws {
    guard (student == nil) != (worksite == nil) else {
      throw ValidationError("give exactly one of --student ID and --worksite ID")
    }
  }

  func run() throws {
    let dataset: Dataset
    do {
      dataset = try self.dataset.read()
    } catch {
      throw ExitStatus.report(error, warnings: false)
    }
    let instance = dataset.instance
    if let student, instance.studentIndex[student] == nil {
      printError("error: no student '\(student)' in \(self.dataset.directory)")
      throw ExitStatus.badData
    }
    if let worksite, instance.worksiteIndex[worksite] == nil {
      printError("error: no worksite '\(worksite)' in \(self.dataset.directory)")
      throw ExitStatus.badData
    }
    let run: PlacementRun
    do {
      run = try PlacementRun(
        dataset, source: .directory(self.dataset.directory),
        configuration: .init(strategy: strategy, rankCost: rankCost, seed: seed, explain: true))
    } catch {
      printError("internal error: \(error)")
      throw ExitStatus.internalError
    }
    if let explanations = run.menu?.explanations {
      if let student, let s = instance.studentIndex[student] {
        print(
          ExplanationStory.menu(explanations[s], in: instance, rankCost: run.rankCost),
          terminator: "")
      }
      if let worksite {
        print(
          ExplanationStory.menuWorksite(worksite, explanations: explanations, in: instance),
          terminator: "")
      }
      return
    }
    guard let explanation = run.explanation else {
      printError("error: \(run.problem ?? run.status.rawValue)")
      throw ExitStatus.badData
    }
    if let student, let s = instance.studentIndex[student] {
      print(
        ExplanationStory.student(explanation.students[s], in: instance, rankCost: run.rankCost),
        terminator: "")
    }
    if let worksite, let w = instance.worksiteIndex[worksite] {
      print(
        ExplanationStory.worksite(
          worksite, explanations: explanation.students, seatValue: explanation.seatValues[w],
          in: instance, rankCost: run.rankCost),
        terminator: "")
    }
  }
}
