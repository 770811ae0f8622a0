import InternMatchModel

/// A rank-maximal placement without side rules, by the combinatorial algorithm of Irving,
/// Kavitha, Mehlhorn, Michail & Paluch, "Rank-maximal matchings" (ACM TALG 2(4), 2006), in the
/// capacitated form of Paluch, "Capacitated rank-maximal matchings" (CIAC 2013).
///
/// Phase `i` works on `G'_i`, the choices of rank at most `i` that survive the deletions below,
/// with a matching `M_i` that is maximum in `G'_i` and rank-maximal in `G_i`:
/// 1. augment `M_{i−1}` to a maximum matching of `G'_i` (Hopcroft & Karp, SIAM J. Comput. 1973,
///    layered augmenting paths; a worksite with a free seat ends a path);
/// 2. split the vertices into even, odd and unreachable by alternating paths from free vertices
///    (the Gallai–Edmonds decomposition; a worksite with a free seat is free, and a worksite's
///    seats — its clones — always share one class, since they have the same neighbours);
/// 3. delete every choice of rank above `i` at an odd or unreachable vertex (matched in every
///    maximum matching of `G'_i`, it must keep its rank-`i` profile), and every odd–odd and
///    odd–unreachable choice of `G'_i` (in no maximum matching).
///
/// Matching edges never join those classes, so the deletions keep `M_i`, and the augmentations
/// of the next phase never lose a rank already reached.
///
/// The phases stop early once the matching reaches an upper bound on every matching of the
/// whole graph (every listing student placed, or every seat its applicants can fill taken): a
/// matching rank-maximal in `G_i` and maximum in `G` is rank-maximal in `G`, since a better one
/// would have to win within ranks at most `i` without matching more students.
///
/// ```swift
/// let matching = RankMaximalMatching(choices: instance.choices, capacity: [1, 2])
/// matching.assignment  // worksite of each student, −1 when unplaced
/// ```
///
/// - Complexity: O(R · √S · L) for R distinct ranks, S students and L choices in the worst
///   case (each phase is one Hopcroft–Karp run and one linear decomposition); a vertex closed by
///   a phase is never scanned past its closing rank, and each list is scanned in rank order.
struct RankMaximalMatching {
  /// The worksite of each student, or −1.
  private(set) var assignment: [Int32]
  /// Phases run (distinct ranks).
  private(set) var phases = 0
  /// Augmenting paths applied, over all phases.
  private(set) var augmentations = 0

  private let choices: ChoiceTable
  private let capacity: [Int]
  /// Choices of each worksite, in rank order (entry indices of `choices`).
  private let worksiteOffsets: [Int]
  private let worksiteEntries: [Int32]
  /// The student whose list holds each entry.
  private let entryStudent: [Int32]
  /// The entry each student is matched along, or −1.
  private var matchEntry: [Int32]
  /// The students at each worksite, with each student's slot in that list.
  private var members: [[Int32]]
  private var slot: [Int32]
  /// Deleted choices (rule 3, odd–odd and odd–unreachable).
  private var deleted: [Bool]
  /// The rank above which a vertex has no choices left (rule 3 for odd and unreachable).
  private var studentClosed: [Int32]
  private var worksiteClosed: [Int32]
  private var rank: Int32 = 0

