import InternMatchGenerator
import InternMatchModel
import Testing

/// `generate --activities`: the menu layer is seeded, leaves the cohort under it unchanged, and
/// looks like a city's menu of work-based learning.
@Suite("Cohort generator: the menu of activities")
struct MenuGeneratorTests {
  static func cohort(_ n: Int, seed: UInt64, activities: Bool = true) -> GeneratedCohort {
    CohortGenerator(.init(studentCount: n, seed: seed, activities: activities)).generate()
  }

  @Test("the same seed gives the identical menu; another seed another")
  func deterministic() {
    let a = Self.cohort(2_000, seed: 4)
    let b = Self.cohort(2_000, seed: 4)
    #expect(a.students == b.students && a.worksites == b.worksites && a.rules == b.rules)
    #expect(a.worksites != Self.cohort(2_000, seed: 5).worksites)
  }

  @Test("the menu leaves the cohort under it as it was", arguments: [1, 300, 3_000])
  func baseUnchanged(n: Int) {
    let plain = Self.cohort(n, seed: 8, activities: false)
    let menu = Self.cohort(n, seed: 8)
    #expect(plain.rules.activities == nil)
    #expect(menu.rankings == plain.rankings)
    // The cohort's own worksites keep their ids, clusters and order; only tours and mock
    // interviews get slots (and smaller groups).
    #expect(menu.worksites.prefix(plain.worksites.count).map(\.id) == plain.worksites.map(\.id))
    for (old, new) in zip(plain.worksites, menu.worksites) {
      #expect(old.cluster == new.cluster && old.kind == new.kind && old.employer == new.employer)
      if old.kind != .workplaceTour && old.kind != .mockInterview { #expect(old == new) }
    }
    // Students keep every attribute and their own list, in order, among the menu entries.
    let own = Set(plain.worksites.map(\.id))
    for (old, new) in zip(plain.students, menu.students) {
      var stripped = new
      stripped.preferences = new.preferences.filter { own.contains($0) }
      #expect(stripped == old)
    }
  }

  @Test("tours, interviews, career days, externships and teachers look like a city's menu")
  func realism() throws {
    let c = Self.cohort(20_000, seed: 9)
    let students = c.students.filter { $0.role == .student }
    let teachers = c.students.filter { $0.role == .teacher }
    #expect(students.count == 20_000)
    #expect(teachers.count == 333)  // one per 60 students
    let byID = Dictionary(uniqueKeysWithValues: c.worksites.map { ($0.id, $0) })
    #expect(byID.count == c.worksites.count)
    // Every kind is offered.
    #expect(Set(c.worksites.map(\.kind)) == Set(WorksiteKind.allCases))
    // Tours: groups of 10–25 (the cohort's own at most 25) in one or two slots; volunteers: one
    // seat in six 20-minute slots; every tour and interview has slots, nothing else does.
    for w in c.worksites {
      switch w.kind {
      case .workplaceTour:
        #expect((1...2).contains(w.slots.count) && w.capacity <= 25, "\(w.id)")
        if w.id.hasPrefix("T") { #expect(w.capacity >= 10, "\(w.id)") }
      case .mockInterview:
        #expect(w.slots.count == 6 && w.capacity <= 3, "\(w.id)")
        if w.id.hasPrefix("M") { #expect(w.capacity == 1, "\(w.id)") }
      default:
        #expect(w.slots.isEmpty, "\(w.id)")
      }
    }
    // Slot conflicts: some tour labels are interview labels.
    let interviewLabels = Set(c.worksites.filter { $0.kind == .mockInterview }.flatMap(\.slots))
    let shared = c.worksites.filter { $0.kind == .workplaceTour }
      .filter { !interviewLabels.isDisjoint(with: $0.slots) }
    #expect(shared.count > 50)
    // Lists: valid ids, no repeats; teachers list externships only, students never.
    for p in c.students {
      #expect(Set(p.preferences).count == p.preferences.count, "\(p.id)")
      for id in p.preferences {
        let kind = try #require(byID[id], "\(p.id) lists unknown \(id)").kind
        #expect((kind == .teacherExternship) == (p.role == .teacher), "\(p.id): \(id)")
      }
    }
    #expect(teachers.allSatisfy { !$0.preferences.isEmpty && $0.grade == nil })
    // Students mix kinds: 60% of the 97% with a list add tours and 70% interviews, and some list
    // the cohort's own tours and interview panels besides.
    func share(_ kind: WorksiteKind) -> Double {
      Double(students.count { $0.preferences.contains { byID[$0]?.kind == kind } })
        / Double(students.count)
    }
    #expect((0.6 * 0.97 - 0.02...0.85).contains(share(.workplaceTour)))
    #expect((0.7 * 0.97 - 0.02...0.9).contains(share(.mockInterview)))
    #expect(share(.careerDay) > 0.15)
    // The menu: one internship, a tour, two interviews with different employers, externships
    // for teachers.
    let menu = try #require(c.rules.activities)
    #expect(menu.rule(for: .mockInterview).maxPerParticipant == 2)
    #expect(menu.rule(for: .mockInterview).maxPerEmployer == 1)
    #expect(menu.rule(for: .internship).maxPerParticipant == 1)
    #expect(menu.rule(for: .teacherExternship).participants == .teacher)
    // The model reads it without a warning.
    let instance = try PlacementInstance(
      students: c.students, worksites: c.worksites, rankings: c.rankings, rules: c.rules)
    #expect(instance.warnings.isEmpty)
  }

  @Test("a small cohort still offers tours, interviews, a career day and an externship")
  func small() {
    let c = Self.cohort(60, seed: 1)
    let kinds = Set(c.worksites.map(\.kind))
    #expect(kinds.isSuperset(of: [.workplaceTour, .mockInterview, .careerDay, .teacherExternship]))
    #expect(c.students.count { $0.role == .teacher } == 1)
  }
}
