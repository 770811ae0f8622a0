import InternMatchIO

/// Safe, distinct file names for the students' letters (`rosters/letters/NAME.txt`), made from
/// their ids — which are data, and may hold anything.
///
/// The mapping, for the ids of one run:
/// 1. Every byte of the id's UTF-8 that is not an ASCII letter, digit, `-`, `_` or `.` is written
///    `%XX` (uppercase hexadecimal), `%` included; so is a leading `.` (no hidden file, no `.` or
///    `..`), and the first character of a name Windows reserves (`CON`, `PRN`, `AUX`, `NUL`,
///    `COM0`–`COM9`, `LPT0`–`LPT9`, in any case, before any extension). The result is ASCII, holds
///    no `/`, `\`, control character or space, and differs for different ids.
/// 2. A result longer than ``maximumStemBytes`` keeps its first ``keptBytes`` bytes (never
///    half an escape) and adds `~` and the first 12 hexadecimal digits of the id's SHA-256.
/// 3. Names equal but for case (`S1` and `s1`, one file on a case-insensitive file system) each
///    add `~` and the digest's 12 digits too. `~` never comes from step 1, so such a name cannot
///    meet a plain one; should two digests' digits still meet, the whole digest is used.
/// 4. `.txt` is added.
///
/// A plain id (`S000123`, `123456789`) is its own name: `S000123.txt`.
///
/// ```swift
/// LetterFileName.names(for: ["S1", "s1", "../etc/passwd", "CON"])
/// // ["S1~<12 hex>.txt", "s1~<12 hex>.txt", "%2E.%2Fetc%2Fpasswd.txt", "%43ON.txt"]
/// ```
///
/// - Complexity: O(total bytes of the ids), plus a digest for each long or case-colliding id.
public enum LetterFileName {
  /// The longest name step 1 may give before it is shortened (bytes, without `.txt`).
  public static let maximumStemBytes = 100
  /// The bytes a shortened name keeps before its `~` and digest.
  public static let keptBytes = 80

  /// The file name of each id in `ids` (distinct ids, as a run's students are), in order.
  public static func names(for ids: [String]) -> [String] {
    var stems = ids.map(encoded)
    var hashed = [Bool](repeating: false, count: ids.count)
    for (k, stem) in stems.enumerated() where stem.utf8.count > maximumStemBytes {
      stems[k] = shortened(stem) + "~" + digest(ids[k], digits: 12)
      hashed[k] = true
    }
    var byFolded: [String: [Int]] = [:]
    for (k, stem) in stems.enumerated() { byFolded[stem.lowercased(), default: []].append(k) }
    for group in byFolded.values where group.count > 1 {
      for k in group where !hashed[k] { stems[k] += "~" + digest(ids[k], digits: 12) }
    }
    // Twelve digits of two digests meeting is all but impossible; it still cannot break the rule.
    var seen: [String: Int] = [:]
    for k in stems.indices {
      if let other = seen[stems[k].lowercased()] {
        for j in [other, k] {
          stems[j] = shortened(encoded(ids[j])) + "~" + digest(ids[j], digits: 64)
        }
      }
      seen[stems[k].lowercased()] = k
    }
    return stems.map { $0 + ".txt" }
  }

  /// Step 1: the id with every byte outside `[A-Za-z0-9._-]` escaped as `%XX`, a leading `.`
  /// and a reserved device name's first character too.
  static func encoded(_ id: String) -> String {
    let bytes = Array(id.utf8)
    let reserved = isReservedDeviceName(bytes)
    var out = ""
    out.reserveCapacity(bytes.count)
    for (k, b) in bytes.enumerated() {
      let plain =
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || (b == UInt8(ascii: ".") && k > 0)
      if plain, !(reserved && k == 0) {
        out.unicodeScalars.append(Unicode.Scalar(b))
      } else {
        out +=
          "%" + String(b >> 4, radix: 16, uppercase: true)
          + String(b & 0xF, radix: 16, uppercase: true)
      }
    }
    return out.isEmpty ? "%" : out
  }

  /// Whether the part of `bytes` before its first `.` is a device name Windows reserves.
  private static func isReservedDeviceName(_ bytes: [UInt8]) -> Bool {
    let base = String(decoding: bytes.prefix { $0 != UInt8(ascii: ".") }, as: UTF8.self)
      .lowercased()
    if ["con", "prn", "aux", "nul"].contains(base) { return true }
    guard base.count == 4, let last = base.last, last.isASCII, last.isNumber else { return false }
    return base.hasPrefix("com") || base.hasPrefix("lpt")
  }

  /// The first ``keptBytes`` bytes of an encoded name, without cutting a `%XX` escape.
  private static func shortened(_ stem: String) -> String {
    let bytes = Array(stem.utf8)
    var cut = min(keptBytes, bytes.count)
    if let percent = bytes[max(0, cut - 2)..<cut].lastIndex(of: UInt8(ascii: "%")) {
      cut = percent
    }
    return String(decoding: bytes[..<cut], as: UTF8.self)
  }

  /// The first `digits` hexadecimal digits of the SHA-256 of `id`'s UTF-8.
  private static func digest(_ id: String, digits: Int) -> String {
    String(SHA256.hex(of: Array(id.utf8)).prefix(digits))
  }
}
