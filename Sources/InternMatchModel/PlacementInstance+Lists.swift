extension PlacementInstance {
  /// Every student's list resolved: eligible choices, ineligible pairs, the number of known
  /// entries, and warnings for unknown or repeated entries, all in student order.
  struct ResolvedLists {
    var choices: ChoiceTable
    var ineligible: [IneligibleChoice]
    var listed: [Int32]
    var warnings: [InstanceIssue]
  }

  /// Resolves every list: entry `e` of the lists, one after another, names worksite
  /// `references.preferences[e]` (-1 when unknown), or, without those, each list's codes name
  /// the worksites (``WorksiteList/withCodes(_:)``). Under `place_unranked`, a student with no known entry
  /// gets ``unrankedChoices(for:worksites:policy:after:)``.
  ///
  /// Students are independent, so they are resolved in shares at once and joined in order.
  ///
  /// - Complexity: O(S + L) for S students and L entries, plus the eligibility table, on up to
  ///   as many threads as there are cores.
  static func resolveLists(
    of students: [Student], worksites: [Worksite], policy: Policy, menu: ActivityMenu?,
    references: ResolvedReferences, sharing: Sharing
  ) -> ResolvedLists {
    let eligibility = EligibilityTable(
      students: students, worksites: worksites, policy: policy,
      setNumbers: references.setNumbers)
    var firstEntry = [0]
    firstEntry.reserveCapacity(students.count + 1)
    var longestList = 0
    for i in students.indices {
      let count = students[i].preferences.count
      firstEntry.append(firstEntry[i] + count)
      longestList = max(longestList, count)
    }
    let shares = sharing.shares(of: students.count)
    // The first share makes room for every share's values, so the others are appended to it
    // in place: no array is copied to join them (room reserved and never used is never
    // touched, so it costs no memory).
    var parts = concurrentMap(shares) { k in
      resolveLists(
        students.count * k / shares..<students.count * (k + 1) / shares, of: students,
        worksites: worksites, policy: policy, menu: menu, entries: references.preferences,
        firstEntry: firstEntry, longestList: longestList, eligibility: eligibility,
        roomForAll: k == 0)
    }
    var joined = parts.removeFirst()
    for part in parts {
      let shift = joined.worksite.count
      joined.offsets += part.offsets.dropFirst().lazy.map { $0 + shift }
      joined.worksite += part.worksite
      joined.rank += part.rank
      joined.ineligible += part.ineligible
      joined.listed += part.listed
      joined.warnings += part.warnings
    }
    return ResolvedLists(
      choices: ChoiceTable(offsets: joined.offsets, worksite: joined.worksite, rank: joined.rank),
      ineligible: joined.ineligible, listed: joined.listed, warnings: joined.warnings)
  }

  /// The lists of one share of the students, as ``ResolvedLists`` holds them, the choice table
  /// in its three arrays (the offsets count from the share's first choice).
  private struct Share {
    var offsets: [Int]
    var worksite: [Int32]
    var rank: [Int32]
    var ineligible: [IneligibleChoice]
    var listed: [Int32]
    var warnings: [InstanceIssue]
  }

  /// Resolves the lists of `range`, one share of the students.
  private static func resolveLists(
    _ range: Range<Int>, of students: [Student], worksites: [Worksite], policy: Policy,
    menu: ActivityMenu?, entries: [Int32]?, firstEntry: [Int], longestList: Int,
    eligibility: EligibilityTable, roomForAll: Bool
  ) -> Share {
    // Room for this share's values, or, for the first share, for every share's.
    let (studentRoom, entryRoom) =
      roomForAll
      ? (students.count, firstEntry[students.count])
      : (range.count, firstEntry[range.upperBound] - firstEntry[range.lowerBound])
    var offsets = [0]
    offsets.reserveCapacity(studentRoom + 1)
    var choiceWorksite: [Int32] = []
    var choiceRank: [Int32] = []
    choiceWorksite.reserveCapacity(entryRoom)
    choiceRank.reserveCapacity(entryRoom)
    var ineligible: [IneligibleChoice] = []
    // Room for every entry: untouched room costs no memory, and the pairs are not copied as
    // they grow.
    ineligible.reserveCapacity(entryRoom)
    var warnings: [InstanceIssue] = []
    var listed: [Int32] = []
    listed.reserveCapacity(studentRoom)
    listed.append(contentsOf: repeatElement(0, count: range.count))
    // The last student whose list named each worksite: a duplicate check without hashing.
    var seenBy = [Int](repeating: -1, count: worksites.count)
    // Each worksite's kind, a byte apart: reading it from the worksites themselves (a cache
    // line or more each, in the order of the lists) missed the cache on most entries.
    let kinds = worksites.map(\.kind)
    // With a menu: entries of each kind met so far in the current list (the kind ranks).
    var ofKind = [Int32](repeating: 0, count: ActivityMenu.defaultOrder.count)
    // Students and worksites borrowed through buffers, so eligibility checks copy none.
    students.withUnsafeBufferPointer { roster in
      worksites.withUnsafeBufferPointer { sites in
        /// Calls `body` with the worksite of each entry of student `i`'s list; codes from
        /// `recordCount` on (and negative ones) name none.
        func codes(of i: Int, _ body: (UnsafeBufferPointer<Int32>, _ recordCount: Int) -> Void) {
          guard let entries else { return roster[i].preferences.withCodes(body) }
          entries.withUnsafeBufferPointer {
            body(UnsafeBufferPointer(rebasing: $0[firstEntry[i]..<firstEntry[i + 1]]), sites.count)
          }
        }
        for i in range {
          if menu != nil { ofKind.withUnsafeMutableBufferPointer { $0.update(repeating: 0) } }
          codes(of: i) { codes, recordCount in
            for e in codes.indices {
              let position = e + 1
              let j = Int(codes[e])
              guard j >= 0, j < recordCount else {
                warnings.append(
                  .init(
                    .warning, .student(i), field: "preferences",
                    "unknown worksite '\(roster[i].preferences[position - 1])' at rank \(position) skipped"
                  ))
                continue
              }
              // Without a menu the rank is the list position; with one, the position among the
              // entries of the worksite's kind, every entry of that kind counting.
              var rank = position
              let kind = kinds[j]
              if menu != nil {
                ofKind[ActivityMenu.ordinal(kind)] += 1
                rank = Int(ofKind[ActivityMenu.ordinal(kind)])
              }
              guard seenBy[j] != i else {
                warnings.append(
                  .init(
                    .warning, .student(i), field: "preferences",
                    "duplicate worksite '\(roster[i].preferences[position - 1])' at rank \(position) skipped"
                  ))
                continue
              }
              seenBy[j] = i
              listed[i - range.lowerBound] += 1
              // A kind not offered to the person's role (teacher externships to teachers, the
              // rest to students, unless the menu says otherwise) is no choice of theirs.
              let offered =
                menu?.offers(kind, to: roster[i].role)
                ?? (ActivityMenu.defaultParticipants(of: kind) == roster[i].role)
              guard offered else {
                warnings.append(
                  .init(
                    .warning, .student(i), field: "preferences",
                    "worksite '\(roster[i].preferences[position - 1])' at position \(position) "
                      + "offers '\(kind.rawValue)', not offered to \(roster[i].role.rawValue)s; skipped"
                  ))
                continue
              }
              let why = eligibility.check(student: i, of: roster, worksite: j, of: sites)
              if why.isEmpty {
                choiceWorksite.append(Int32(j))
                choiceRank.append(Int32(rank))
              } else {
                ineligible.append(
                  IneligibleChoice(student: i, worksite: j, rank: rank, reasons: why))
              }
            }
          }
          if policy.placeUnranked, listed[i - range.lowerBound] == 0 {
            for (j, rank) in unrankedChoices(
              for: roster[i], worksites: worksites, policy: policy, after: longestList)
            {
              choiceWorksite.append(Int32(j))
              choiceRank.append(Int32(rank))
            }
          }
          offsets.append(choiceWorksite.count)
        }
      }
    }
    return Share(
      offsets: offsets, worksite: choiceWorksite, rank: choiceRank, ineligible: ineligible,
      listed: listed, warnings: warnings)
  }
}
