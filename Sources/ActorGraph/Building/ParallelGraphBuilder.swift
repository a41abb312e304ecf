import ActorRecognition
import Dispatch

/// Builds a graph on several threads: documents are gathered into batches, each batch is cut into one
/// contiguous run per thread, and every thread recognizes its run and counts it into a builder of its own.
/// The builders are merged at the end (`GraphBuilder.merged`), which gives exactly the graph of a one-thread
/// run: counts add up and evidence keeps corpus order.
public struct ParallelGraphBuilder {
    public let recognizer: Recognizer
    public let jobs: Int
    private let slots: BuilderSlots
    private var batch: [Document] = []
    private var batchBytes = 0
    private var sequence = 0
    private let maxBatchBytes: Int

    public init(recognizer: Recognizer, options: BuildOptions, jobs: Int, batchBytes: Int = 8 << 20) {
        self.recognizer = recognizer
        self.jobs = max(1, jobs)
        self.slots = BuilderSlots(Array(repeating: GraphBuilder(options: options), count: max(1, jobs)))
        self.maxBatchBytes = batchBytes
    }

    /// Adds a document (recognized when its batch is full).
    public mutating func add(_ doc: Document) {
        batch.append(doc)
        batchBytes += doc.text.bytes.count
        if batchBytes >= maxBatchBytes || batch.count >= 8192 { flush() }
    }

    private mutating func flush() {
        guard !batch.isEmpty else { return }
        let docs = batch
        let base = sequence
        let recognizer = self.recognizer
        let slots = self.slots
        let workers = min(jobs, docs.count)
        if workers == 1 {
            for (k, d) in docs.enumerated() { slots.withBuilder(0) { $0.add(recognizer.recognize(d), sequence: base + k) } }
        } else {
            // Cut by bytes so the runs take about the same time.
            let total = docs.reduce(0) { $0 + $1.text.bytes.count }
            var cuts = [0]
            var acc = 0
            for (k, d) in docs.enumerated() {
                acc += d.text.bytes.count
                if cuts.count < workers, acc * workers >= total * cuts.count { cuts.append(k + 1) }
            }
            while cuts.count < workers { cuts.append(docs.count) }
            cuts.append(docs.count)
            let runs = cuts
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                for k in runs[w]..<max(runs[w], runs[w + 1]) {
                    slots.withBuilder(w) { $0.add(recognizer.recognize(docs[k]), sequence: base + k) }
                }
            }
        }
        sequence += docs.count
        batch.removeAll(keepingCapacity: true)
        batchBytes = 0
    }

    /// Recognizes what is left and returns the merged graph.
    public mutating func graph() -> CooccurrenceGraph {
        flush()
        return GraphBuilder.merged(slots.builders)
    }
}

/// One builder per worker thread, in memory allocated once: worker `w` is the only one to touch slot `w`
/// during a batch, so the slots need no lock (an array would be a shared value under exclusivity checks).
final class BuilderSlots: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<GraphBuilder>
    let count: Int

    init(_ builders: [GraphBuilder]) {
        count = builders.count
        storage = .allocate(capacity: builders.count)
        storage.initialize(from: builders, count: builders.count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    var builders: [GraphBuilder] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    func withBuilder(_ w: Int, _ body: (inout GraphBuilder) -> Void) { body(&storage[w]) }
}
