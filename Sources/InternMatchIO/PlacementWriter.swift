import InternMatchModel

/// Writes `placements.csv`: one row per student, in input order, with the worksite and rank of a
/// placed student or the reason an unplaced one has no seat (`pinned` or `unranked`, without a
/// rank, for a seat off the student's own list).
///
/// ```text
/// student,worksite,rank,reason
/// S1,W2,1,
/// S2,,,choices-full
/// ```
///
/// - Complexity: O(S) in the number of students.
public enum PlacementWriter {
  /// The CSV text of `outcomes` (one per student of `instance`).
  public static func csv(_ instance: PlacementInstance, outcomes: [StudentOutcome]) -> String {
    // Built as bytes: appending to a String costs far more per piece.
    var out = Array("student,worksite,rank,reason\n".utf8)
    out.reserveCapacity(32 * (outcomes.count + 1))
    for (s, outcome) in outcomes.enumerated() {
      append(CSVWriter.field(instance.students[s].id), to: &out)
      switch outcome {
      case .placed(let w, let rank) where rank == 0:
        // Off the student's own list: a pin, or a seat given under `place_unranked`.
        append(",", to: &out)
        append(CSVWriter.field(instance.worksites[w].id), to: &out)
        append(instance.pinnedWorksite[s] == w ? ",,pinned\n" : ",,unranked\n", to: &out)
      case .placed(let w, let rank):
        append(",", to: &out)
        append(CSVWriter.field(instance.worksites[w].id), to: &out)
        append(",", to: &out)
        append(String(rank), to: &out)
        append(",\n", to: &out)
      case .unplaced(let reason):
        append(",,,", to: &out)
        append(reason.rawValue, to: &out)
        append("\n", to: &out)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the UTF-8 bytes of `text` to `out`.
  private static func append(_ text: String, to out: inout [UInt8]) {
    var text = text
    text.withUTF8 { out.append(contentsOf: $0) }
  }
}

/// RFC 4180 quoting for values written to CSV.
enum CSVWriter {
  /// `value`, quoted when it holds a comma, quote or line break.
  static func field(_ value: String) -> String {
    guard value.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else {
      return value
    }
    return "\"" + value.replacingQuotes() + "\""
  }

  /// One CSV line (with its line break) from `values`.
  static func line(_ values: [String]) -> String {
    values.map(field).joined(separator: ",") + "\n"
  }
}

extension String {
  fileprivate func replacingQuotes() -> String {
    var out = ""
    out.reserveCapacity(utf8.count + 2)
    for ch in self {
      if ch == "\"" { out += "\"\"" } else { out.append(ch) }
    }
    return out
  }
}
