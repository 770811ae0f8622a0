/// A calendar date without a time or time zone, as exports write birth dates: ISO 8601
/// `YYYY-MM-DD`, or the US `MM/DD/YYYY` (one-digit month and day allowed, `3/7/2010`).
///
/// ```swift
/// let born = CivilDate(text: Array("2010-03-07".utf8))!
/// let start = CivilDate(text: Array("07/01/2027".utf8))!
/// born.age(on: start)  // 17
/// ```
///
/// - Complexity: O(length of the text) to read; O(1) to compare and count years.
struct CivilDate: Hashable, Comparable, CustomStringConvertible {
  var year: Int
  var month: Int
  var day: Int

  /// The date `bytes` write, if they are a valid date in one of the two forms (years 1000–9999).
  init?(text bytes: some Collection<UInt8>) {
    let parts = bytes.split(
      separator: bytes.contains(UInt8(ascii: "-")) ? UInt8(ascii: "-") : UInt8(ascii: "/"),
      omittingEmptySubsequences: false)
    guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 }) else { return nil }
    func number(_ digits: some Collection<UInt8>) -> Int? {
      var value = 0
      for b in digits {
        guard b &- UInt8(ascii: "0") <= 9 else { return nil }
        value = value * 10 + Int(b &- UInt8(ascii: "0"))
      }
      return value
    }
    let iso = bytes.contains(UInt8(ascii: "-"))
    let (y, m, d) = iso ? (parts[0], parts[1], parts[2]) : (parts[2], parts[0], parts[1])
    guard y.count == 4, iso ? (m.count == 2 && d.count == 2) : (m.count <= 2 && d.count <= 2),
      let year = number(y), let month = number(m), let day = number(d),
      year >= 1000, (1...12).contains(month), (1...Self.days(in: month, of: year)).contains(day)
    else { return nil }
    (self.year, self.month, self.day) = (year, month, day)
  }

  /// The days of `month` in `year` (Gregorian).
  static func days(in month: Int, of year: Int) -> Int {
    switch month {
    case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Full years from this date (a birth date) to `date`: the years whose anniversary has come
  /// by `date` (someone born on 29 February turns a year older on 1 March in other years).
  func age(on date: CivilDate) -> Int {
    date.year - year - ((date.month, date.day) < (month, day) ? 1 : 0)
  }

  static func < (a: CivilDate, b: CivilDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  /// `YYYY-MM-DD`.
  var description: String {
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)-\(two(month))-\(two(day))"
  }
}
