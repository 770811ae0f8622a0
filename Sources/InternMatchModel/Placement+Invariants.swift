/// A broken rule in a placement: what an independent check of any solver's result finds.
public enum PlacementViolation: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The placement covers a different number of students than the instance has.
  case studentCountMismatch(expected: Int, actual: Int)
  /// A student is assigned to a worksite index that does not exist.
  case unknownWorksite(student: Int, worksite: Int)
  /// A student is assigned to a worksite not among their eligible choices.
  case notAnEligibleChoice(student: Int, worksite: Int)
  /// A worksite holds more students than its capacity.
  case overCapacity(worksite: Int, assigned: Int, capacity: Int)

  public var description: String {
    switch self {
    case .studentCountMismatch(let e, let a): "placement has \(a) students, instance \(e)"
    case .unknownWorksite(let s, let w): "student #\(s) assigned to unknown worksite #\(w)"
    case .notAnEligibleChoice(let s, let w):
      "student #\(s) assigned to worksite #\(w), not an eligible choice of theirs"
    case .overCapacity(let w, let n, let c): "worksite #\(w) holds \(n) students, capacity \(c)"
    }
  }
}

extension PlacementInstance {
  /// Every rule `placement` breaks: one seat per student (by construction), a worksite only from
  /// the student's own eligible choices, and no worksite over capacity. Empty means valid.
  ///
  /// ```swift
  /// instance.violations(in: placement).isEmpty  // true for any solver's result
  /// ```
  ///
  /// - Complexity: O(S·k + W).
  public func violations(in placement: Placement) -> [PlacementViolation] {
    guard placement.assignment.count == students.count else {
      return [.studentCountMismatch(expected: students.count, actual: placement.assignment.count)]
    }
    var found: [PlacementViolation] = []
    var load = [Int](repeating: 0, count: worksites.count)
    for s in 0..<students.count {
      guard let w = placement.worksite(of: s) else { continue }
      guard w < worksites.count else {
        found.append(.unknownWorksite(student: s, worksite: w))
        continue
      }
      if choices.rank(of: s, for: w) == nil {
        found.append(.notAnEligibleChoice(student: s, worksite: w))
      }
      load[w] += 1
    }
    for (w, n) in load.enumerated() where n > worksites[w].capacity {
      found.append(.overCapacity(worksite: w, assigned: n, capacity: worksites[w].capacity))
    }
    return found
  }
}
