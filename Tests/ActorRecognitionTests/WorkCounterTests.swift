import Dispatch
import Testing
@testable import ActorRecognition

/// Work sharing between threads: each document index is taken by exactly one worker.
@Suite("Work counter")
struct WorkCounterTests {
    @Test("four threads taking 100,000 indices get each index exactly once")
    func eachIndexOnce() {
        let counter = WorkCounter()
        let total = 100_000
        let taken = ResultSlots<Int>(count: total)
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            while true {
                let k = counter.take()
                guard k < total else { break }
                taken.set(k, worker)
            }
        }
        // Every slot was filled (values() unwraps each), and there were exactly total + 4 takes: one per index
        // and one past the end per thread, so no index was handed out twice.
        #expect(taken.values().count == total)
        #expect(counter.take() == total + 4)
    }
}
