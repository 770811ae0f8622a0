import InternMatchModel

/// Why each side rule still refused with a menu of activities is refused: what the rule does
/// not yet say once a person may hold several placements, of several kinds, in slots.
///
/// ```swift
/// MenuRefusal.reason(for: "links")
/// // "two linked people share a worksite or are both unplaced; with several placements …"
/// ```
///
/// - Complexity: O(1).
public enum MenuRefusal {
  /// The reason `rule` (its name in the data, as
  /// ``MenuPlacing/menuRulesNotYetSupported(in:)`` gives it) is refused with a menu.
  public static func reason(for rule: String) -> String {
    switch rule {
    case "pins with max_per_school or employers.csv":
      "a pin's seat counts against its school's limit and its employer's capacity; pins that "
        + "already break them are not yet bad data at their line, and stable's choice at a "
        + "worksite with max_per_school does not count pins yet"
    case "reserves":
      "reserved seats are not defined on a menu yet: a row with slots offers its capacity in "
        + "each slot (a reserve per slot or over the row?), and the reserve order is a rule of "
        + "one seat per person"
    case "school_floor":
      "a floor is a share of a school's placeable students placed; with several placements per "
        + "person, in several kinds, which placements count is not defined, and a floor would tie "
        + "every kind into one MIP"
    case "min_group":
      "a worksite holding 0 or at least m people is not defined with slots (m per slot or over "
        + "the row?) and would make every kind a MIP"
    case "links":
      "two linked people share a worksite or are both unplaced; with several placements each, "
        + "in several kinds and slots, which placements must match is not defined"
    case "place_unranked":
      "off-list seats are drawn from a person's cluster across all kinds; which kinds, how many "
        + "and at what rank within each kind is not defined"
    case "employer_capacity":
      "an employer's capacity is one quota over worksites that each rank people their own way, "
        + "so no worksite can refuse alone and a stable placement need not exist"
    default: "not placed with a menu yet"
    }
  }
}
