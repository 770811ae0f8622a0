import Foundation
import InternMatchIO
import InternMatchModel
import InternMatchPipeline
import InternMatchTestSupport
import PropertyBased
import Testing

/// Properties of the whole pipeline over small generated datasets whose cells are drawn from
/// valid values and the kinds of mistakes districts' exports hold (negative, huge or textual
/// numbers, NaN shares, unknown and duplicate ids, contradicting pins and links).
@Suite("generated datasets: read, place, write")
struct GeneratedDatasetPropertyTests {
  /// Draws for one cell each: the codes of students, worksites and side rules.
  struct Draw: Sendable, CustomStringConvertible {
    var students: [Int]
    var worksites: [Int]
    var rules: [Int]
    var policy: Int

    var description: String {
      "students \(students), worksites \(worksites), rules \(rules), policy \(policy)"
    }

    /// Whether every cell is drawn from valid values only (half the draws: most of the rest
    /// are read errors, and the solvers must see many datasets that read).
    var clean: Bool { policy % 2 == 0 }

    /// Picks `options[code / divisor % count]`, only among the first `valid` when ``clean``.
    func pick<T>(_ options: [T], _ code: Int, _ divisor: Int, valid: Int? = nil) -> T {
      let count = clean ? (valid ?? options.count) : options.count
      return options[(code / divisor) % count]
    }

    var files: [String: [UInt8]] {
      let capacities = ["0", "1", "2", "3", "-1", "x", "99999999999999999999", "", "10000001"]
      let limits = ["", "", "1", "2", "-2", "9223372036854775807"]
      let reserves = ["", "", "ell:1", "ell:50%", "iep:2;ell:1", "ell:nan%", "ell:9", "bad"]
      var worksitesCSV = "id,cluster,capacity,max_per_school,min_group,reserve,employer\n"
      for (j, code) in worksites.enumerated() {
        worksitesCSV +=
          "W\(j),it,\(pick(capacities, code, 1, valid: 4)),\(pick(limits, code, 9, valid: 4)),"
          + "\(pick(["", "", "2", "0"], code, 54)),\(pick(reserves, code, 216, valid: 5)),"
          + "\(pick(["", "E"], code, 1728))\n"
      }
      var studentsCSV = "id,school,cluster,groups,age,preferences\n"
      for (i, code) in students.enumerated() {
        let listed = (0..<worksites.count + 1).filter { code >> $0 & 1 == 1 }.map {
          $0 < worksites.count ? "W\($0)" : "Q"
        }
        // Now and then a duplicate id.
        let id = !clean && code % 97 == 0 && i > 0 ? "S\(i - 1)" : "S\(i)"
        studentsCSV +=
          "\(id),K\(code % 2),\(pick(["it", "it", "it", "robots"], code, 64, valid: 3)),"
          + "\(pick(["", "ell", "iep"], code, 256)),\(pick(["16", "", "200"], code, 768, valid: 2)),"
          + listed.joined(separator: ";") + "\n"
      }
      var files: [String: [UInt8]] = [
        "students.csv": Array(studentsCSV.utf8), "worksites.csv": Array(worksitesCSV.utf8),
      ]
      var pins = "student,worksite\n"
      var links = "student_a,student_b\n"
      for code in rules where !students.isEmpty && !worksites.isEmpty {
        let a = "S\(code % students.count)"
        let b = "S\(code / 7 % students.count)"
        if code % 3 == 0 {
          pins += "\(a),W\(code / 3 % worksites.count)\n"
        } else {
          links += "\(a),\(b)\n"
        }
      }
      if rules.contains(where: { $0 % 3 == 0 }) { files["pins.csv"] = Array(pins.utf8) }
      if rules.contains(where: { $0 % 3 != 0 }) { files["links.csv"] = Array(links.utf8) }
      if worksites.contains(where: { $0 / 1728 % 2 == 1 }) {
        files["employers.csv"] = Array(
          "id,capacity\nE,\(pick(["1", "3", "-1"], policy / 2, 1, valid: 2))\n".utf8)
      }
      let policies = [
        nil, #"{"reserves_revert": false}"#, #"{"school_floor": 0.5}"#,
        #"{"priority_groups": ["ell"], "reserve_order": "open-first"}"#, #"{"seed": 7,}"#,
        #"{"mip_time_limit_seconds": 5, "mip_gap": 0.5}"#, #"{"strategy": "stable"}"#,
      ]
      if let policy = policies[(policy / 2) % (clean ? 4 : policies.count)] {
        files["policy.json"] = Array(policy.utf8)
      }
      return files
    }
  }

  static let draws = Gen.int(in: 0...4095).array(of: 0...7)

  @Test("a clean draw reads, and a draw with a bad cell does not")
  func drawsReadOrNot() throws {
    let clean = Draw(students: [3, 5, 6], worksites: [1, 2], rules: [3], policy: 0)
    let dataset = try DatasetReader.read(.files(clean.files))
    #expect(dataset.instance.students.count == 3)
    let bad = Draw(students: [3], worksites: [4], rules: [], policy: 1)
    #expect(throws: DatasetError.self) { try DatasetReader.read(.files(bad.files)) }
  }

  @Test(
    "no trap; a read error is bad data; read OK ⇒ every strategy places or refuses as a value; outputs both or neither"
  )
  func pipeline() async throws {
    await propertyCheck(
      count: 150, input: Self.draws, Gen.int(in: 0...4095).array(of: 1...5),
      Gen.int(in: 0...999).array(of: 0...3), Gen.int(in: 0...99)
    ) { students, worksites, rules, policy in
      let draw = Draw(students: students, worksites: worksites, rules: rules, policy: policy)
      let dataset: Dataset
      do throws(DatasetError) {
        dataset = try DatasetReader.read(.files(draw.files))
      } catch {
        #expect(error.kind == .badData, "\(draw)")
        #expect(!error.errors.isEmpty, "\(draw)")
        return
      }
      for strategy in StrategyName.allCases {
        let run: PlacementRun
        do {
          run = try PlacementRun(dataset, configuration: .init(strategy: strategy, seed: 3))
        } catch {
          Issue.record("validate said OK, \(strategy.rawValue) failed: \(error) — \(draw)")
          continue
        }
        let names = run.outputs().map(\.name).sorted()
        #expect(
          run.result == nil ? names.isEmpty : names == ["placements.csv", "summary.json"],
          "\(strategy.rawValue): \(names) — \(draw)")
        guard run.result != nil, strategy == .optimal else { continue }
        // All or nothing on disk: a set that cannot be completed leaves the directory as it was.
        guard let out = try? Paths.temporaryDirectory() else { continue }
        try? FileManager.default.createDirectory(
          atPath: out + "/summary.json", withIntermediateDirectories: false)
        #expect(throws: AtomicWriter.WriteError.self) { try run.write(to: out) }
        #expect(!FileManager.default.fileExists(atPath: out + "/placements.csv"))
      }
    }
  }
}

@Suite("strategy names")
struct StrategyNameListTests {
  @Test("policy.json accepts exactly the strategies the command line runs")
  func namesAgree() {
    #expect(Policy.strategyNames == StrategyName.allCases.map(\.rawValue))
  }
}
