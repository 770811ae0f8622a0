import InternMatchModel

/// Values made from byte strings, each made once per distinct string and then shared: the few
/// schools, clusters or credential lists of a cohort are not made again for every student.
///
/// - Complexity: expected O(k) per lookup of a k-byte string, plus one `make` per distinct one.
struct Interner<Value> {
  private var table = ByteStringTable()
  private var values: [Value] = []

  /// The number of distinct byte strings seen.
  var count: Int { values.count }

  /// The value of `bytes`, from `make` the first time these bytes are seen, and its number:
  /// equal numbers mean equal bytes.
  mutating func value(
    of bytes: UnsafeBufferPointer<UInt8>, _ make: (UnsafeBufferPointer<UInt8>) -> Value
  ) -> (value: Value, number: Int) {
    let (entry, inserted) = table.insert(bytes)
    if inserted { values.append(make(bytes)) }
    return (values[entry], entry)
  }
}
