/// Minimum-cost maximum flow on a bipartite student → worksite network by the primal–dual
/// method: shortest augmenting paths for all free students at once, in reduced costs, with
/// Dial's bucket queue; then every admissible augmenting path, by depth-first search.
///
/// The network: a source `S` with an arc of capacity 1 and cost 0 to each student, an arc of
/// capacity 1 and cost `c ≥ 0` for each of the student's choices, and an arc of capacity
/// `capacity(w)` and cost 0 from each worksite to a sink `T`. A flow is a placement. Successive
/// shortest paths (Jewell 1958; Busacker & Gowen 1960) keep the flow of each value the cheapest
/// of that value, so the last one — when no augmenting path is left — places the most students
/// possible at the least cost: exactly the lexicographic optimum. Node potentials `π` keep every
/// residual arc's reduced cost `c + π(u) − π(v)` non-negative (Edmonds & Karp 1972); arcs of
/// reduced cost 0 are *admissible*, and every path of admissible arcs from a free student to a
/// worksite with a free seat is a shortest one. Each phase computes the distances `d'` to the
/// sink backwards from the free seats (Dijkstra; the costs are small integers, so a bucket
/// queue, Dial 1969), stops at the distance `D` of the nearest free student, raises `π(v)` by
/// `D − d'(v)` for each node nearer than that and `π(T)` by `D` (the forward search from all
/// free students, raising `π(v)` by `min(d(v), D)`, augments the same paths but sweeps all
/// that lies within `D` of any free student, most of the graph in late phases; it is kept for
/// the last phase, whose forward reach the certificate needs, and as a reference for tests),
/// marks the worksites that now reach a free seat along admissible arcs (by sweeps over the
/// students in order, not a search through the worksites' listings), and augments
/// along admissible paths by one depth-first search from each free student, confined to the
/// worksites that still reach a free seat; nodes a search proves dead stay dead for the phase (as
/// in Hopcroft & Karp 1973), told from those that failed only into the search's own path by
/// Tarjan's (1972) low links. The arithmetic is exact (`Int`; costs stored as `Int32`).
///
/// ```swift
/// var flow = PrimalDualAssignment(
///   entryStart: [0, 1, 3], entryWorksite: [0, 0, 1], entryCost: [1, 1, 2], capacity: [1, 1])
/// flow.solve()
/// flow.assignedWorksite(0)  // 0; student 1 goes to worksite 1 (cost 2)
/// ```
///
/// - Complexity: each phase is O(L + S + W) for L choice arcs, plus the nodes each successful
///   search meets, plus the marking's later passes (each over the students still waiting and
///   their entries; a few a phase, at worst one per worksite); a phase finds every path of its
///   cost, so there are as many phases as distinct augmenting-path costs (about 40 for
///   generated cohorts from 60,000 to 1,000,000 students). Memory O(L + S + W). At scale the
///   sweeps are bound by memory, not arithmetic: a node's hot fields share one 16-byte record
///   (``NodeRecord``, ``SearchLabel``, ``WalkRecord``), and entries, listings and seats are
///   records read in order, so a visit to a student costs one cache line per sweep instead of
///   one per field.
final class PrimalDualAssignment {
  /// Choices of student `s` are entries `entryStart[s] ..< entryStart[s + 1]`.
  let entryStart: OwnedBuffer<Int32>
  /// Worksite and cost (non-negative) of each entry, side by side: every scan reads both.
  let entries: OwnedBuffer<EntryRecord>
  /// Seats of each worksite.
  let capacity: OwnedBuffer<Int32>
  let studentCount: Int
  let worksiteCount: Int