  /// Computes a rank-maximal placement of the students in `choices` into worksites with seats
  /// `capacity`.
  init(choices: ChoiceTable, capacity: [Int]) {
    let students = choices.studentCount
    let worksites = capacity.count
    self.choices = choices
    self.capacity = capacity
    // The worksites' lists, in rank order: entries bucketed by rank, then by worksite.
    let maxRank = Int(choices.rank.max() ?? 0)
    var byRank = [Int](repeating: 0, count: maxRank + 2)
    for r in choices.rank { byRank[Int(r) + 1] += 1 }
    for r in 0..<maxRank + 1 { byRank[r + 1] += byRank[r] }
    var ordered = [Int32](repeating: 0, count: choices.count)
    for c in 0..<choices.count {
      ordered[byRank[Int(choices.rank[c])]] = Int32(c)
      byRank[Int(choices.rank[c])] += 1
    }
    var offsets = [Int](repeating: 0, count: worksites + 1)
    for w in choices.worksite { offsets[Int(w) + 1] += 1 }
    for w in 0..<worksites { offsets[w + 1] += offsets[w] }
    var fill = offsets
    var entries = [Int32](repeating: 0, count: choices.count)
    for c in ordered {
      let w = Int(choices.worksite[Int(c)])
      entries[fill[w]] = c
      fill[w] += 1
    }
    worksiteOffsets = offsets
    var owner = [Int32](repeating: 0, count: choices.count)
    for s in 0..<students { for c in choices.range(of: s) { owner[c] = Int32(s) } }
    entryStudent = owner
    worksiteEntries = entries
    assignment = [Int32](repeating: -1, count: students)
    matchEntry = [Int32](repeating: -1, count: students)
    members = [[Int32]](repeating: [], count: worksites)
    slot = [Int32](repeating: -1, count: students)
    deleted = [Bool](repeating: false, count: choices.count)
    studentClosed = [Int32](repeating: .max, count: students)
    worksiteClosed = [Int32](repeating: .max, count: worksites)

    // No matching of the whole graph is larger than this bound: every listing student, every
    // seat a worksite's applicants can fill.
    var bound = 0
    for w in 0..<worksites { bound += min(capacity[w], offsets[w + 1] - offsets[w]) }
    bound = min(bound, (0..<students).count(where: { !choices.range(of: $0).isEmpty }))
    for r in Set(choices.rank).sorted() {
      rank = r
      phases += 1
      augment()
      // A matching rank-maximal in G_r and as large as any matching of G is rank-maximal in G:
      // a better one would match no more students, so it would beat it within ranks ≤ r.
      if augmentations == bound { break }
      decomposeAndDelete()
    }
    for s in 0..<students where matchEntry[s] >= 0 {
      assignment[s] = choices.worksite[Int(matchEntry[s])]
    }
  }

  /// Whether entry `c` of a student's list belongs to the current phase's graph; `nil` once
  /// the student's list has no more of it (the list is in rank order).
  private func studentEntry(_ c: Int, of s: Int) -> Bool? {
    let r = choices.rank[c]
    if r > rank || r > studentClosed[s] { return nil }
    return !deleted[c] && r <= worksiteClosed[Int(choices.worksite[c])]
  }

  /// Whether `s` sits at the worksite of entry `c` (a list may name a worksite twice).
  private func isMatched(_ s: Int, at c: Int) -> Bool {
    matchEntry[s] >= 0 && choices.worksite[Int(matchEntry[s])] == choices.worksite[c]
  }

  private func hasFreeSeat(_ w: Int) -> Bool { members[w].count < capacity[w] }

  private mutating func move(_ s: Int, along c: Int) {
    if matchEntry[s] >= 0 {
      let old = Int(choices.worksite[Int(matchEntry[s])])
      let last = members[old].removeLast()
      if Int(last) != s {
        members[old][Int(slot[s])] = last
        slot[Int(last)] = slot[s]
      }
    }
    let w = Int(choices.worksite[c])
    slot[s] = Int32(members[w].count)
    members[w].append(Int32(s))
    matchEntry[s] = Int32(c)
  }

