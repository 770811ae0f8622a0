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
  @inline(__always)
  mutating func value(
    of bytes: UnsafeBufferPointer<UInt8>, _ make: (UnsafeBufferPointer<UInt8>) -> Value
  ) -> (value: Value, number: Int) {
    let (entry, inserted) = table.insert(bytes)
    if inserted { values.append(make(bytes)) }
    return (values[entry], entry)
  }
}

/// The texts and the sets of texts of a table's fields, each made once per distinct field: a
/// cohort has a few schools, clusters and credential lists, not one per student.
struct FieldInterner {
  private var texts = Interner<String>()
  private var sets = Interner<Set<String>>()

  /// The number of distinct sets made.
  var setCount: Int { sets.count }

  /// The text of field `column`, as ``ColumnReader/text(_:_:)`` reads it, or, when `required`,
  /// as ``ColumnReader/requiredText(_:_:)`` does (an error and `""` when empty).
  mutating func text(
    _ r: CSVTable.Record, _ column: ColumnReader.Column, _ c: inout ColumnReader,
    required: Bool
  ) -> String? {
    let value =
      c.withBytes(r, column) { bytes in
        bytes.isEmpty
          ? nil : texts.value(of: bytes) { String(decoding: $0, as: UTF8.self) }.value
      } ?? nil
    return value ?? (required ? c.requiredText(r, column) : nil)
  }

  /// The set of the items of field `column` (as ``ColumnReader/list(_:_:)`` splits them) and
  /// its number: equal numbers, equal sets; -1 when the field is empty.
  mutating func set(_ r: CSVTable.Record, _ column: ColumnReader.Column, _ c: ColumnReader)
    -> (value: Set<String>, number: Int32)
  {
    c.withBytes(r, column) { bytes in
      guard !bytes.isEmpty else { return ([], -1) }
      let (value, number) = sets.value(of: bytes) { _ in Set(c.list(r, column)) }
      return (value, Int32(number))
    } ?? ([], -1)
  }
}
