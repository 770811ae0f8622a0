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
  /// rule but the menu's own (`activities`, `slots`, `max_per_employer`), and
  /// `place_unranked`.
  public func menuSideRulesNotYetSupported(in instance: PlacementInstance) -> [String] {
    var missing = instance.sideRules.subtracting([.activities, .maxPerEmployer, .slots])
      .map(\.rawValue).sorted()
    if instance.policy.placeUnranked { missing.append("place_unranked") }
    return missing
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
          + missing.joined(separator: ", "))
    }
    return menu
  }
}

extension OptimalStrategy: MenuPlacing {}

extension SerialDictatorshipStrategy: MenuPlacing {
  public func menuRulesNotYetSupported(in instance: PlacementInstance) -> [String] {
    menuSideRulesNotYetSupported(in: instance)
  }

  /// Serial dictatorship kind by kind: for each kind in priority order, people in lottery order
  /// (tier first, as ``place(_:)`` draws it) each take their best eligible choices of the kind
  /// still open to them, up to `max_per_participant`: a seat free at a worksite they do not
  /// hold, within `max_per_employer`, and, at a worksite with slots, the first slot (in the
  /// row's order) with a seat free whose label they do not hold yet.
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
    let menu = try requireMenuSupport(of: instance)
    let order = WorksitePriorities(instance: instance, seed: seed).sequence
    let sites = instance.worksites
    let choices = instance.choices
    var load = sites.map { [Int](repeating: 0, count: max(1, $0.slots.count)) }
    var labels = [Set<String>](repeating: [], count: instance.students.count)
    var entries: [MenuPlacement.Entry] = []
    for rule in menu.served where rule.maxPerParticipant > 0 {
      for s in order where menu.offers(rule.kind, to: instance.students[s].role) {
        var taken = 0
        var withEmployer: [EmployerOfKind: Int] = [:]
        for c in choices.range(of: s) where taken < rule.maxPerParticipant {
          let w = Int(choices.worksite[c])
          guard sites[w].kind == rule.kind else { continue }
          let group = EmployerOfKind(sites[w])
          if let limit = rule.maxPerEmployer, withEmployer[group, default: 0] >= limit { continue }
          let slot: Int?
          if sites[w].slots.isEmpty {
            guard load[w][0] < sites[w].capacity else { continue }
            slot = nil
          } else {
            guard
              let t = sites[w].slots.indices.first(where: {
                load[w][$0] < sites[w].capacity && !labels[s].contains(sites[w].slots[$0])
              })
            else { continue }
            labels[s].insert(sites[w].slots[t])
            slot = t
          }
          load[w][slot ?? 0] += 1
          withEmployer[group, default: 0] += 1
          taken += 1
          entries.append(MenuPlacement.Entry(student: s, worksite: w, slot: slot))
        }
      }
    }
    let placement = MenuPlacement(entries)
    let violations = instance.violations(in: placement)
    guard violations.isEmpty else {
      throw SolverError.backend(
        "\(name) (menu): the placement failed its checks: "
          + violations.prefix(5).map(\.description).joined(separator: "; "))
    }
    return MenuResult(
      placement: placement, objective: instance.objective(of: placement, rankCost: .linear),
      strategy: name, solver: "\(name) (menu, kind by kind)", statistics: [:], status: .complete)
  }
}
