import Testing

@testable import InternMatchModel

@Suite("EligibilityTable")
struct EligibilityTableTests {
  /// Random students and worksites whose tokens come from `tokens` credentials and blocks
  /// (more than 64 of either kind sends the table to the sets).
  func market(seed: UInt64, tokens: Int) -> (students: [Student], worksites: [Worksite]) {
    var random = SplitMix64(seed: seed)
    func pick(_ n: Int) -> Int { Int(random.next() % UInt64(max(n, 1))) }
    func set(_ prefix: String, _ count: Int) -> Set<String> {
      Set((0..<count).map { _ in "\(prefix)\(pick(tokens))" })
    }
    func place() -> Coordinate? {
      pick(4) == 0 ? nil : Coordinate(latitude: 40.5 + Double(pick(50)) / 100, longitude: -74)
    }
    let students = (0..<60).map { i in
      Student(
        id: "S\(i)", school: "X", cluster: "it", grade: pick(3) == 0 ? nil : 9 + pick(4),
        age: pick(3) == 0 ? nil : 14 + pick(5), location: place(),
        credentials: set("c", pick(3)), availability: set("b", pick(4)))
    }
    let worksites = (0..<30).map { j in
      Worksite(
        id: "W\(j)", cluster: "it", capacity: 1, location: place(),
        minimumAge: pick(2) == 0 ? 0 : 15 + pick(3), minimumGrade: pick(2) == 0 ? 0 : 10 + pick(2),
        requiredCredentials: set("c", pick(3)), schedule: set("b", pick(4)))
    }
    return (students, worksites)
  }

  @Test("checks on bit masks equal Ineligibility.check, with and without numbered sets")
  func masksEqualSets() {
    for (seed, tokens) in [(1, 5), (2, 12), (3, 40), (4, 200)] as [(UInt64, Int)] {
      let (students, worksites) = market(seed: seed, tokens: tokens)
      // Students with equal sets share a number, as a reader that interns them gives.
      var numbers: [Set<String>: Int32] = [:]
      func number(_ set: Set<String>) -> Int32 {
        if set.isEmpty { return -1 }
        if let n = numbers[set] { return n }
        numbers[set] = Int32(numbers.count)
        return Int32(numbers.count - 1)
      }
      let setNumbers = students.map { (number($0.credentials), number($0.availability)) }
      for policy in [Policy(), Policy(maximumDistanceKilometres: 20)] {
        for numbered in [setNumbers, []] {
          let table = EligibilityTable(
            students: students, worksites: worksites, policy: policy, setNumbers: numbered)
          students.withUnsafeBufferPointer { s in
            worksites.withUnsafeBufferPointer { w in
              for i in s.indices {
                for j in w.indices {
                  #expect(
                    table.check(student: i, of: s, worksite: j, of: w)
                      == Ineligibility.check(student: s[i], worksite: w[j], policy: policy))
                }
              }
            }
          }
        }
      }
    }
  }
}