  // The hot fields of each node, students (`0..<S`) then worksites (`S..<S+W`), in one
  // 16-byte record (see ``NodeRecord``): every sweep reads a node's potential with its
  // placement and mark, so one cache line per node, not three, at 1,000,000 students.
  private let state: OwnedBuffer<NodeRecord>
  /// Students placed at each worksite.
  let load: OwnedBuffer<Int32>
  // Each worksite's seats as slots `slotStart[w] ..< slotStart[w] + load[w]` holding students
  // (with the cost of the entry that placed them, for scans of a worksite's seats); a student
  // moving along a path takes the seat of the one it displaces.
  private let slotStart: OwnedBuffer<Int32>
  private let seats: OwnedBuffer<SeatRecord>
  private let slotOfStudent: OwnedBuffer<Int32>
  // The sink's potential, stored minus `shift`, which every node not reached by a phase's
  // forward search gains (node potentials are stored the same way).
  private var sinkPotential = 0
  private var shift = 0
  // Search state, valid for a node when its stamp equals `phase`.
  private var phase: Int32 = 0
  private let label: OwnedBuffer<SearchLabel>
  private var buckets = DialBuckets()
  private let nextSlot: OwnedBuffer<Int32>
  private let slotStamp: OwnedBuffer<Int32>
  // For each seat, the phase in which its holder was found not to continue an admissible path
  // (its arc not tight, or the holder dead): neither changes in the phase while the holder
  // stays, so a rescan of the worksite's seats skips the seat from a flat array instead of
  // scattered reads. A seat whose holder changes is cleared.
  private let slotSkipped: OwnedBuffer<Int32>
  // Each student's depth-first search state (see ``WalkRecord``), one record per student.
  private let walk: OwnedBuffer<WalkRecord>
  // The depth-first search under way; for each student on the path the order it was pushed
  // in, for each worksite that of the first path student scanning it, or -1; and for an
  // undecided node (failed, but maybe only because its way led into the path) the earliest
  // pushed node it ran into, or -1.
  private var search: PathSearch
  // The breadth-first queue of ``markNodesReachingSink()`` (each node enters once a phase), and
  // the students waiting for their worksite's mark in ``markWorksitesReachingSink(free:)``.
  private var markQueue: Int32Stack
  private let pathIndex: OwnedBuffer<Int32>
  private let nodeLow: OwnedBuffer<Int32>
  private let settledList: OwnedBuffer<Int32>
  // The entries naming each worksite, `listing[listingStart[w] ..< listingStart[w + 1]]`,
  // with their students and costs alongside (read in order, not through the entry).
  private let listingStart: OwnedBuffer<Int32>
  private let listing: OwnedBuffer<ListingRecord>
  // The phase whose search found the sink out of reach (its settled nodes are those the source
  // still reaches), or 0.
  private var exhaustedPhase: Int32 = 0
  /// Whether each phase's shortest-path search runs backwards from the seats (the default; see
  /// ``raisePotentialsFromSeats()``) rather than forwards from the free students.
  let searchesFromSeats: Bool
  /// Phases run (one shortest-path search each).
  var phases: Int { Int(phase) }
  /// Augmenting paths applied.
  private(set) var augmentations = 0
  /// Phases after the first whose sink was at reduced distance 0: none when every phase found
  /// all its admissible paths (else a path it missed is found by the next phase instead).
  private(set) var repeatedPhases = 0
  /// Whether each phase checks its marks against ``markNodesReachingSink()``, the breadth-first
  /// search that marks every node reaching the sink (for tests; it sweeps the marked nodes'
  /// listings, most of the graph in late phases).
  var checksMarking = false
  /// Phases whose worksite or free-student marks differed from the breadth-first search's
  /// (counted when ``checksMarking``).
  private(set) var markingMismatches = 0
  /// The most passes over the waiting students one phase's marking took (see
  /// ``markWorksitesReachingSink(free:)``), the last one marking nothing.
  private(set) var mostMarkingPasses = 0

  /// Creates the problem with every student free.
  init(
    entryStart: [Int32], entryWorksite: [Int32], entryCost: [Int], capacity: [Int32],
    searchesFromSeats: Bool = true
  ) {
    precondition(entryStart.first == 0 && Int(entryStart.last ?? 0) == entryWorksite.count)
    precondition(
      entryCost.count == entryWorksite.count
        && entryCost.allSatisfy { $0 >= 0 && $0 <= Int(Int32.max) })
    self.entryStart = OwnedBuffer(copying: entryStart)
    self.entries = OwnedBuffer(
      copying: zip(entryWorksite, entryCost).lazy.map { EntryRecord(worksite: $0, cost: Int32($1)) }
    )
    // A worksite holds no more students than list it: its usable seats, min(capacity,
    // entries), size the seat arrays, never the stated capacity (10⁹ seats and one applicant
    // take one slot). The capacity itself stays as stated, for the search and the certificate.
    var entriesAt = [Int32](repeating: 0, count: capacity.count)
    for w in entryWorksite { entriesAt[Int(w)] += 1 }
    let usable = zip(capacity, entriesAt).map { max(0, min($0, $1)) }
    self.capacity = OwnedBuffer(copying: capacity)
    studentCount = entryStart.count - 1
    worksiteCount = capacity.count
    let nodes = studentCount + worksiteCount
    state = OwnedBuffer(
      repeating: NodeRecord(potential: 0, assignedEntry: -1, leadsToSink: 0), count: nodes)
    load = OwnedBuffer(repeating: 0 as Int32, count: worksiteCount)
    var starts = [Int32](repeating: 0, count: worksiteCount + 1)
    for w in 0..<worksiteCount { starts[w + 1] = starts[w] + usable[w] }
    slotStart = OwnedBuffer(copying: starts)
    seats = OwnedBuffer(
      repeating: SeatRecord(student: -1, cost: 0), count: Int(starts[worksiteCount]))
    slotOfStudent = OwnedBuffer(repeating: -1 as Int32, count: studentCount)
    slotSkipped = OwnedBuffer(repeating: 0 as Int32, count: Int(starts[worksiteCount]))
    label = OwnedBuffer(repeating: SearchLabel(distance: 0, reached: 0, settled: 0), count: nodes)
    nextSlot = OwnedBuffer(repeating: 0 as Int32, count: worksiteCount)
    slotStamp = OwnedBuffer(repeating: 0 as Int32, count: worksiteCount)
    walk = OwnedBuffer(
      repeating: WalkRecord(visited: 0, nextEntry: 0, lookaheadStamp: 0, lookahead: 0),
      count: studentCount)
    search = PathSearch(students: studentCount, nodes: nodes)
    markQueue = Int32Stack(capacity: nodes)
    pathIndex = OwnedBuffer(repeating: -1 as Int32, count: nodes)
    nodeLow = OwnedBuffer(repeating: -1 as Int32, count: nodes)
    settledList = OwnedBuffer(repeating: 0 as Int32, count: nodes)
    self.searchesFromSeats = searchesFromSeats
    var listed = [Int32](repeating: 0, count: worksiteCount + 1)
    for w in entryWorksite { listed[Int(w) + 1] += 1 }
    for w in 0..<worksiteCount { listed[w + 1] += listed[w] }
    listingStart = OwnedBuffer(copying: listed)
    listing = OwnedBuffer(
      repeating: ListingRecord(entry: 0, student: 0, cost: 0), count: entryWorksite.count)
    for s in 0..<studentCount {
      for e in Int(entryStart[s])..<Int(entryStart[s + 1]) {
        let w = Int(entryWorksite[e])
        let k = Int(listed[w])
        listing[k] = ListingRecord(entry: Int32(e), student: Int32(s), cost: Int32(entryCost[e]))
        listed[w] += 1
      }
    }
  }

