import InternMatchModel

/// The connected components of the student–worksite choice graph: groups of students and
/// worksites that no eligible choice links to anything outside the group.
///
/// Placement problems decompose exactly along components: the maximum number placed and the
/// minimum cost at that number are sums over components, so each can be solved on its own.
///
/// ```swift
/// let parts = ChoiceComponents(instance.choices, worksiteCount: instance.worksites.count)
/// parts.students.count  // number of components holding at least one student with a choice
/// ```
///
/// - Complexity: O((S + W + L) α(W)) with `DisjointSets`.
package struct ChoiceComponents: Sendable {
  /// Students of each component, in increasing index order.
  package let students: [[Int]]
  /// Worksites of each component, in increasing index order.
  package let worksites: [[Int]]

  /// Finds the components of `choices`.
  package init(_ choices: ChoiceTable, worksiteCount: Int) {
    var sets = DisjointSets(count: worksiteCount)
    for s in 0..<choices.studentCount {
      let range = choices.range(of: s)
      guard let first = range.first else { continue }
      for c in range.dropFirst() {
        sets.union(Int(choices.worksite[first]), Int(choices.worksite[c]))
      }
    }
    // Number components in order of their smallest student, for reproducible output.
    var componentOfRoot = [Int](repeating: -1, count: worksiteCount)
    var students: [[Int]] = []
    var worksites: [[Int]] = []
    var used = [Bool](repeating: false, count: worksiteCount)
    for s in 0..<choices.studentCount {
      let range = choices.range(of: s)
      guard let first = range.first else { continue }
      let root = sets.find(Int(choices.worksite[first]))
      if componentOfRoot[root] < 0 {
        componentOfRoot[root] = students.count
        students.append([])
        worksites.append([])
      }
      let k = componentOfRoot[root]
      students[k].append(s)
      for c in range where !used[Int(choices.worksite[c])] {
        used[Int(choices.worksite[c])] = true
        worksites[k].append(Int(choices.worksite[c]))
      }
    }
    self.students = students
    self.worksites = worksites.map { $0.sorted() }
  }
}
