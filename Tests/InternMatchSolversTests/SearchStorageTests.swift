import InternMatchModel
import Testing

@testable import InternMatchSolvers

@Suite("Search storage: Dial buckets and fixed stacks")
struct SearchStorageTests {
  @Test("buckets give back, key by key, what was put in (last in, first out), through growth")
  func bucketsMatchArrays() {
    var queue = DialBuckets()
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

  @Test("keys past the bucket limit come out of the heap in key order, taking no bucket memory")
  func largeKeys() {
    var queue = DialBuckets()
    var rng = SplitMix64(seed: 5)
    let limit = DialBuckets.bucketLimit
    var keys: [Int: Int] = [:]  // key → items put in
    for i in 0..<2_000 {
      let key = i % 3 == 0 ? Int(rng.next() % 50) : limit + Int(rng.next() % 900_000_000)
      queue.insert(Int32(i), key: key)
      keys[key, default: 0] += 1
    }
    #expect(queue.keyCount <= 50)
    var seen: [Int] = []
    var start = 0
    while let key = queue.nextKey(from: start) {
      var n = 0
      while queue.take(key: key) != nil { n += 1 }
      #expect(n == keys[key], "key \(key)")
      seen.append(key)
      start = key + 1
    }
    #expect(seen == keys.keys.sorted())
  }

  @Test("a stack pushes, pops, truncates and shows its elements bottom first")
  func stack() {
    var stack = Int32Stack(capacity: 8)
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

@Suite("optimal-squared with a long list (issue 10: 3.4 GB of buckets before)")
struct LongListTests {
  @Test("a student whose only free seat is at rank 1,100 (cost 1,210,000) is placed there")
  func longList() throws {
    let n = 1_100
    let worksites = (0..<n).map { Worksite(id: "W\($0)", cluster: "it", capacity: 1) }
    var students = [
      Student(id: "S0", school: "K", cluster: "it", preferences: (0..<n).map { "W\($0)" })
    ]
    students += (1..<n).map {
      Student(id: "S\($0)", school: "K", cluster: "it", preferences: ["W\($0 - 1)"])
    }
    let instance = try PlacementInstance(students: students, worksites: worksites)
    for backend in [OptimalStrategy.Backend.network] {
      let result = try OptimalStrategy(rankCost: .squared, backend: backend).place(instance)
      #expect(result.objective == PlacementObjective(placed: n, cost: (n - 1) + n * n))
      #expect(result.placement.worksite(of: 0) == n - 1)
    }
  }
}

@Suite("Owned solver storage")
struct OwnedBufferTests {
  @Test("a buffer keeps its values when it grows and fills only the new elements")
  func growKeepsValues() {
    var buffer = OwnedBuffer(copying: [3, 1, 4] as [Int32])
    buffer[1] = 9
    buffer.grow(to: 5, filling: -1)
    #expect(buffer.count == 64)
    #expect(Array(buffer.storage.prefix(5)) == [3, 9, 4, -1, -1])
    #expect(buffer.storage.dropFirst(3).allSatisfy { $0 == -1 })
  }

  @Test("growing to a size it has is no change")
  func growNoChange() {
    var buffer = OwnedBuffer(repeating: 7 as Int8, count: 4)
    let before = buffer.storage.baseAddress
    buffer.grow(to: 4, filling: 0)
    #expect(buffer.storage.baseAddress == before)
    #expect(Array(buffer.storage) == [7, 7, 7, 7])
  }
}
