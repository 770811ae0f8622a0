import InternMatchModel

/// Side constraints for generated cohorts that exercise the MIP: minimum group sizes on a share
/// of worksites, and linked pairs of students (siblings or friends sharing a commute: the same
/// school and cluster).
///
/// ```swift
/// var rng = SplitMix64(seed: 9)
/// let links = SideRuleSampler.links(3, among: students, using: &rng)  // 3 disjoint pairs
/// ```
///
/// - Complexity: O(S + W).
enum SideRuleSampler {
  /// Gives a minimum group of 2 or 3 (never above capacity) to `share` of the worksites with at
  /// least 2 seats, drawn uniformly.
  static func minimumGroups(
    share: Double, of worksites: inout [Worksite], using rng: inout SplitMix64
  ) {
    var candidates = worksites.indices.filter { worksites[$0].capacity >= 2 }
    let count = min(candidates.count, Int((share * Double(worksites.count)).rounded()))
    for k in 0..<count {
      candidates.swapAt(k, k + Int(rng.next() % UInt64(candidates.count - k)))
      let j = candidates[k]
      worksites[j].minimumGroupSize = min(worksites[j].capacity, 2 + Int(rng.next() % 2))
    }
  }

  /// Up to `count` disjoint pairs of students who share a school and a cluster.
  static func links(_ count: Int, among students: [Student], using rng: inout SplitMix64)
    -> [StudentLink]
  {
    var byGroup: [String: [Int]] = [:]
    for (i, s) in students.enumerated() {
      byGroup[s.school + "/" + s.cluster, default: []].append(i)
    }
    var groups = byGroup.keys.sorted().compactMap { byGroup[$0] }.filter { $0.count >= 2 }
    var links: [StudentLink] = []
    while links.count < count, !groups.isEmpty {
      let g = Int(rng.next() % UInt64(groups.count))
      var members = groups[g]
      let a = members.remove(at: Int(rng.next() % UInt64(members.count)))
      let b = members.remove(at: Int(rng.next() % UInt64(members.count)))
      links.append(StudentLink(first: students[a].id, second: students[b].id))
      if members.count >= 2 { groups[g] = members } else { groups.remove(at: g) }
    }
    return links
  }
}