  /// The entry student `s` is placed by, or -1.
  func assignedEntry(of s: Int) -> Int32 { state[s].assignedEntry }

  /// The worksite student `s` is placed at, or -1.
  func assignedWorksite(_ s: Int) -> Int {
    let e = state[s].assignedEntry
    return e < 0 ? -1 : Int(entries[Int(e)].worksite)
  }

  /// Number of students placed.
  var placed: Int { load.storage.reduce(0) { $0 + Int($1) } }

  /// Potentials of every node of the circulation that closes the flow with a return arc
  /// `T → S` of cost `−returnCost` and capacity `S`: π(S) = 0, and every node the source can no
  /// longer reach lifted, with `T`, so that π(T) = `returnCost`.
  ///
  /// No residual arc leaves the nodes the source reaches (else an augmenting path or a larger
  /// reachable set would exist), so lifting the others keeps every reduced cost non-negative;
  /// the return arc's reduced cost becomes 0. When `returnCost` exceeds the last augmenting
  /// path's cost (as the big M does), the lift is positive.
  ///
  /// - Complexity: O(S + W).
  func circulationPotentials(returnCost: Int) -> CirculationPotentials {
    let lift = returnCost - (sinkPotential + shift)
    let nodes = studentCount + worksiteCount
    var potential = [Int](repeating: 0, count: nodes)
    for v in 0..<nodes {
      // A student without entries is reached by the source alone and is never searched from.
      let listless = v < studentCount && entryStart[v] == entryStart[v + 1]
      let reachable = listless || (exhaustedPhase != 0 && label[v].settled == exhaustedPhase)
      potential[v] = state[v].potential + shift + (reachable ? 0 : lift)
    }
    return CirculationPotentials(
      student: Array(potential[..<studentCount]), worksite: Array(potential[studentCount...]),
      source: 0, sink: returnCost)
  }

  /// Runs phases until no augmenting path is left (`true`), or until `stop`, asked before each
  /// phase, says so (`false`): the flow is then feasible and the cheapest of its value (every
  /// phase ends with the potentials proving it), but not maximum and not certified for the
  /// circulation.
  ///
  /// ```swift
  /// flow.solve(stoppingWhen: { ContinuousClock.now >= deadline })  // false when stopped
  /// ```
  @discardableResult
  func solve(stoppingWhen stop: () -> Bool = { false }) -> Bool {
    var free: [Int32] = []
    for s in 0..<studentCount where entryStart[s] < entryStart[s + 1] { free.append(Int32(s)) }
    while true {
      free.removeAll { state[Int($0)].assignedEntry >= 0 }
      if free.isEmpty { break }
      if stop() { return false }
      phase += 1
      let raised = searchesFromSeats ? raisePotentialsFromSeats() : raisePotentials(from: free)
      guard raised else {
        // The free students are out of reach: the forward search marks (`settled`) the nodes
        // they still reach, which the certificate's potentials leave unlifted.
        let reachable = searchesFromSeats ? raisePotentials(from: free) : false
        precondition(!reachable, "primal-dual: the two searches disagree on the sink's reach")
        exhaustedPhase = phase
        break
      }
      // Nodes reaching the sink are found once: augmenting never adds to them.
      markWorksitesReachingSink(free: free)
      if checksMarking, !marksMatchReference() { markingMismatches += 1 }
      let before = augmentations
      augmentAdmissiblePaths(from: free)
      // The sink is at reduced distance 0, so an admissible path exists and must be found.
      precondition(augmentations > before, "primal-dual: a phase found no admissible path")
    }
    return true
  }

