import Foundation
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
    String(decoding: csvData(instance, outcomes: outcomes), as: UTF8.self)
  }

  /// The file's bytes (UTF-8), as ``csvData(_:outcomes:)`` writes them.
  ///
  /// - Complexity: O(S) for S students.
  public static func csvBytes(_ instance: PlacementInstance, outcomes: [StudentOutcome]) -> [UInt8]
  {
    [UInt8](csvData(instance, outcomes: outcomes))
  }

  /// The file's bytes (UTF-8), written straight into the `Data` that goes to disk: one buffer
  /// sized for the longest rows, with the students read in place (no `Student` copied, no
  /// `String` made per row, no copy of the whole file).
  ///
  /// ```swift
  /// let data = PlacementWriter.csvData(instance, outcomes: instance.outcomes(of: placement))
  /// data.prefix(29)  // "student,worksite,rank,reason\n"
  /// ```
  ///
  /// - Complexity: O(S) for S students.
  public static func csvData(_ instance: PlacementInstance, outcomes: [StudentOutcome]) -> Data {
    let header = Array("student,worksite,rank,reason\n".utf8)
    let worksiteField = instance.worksites.map { Array(CSVWriter.field($0.id).utf8) }
    let (reasons, offList) = (Array(UnplacedReason.allCases), Array(OffListSeat.allCases))
    let reasonText = reasons.map { Array($0.rawValue.utf8) }
    let offListText = offList.map { Array($0.rawValue.utf8) }
    let longestWorksite = worksiteField.lazy.map(\.count).max() ?? 0
    let longestReason = (reasonText + offListText).lazy.map(\.count).max() ?? 0
    return instance.students.withUnsafeBufferPointer { students in
      // Every row fits: an id quoted with every byte a quote, the longest worksite field, a
      // rank of up to 20 digits, the longest reason, three commas and the line break.
      let rowRoom = longestWorksite + 20 + longestReason + 6
      var room = header.count
      for s in students.indices { room += 2 * students[s].id.utf8.count + rowRoom }
      var data = Data(count: room)
      let count = data.withUnsafeMutableBytes { raw in
        let buffer = raw.bindMemory(to: UInt8.self)
        var at = 0
        func put(_ bytes: UnsafeBufferPointer<UInt8>) {
          _ = UnsafeMutableBufferPointer(rebasing: buffer[at..<at + bytes.count])
            .initialize(fromContentsOf: bytes)
          at += bytes.count
        }
        func put(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { put($0) } }
        func put(_ byte: UInt8) {
          buffer[at] = byte
          at += 1
        }
        put(header)
        for (s, outcome) in outcomes.enumerated() {
          var id = students[s].id
          id.withUTF8 { id in
            guard id.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else {
              return put(id)
            }
            put(UInt8(ascii: "\""))
            for b in id {
              put(b)
              if b == UInt8(ascii: "\"") { put(b) }
            }
            put(UInt8(ascii: "\""))
          }
          put(UInt8(ascii: ","))
          switch outcome {
          case .placed(let w, let rank):
            put(worksiteField[w])
            put(UInt8(ascii: ","))
            if rank == 0 {
              // Off the student's own list: a pin, or a seat given under `place_unranked`.
              put(UInt8(ascii: ","))
              let seat = instance.offListSeat(student: s, worksite: w)
              put(offListText[offList.firstIndex(of: seat) ?? 0])
            } else {
              at += writeDecimal(rank, to: UnsafeMutableBufferPointer(rebasing: buffer[at...]))
              put(UInt8(ascii: ","))
            }
          case .unplaced(let reason):
            put(UInt8(ascii: ","))
            put(UInt8(ascii: ","))
            put(reasonText[reasons.firstIndex(of: reason) ?? 0])
          }
          put(UInt8(ascii: "\n"))
        }
        return at
      }
      data.count = count
      return data
    }
  }

  /// A menu's `placements.csv` (`activities.csv` given): today's four columns and `kind` and
  /// `slot`, one row per ``/InternMatchModel/MenuRow`` (see ``/InternMatchModel/PlacementInstance/menuRows(of:)``).
  ///
  /// ```text
  /// student,worksite,rank,reason,kind,slot
  /// S1,M2,1,,mock-interview,09:20
  /// S1,,,choices-full,internship,
  /// ```
  ///
  /// - Complexity: O(rows).
  public static func menuCSV(_ instance: PlacementInstance, rows: [MenuRow]) -> String {
    String(decoding: menuCSVBytes(instance, rows: rows), as: UTF8.self)
  }

  /// The bytes (UTF-8) of ``menuCSV(_:rows:)``, written straight into one buffer: each id,
  /// kind and reason quoted once, not once per row.
  ///
  /// - Complexity: O(rows + S + W).
  public static func menuCSVBytes(_ instance: PlacementInstance, rows: [MenuRow]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(48 * (rows.count + 1))
    out.append(contentsOf: "student,worksite,rank,reason,kind,slot\n".utf8)
    let worksiteField = instance.worksites.map { Array(CSVWriter.field($0.id).utf8) }
    for row in rows {
      out.append(contentsOf: CSVWriter.field(instance.students[row.student].id).utf8)
      out.append(UInt8(ascii: ","))
      if let w = row.worksite { out.append(contentsOf: worksiteField[w]) }
      out.append(UInt8(ascii: ","))
      if let rank = row.rank { appendDecimal(rank, to: &out) }
      out.append(UInt8(ascii: ","))
      if let reason = row.reason { out.append(contentsOf: reason.rawValue.utf8) }
      out.append(UInt8(ascii: ","))
      if let kind = row.kind { out.append(contentsOf: kind.rawValue.utf8) }
      out.append(UInt8(ascii: ","))
      if let slot = row.slot { out.append(contentsOf: CSVWriter.field(slot).utf8) }
      out.append(UInt8(ascii: "\n"))
    }
    return out
  }

  /// Appends the decimal digits of `value` (not negative) to `out`.
  private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      out.append(contentsOf: digits[..<writeDecimal(value, to: digits)])
    }
  }

  /// Writes the decimal digits of `value` (not negative) at the start of `out`; returns how
  /// many.
  private static func writeDecimal(_ value: Int, to out: UnsafeMutableBufferPointer<UInt8>) -> Int {
    var digits = 1
    var rest = value / 10
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    var v = value
    for k in stride(from: digits - 1, through: 0, by: -1) {
      out[k] = UInt8(ascii: "0") + UInt8(v % 10)
      v /= 10
    }
    return digits
  }
}

/// RFC 4180 quoting for values written to CSV.
package enum CSVWriter {
  /// `value`, quoted when it holds a comma, quote or line break.
  package static func field(_ value: String) -> String {
    guard value.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else {
      return value
    }
    return "\"" + value.replacingQuotes() + "\""
  }

  /// One CSV line (with its line break) from `values`.
  package static func line(_ values: [String]) -> String {
    values.map(field).joined(separator: ",") + "\n"
  }
}

extension String {
  /// The text with every `"` doubled, from its UTF-8 bytes (a quote byte is always a whole
  /// character, never part of one).
  fileprivate func replacingQuotes() -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(utf8.count + 8)
    for b in utf8 {
      bytes.append(b)
      if b == UInt8(ascii: "\"") { bytes.append(b) }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
