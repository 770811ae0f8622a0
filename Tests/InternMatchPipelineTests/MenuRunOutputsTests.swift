import Foundation
import InternMatchIO
import InternMatchModel
import InternMatchPipeline
import InternMatchReport
import InternMatchSolvers
import InternMatchTestSupport
import Testing

@Suite("PlacementRun on a menu: report.html, rosters and letters in one set")
struct MenuRunOutputsTests {
  @Test("the report and the rosters join the outputs; placements.csv keeps its bytes")
  func outputs() throws {
    let dataset = try DatasetReader.read(directory: Paths.dataset("menu-tiny"))
    let plain = try PlacementRun(dataset)
    let run = try PlacementRun(
      dataset, configuration: .init(report: true, rosters: true, letters: true))
    #expect(run.status == .optimal)
    #expect(
      run.outputs().map(\.name) == [
        "placements.csv", "summary.json", "report.html", "rosters/by-worksite.csv",
        "rosters/by-school.csv", "rosters/letters.csv", "rosters/letters/Ana.txt",
        "rosters/letters/Ben.txt", "rosters/letters/Cy.txt", "rosters/letters/Tess.txt",
        "rosters/letters/Dan.txt",
      ])
    #expect(run.outputs().first?.contents == plain.outputs().first?.contents)
    // Without the letter files the three rosters only; repeated runs give the same bytes.
    let again = try PlacementRun(dataset, configuration: .init(rosters: true))
    let names = again.outputs().map(\.name)
    #expect(names.last == "rosters/letters.csv" && !names.contains("report.html"))
    let rerun = try PlacementRun(dataset, configuration: .init(rosters: true))
    #expect(
      again.outputs().filter { $0.name.hasPrefix("rosters/") }.map(\.contents)
        == rerun.outputs().filter { $0.name.hasPrefix("rosters/") }.map(\.contents))
  }

  @Test("the rosters hold one row per placements.csv row (by-school) and per placement")
  func rosterRows() throws {
    let dataset = try DatasetReader.read(directory: Paths.dataset("mock-interview-day"))
    let run = try PlacementRun(dataset, configuration: .init(rosters: true))
    let menu = try #require(run.menu)
    let rosters = try #require(run.rosters)
    let lines = { (text: String) in text.split(separator: "\n").count - 1 }
    #expect(lines(rosters.bySchoolCSV) == menu.rows.count)
    #expect(lines(rosters.byWorksiteCSV) == menu.result.placement.count)
    // letters.csv's bodies span lines: count the records, which begin with an id.
    let ids = Set(dataset.instance.students.map(\.id))
    let records = rosters.lettersCSV.split(separator: "\n").filter {
      $0.split(separator: ",").first.map { ids.contains(String($0)) } ?? false
    }
    #expect(records.count == dataset.instance.students.count)
    #expect(rosters.letters.count == dataset.instance.students.count)
    // Every letter names each of the person's activities with its slot.
    for (s, letter) in rosters.letters.enumerated() {
      for e in menu.result.placement.placements(of: s) {
        let site = dataset.instance.worksites[e.worksite]
        let slot = e.slot.map { ", slot " + site.slots[$0] } ?? ""
        #expect(letter.body.contains("(\(site.id))\(slot);"), "\(letter.student) \(site.id)")
      }
    }
    #expect(menu.summary.timingsMilliseconds["rosters"] != nil)
    // Orders: by school then person id; by worksite id, then slot in the row's order, then id.
    let cells = { (text: String) in
      text.split(separator: "\n").dropFirst().map {
        $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      }
    }
    let bySchool = cells(rosters.bySchoolCSV).map { [$0[0], $0[1]] }
    #expect(bySchool == bySchool.sorted { $0.lexicographicallyPrecedes($1) })
    #expect(Set(bySchool.map { $0[0] }).count == 5)
    let sites = dataset.instance.worksites
    let byWorksite = cells(rosters.byWorksiteCSV).map { c -> [String] in
      let w = dataset.instance.worksiteIndex[c[0]] ?? 0
      let slot = sites[w].slots.firstIndex(of: c[3]) ?? -1
      return [c[0], String(format: "%05d", slot), c[4]]
    }
    #expect(byWorksite == byWorksite.sorted { $0.lexicographicallyPrecedes($1) })
  }
}