  /// Dijkstra from every free student at distance 0 over residual arcs in reduced costs, up to
  /// the sink's distance `D`; then `π(v) += min(d(v), D)`. Returns false when the sink is out of
  /// reach (the flow is maximum).
  private func raisePotentials(from free: [Int32]) -> Bool {
    let infinity = Int.max
    var best = infinity
    // The queue is moved into a local for the loop (no class access per operation), and back.
    var buckets = DialBuckets()
    swap(&buckets, &self.buckets)
    defer { swap(&buckets, &self.buckets) }
    let phase = self.phase
    for s in free { reach(Int(s), at: 0, best: &best, buckets: &buckets, stamp: phase) }
    let settledCount = settleNearerThanBest(&buckets, best: &best, stamp: phase) {
      v, b, best, buckets in
      if v < studentCount {
        let base = b + state[v].potential
        let own = Int(state[v].assignedEntry)
        for e in Int(entryStart[v])..<Int(entryStart[v + 1]) where e != own {
          let node = studentCount + Int(entries[e].worksite)
          let d = base + Int(entries[e].cost) - state[node].potential
          reach(node, at: d, best: &best, buckets: &buckets, stamp: phase)
        }
      } else {
        let w = v - studentCount
        let base = b + state[v].potential
        let first = Int(slotStart[w])
        for k in first..<(first + Int(load[w])) {
          let seat = seats[k]
          let s = Int(seat.student)
          let d = base - Int(seat.cost) - state[s].potential
          reach(s, at: d, best: &best, buckets: &buckets, stamp: phase)
        }
      }
    }
    guard best < infinity else { return false }
    shift += best
    for k in 0..<settledCount {
      let v = Int(settledList[k])
      state[v].potential += label[v].distance - best
    }
    return true
  }

  /// The same search run backwards: Dijkstra from the sink over reversed residual arcs, in
  /// reduced costs, to the distance `D` of the nearest free student; then every node `v` it
  /// settles, at distance `d'(v) < D` from the sink, gains `D − d'(v)`, and the sink `D`; each
  /// is marked as reaching the sink. Returns false when no free student reaches the sink.
  ///
  /// The two searches raise the potentials differently but leave exactly the same augmenting
  /// paths admissible — those of length `D`, since a path's reduced length changes by the
  /// potential gained at its ends, 0 at the free student and `D` at the sink, either way — so
  /// the phase augments the same paths. Free students gain nothing either way. Backwards, the
  /// search meets only the nodes within `D` of a free seat, which late phases keep few, where
  /// the forward search sweeps everything within `D` of any free student: in late phases, a
  /// plateau of most of the graph around a few students who can still be placed. Stamps are
  /// `−phase`, so a forward search in the same phase starts clean.
  ///
  /// - Complexity: O(S + W + D) plus the arcs into the nodes within `D` of the sink.
  private func raisePotentialsFromSeats() -> Bool {
    let infinity = Int.max
    var best = infinity
    var buckets = DialBuckets()
    swap(&buckets, &self.buckets)
    defer { swap(&buckets, &self.buckets) }
    let stamp = -self.phase
    for w in 0..<worksiteCount where load[w] < capacity[w] {
      let node = studentCount + w
      reach(
        node, at: state[node].potential - sinkPotential, best: &best, buckets: &buckets,
        stamp: stamp, backward: true)
    }
    let settledCount = settleNearerThanBest(&buckets, best: &best, stamp: stamp) {
      v, b, best, buckets in
      if v < studentCount {
        // The arc from the student's worksite back to it (the reverse of its placement).
        let own = Int(state[v].assignedEntry)
        guard own >= 0 else { return }
        let placedBy = entries[own]
        let wNode = studentCount + Int(placedBy.worksite)
        let d = b - Int(placedBy.cost) + state[wNode].potential - state[v].potential
        reach(wNode, at: d, best: &best, buckets: &buckets, stamp: stamp, backward: true)
      } else {
        // The unused choice arcs into the worksite.
        let w = v - studentCount
        let base = b - state[v].potential
        for k in Int(listingStart[w])..<Int(listingStart[w + 1]) {
          let item = listing[k]
          let s = Int(item.student)
          let student = state[s]
          guard item.entry != student.assignedEntry else { continue }
          let d = base + Int(item.cost) + student.potential
          reach(s, at: d, best: &best, buckets: &buckets, stamp: stamp, backward: true)
        }
      }
    }
    guard best < infinity else { return false }
    sinkPotential += best
    let phase = self.phase
    for k in 0..<settledCount {
      let v = Int(settledList[k])
      state[v].potential += best - label[v].distance
      // Nearer than `D`, so it reaches the sink along admissible arcs after the raise (see
      // ``markWorksitesReachingSink(free:)``): marked while its record is at hand.
      state[v].leadsToSink = phase
    }
    return true
  }

