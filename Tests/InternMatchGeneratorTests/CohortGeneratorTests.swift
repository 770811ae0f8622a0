import InternMatchGenerator
import InternMatchModel
import Testing

@Suite("Cohort generator")
struct CohortGeneratorTests {
  static func cohort(_ n: Int, seed: UInt64 = 2026) -> GeneratedCohort {
    CohortGenerator(.init(studentCount: n, seed: seed)).generate()
  }

  @Test("the same seed gives the identical cohort")
  func sameSeed() {
    let a = Self.cohort(3_000, seed: 11)
    let b = Self.cohort(3_000, seed: 11)
    #expect(a.students == b.students)
    #expect(a.worksites == b.worksites)
    #expect(a.rankings == b.rankings)
  }

  @Test("different seeds give different cohorts")
  func differentSeeds() {
    let a = Self.cohort(500, seed: 1)
    let b = Self.cohort(500, seed: 2)
    #expect(a.students != b.students)
    #expect(a.worksites != b.worksites)
  }

  @Test("zero students give an empty cohort")
  func empty() {
    let c = Self.cohort(0)
    #expect(c.students.isEmpty && c.worksites.isEmpty && c.rankings.isEmpty)
  }

  @Test("every size gives valid data", arguments: [1, 2, 100, 5_000])
  func valid(n: Int) throws {
    let c = Self.cohort(n)
    #expect(c.students.count == n)
    #expect(c.worksites.count >= 1)
    #expect(Self.problems(in: c, choices: 10).isEmpty)
    // The model's own validation agrees: no errors, and no skipped entries.
    let instance = try PlacementInstance(
      students: c.students, worksites: c.worksites, rankings: c.rankings)
    #expect(instance.warnings.isEmpty)
  }

  @Test("seats are seatsPerStudent × students, about one worksite per 20 students")
  func seats() {
    for (n, perStudent) in [(100, 1.05), (5_000, 1.05), (2_000, 0.8), (1_000, 2.0)] {
      let c = CohortGenerator(.init(studentCount: n, seed: 5, seatsPerStudent: perStudent))
        .generate()
      let seats = c.worksites.reduce(0) { $0 + $1.capacity }
      #expect(abs(Double(seats) - perStudent * Double(n)) <= 1, "n \(n) × \(perStudent)")
    }
    let c = Self.cohort(20_000)
    #expect((950...1_050).contains(c.worksites.count))
  }

