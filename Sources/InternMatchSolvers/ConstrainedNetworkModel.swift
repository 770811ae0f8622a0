import InternMatchModel

/// The placement problem with its network side constraints as a min-cost circulation — the
/// model both ``ConstrainedAssignmentNetwork`` (network simplex) and ``PlacementMIP`` (GLPK,
/// with the rows a network cannot hold) solve.
///
/// Nodes and arcs (flow runs `S → student → … → T → S`):
/// - `S → s` (capacity 1), or through a school node `S → h → s` when a floor is set, where arc
///   `S → h` has lower bound ⌈floor × placeable students of h⌉;
/// - a pinned student gets lower bound 1 on its entry arc and only arcs to its pinned worksite;
/// - each eligible choice `s → entry(w)` costs `rankCost(rank)`; the entry is `w` itself, or the
///   node `(w, school(s))` with arc `(w, h) → w` of capacity `max_per_school`, or — with
///   reserves that do not revert — one arc to each seat type the student may use (the open seats,
///   capacity − reserved, and the reserve of each of the student's groups);
/// - `w → T` (capacity of w; its flow is w's load), or `w → E → T` through the node of its
///   employer, capacity the employer's;
/// - the return arc `T → S` costs `−M`, `M = 1 + Σ` of every placeable student's largest cost:
///   one more placed student outweighs any change of cost, so a least-cost circulation places
///   the most students and, among those placements, has the least cost.
///
/// At a worksite with both `max_per_school` and seat types, the school limit crosses the seat
/// types and cannot be an arc: it is kept aside in ``schoolLimits`` for an LP row.
///
/// - Complexity: O(S + W + L) nodes and arcs.
struct ConstrainedNetworkModel {
  /// The nodes and arcs.
  var builder: NetworkBuilder
  /// Every arc from a student towards a worksite, with the two.
  var choiceArcs: ChoiceArcs
  /// The arc whose flow is each worksite's load.
  var loadArc: [Int]
  /// The return arc `T → S`: its flow is the number placed.
  var returnArc: Int
  /// School limits the arcs cannot hold, at worksites that also have seat types: at most
  /// `limit` units on `arcs` (one family per worksite and school). Empty means the model is a
  /// network.
  var schoolLimits: [(worksite: Int, limit: Int, arcs: [Int])]
  /// The weight of one moved student in a re-match (``Fixings/previous``); 0 otherwise.
  var disruption: Int

  /// The model's choice arcs as `(arc, student, worksite)`, in the order they were made; held
  /// as three 32-bit integers each (12 bytes, not a tuple's 24: 78 MB less at a million
  /// students' 6.5 million choices).
  ///
  /// ```swift
  /// var arcs = ChoiceArcs()
  /// arcs.append((arc: 7, student: 2, worksite: 0))
  /// arcs[0]  // (arc: 7, student: 2, worksite: 0)
  /// ```
  ///
  /// - Complexity: O(1) to read one or append one (amortised).
  struct ChoiceArcs: RandomAccessCollection {
    private var packed: [Int32] = []

    var startIndex: Int { 0 }
    var endIndex: Int { packed.count / 3 }

    subscript(position: Int) -> (arc: Int, student: Int, worksite: Int) {
      (Int(packed[3 * position]), Int(packed[3 * position + 1]), Int(packed[3 * position + 2]))
    }

    /// Appends a choice arc; every index below 2³¹ (the network's node and arc counts are).
    mutating func append(_ choice: (arc: Int, student: Int, worksite: Int)) {
      packed.append(Int32(choice.arc))
      packed.append(Int32(choice.student))
      packed.append(Int32(choice.worksite))
    }
  }

  /// Decisions fixed in advance (by ``PlacementMIP``'s presolve and repair): students left out,
  /// students restricted to some of their choices, students held at a worksite as if pinned,
  /// and a least load per worksite (0 for none; a worksite closed has its capacity set to 0
  /// instead).
  struct Fixings {
    var excluded: Set<Int> = []
    var allowed: [Int: Set<Int>] = [:]
    var held: [Int: Int] = [:]
    var leastLoad: [Int: Int] = [:]
    var closed: Set<Int> = []
    /// A re-match's previous placement (worksite index per student, `-1` for none): every arc
    /// but a student's arc to their previous worksite costs ``disruptionWeight`` more, so that
    /// among the placements with the most students the fewest previously placed students move
    /// (see ``disruptionWeight``). `nil` outside a re-match.
    var previous: [Int32]? = nil

