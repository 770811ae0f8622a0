import InternMatchModel

/// A strategy that places a menu of activities (`activities.csv`): several placements per
/// person, kind by kind.
///
/// ```swift
/// let placer: any MenuPlacing = SerialDictatorshipStrategy(seed: 7)
/// try placer.placeMenu(instance).placement.count
/// ```
public protocol MenuPlacing: PlacementStrategy {
  /// The side rules the strategy cannot honour together with `instance`'s menu (by their
  /// names in the data); empty when it can place it.
  func menuRulesNotYetSupported(in instance: PlacementInstance) -> [String]
  /// Places the menu of `instance`.
  ///
  /// - Throws: ``SolverError`` with kind ``SolverError/Kind/unsupportedRule`` without a menu
  ///   or with a rule not supported with one.
  func placeMenu(_ instance: PlacementInstance) throws(SolverError) -> MenuResult
}

extension MenuPlacing {
  /// The side rules of `instance` no menu strategy honours together with a menu yet: every
  /// rule but the menu's own (`activities`, `slots`, `max_per_employer`), pins and the seat
  /// limits (`max_per_school`, `employer_capacity`), `place_unranked`, and pins together with a
  /// seat limit.
  public func menuSideRulesNotYetSupported(in instance: PlacementInstance) -> [String] {
    var missing = instance.sideRules.subtracting(Self.menuSeatLimits)
      .map(\.rawValue).sorted()
    if instance.policy.placeUnranked { missing.append("place_unranked") }
    if instance.sideRules.contains(.pins),
      !instance.sideRules.isDisjoint(with: [.maxPerSchool, .employerCapacity])
    {
      missing.append(Self.pinsWithSeatLimits)
    }
    return missing
  }

  /// The name of the combination still refused: pins together with a seat limit.
  static var pinsWithSeatLimits: String { "pins with max_per_school or employers.csv" }

  /// The rules every menu strategy honours: the menu's own, pins and the seat limits
  /// `max_per_school` and `employers.csv` (`MenuCapacities`).
  static var menuSeatLimits: Set<SideRule> {
    [.activities, .maxPerEmployer, .slots, .maxPerSchool, .employerCapacity, .pins]
  }

  /// ``menuSideRulesNotYetSupported(in:)``, unless the strategy adds its own.
  public func menuRulesNotYetSupported(in instance: PlacementInstance) -> [String] {
    menuSideRulesNotYetSupported(in: instance)
  }

  /// The side rules a menu brings, which ``placeMenu(_:)`` honours.
  var menuRules: Set<SideRule> { [.activities, .slots, .maxPerEmployer] }

  /// Throws for a menu: several placements per person are no `Placement`, so ``place(_:)``
  /// (and every command but `solve`, which calls ``placeMenu(_:)``) cannot take one.
  func refuseMenu(_ instance: PlacementInstance) throws(SolverError) {
    guard instance.activities != nil else { return }
    throw SolverError.unsupportedRule(
      "cannot place a menu of activities (activities.csv) here (several placements per "
        + "person): only solve places one so far")
  }

  /// The menu of `instance`, once the strategy can place it.
  ///
  /// - Throws: ``SolverError/Kind/unsupportedRule`` without a menu, or naming every rule
  ///   ``menuRulesNotYetSupported(in:)`` finds.
  func requireMenuSupport(of instance: PlacementInstance) throws(SolverError) -> ActivityMenu {
    guard let menu = instance.activities else {
      throw SolverError.unsupportedRule("the dataset has no menu of activities (activities.csv)")
    }
    let missing = menuRulesNotYetSupported(in: instance)
    guard missing.isEmpty else {
      throw SolverError.unsupportedRule(
        "\(name) does not yet place a menu of activities (activities.csv) together with "
          + missing.map { "\($0) (\(MenuRefusal.reason(for: $0)))" }.joined(separator: "; "))
    }
    return menu
  }
}

extension OptimalStrategy: MenuPlacing {}

extension SerialDictatorshipStrategy: MenuPlacing {
  /// Serial dictatorship kind by kind: for each kind in priority order, people in lottery order
  /// (tier first, as ``place(_:)`` draws it) each take their best eligible choices of the kind
  /// still open to them, up to `max_per_participant`: a seat free at a worksite they do not
  /// hold, within `max_per_employer`, and, at a worksite with slots, the first slot (in the
  /// row's order) with a seat free whose label they do not hold yet. Pins
  /// (`pins.csv`) take their seats and slots before the first kind is served.
  ///
  /// Within a kind, given the seats and slots the kinds served before took, this is serial
  /// dictatorship over each person's set of that kind: no one can get a better set without
  /// someone earlier in the lottery getting a worse one, and no one gains by misreporting
  /// their list of the kind. A kind served earlier never gives way to a later one.
  ///
  /// ```swift
  /// let result = try SerialDictatorshipStrategy(seed: 2026).placeMenu(instance)
  /// result.status  // .complete
  /// ```
  ///
  /// - Complexity: O(S log S + K·(S + L·t)) for K kinds, L eligible choices and t slots a row.
  public func placeMenu(_ instance: PlacementInstance) throws(SolverError) -> MenuResult {
    let choices = instance.choices
    return try MenuLedger.place(
      instance, menu: requireMenuSupport(of: instance), seed: seed, strategy: name
    ) { rule, order, ledger in
      for s in order {
        for c in choices.range(of: s) where ledger.count(of: s, rule.kind) < rule.maxPerParticipant
        {
          let w = Int(choices.worksite[c])
          if instance.worksites[w].kind == rule.kind {
            _ = ledger.take(student: s, at: w, rule: rule)
          }
        }
      }
    }
  }
}

extension GreedyStrategy: MenuPlacing {
  /// Greedy (immediate acceptance) kind by kind: for each kind in priority order, in round r
  /// every person under `max_per_participant` whose rank-r choice of the kind (ranks within
  /// the kind) is eligible asks for it, in lottery order (tier first, as ``place(_:)`` draws
  /// it), and gets it when it is open to them (a seat, `max_per_employer`, a slot whose label
  /// they do not hold yet), after the pins, which take their seats and slots first. Like the
  /// single-seat rule it rewards ranking a popular worksite
  /// first and is not strategy-proof: a baseline. A kind served earlier never gives way.
  ///
  /// ```swift
  /// let result = try GreedyStrategy(seed: 2026).placeMenu(instance)
  /// ```
  ///
  /// - Complexity: O(S log S + K·(R·S + L·t)) for K kinds, R ranks and t slots a row.
  public func placeMenu(_ instance: PlacementInstance) throws(SolverError) -> MenuResult {
    let choices = instance.choices
    return try MenuLedger.place(
      instance, menu: requireMenuSupport(of: instance), seed: seed, strategy: name
    ) { rule, order, ledger in
      // Each person's eligible choices of the kind, best first (ranks increase along a list).
      let lists = order.map { s in
        choices.range(of: s).filter {
          instance.worksites[Int(choices.worksite[$0])].kind == rule.kind
        }
      }
      let ranks = Set(lists.joined().map { choices.rank[$0] }).sorted()
      var next = [Int](repeating: 0, count: order.count)
      for r in ranks {
        for (k, s) in order.enumerated() where next[k] < lists[k].count {
          let c = lists[k][next[k]]
          guard choices.rank[c] == r else { continue }
          next[k] += 1
          _ = ledger.take(student: s, at: Int(choices.worksite[c]), rule: rule)
        }
      }
    }
  }
}
