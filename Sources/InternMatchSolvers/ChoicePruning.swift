import InternMatchModel

/// Exact reductions of an unconstrained placement problem before it is solved: list entries that
/// no optimal placement needs are dropped, and students whose first choice is sure are placed.
///
/// Call a worksite *undersubscribed* when the students listing it eligibly are no more than its
/// seats. If student `s`'s `k`-th eligible choice `w` is undersubscribed, some optimal placement
/// gives `s` a choice of rank ≤ rank(w): in any placement where `s` is worse off or unplaced,
/// `w` has a free seat (fewer than its applicants other than `s` can be there), and moving `s` to
/// `w` places as many students or more at no greater cost. So entries after the first
/// undersubscribed one can be dropped; and when that is `s`'s first choice, `s` can be placed
/// there at once — which leaves the worksite undersubscribed for everyone else (one seat and one
/// applicant fewer). Valid only without side constraints (pins, school or employer limits,
/// reserves, floors), which the exchange could break.
///
/// ```swift
/// let pruned = ChoicePruning(instance)
/// pruned.fixed.count   // students placed at their undersubscribed first choice
/// ```
///
/// - Complexity: O(L + W).
struct ChoicePruning {
  /// For each student, the entries of the instance's ``ChoiceTable`` still in play (empty for a
  /// fixed student).
  var kept: [Range<Int>]
  /// Students placed at their first choice, with its entry.
  var fixed: [(student: Int, entry: Int)]
  /// Seats left at each worksite after the fixed placements.
  var capacity: [Int]
  /// Entries dropped in all (fixed students' included).
  var dropped: Int

  init(_ instance: PlacementInstance) {
    let choices = instance.choices
    var demand = [Int](repeating: 0, count: instance.worksites.count)
    for c in 0..<choices.count { demand[Int(choices.worksite[c])] += 1 }
    var capacity = instance.worksites.map(\.capacity)
    let undersubscribed = capacity.indices.map { demand[$0] <= capacity[$0] }
    var kept: [Range<Int>] = []
    kept.reserveCapacity(instance.students.count)
    var fixed: [(student: Int, entry: Int)] = []
    var dropped = 0
    for s in 0..<instance.students.count {
      let range = choices.range(of: s)
      guard let cut = range.first(where: { undersubscribed[Int(choices.worksite[$0])] }) else {
        kept.append(range)
        continue
      }
      if cut == range.lowerBound {
        fixed.append((s, cut))
        capacity[Int(choices.worksite[cut])] -= 1
        kept.append(cut..<cut)
        dropped += range.count
      } else {
        kept.append(range.lowerBound..<(cut + 1))
        dropped += range.upperBound - cut - 1
      }
    }
    self.kept = kept
    self.fixed = fixed
    self.capacity = capacity
    self.dropped = dropped
  }
}