  /// Dijkstra's main loop, shared by both searches: takes the queued nodes in order of distance
  /// while it is below `best` (which `expand` may lower), stamps each settled node with `stamp`
  /// and lists it in `settledList`, and lets `expand(v, d(v), &best, &buckets)` relax its arcs.
  /// Empties the queue; counts a phase that repeats the last distance; returns how many settled.
  @inline(__always)
  private func settleNearerThanBest(
    _ buckets: inout DialBuckets, best: inout Int, stamp: Int32,
    _ expand: (Int, Int, inout Int, inout DialBuckets) -> Void
  ) -> Int {
    var settledCount = 0
    var b = 0
    while b < best, let key = buckets.nextKey(from: b), key < best {
      b = key
      while let v32 = buckets.take(key: b) {
        let v = Int(v32)
        guard label[v].settled != stamp, label[v].distance == b else { continue }
        label[v].settled = stamp
        settledList[settledCount] = v32
        settledCount += 1
        expand(v, b, &best, &buckets)
      }
      b += 1
    }
    buckets.removeAll()
    if best == 0 && phase > 1 { repeatedPhases += 1 }
    return settledCount
  }

  /// Records distance `d` for `node` when it improves on what the search (stamped `stamp`)
  /// knows. Forwards, a worksite with a free seat gives the sink's distance through it;
  /// backwards, a free student's distance is a candidate for `D`, and it is not expanded.
  @inline(__always)
  private func reach(
    _ node: Int, at d: Int, best: inout Int, buckets: inout DialBuckets, stamp: Int32,
    backward: Bool = false
  ) {
    guard d < best, label[node].reached != stamp || d < label[node].distance else { return }
    label[node].reached = stamp
    label[node].distance = d
    if backward {
      if node < studentCount && state[node].assignedEntry < 0 {
        best = d
        return
      }
    } else if node >= studentCount {
      let w = node - studentCount
      if load[w] < capacity[w] {
        best = min(best, d + state[node].potential - sinkPotential)
      }
    }
    buckets.insert(Int32(node), key: d)
  }

  /// Marks (`state[v].leadsToSink == phase`) every worksite with a path of admissible arcs to
  /// the sink, and every free student with one (those at distance `D`, where the phase's
  /// augmenting paths start), by sweeps over the students in order.
  ///
  /// A worksite reaches the sink when its own arc to it is admissible (a free seat and
  /// `π(w) = π(T)`), or when a student placed there (the reverse of the placement arc
  /// admissible) has an admissible unused entry to a worksite that reaches it; a student, when
  /// one of its unused entries is admissible into such a worksite. The marks are the least
  /// fixed point of these rules: the seeds — the worksites with an admissible arc to the sink,
  /// and the nodes the backward search settled, nearer than `D`, which reach the sink along
  /// their shortest paths (each arc `u → v` of one has `d'(u) = r + d'(v)`, so its reduced cost
  /// after the raise, `r + d'(v) − d'(u)`, is 0) — then passes over the placed
  /// students whose worksite is not yet marked, each pass marking the worksite of every student
  /// with an admissible entry into a marked worksite, until a pass marks nothing. A pass reads
  /// the students and their entries in order and the worksites' records (few, so they stay in
  /// cache) at random, where a breadth-first search from the seats reads each marked
  /// worksite's listing and with it a random student record per entry — most of the entries
  /// every late phase, since most of the graph then reaches the sink at distance `D` (a plateau
  /// of tight arcs around the students still free). The passes keep only the students still
  /// unmarked, so later passes are short; their number is the longest chain of worksites the
  /// marks climb against the student order (at most 19 a phase at 250,000 generated students).
  ///
  /// Augmenting along admissible paths never adds a node to this set (a node reaching a new
  /// arc of the reversed path reached the path, hence the sink, before), so a search confined
  /// to it loses nothing. Placed students are left unmarked (but for those the backward search
  /// settled): one whose entries lead to no marked worksite fails at once when a search meets
  /// it, and is then skipped for the phase.
  ///
  /// - Complexity: O(S + W) plus, per pass, the entries of the placed students whose worksite
  ///   is still unmarked; plus the free students' entries. At most W + 1 passes, as each but the
  ///   last marks a worksite.
  private func markWorksitesReachingSink(free: [Int32]) {
    let phase = self.phase
    let sinkPotential = self.sinkPotential
    for w in 0..<worksiteCount
    where load[w] < capacity[w] && state[studentCount + w].potential == sinkPotential {
      state[studentCount + w].leadsToSink = phase
    }
    // The placed students whose worksite is unmarked, behind a tight placement arc.
    var waiting = Int32Stack(capacity: 0)
    swap(&waiting, &markQueue)
    defer { swap(&waiting, &markQueue) }
    waiting.truncate(to: 0)
    for s in 0..<studentCount {
      let student = state[s]
      let own = Int(student.assignedEntry)
      guard own >= 0 else { continue }
      let placedBy = entries[own]
      let site = state[studentCount + Int(placedBy.worksite)]
      if site.leadsToSink != phase, site.potential == Int(placedBy.cost) + student.potential {
        waiting.append(Int32(s))
      }
    }
    var marked = true
    var passes = 0
    while marked {
      marked = false
      passes += 1
      var kept = 0
      for i in 0..<waiting.count {
        let s = Int(waiting[i])
        let wNode = studentCount + Int(entries[Int(state[s].assignedEntry)].worksite)
        guard state[wNode].leadsToSink != phase else { continue }
        if hasAdmissibleEntryToMarkedWorksite(s, phase: phase) {
          state[wNode].leadsToSink = phase
          marked = true
        } else {
          waiting[kept] = Int32(s)
          kept += 1
        }
      }
      waiting.truncate(to: kept)
    }
    mostMarkingPasses = max(mostMarkingPasses, passes)
    for s in free where hasAdmissibleEntryToMarkedWorksite(Int(s), phase: phase) {
      state[Int(s)].leadsToSink = phase
    }
  }

