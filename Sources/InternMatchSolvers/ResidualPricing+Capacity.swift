import InternMatchModel

extension ResidualPricing {
  /// The exact interval of optimal duals of every worksite's capacity row in the two-level LP
  /// the GLPK backend solves (``AssignmentLP``, one per component of the choice graph, level 2
  /// with the component's placed count fixed), read off the residual network: see
  /// ``SeatValue/CapacityDual`` for the units and sign.
  ///
  /// With the placed count fixed, the return arcs `T → S` and `S → T` are out of reach, and a
  /// path must stay inside the worksite's component (through `S` a student of one component
  /// could otherwise be swapped for one of another). On that network, by the cheapest-cycle
  /// argument of the type's documentation: one more seat at a full worksite `w` adds the arc
  /// `w → T`, so `V(c+1) − V(c) = min(0, d(T ⇝ w))`; one seat fewer removes one unit from the
  /// arc `w → T`, so `V(c−1) − V(c) = d(w ⇝ T)`, `+∞` when no such path exists. A worksite with
  /// a free seat has `V(c±1) = V(c)` (the row is slack). Per component, one Dijkstra from `T`
  /// and one to `T` (on the reversed arcs), on the non-negative reduced costs.
  ///
  /// - Parameter load: students the placement seats at each worksite.
  /// - Returns: one `(low, high)` per worksite, `high` `nil` when unbounded; `nil` for a
  ///   worksite no eligible choice names (no row in any LP).
  /// - Complexity: O(Σ over components of (A_k + N_k) log N_k), plus the arcs of `S` and `T`
  ///   once per component.
  func capacityIntervals(_ instance: PlacementInstance, load: [Int]) -> [(
    low: Int, high: Int?
  )?] {
    let w = worksiteCount
    let nodes = w + 2
    let components = ChoiceComponents(instance.choices, worksiteCount: w)
    var label = [Int32](repeating: -1, count: nodes)
    for (k, sites) in components.worksites.enumerated() {
      for v in sites { label[v] = Int32(k) }
    }
    // The reversed arcs, for distances *to* T.
    var reverseStart = [Int32](repeating: 0, count: nodes + 1)
    for head in arcHead { reverseStart[Int(head) + 1] += 1 }
    for v in 0..<nodes { reverseStart[v + 1] += reverseStart[v] }
    var fill = reverseStart
    var reverseTail = [Int32](repeating: 0, count: arcHead.count)
    var reverseCost = [Int](repeating: 0, count: arcHead.count)
    for u in 0..<nodes {
      for a in Int(arcStart[u])..<Int(arcStart[u + 1]) {
        let v = Int(arcHead[a])
        reverseTail[Int(fill[v])] = Int32(u)
        reverseCost[Int(fill[v])] = reducedCost[a]
        fill[v] += 1
      }
    }

    var scratch = [Int](repeating: Self.unreachable, count: nodes)
    var touched: [Int] = []
    // Reduced distances from `origin` over arcs that keep the placed count and component `k`.
    func search(
      from origin: Int, component k: Int32, start: [Int32], next: [Int32], cost: [Int]
    ) {
      for v in touched { scratch[v] = Self.unreachable }
      touched.removeAll(keepingCapacity: true)
      var heap = MinHeap()
      scratch[origin] = 0
      touched.append(origin)
      heap.push(0, origin)
      while let (d, u) = heap.pop() {
        guard d == scratch[u] else { continue }  // a stale entry
        for a in Int(start[u])..<Int(start[u + 1]) {
          let v = Int(next[a])
          if v >= w {
            if u >= w { continue }  // S ↔ T: a student more or fewer
          } else if label[v] != k {
            continue
          }
          let candidate = d + cost[a]
          if candidate < scratch[v] {
            if scratch[v] == Self.unreachable { touched.append(v) }
            scratch[v] = candidate
            heap.push(candidate, v)
          }
        }
      }
    }

    var intervals = [(low: Int, high: Int?)?](repeating: nil, count: w)
    for (k, sites) in components.worksites.enumerated() {
      let full = sites.filter { load[$0] >= instance.worksites[$0].capacity }
      for v in sites { intervals[v] = (0, 0) }
      guard !full.isEmpty else { continue }
      search(from: sink, component: Int32(k), start: arcStart, next: arcHead, cost: reducedCost)
      var gain: [Int] = []
      for v in full {
        // Real cost of T ⇝ v: reduced − π(T) + π(v).
        gain.append(
          scratch[v] == Self.unreachable
            ? 0 : min(0, scratch[v] - potential[sink] + potential[v]))
      }
      search(
        from: sink, component: Int32(k), start: reverseStart, next: reverseTail,
        cost: reverseCost)
      for (v, g) in zip(full, gain) {
        // Real cost of v ⇝ T: reduced − π(v) + π(T).
        let loss =
          scratch[v] == Self.unreachable ? nil : scratch[v] - potential[v] + potential[sink]
        intervals[v] = (-g, loss)
      }
    }
    return intervals
  }
}