  @Test("lists never exceed choicesPerStudent and handle tiny limits")
  func choiceLimit() {
    for k in [0, 1, 3, 25] {
      let c = CohortGenerator(.init(studentCount: 4_000, seed: 3, choicesPerStudent: k)).generate()
      #expect(Self.problems(in: c, choices: k).isEmpty)
      #expect(c.students.allSatisfy { $0.preferences.count <= k })
      if k > 0 { #expect(c.students.contains { $0.preferences.count == k }) }
    }
  }

  @Test("the cohort looks like NYC's CTE students")
  func realism() throws {
    let c = Self.cohort(20_000, seed: 9)
    let n = Double(c.students.count)
    func share(_ p: (Student) -> Bool) -> Double {
      Double(c.students.filter(p).count) / n
    }
    #expect(abs(share { $0.groups.contains("ell") } - 0.14) < 0.02)
    #expect(abs(share { $0.groups.contains("iep") } - 0.20) < 0.02)
    #expect(abs(share { $0.groups.contains("low-income") } - 0.70) < 0.02)
    #expect(abs(share { $0.preferences.isEmpty } - 0.03) < 0.01)
    #expect(share { ($0.grade ?? 0) >= 11 } > 0.75)
    #expect(
      c.students.allSatisfy { s in
        guard let g = s.grade, let a = s.age else { return false }
        return (10...12).contains(g) && (15...19).contains(a) && (a - g - 5) >= -1
      })
    let construction = c.students.filter { $0.cluster == "construction" }
    let osha = construction.filter { $0.credentials.contains("osha-10") }
    #expect(Double(osha.count) > 0.5 * Double(construction.count))

    // Mostly in the student's own cluster.
    let byID = Dictionary(uniqueKeysWithValues: c.worksites.map { ($0.id, $0) })
    var own = 0
    var all = 0
    for s in c.students {
      for id in s.preferences {
        all += 1
        if byID[id]?.cluster == s.cluster { own += 1 }
      }
    }
    #expect(abs(Double(own) / Double(all) - 0.85) < 0.05)

    // Every borough has students and worksites; every kind appears; rules appear.
    let boroughs = ["Bronx", "Brooklyn", "Manhattan", "Queens", "Staten Island"]
    for b in boroughs {
      #expect(c.students.contains { $0.borough == b })
      #expect(c.worksites.contains { $0.borough == b })
    }
    // Career days and teacher externships come with `generate --activities` (not yet).
    for kind in WorksiteKind.allCases where ![.careerDay, .teacherExternship].contains(kind) {
      #expect(c.worksites.contains { $0.kind == kind })
    }
    #expect(c.worksites.contains { $0.requiredCredentials.contains("osha-10") })
    #expect(c.worksites.contains { $0.requiredCredentials.contains("food-handler") })
    #expect(c.worksites.contains { $0.cluster == "healthcare" && $0.minimumAge == 16 })
    #expect(c.worksites.contains { $0.minimumGrade == 11 })

    // About a fifth of worksites rank their applicants.
    let ranking = Set(c.rankings.map(\.worksite)).count
    #expect((0.1...0.3).contains(Double(ranking) / Double(c.worksites.count)))

    // Popularity is skewed: some worksites get more first choices than seats, some none.
    var first = [String: Int]()
    for s in c.students { if let w = s.preferences.first { first[w, default: 0] += 1 } }
    #expect(c.worksites.contains { (first[$0.id] ?? 0) > $0.capacity })
    #expect(c.worksites.contains { first[$0.id] == nil })

    let instance = try PlacementInstance(
      students: c.students, worksites: c.worksites, rankings: c.rankings)
    // Some listed pairs are ineligible, but most are not.
    let listed = c.students.reduce(0) { $0 + $1.preferences.count }
    let ineligible = Double(instance.ineligibleChoices.count) / Double(listed)
    #expect(ineligible > 0.02 && ineligible < 0.4)
  }

  /// Every broken rule of a generated cohort, for a person.
  static func problems(in c: GeneratedCohort, choices: Int) -> [String] {
    var found: [String] = []
    let clusters = Set(Cluster.nycDefaults.map(\.id))
    let boroughs: Set<String> = ["Bronx", "Brooklyn", "Manhattan", "Queens", "Staten Island"]
    var worksiteIDs = Set<String>()
    for w in c.worksites {
      if !worksiteIDs.insert(w.id).inserted { found.append("duplicate worksite \(w.id)") }
      if !clusters.contains(w.cluster) { found.append("\(w.id): cluster \(w.cluster)") }
      if w.capacity < 0 { found.append("\(w.id): capacity \(w.capacity)") }
      if !boroughs.contains(w.borough ?? "") { found.append("\(w.id): borough") }
      if !(w.location?.isValid ?? false) { found.append("\(w.id): location") }
      if w.employer?.isEmpty ?? true { found.append("\(w.id): employer") }
    }
    var studentIDs = Set<String>()
    for s in c.students {
      if !studentIDs.insert(s.id).inserted { found.append("duplicate student \(s.id)") }
      if !clusters.contains(s.cluster) { found.append("\(s.id): cluster \(s.cluster)") }
      if !boroughs.contains(s.borough ?? "") { found.append("\(s.id): borough") }
      if !(s.location?.isValid ?? false) { found.append("\(s.id): location") }
      if s.school.count != 6 { found.append("\(s.id): school \(s.school)") }
      if s.preferences.count > choices { found.append("\(s.id): \(s.preferences.count) choices") }
      if Set(s.preferences).count != s.preferences.count {
        found.append("\(s.id): repeated choice")
      }
      for id in s.preferences where !worksiteIDs.contains(id) {
        found.append("\(s.id): unknown worksite \(id)")
      }
    }
    var pairs = Set<String>()
    var listedBy = Set<String>()
    for s in c.students { for w in s.preferences { listedBy.insert(w + "/" + s.id) } }
    for r in c.rankings {
      let key = r.worksite + "/" + r.student
      if !pairs.insert(key).inserted { found.append("ranking \(key) twice") }
      if !listedBy.contains(key) { found.append("ranking \(key): student did not list it") }
      if r.rank < 1 { found.append("ranking \(key): rank \(r.rank)") }
    }
    return found
  }
}
