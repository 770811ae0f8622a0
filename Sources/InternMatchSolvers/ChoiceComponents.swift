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
/// - Complexity: O((S + W + L) α(W)) with union–find (Tarjan 1975), path halving and union by
///   size.
public struct ChoiceComponents: Sendable {
  /// Students of each component, in increasing index order.
  public let students: [[Int]]
  /// Worksites of each component, in increasing index order.
  public let worksites: [[Int]]

  /// Finds the components of `choices`.
  public init(_ choices: ChoiceTable, worksiteCount: Int) {
    var parent = Array(0..<worksiteCount)
    var size = [Int](repeating: 1, count: worksiteCount)
    func find(_ x: Int) -> Int {
      var x = x
      while parent[x] != x {
        parent[x] = parent[parent[x]]
        x = parent[x]
      }
      return x
    }
    for s in 0..<choices.studentCount {
      let range = choices.range(of: s)
      guard let first = range.first else { continue }
      let a = find(Int(choices.worksite[first]))
      for c in range.dropFirst() {
        var root = find(Int(choices.worksite[c]))
        var other = find(a)
        guard root != other else { continue }
        if size[root] < size[other] { swap(&root, &other) }
        parent[other] = root
        size[root] += size[other]
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
      let root = find(Int(choices.worksite[first]))
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