    /// Holds the linked students `a` and `b` together at worksite `w`, or leaves both out when
    /// `w` is `nil` (a link: the same worksite or both unplaced).
    mutating func hold(linked a: Int, _ b: Int, at w: Int?) {
      if let w {
        held[a] = w
        held[b] = w
      } else {
        excluded.formUnion([a, b])
      }
    }
  }

  /// The value `placement` has in a model with ``Fixings/previous`` and weight `disruption`:
  /// the students placed, and their rank cost plus `disruption` for each placed student not at
  /// their previous worksite — what the model's circulation minimises after `−M·placed`.
  /// Without a previous placement, the instance's own objective.
  static func value(
    of placement: Placement, in instance: PlacementInstance, rankCost: RankCost,
    previous: [Int32]?, disruption: Int
  ) -> PlacementObjective {
    var value = instance.objective(of: placement, rankCost: rankCost)
    guard let previous else { return value }
    for s in instance.students.indices {
      if let w = placement.worksite(of: s), Int(previous[s]) != w { value.cost += disruption }
    }
    return value
  }

  /// The weight `D` of one moved student in a re-match: `1 + Σ` of every placeable student's
  /// largest rank cost. Every arc but a student's arc to their previous worksite costs `D`
  /// more, so a placement's cost is `rank cost + D·(placed − kept)`: with `placed` fixed first
  /// by the return arc's `−M`, one more student kept outweighs any change of rank cost (which
  /// stays below `D`), and among placements keeping as many the least rank cost wins.
  static func disruptionWeight(
    _ instance: PlacementInstance, rankCost: RankCost, students: [Int]
  ) -> Int {
    var weight = 1
    for s in students {
      var worst = 0
      if instance.pinnedWorksite[s] >= 0 {
        worst = rankCost.cost(
          ofRank: instance.rank(of: s, at: Int(instance.pinnedWorksite[s])) ?? 0)
      }
      for c in instance.choices.range(of: s) {
        worst = max(worst, rankCost.cost(ofRank: Int(instance.choices.rank[c])))
      }
      weight += worst
    }
    return weight
  }