  /// Whether one of student `s`'s unused entries is admissible into a marked worksite.
  @inline(__always)
  private func hasAdmissibleEntryToMarkedWorksite(_ s: Int, phase: Int32) -> Bool {
    let own = Int(state[s].assignedEntry)
    let base = state[s].potential
    for e in Int(entryStart[s])..<Int(entryStart[s + 1]) where e != own {
      let entry = entries[e]
      let site = state[studentCount + Int(entry.worksite)]
      if site.leadsToSink == phase, Int(entry.cost) + base == site.potential { return true }
    }
    return false
  }

  /// Whether this phase's marks of the worksites and free students are exactly those
  /// ``markNodesReachingSink()`` makes; leaves its marks (of every node) in place.
  ///
  /// - Complexity: O(S + W) plus the breadth-first search's.
  private func marksMatchReference() -> Bool {
    let nodes = studentCount + worksiteCount
    var marked = [Bool](repeating: false, count: nodes)
    for v in 0..<nodes where state[v].leadsToSink == phase {
      marked[v] = true
      state[v].leadsToSink = 0
    }
    markNodesReachingSink()
    // Placed students are marked only in part (see ``markWorksitesReachingSink(free:)``).
    let checked = (0..<nodes).lazy.filter { $0 >= self.studentCount || !self.isPlaced($0) }
    return checked.allSatisfy { marked[$0] == (state[$0].leadsToSink == phase) }
  }

  /// Whether student `s` is placed.
  private func isPlaced(_ s: Int) -> Bool {
    state[s].assignedEntry >= 0
  }

  /// Marks (`state[v].leadsToSink == phase`) every node with a path of admissible arcs to the
  /// sink, by a backward breadth-first search from the worksites with a free seat: the
  /// reference for ``markWorksitesReachingSink(free:)`` (see ``checksMarking``).
  private func markNodesReachingSink() {
    let phase = self.phase
    let sinkPotential = self.sinkPotential
    var queue = Int32Stack(capacity: 0)
    swap(&queue, &markQueue)
    defer { swap(&queue, &markQueue) }
    queue.truncate(to: 0)
    for w in 0..<worksiteCount
    where load[w] < capacity[w] && state[studentCount + w].potential == sinkPotential {
      state[studentCount + w].leadsToSink = phase
      queue.append(Int32(studentCount + w))
    }
    var head = 0
    while head < queue.count {
      let v = Int(queue[head])
      head += 1
      if v < studentCount {
        let own = Int(state[v].assignedEntry)
        guard own >= 0 else { continue }
        let placedBy = entries[own]
        let wNode = studentCount + Int(placedBy.worksite)
        if state[wNode].leadsToSink != phase,
          state[wNode].potential == Int(placedBy.cost) + state[v].potential
        {
          state[wNode].leadsToSink = phase
          queue.append(Int32(wNode))
        }
      } else {
        let w = v - studentCount
        let target = state[v].potential
        for k in Int(listingStart[w])..<Int(listingStart[w + 1]) {
          let item = listing[k]
          let s = Int(item.student)
          let student = state[s]
          if student.leadsToSink != phase, Int(item.cost) + student.potential == target,
            item.entry != student.assignedEntry
          {
            state[s].leadsToSink = phase
            queue.append(Int32(s))
          }
        }
      }
    }
  }

