import InternMatchModel
import Testing

/// Rankings checked without hashing (pairs bucketed by student) against the plain reading of
/// the rules, with a dictionary of pairs, on seeded small instances full of repeats, unknown
/// ids and ranks out of range.
@Suite("Ranking validation")
struct RankingValidationTests {
  /// The issues and valid rankings the rules ask for, in ranking order: a rank out of range is
  /// an error, an unknown worksite or student a warning, a repeated (worksite, student) pair an
  /// error naming the pair's first ranking; any of them leaves the ranking out.
  static func expected(
    _ rankings: [WorksiteRanking], students: [Student], worksites: [Worksite]
  ) -> (issues: [InstanceIssue], valid: [WorksiteRanking]) {
    var issues: [InstanceIssue] = []
    var valid: [WorksiteRanking] = []
    var first: [String: Int] = [:]
    for (k, r) in rankings.enumerated() {
      var ok = true
      if !DatasetLimits.rank.contains(r.rank) {
        issues.append(
          .init(
            .error, .ranking(k), field: "rank",
            "rank \(r.rank) is out of range (\(DatasetLimits.describe(DatasetLimits.rank)))"))
        ok = false
      }
      let knownWorksite = worksites.contains { $0.id == r.worksite }
      let knownStudent = students.contains { $0.id == r.student }
      if !knownWorksite {
        issues.append(
          .init(
            .warning, .ranking(k), field: "worksite",
            "unknown worksite '\(r.worksite)'; ranking skipped"))
        ok = false
      }
      if !knownStudent {
        issues.append(
          .init(
            .warning, .ranking(k), field: "student",
            "unknown student '\(r.student)'; ranking skipped"))
        ok = false
      }
      if knownWorksite, knownStudent {
        let pair = r.worksite + "|" + r.student
        if let earlier = first[pair] {
          issues.append(
            .init(
              .error, .ranking(k), field: "student",
              "worksite '\(r.worksite)' ranks student '\(r.student)' twice (first at record \(earlier + 1))"
            ))
          ok = false
        } else {
          first[pair] = k
        }
      }
      if ok { valid.append(r) }
    }
    return (issues, valid)
  }

  @Test("issues and valid rankings as the rules say, on 300 seeded instances", arguments: 0..<300)
  func bruteForce(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let studentCount = Int.random(in: 1...6, using: &rng)
    let worksiteCount = Int.random(in: 1...4, using: &rng)
    let students = (0..<studentCount).map { Student(id: "S\($0)", school: "X", cluster: "it") }
    let worksites = (0..<worksiteCount).map { Worksite(id: "W\($0)", cluster: "it", capacity: 1) }
    // Ids one past the last are unknown; ranks 0 and 10,000,001 are out of range.
    let rankings = (0..<Int.random(in: 0...14, using: &rng)).map { _ in
      WorksiteRanking(
        worksite: "W\(Int.random(in: 0...worksiteCount, using: &rng))",
        student: "S\(Int.random(in: 0...studentCount, using: &rng))",
        rank: [0, 1, 2, 3, 10_000_001].randomElement(using: &rng) ?? 1)
    }
    let (issues, valid) = Self.expected(rankings, students: students, worksites: worksites)
    do {
      let instance = try PlacementInstance(
        students: students, worksites: worksites, rankings: rankings)
      #expect(!issues.contains { $0.severity == .error })
      #expect(
        instance.warnings.filter { if case .ranking = $0.record { true } else { false } } == issues)
      #expect(instance.rankings == valid)
      #expect(
        instance.rankingIndices.map { Int($0.rank) } == valid.map(\.rank))
    } catch {
      #expect(issues.contains { $0.severity == .error })
      #expect(
        error.issues.filter { if case .ranking = $0.record { true } else { false } } == issues)
    }
  }
}