  /// Builds the model; with `floor`, school floors as lower bounds; with `reserves`, seat types;
  /// with `onlySchool`, only that school's students take part; with `fixings`, those decisions.
  init(
    _ instance: PlacementInstance, rankCost: RankCost, floor: Double?, reserves: Bool,
    onlySchool: String? = nil, fixings: Fixings = .init()
  ) {
    let choices = instance.choices
    let students = instance.students
    let worksites = instance.worksites
    var builder = NetworkBuilder()
    let source = builder.node()
    let sink = builder.node()

    // Which students can be placed at all: an eligible choice or a pin. The floor counts all
    // of them, even those the fixings leave out.
    let eligible = (0..<students.count).filter {
      (instance.pinnedWorksite[$0] >= 0 || !choices.range(of: $0).isEmpty)
        && (onlySchool == nil || students[$0].school == onlySchool)
    }
    let placeable =
      fixings.excluded.isEmpty ? eligible : eligible.filter { !fixings.excluded.contains($0) }
    // Worksite side: w → (employer →) T.
    var worksiteNode = [Int](repeating: -1, count: worksites.count)
    var loadArc = [Int](repeating: -1, count: worksites.count)
    var employerNode = [Int](repeating: -1, count: instance.rules.employerCapacity.count)
    for (k, e) in instance.rules.employerCapacity.enumerated() {
      employerNode[k] = builder.node()
      builder.arc(employerNode[k], sink, capacity: e.capacity, cost: 0)
    }
    for (w, worksite) in worksites.enumerated() {
      worksiteNode[w] = builder.node()
      let k = Int(instance.employerLimit[w])
      let capacity = fixings.closed.contains(w) ? 0 : worksite.capacity
      loadArc[w] = builder.arc(
        worksiteNode[w], k >= 0 ? employerNode[k] : sink,
        lower: min(fixings.leastLoad[w] ?? 0, capacity), capacity: capacity, cost: 0)
    }
    // Seat types of worksites with non-reverting reserves: the open seats, then one per group.
    var openNode = [Int](repeating: -1, count: worksites.count)
    var reserveNodes = [[(group: String, node: Int)]](repeating: [], count: worksites.count)
    if reserves {
      for (w, worksite) in worksites.enumerated() where !worksite.reserves.isEmpty {
        var reserved = 0
        for r in worksite.reserves {
          let n = r.count(ofCapacity: worksite.capacity)
          reserved += n
          let node = builder.node()
          builder.arc(node, worksiteNode[w], capacity: n, cost: 0)
          reserveNodes[w].append((r.group, node))
        }
        openNode[w] = builder.node()
        builder.arc(openNode[w], worksiteNode[w], capacity: worksite.capacity - reserved, cost: 0)
      }
    }
    // (worksite, school) nodes for max_per_school, made on first use.
    var schoolEntry: [Int: [String: Int]] = [:]
    var schoolLimitArcs: [Int: [String: [Int]]] = [:]
    func entries(of s: Int, at w: Int) -> [Int] {
      if let k = worksites[w].maxPerSchool, openNode[w] < 0 {
        let school = students[s].school
        if let node = schoolEntry[w]?[school] { return [node] }
        let node = builder.node()
        builder.arc(node, worksiteNode[w], capacity: k, cost: 0)
        schoolEntry[w, default: [:]][school] = node
        return [node]
      }
      if openNode[w] >= 0 {
        return [openNode[w]]
          + reserveNodes[w].filter { students[s].groups.contains($0.group) }.map(\.node)
      }
      return [worksiteNode[w]]
    }

    // Student side: S (→ school) → s → entries.
    var schoolNode: [String: Int] = [:]
    if let floor {
      var count: [String: Int] = [:]
      for s in eligible { count[students[s].school, default: 0] += 1 }
      for (school, n) in count.sorted(by: { $0.key < $1.key }) {
        let node = builder.node()
        schoolNode[school] = node
        builder.arc(
          source, node, lower: ConstrainedAssignmentNetwork.required(floor, of: n), capacity: n,
          cost: 0)
      }
    }
    var bigM = 1
    var choiceArcs = ChoiceArcs()
    let previous = fixings.previous
    let disruption =
      previous == nil ? 0 : Self.disruptionWeight(instance, rankCost: rankCost, students: eligible)
    self.disruption = disruption
    func connect(_ s: Int, _ studentNode: Int, to w: Int, cost rankCost: Int) {
      let cost = rankCost + (previous.map { Int($0[s]) == w ? 0 : disruption } ?? 0)
      for entry in entries(of: s, at: w) {
        let arc = builder.arc(studentNode, entry, capacity: 1, cost: cost)
        choiceArcs.append((arc, s, w))
        if worksites[w].maxPerSchool != nil, openNode[w] >= 0 {
          schoolLimitArcs[w, default: [:]][students[s].school, default: []].append(arc)
        }
      }
    }
    for s in placeable {
      let pin = fixings.held[s] ?? Int(instance.pinnedWorksite[s])
      let studentNode = builder.node()
      let from = schoolNode[students[s].school] ?? source
      builder.arc(from, studentNode, lower: pin >= 0 ? 1 : 0, capacity: 1, cost: 0)
      var worst = 0
      if pin >= 0 {
        let cost = rankCost.cost(ofRank: instance.rank(of: s, at: pin) ?? 0)
        worst = cost + disruption
        connect(s, studentNode, to: pin, cost: cost)
      } else {
        let allowed = fixings.allowed[s]
        for c in choices.range(of: s) {
          let w = Int(choices.worksite[c])
          if let allowed, !allowed.contains(w) { continue }
          let cost = rankCost.cost(ofRank: Int(choices.rank[c]))
          worst = max(worst, cost + disruption)
          connect(s, studentNode, to: w, cost: cost)
        }
      }
      bigM += worst
    }
    returnArc = builder.arc(sink, source, capacity: placeable.count, cost: -bigM)
    self.builder = builder
    self.choiceArcs = choiceArcs
    self.loadArc = loadArc
    schoolLimits = schoolLimitArcs.sorted { $0.key < $1.key }.flatMap { w, bySchool in
      bySchool.sorted { $0.key < $1.key }.map { (w, worksites[w].maxPerSchool ?? 0, $0.value) }
    }

  }
}