  /// Augments along admissible paths (reduced cost 0) from free students to worksites with a
  /// free seat and an admissible arc to the sink, by one depth-first search from each marked
  /// free student, through marked worksites only, until none is left. (The seats' holders are
  /// not marked: one whose entries lead to no marked worksite fails as soon as it is pushed.)
  ///
  /// A node from which the search failed cannot reach a free seat — unless it failed only
  /// because its way led back into the search's own path. Such nodes are told apart as in
  /// Tarjan's (1972) strongly-connected-components search: each student on the path keeps the
  /// earliest-pushed node its subtree ran into; one whose subtree ran into nothing pushed
  /// before it is dead, with every node that failed only because of it. Dead nodes stay dead for the
  /// phase, since an augmentation changes arcs only at nodes of its path, which reached a seat
  /// and so were out of the dead nodes' reach; the others are tried again after a success.
  /// Each student first looks at its own entries for a free seat (the lookahead of Pothen &
  /// Fan 1990), so paths stay short.
  ///
  /// - Complexity: O(arcs among dead nodes) for the whole phase, plus the arcs of the nodes
  ///   each successful search meets and leaves undecided.
  private func augmentAdmissiblePaths(from free: [Int32]) {
    let phase = self.phase
    var search = PathSearch(students: 0, nodes: 0)
    swap(&search, &self.search)
    defer { swap(&search, &self.search) }
    for s0 in free
    where state[Int(s0)].assignedEntry < 0 && walk[Int(s0)].visited != phase
      && state[Int(s0)].leadsToSink == phase
    {
      search.reset()
      push(Int(s0), onto: &search, phase: phase)
      searching: while let top = search.path.last {
        let s = Int(top)
        let index = pathIndex[s]
        if let e = openSeatEntry(of: s, phase: phase) {
          walk[s].nextEntry = Int32(e)
          applyPath(search.path.elements(), endingAt: Int(entries[e].worksite))
          forgetUndecided(search)
          break searching
        }
        let end = entryStart[s + 1]
        while walk[s].nextEntry < end {
          let e = Int(walk[s].nextEntry)
          let wNode = studentCount + Int(entries[e].worksite)
          guard e != Int(state[s].assignedEntry), state[wNode].leadsToSink == phase,
            Int(entries[e].cost) + state[s].potential == state[wNode].potential
          else {
            walk[s].nextEntry += 1
            continue
          }
          let w = wNode - studentCount
          if slotStamp[w] != phase {
            slotStamp[w] = phase
            nextSlot[w] = slotStart[w]
          }
          // A worksite a path student is scanning leads back into the path.
          if pathIndex[wNode] >= 0 { lower(&search, to: pathIndex[wNode]) }
          if nodeLow[wNode] >= 0 { lower(&search, to: nodeLow[wNode]) }
          let slotEnd = slotStart[w] + load[w]
          while nextSlot[w] < slotEnd {
            let slot = Int(nextSlot[w])
            guard slotSkipped[slot] != phase else {
              nextSlot[w] += 1
              continue
            }
            let seat = seats[slot]
            let next = Int(seat.student)
            guard state[wNode].potential == Int(seat.cost) + state[next].potential else {
              slotSkipped[slot] = phase
              nextSlot[w] += 1
              continue
            }
            if walk[next].visited != phase {
              if pathIndex[wNode] < 0 { pathIndex[wNode] = index }
              push(next, onto: &search, phase: phase)
              continue searching
            }
            let reach = pathIndex[next] >= 0 ? pathIndex[next] : nodeLow[next]
            if reach >= 0 {
              lower(&search, to: reach)
              if nodeLow[wNode] < 0 || reach < nodeLow[wNode] {
                if nodeLow[wNode] < 0 { search.undecided.append(Int32(wNode)) }
                nodeLow[wNode] = reach
              }
            } else {
              // Visited, neither on the path nor undecided: dead for the rest of the phase.
              slotSkipped[slot] = phase
            }
            nextSlot[w] += 1
          }
          if pathIndex[wNode] == index { pathIndex[wNode] = -1 }
          walk[s].nextEntry += 1
        }
        pop(from: &search)
      }
    }
  }

  /// Lowers the earliest-pushed node the top student's subtree ran into.
  @inline(__always)
  private func lower(_ search: inout PathSearch, to reach: Int32) {
    let top = search.low.count - 1
    search.low[top] = min(search.low[top], reach)
  }

  /// Puts student `s` on the search path.
  @inline(__always)
  private func push(_ s: Int, onto search: inout PathSearch, phase: Int32) {
    walk[s].visited = phase
    walk[s].nextEntry = entryStart[s]
    pathIndex[s] = search.pushed
    search.low.append(search.pushed)
    search.pushed += 1
    search.undecidedMark.append(Int32(search.undecided.count))
    search.path.append(Int32(s))
  }

  /// Takes the failed top student off the path: dead, with the undecided nodes met since it
  /// was pushed, when its subtree ran into nothing pushed before it; undecided otherwise.
  @inline(__always)
  private func pop(from search: inout PathSearch) {
    let s = Int(search.path.removeLast())
    let low = search.low.removeLast()
    let mark = Int(search.undecidedMark.removeLast())
    let index = pathIndex[s]
    pathIndex[s] = -1
    if low >= index {
      for v in search.undecided.elements(from: mark) { nodeLow[Int(v)] = -1 }
      search.undecided.truncate(to: mark)
    } else {
      nodeLow[s] = low
      search.undecided.append(Int32(s))
      lower(&search, to: low)
    }
  }

