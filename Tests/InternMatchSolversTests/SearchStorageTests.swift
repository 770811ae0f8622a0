import InternMatchModel
import Testing

@testable import InternMatchSolvers

@Suite("Search storage: Dial buckets and fixed stacks")
struct SearchStorageTests {
  @Test("buckets give back, key by key, what was put in (last in, first out), through growth")
  func bucketsMatchArrays() {
    var queue = DialBuckets()
    defer { queue.deallocate() }
    var rng = SplitMix64(seed: 99)
    for round in 0..<3 {
      var expected = [[Int32]](repeating: [], count: 300)
      for i in 0..<5_000 {
        let key = Int(rng.next() % 300)
        queue.insert(Int32(i + round), key: key)
        expected[key].append(Int32(i + round))
      }
      #expect(queue.keyCount == (expected.lastIndex { !$0.isEmpty } ?? -1) + 1)
      for key in 0..<300 {
        var taken: [Int32] = []
        while let v = queue.take(key: key) { taken.append(v) }
        #expect(taken == expected[key].reversed(), "round \(round) key \(key)")
      }
      #expect(queue.take(key: 400) == nil)
      queue.removeAll()
      #expect(queue.keyCount == 0)
    }
  }

  @Test("a stack pushes, pops, truncates and shows its elements bottom first")
  func stack() {
    var stack = Int32Stack(capacity: 8)
    defer { stack.deallocate() }
    #expect(stack.last == nil)
    for v in [5, 6, 7, 8] as [Int32] { stack.append(v) }
    #expect(stack.count == 4 && stack.last == 8 && stack[1] == 6)
    #expect(Array(stack.elements(from: 2)) == [7, 8])
    #expect(stack.removeLast() == 8)
    stack[0] = 1
    stack.truncate(to: 1)
    #expect(Array(stack.elements()) == [1])
  }
}
