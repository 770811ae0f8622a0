/// A student's worksite ids, most preferred first: a collection of `String` that many lists
/// store together, as small integer codes into one shared table of ids.
///
/// A dataset reader resolves each list entry to its worksite straight from the file's bytes and
/// keeps only its code: the lists of a cohort share one array of codes and the table of worksite
/// ids, where a `[String]` per student would cost an array allocation per student and sixteen
/// bytes per entry. Reading an entry gives its id as written, so the list behaves as the
/// `[String]` it replaces: equality compares the ids (as `String ==` does), the hash and the
/// `Codable` form are those of the array of ids (a JSON array of strings), and array literals,
/// `[String]` values and any sequence of ids make one.
///
/// ```swift
/// var list: WorksiteList = ["W7", "W2"]
/// list.first          // "W7", the rank-1 choice
/// list.append("W9")   // list == ["W7", "W2", "W9"]
/// ```
///
/// - Complexity: O(1) to read an entry or the count; a change (`append`, `insert`, …) copies
///   the list into storage of its own, O(n) for n entries.
public struct WorksiteList: Sendable {
  /// Codes and the ids they stand for, shared by the lists of one read (or one list made in
  /// code). Immutable once made.
  package final class Storage: Sendable {
    /// The id of each code.
    let names: [String]
    /// Every list's codes, one list after another.
    let codes: [Int32]
    /// Codes below this one name worksite records: code `k` is the worksite at index `k` of
    /// the worksites the lists were read against (its id is `names[k]`). 0 when the codes name
    /// no record (a list made in code).
    let recordCount: Int

    /// Storage whose first `recordCount` names are the ids of the worksite records, in order.
    package init(names: [String], codes: [Int32], recordCount: Int) {
      precondition(recordCount <= names.count, "WorksiteList: more records than names")
      self.names = names
      self.codes = codes
      self.recordCount = recordCount
    }
  }

  /// Where the list's codes are; `nil` for an empty list made in code (no storage to retain).
  private let storage: Storage?
  /// The list's first code in `storage.codes`.
  private let start: Int32
  /// The number of entries.
  private let length: Int32

  /// The list whose codes are `storage.codes[range]`.
  package init(_ storage: Storage, _ range: Range<Int>) {
    precondition(
      range.lowerBound >= 0 && range.upperBound <= storage.codes.count
        && storage.codes.count <= Int(Int32.max),
      "WorksiteList: codes out of the storage")
    self.storage = storage
    start = Int32(range.lowerBound)
    length = Int32(range.count)
  }

  /// A list of the ids of `ids`, in order.
  ///
  /// - Complexity: O(n) for n ids.
  public init(_ ids: [String]) {
    guard !ids.isEmpty else {
      self.init()
      return
    }
    let storage = Storage(
      names: ids, codes: (0..<Int32(ids.count)).map { $0 }, recordCount: 0)
    self.init(storage, 0..<ids.count)
  }

  /// Calls `body` with the list's codes and the number of codes that name worksite records
  /// (``Storage/init(names:codes:recordCount:)``): what an instance reads instead of the ids
  /// when a reader resolved them.
  package func withCodes<R>(_ body: (UnsafeBufferPointer<Int32>, _ recordCount: Int) -> R) -> R {
    guard let storage else { return body(UnsafeBufferPointer(start: nil, count: 0), 0) }
    return storage.codes.withUnsafeBufferPointer { codes in
      body(
        UnsafeBufferPointer(rebasing: codes[Int(start)..<Int(start) + Int(length)]),
        storage.recordCount)
    }
  }
}

extension WorksiteList: RandomAccessCollection {
  public var startIndex: Int { 0 }
  public var endIndex: Int { Int(length) }
  public var count: Int { Int(length) }

  /// The id of the entry at `position` (0-based: rank `position + 1`).
  public subscript(position: Int) -> String {
    // A list with entries has storage.
    guard let storage, position >= 0, position < Int(length) else {
      preconditionFailure("WorksiteList: index out of range")
    }
    return storage.names[Int(storage.codes[Int(start) + position])]
  }
}

extension WorksiteList: RangeReplaceableCollection {
  /// An empty list.
  public init() {
    storage = nil
    start = 0
    length = 0
  }

  /// A list of the ids of `elements`, in order.
  public init<S: Sequence>(_ elements: S) where S.Element == String {
    self.init(Array(elements))
  }

  /// Replaces the entries in `subrange` with `newElements`, in storage of the list's own.
  public mutating func replaceSubrange<C: Collection>(
    _ subrange: Range<Int>, with newElements: C
  ) where C.Element == String {
    var ids = Array(self)
    ids.replaceSubrange(subrange, with: newElements)
    self = WorksiteList(ids)
  }
}

extension WorksiteList: ExpressibleByArrayLiteral {
  public init(arrayLiteral ids: String...) { self.init(ids) }
}

extension WorksiteList: Hashable {
  /// Lists are equal when their ids are, in order (`String ==`, as for `[String]`).
  public static func == (a: WorksiteList, b: WorksiteList) -> Bool {
    if a.storage === b.storage, a.start == b.start, a.length == b.length { return true }
    return a.count == b.count && a.elementsEqual(b)
  }

  /// Hashes the count and the ids, as `[String]` does.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    for id in self { hasher.combine(id) }
  }
}

extension WorksiteList: Codable {
  /// Decodes an array of ids.
  public init(from decoder: any Decoder) throws {
    self.init(try decoder.singleValueContainer().decode([String].self))
  }

  /// Encodes the ids as an array.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(Array(self))
  }
}

extension WorksiteList: CustomStringConvertible {
  /// The ids as an array prints them: `["W7", "W2"]`.
  public var description: String { Array(self).description }
}