  /// After a success (called once the path is applied): the path's students and worksites,
  /// whose arcs changed, and the undecided nodes are met afresh; dead nodes stay dead.
  private func forgetUndecided(_ search: borrowing PathSearch) {
    for s in search.path.elements() {
      walk[Int(s)].visited = 0
      pathIndex[Int(s)] = -1
      let w = Int(entries[Int(state[Int(s)].assignedEntry)].worksite)
      slotStamp[w] = 0
      pathIndex[studentCount + w] = -1
    }
    for v in search.undecided.elements() {
      if Int(v) < studentCount {
        walk[Int(v)].visited = 0
      } else {
        slotStamp[Int(v) - studentCount] = 0
      }
      nodeLow[Int(v)] = -1
    }
  }

  /// The first of student `s`'s entries that is admissible and leads to a free seat with an
  /// admissible arc to the sink. Seats only fill during a phase, so entries passed over stay
  /// passed over: the scan resumes where it stopped, at O(1) amortised cost per entry a phase.
  @inline(__always)
  private func openSeatEntry(of s: Int, phase: Int32) -> Int? {
    if walk[s].lookaheadStamp != phase {
      walk[s].lookaheadStamp = phase
      walk[s].lookahead = entryStart[s]
    }
    let end = entryStart[s + 1]
    while walk[s].lookahead < end {
      let e = Int(walk[s].lookahead)
      let w = Int(entries[e].worksite)
      if load[w] < capacity[w], state[studentCount + w].potential == sinkPotential,
        e != Int(state[s].assignedEntry),
        Int(entries[e].cost) + state[s].potential == state[studentCount + w].potential
      {
        return e
      }
      walk[s].lookahead += 1
    }
    return nil
  }

  /// Moves every student on `path` to the worksite of its current entry: the last one to a
  /// free seat of `w`, each other one into the seat its successor leaves.
  private func applyPath(_ path: UnsafeMutableBufferPointer<Int32>, endingAt w: Int) {
    augmentations += 1
    var seat = slotStart[w] + load[w]
    load[w] += 1
    for s32 in path.reversed() {
      let s = Int(s32)
      let left = slotOfStudent[s]
      seats[Int(seat)] = SeatRecord(student: s32, cost: entries[Int(walk[s].nextEntry)].cost)
      slotSkipped[Int(seat)] = 0
      slotOfStudent[s] = seat
      state[s].assignedEntry = walk[s].nextEntry
      seat = left
    }
  }
}

/// The state of one depth-first search for an augmenting path: the students on the path, how
/// many were pushed, for each path student the earliest-pushed node its subtree ran into and
/// how many undecided nodes there were when it was pushed, and the undecided nodes.
private struct PathSearch: ~Copyable {
  var path: Int32Stack
  var pushed: Int32 = 0
  var low: Int32Stack
  var undecidedMark: Int32Stack
  var undecided: Int32Stack

  init(students: Int, nodes: Int) {
    path = Int32Stack(capacity: students)
    low = Int32Stack(capacity: students)
    undecidedMark = Int32Stack(capacity: students)
    undecided = Int32Stack(capacity: nodes)
  }

  mutating func reset() {
    path.truncate(to: 0)
    pushed = 0
    low.truncate(to: 0)
    undecidedMark.truncate(to: 0)
    undecided.truncate(to: 0)
  }
}

/// A node's hot fields, read together by every sweep: its potential (stored minus the
/// solver's `shift`), for a student the entry placing it (-1 when free; unused for worksites),
/// and the phase in which it was last marked as reaching the sink (every worksite and free
/// student that does; a placed student only when the backward search settled it). 16 bytes, so
/// a record never straddles a cache line.
struct NodeRecord: BitwiseCopyable {
  var potential: Int
  var assignedEntry: Int32
  var leadsToSink: Int32
}

/// A node's label in a phase's shortest-path search: its tentative distance and the stamps of
/// the search that reached and settled it (16 bytes).
struct SearchLabel: BitwiseCopyable {
  var distance: Int
  var reached: Int32
  var settled: Int32
}

/// One list entry: the worksite it names and its cost.
struct EntryRecord: BitwiseCopyable {
  var worksite, cost: Int32
}

/// One entry as its worksite lists it: the entry, its student and its cost.
struct ListingRecord: BitwiseCopyable {
  var entry, student, cost: Int32
}

/// One occupied seat: its student and the cost of the entry that placed the student there.
struct SeatRecord: BitwiseCopyable {
  var student, cost: Int32
}

/// A student's depth-first search state: the phase it was last visited in, the next entry to
/// try from it, and its look-ahead position for a free seat with that position's phase
/// (16 bytes, one cache line per student met).
struct WalkRecord: BitwiseCopyable {
  var visited: Int32
  var nextEntry: Int32
  var lookaheadStamp: Int32
  var lookahead: Int32
}
