import ArgumentParser
import Foundation
import InternMatch

/// `internmatch generate`: writes a synthetic NYC-calibrated cohort as a dataset directory.
struct GenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Write a seeded, NYC-calibrated synthetic cohort (students, worksites, rankings).",
    discussion:
      "Derived from public NYC data (Datasets/reference/README.md). The same seed gives the same files."
  )

  @Option(help: "Number of students (0 to 1,000,000).")
  var students: Int

  @Option(help: "Seed of the generator.")
  var seed: UInt64 = 1

  @Option(help: "Seats per student across all worksites.")
  var seatsPerStudent: Double = 1.05

  @Option(help: "Choices listed per student (at most).")
  var choices: Int = 10

  @Option(help: "Share (0–1) of worksites with a minimum group size of 2 or 3.")
  var minGroupShare: Double = 0

  @Option(help: "Linked student pairs to write to links.csv (same school and cluster).")
  var linkedPairs: Int = 0

  @Flag(
    help:
      "Add the menu of work-based learning: tours and mock interviews with time slots, career days, teachers with externships, activities.csv."
  )
  var activities = false

  @Option(help: "Directory to write the dataset into.")
  var output: String

  func validate() throws {
    guard (0...1_000_000).contains(students) else {
      throw ValidationError("--students must be between 0 and 1,000,000")
    }
    guard seatsPerStudent > 0, seatsPerStudent.isFinite else {
      throw ValidationError("--seats-per-student must be positive")
    }
    guard (1...50).contains(choices) else { throw ValidationError("--choices must be 1 to 50") }
    guard (0...1).contains(minGroupShare) else {
      throw ValidationError("--min-group-share must be between 0 and 1")
    }
    guard linkedPairs >= 0 else { throw ValidationError("--linked-pairs must not be negative") }
    guard linkedPairs <= students / 2 else {
      throw ValidationError(
        "--linked-pairs \(linkedPairs) needs at least \(2 * linkedPairs) students (--students is \(students))"
      )
    }
  }

  func run() throws {
    let clock = ContinuousClock()
    let start = clock.now
    let cohort = CohortGenerator(
      .init(
        studentCount: students, seed: seed, seatsPerStudent: seatsPerStudent,
        choicesPerStudent: choices, minimumGroupShare: minGroupShare, linkedPairs: linkedPairs,
        activities: activities)
    ).generate()
    let files = DatasetWriter.files(
      students: cohort.students, worksites: cohort.worksites, rankings: cohort.rankings,
      rules: cohort.rules)
    do {
      try AtomicWriter.write(
        files.map { ((output as NSString).appendingPathComponent($0.name), Data($0.contents.utf8)) }
      )
    } catch {
      printError("error: \(error)")
      throw ExitStatus.cannotCreateOutput
    }
    if cohort.rules.links.count < linkedPairs {
      printError(
        "warning: \(cohort.rules.links.count) of \(linkedPairs) linked pairs made: only students "
          + "sharing a school and a cluster are linked, each at most once")
    }
    let seats = cohort.worksites.reduce(0) { $0 + $1.capacity }
    let teachers = cohort.students.count { $0.role == .teacher }
    print(
      "Generated \(cohort.students.count - teachers) students"
        + (activities ? " and \(teachers) teachers" : "") + ", \(cohort.worksites.count) worksites "
        + "(\(seats) seats), \(cohort.rankings.count) ranking entries, seed \(seed) in "
        + String(format: "%.0f ms", milliseconds(start, clock.now)) + " → \(output)")
  }
}
