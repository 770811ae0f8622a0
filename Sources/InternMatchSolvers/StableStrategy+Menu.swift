import InternMatchModel

extension StableStrategy: MenuPlacing {
  /// The rules every menu strategy refuses, and `employer_capacity` (`employers.csv`), as the
  /// single-seat rule does: an employer's capacity is one quota over several worksites, each
  /// with its own priority order (`rankings.csv`), so no worksite can decide alone whom to
  /// reject, and a stable placement need not exist (a quota over a set of worksites is the
  /// regional cap of Kamada & Kojima 2015, where stability must be weakened).
  public func menuRulesNotYetSupported(in instance: PlacementInstance) -> [String] {
    var missing = menuSideRulesNotYetSupported(in: instance)
    if instance.sideRules.contains(.employerCapacity) { missing.append("employer_capacity") }
    return missing.sorted()
  }

  /// Person-proposing deferred acceptance on a menu of activities, kind by kind in priority
  /// order (Gale & Shapley 1962; Roth 1984, "Stability and polarization of interests in job
  /// matching", for many-to-many markets; Roth & Sotomayor 1990, ch. 5, college admissions with
  /// quotas; Fleiner 2003, "A fixed-point approach to stable matchings", for matroid quotas).
  ///
  /// **Rule.** For each kind, the people it is offered to propose, worksites hold. A worksite
  /// of the kind offers `capacity` seats in each of its slots (one *seat group* per slot; one
  /// group without slots) and ranks proposers exactly as single-seat ``place(_:)`` does
  /// (``/InternMatchModel/WorksitePriorities``: `rankings.csv`, priority tiers, the lottery of
  /// the run's seed). A person holds up to `max_per_participant` groups of the kind, at most one
  /// per worksite, within `max_per_employer`, never two sharing a slot label nor a label held
  /// from a kind served earlier. While under the cap, a person proposes to the first group of
  /// their list (worksites by rank within the kind, a worksite's slots in the row's order) that
  /// has not rejected them and fits what they hold; a group keeps its best `capacity`
  /// proposers, a rejected proposal is never repeated, and whoever loses a group looks again
  /// from the top of their list. People start in lottery order (tier first); someone who loses
  /// a group is processed next. Kinds served earlier never give way: a later kind's round runs
  /// around the labels they took. Pins (`pins.csv`) hold their seats and slots from the start,
  /// count toward the person's limits, and are never rejected.
  ///
  /// **Blocking pair** (``/InternMatchModel/PlacementInstance/menuBlockingPairs(in:priorities:)``).
  /// For kind k, given the kinds served before it: person p and a worksite w of kind k that p
  /// listed, may attend and w accepts, p not at w, block when some slot t of w (none without
  /// slots) has a free seat or holds someone of lower priority than p at w, and p could take
  /// (w, t) either as an extra placement (under `max_per_participant`) or instead of one of
  /// their placements of kind k at a worksite they rank below w, keeping `max_per_employer`
  /// and distinct slot labels.
  ///
  /// **Guarantees.**
  /// 1. *Kinds without slots* (at the kind's worksites; earlier kinds may have slots): no
  ///    blocking pair of the kind, and every person weakly prefers their set of the kind to the
  ///    one they get in any placement of the kind without a blocking pair (person-optimal,
  ///    comparing sets by the person's own greedy choice from their union). Unlike single-seat
  ///    `stable`, a person who may take several is not promised that misreporting never pays
  ///    (many-to-many deferred acceptance is not strategy-proof in general). Proof sketch: a person's feasible
  ///    sets — at most q in all, at most m per employer — are the independent sets of a laminar
  ///    matroid, so choosing greedily by rank is substitutable; proposing to the first group
  ///    that fits keeps the held set inside the greedy choice from the groups that have not
  ///    rejected them (an element of a matroid that fits an independent subset of the greedy
  ///    choice, first in order, belongs to it), so the run ends at the fixed point of
  ///    Roth (1984) / Fleiner (2003), which is pairwise stable and optimal for the proposing side;
  ///    the greedy choice of a set S contains g exactly when g fits with S's elements better
  ///    than g, which is the blocking pair above. Brute force over every feasible placement
  ///    of seeded small markets checks both claims.
  /// 2. *Kinds with slots*: no person under `max_per_participant` can add a group that would
  ///    take them (free seat or lower-priority holder) and fits what they hold. Proof: no
  ///    person ever withdraws, so a group that rejected p stays full of people ahead of p; a
  ///    person stops only at the cap or when no group that has not rejected them fits. What is
  ///    **not** guaranteed: a swap. "This worksite" and "this slot" cross, so a person's
  ///    choice is no longer substitutable, and losing a group can leave them holding a worse
  ///    one whose slot blocks a better one (A at 09:00 and B at 10:00 held; A's 09:00 seat goes
  ///    to someone ahead, A's 10:00 seat is free but B holds their 10:00): the run keeps B, and
  ///    (p, A) blocks by swapping B. `menuBlockingPairs` reports such pairs and the summary
  ///    counts them. The result is still deterministic (the processing order above).
  /// 3. *`max_per_school`* (a worksite choosing over all its slots at once: its proposers by
  ///    priority, each kept while their slot has a seat and their school fewer than
  ///    `max_per_school` kept). Without slots that choice is the greedy choice of a laminar
  ///    matroid (capacity ⊇ per school), so guarantee 1 holds as it is (brute force:
  ///    `MenuCapacityTests`). With slots it is not substitutable, and guarantee 2 weakens: a
  ///    newcomer can push out a kept person of their own school from *another* slot, emptying a
  ///    seat that someone refused earlier for that slot could now take — with slots `am`, `pm`
  ///    of one seat each, `max_per_school` 1 and priorities b > a > p (a and b of one school):
  ///    a holds `am`, p is refused at `am` and holds `pm`, then b takes `pm`, pushing out a (the
  ///    school's one seat) and p (the slot's), and `am` stays free while p is never asked
  ///    again — (p, w) blocks by an extra placement. A rejection is final (re-opening would
  ///    let the run cycle), so such pairs are reported (`menuBlockingPairs`), not prevented.
  ///
  /// ```swift
  /// let result = try StableStrategy(seed: 2026).placeMenu(instance)
  /// let p = WorksitePriorities(instance: instance, seed: 2026)
  /// instance.menuBlockingPairs(in: result.placement, priorities: p)  // [] without slots
  /// ```
  ///
  /// - Complexity: O(S log S) for the lottery, then per kind O(C·(log q + h·k)) for C
  ///   candidate seat groups (choices × slots), q seats a group, h placements a person and k
  ///   candidates a person (`MenuDeferredAcceptance`).
  public func placeMenu(_ instance: PlacementInstance) throws(SolverError) -> MenuResult {
    let menu = try requireMenuSupport(of: instance)
    let priorities = WorksitePriorities(instance: instance, seed: seed)
    let sequence = priorities.sequence
    var run = MenuDeferredAcceptance(instance, priorities: priorities)
    for rule in menu.served where rule.maxPerParticipant > 0 {
      run.place(
        rule: rule, order: sequence.filter { instance.students[$0].role == rule.participants })
    }
    return try MenuResult(
      kindByKind: run.entries, in: instance, strategy: name,
      solver: "deferred-acceptance (menu, kind by kind)",
      statistics: ["proposals": run.proposals, "rejections": run.rejections])
  }
}