  /// Hopcroft–Karp rounds until the matching is maximum in the phase's graph.
  private mutating func augment() {
    let students = choices.studentCount
    let unreached = Int32.max
    var distance = [Int32](repeating: unreached, count: students)
    var seen = [Int32](repeating: -1, count: capacity.count)
    // The layer of the students a full worksite is entered from (its students are one deeper).
    var layer = [Int32](repeating: 0, count: capacity.count)
    var round: Int32 = 0
    var queue: [Int32] = []
    var next = [Int](repeating: 0, count: students)
    var memberCursor = [Int](repeating: 0, count: capacity.count)
    while true {
      round += 1
      // Layers from the free students (breadth-first), up to the first free seat.
      queue.removeAll(keepingCapacity: true)
      for s in 0..<students {
        distance[s] = unreached
        guard matchEntry[s] < 0, let first = choices.range(of: s).first,
          studentEntry(first, of: s) != nil
        else { continue }
        distance[s] = 0
        queue.append(Int32(s))
      }
      var found = false
      var limit = unreached
      var head = 0
      while head < queue.count {
        let u = Int(queue[head])
        head += 1
        if distance[u] >= limit { break }
        for c in choices.range(of: u) {
          guard let inGraph = studentEntry(c, of: u) else { break }
          guard inGraph, !isMatched(u, at: c) else { continue }
          let w = Int(choices.worksite[c])
          if hasFreeSeat(w) {
            found = true
            limit = distance[u] + 1
            continue
          }
          guard seen[w] != round else { continue }
          seen[w] = round
          layer[w] = distance[u]
          for t in members[w] where distance[Int(t)] == unreached {
            distance[Int(t)] = distance[u] + 1
            queue.append(t)
          }
        }
      }
      guard found else { return }
      // Depth-first along the layers, one path from each free student; each worksite's
      // students are offered once per round.
      for s in 0..<students { next[s] = choices.offsets[s] }
      for w in memberCursor.indices { memberCursor[w] = 0 }
      var stack: [Int] = []
      var via: [Int] = []
      for start in 0..<students where distance[start] == 0 {
        stack = [start]
        via.removeAll(keepingCapacity: true)
        search: while let u = stack.last {
          while next[u] < choices.offsets[u + 1] {
            let c = next[u]
            guard let inGraph = studentEntry(c, of: u) else {
              next[u] = choices.offsets[u + 1]
              break
            }
            guard inGraph, !isMatched(u, at: c) else {
              next[u] += 1
              continue
            }
            let w = Int(choices.worksite[c])
            if hasFreeSeat(w) {
              via.append(c)
              for k in stride(from: stack.count - 1, through: 0, by: -1) {
                move(stack[k], along: via[k])
                distance[stack[k]] = unreached
              }
              augmentations += 1
              break search
            }
            while seen[w] == round, layer[w] == distance[u], memberCursor[w] < members[w].count {
              let t = Int(members[w][memberCursor[w]])
              memberCursor[w] += 1
              if distance[t] == distance[u] + 1 {
                stack.append(t)
                via.append(c)
                continue search
              }
            }
            next[u] += 1
          }
          distance[u] = unreached
          stack.removeLast()
          if !via.isEmpty { via.removeLast() }
        }
      }
    }
  }

  /// The even / odd / unreachable split of the phase's graph, then the deletions of rule 3.
  private mutating func decomposeAndDelete() {
    let students = choices.studentCount
    let worksites = capacity.count
    // 0 unreachable, 1 even, 2 odd.
    var studentClass = [UInt8](repeating: 0, count: students)
    var worksiteClass = [UInt8](repeating: 0, count: worksites)
    var queue: [Int] = []  // students as s, worksites as students + w
    for s in 0..<students where matchEntry[s] < 0 {
      studentClass[s] = 1
      queue.append(s)
    }
    for w in 0..<worksites where hasFreeSeat(w) {
      worksiteClass[w] = 1
      queue.append(students + w)
    }
    var head = 0
    while head < queue.count {
      let v = queue[head]
      head += 1
      if v < students {
        if studentClass[v] == 1 {
          for c in choices.range(of: v) {
            guard let inGraph = studentEntry(c, of: v) else { break }
            let w = Int(choices.worksite[c])
            if inGraph, !isMatched(v, at: c), worksiteClass[w] == 0 {
              worksiteClass[w] = 2
              queue.append(students + w)
            }
          }
        } else {
          let w = Int(choices.worksite[Int(matchEntry[v])])
          if worksiteClass[w] == 0 {
            worksiteClass[w] = 1
            queue.append(students + w)
          }
        }
      } else {
        let w = v - students
        if worksiteClass[w] == 2 {
          for t in members[w] where studentClass[Int(t)] == 0 {
            studentClass[Int(t)] = 1
            queue.append(Int(t))
          }
        } else {
          for k in worksiteOffsets[w]..<worksiteOffsets[w + 1] {
            let c = Int(worksiteEntries[k])
            let s = Int(entryStudent[c])
            guard let inGraph = studentEntry(c, of: s) else {
              if choices.rank[c] > rank { break }
              continue
            }
            if inGraph, !isMatched(s, at: c), studentClass[s] == 0 {
              studentClass[s] = 2
              queue.append(s)
            }
          }
        }
      }
    }
    // Odd–odd and odd–unreachable choices leave; odd and unreachable vertices close.
    for s in 0..<students where studentClass[s] != 1 {
      for c in choices.range(of: s) {
        guard let inGraph = studentEntry(c, of: s) else { break }
        let w = Int(choices.worksite[c])
        if inGraph, studentClass[s] == 2 || worksiteClass[w] == 2, worksiteClass[w] != 1 {
          deleted[c] = true
        }
      }
      studentClosed[s] = min(studentClosed[s], rank)
    }
    for w in 0..<worksites where worksiteClass[w] != 1 {
      worksiteClosed[w] = min(worksiteClosed[w], rank)
    }
  }
}
