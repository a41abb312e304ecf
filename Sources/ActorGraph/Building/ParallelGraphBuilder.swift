import ActorRecognition
import Dispatch

/// Builds a graph on several threads: documents are gathered into batches, each batch is shared out among
/// the threads, and every thread recognizes its documents and counts them into a builder of its own.
/// The builders are merged at the end (`GraphBuilder.merged`), which gives exactly the graph of a one-thread
/// run: counts add up and evidence keeps corpus order. A full batch is processed in the background while
/// the caller reads the next one, so reading the corpus overlaps recognizing it.
public struct ParallelGraphBuilder {
    public let recognizer: Recognizer
    public let jobs: Int
    private let slots: BuilderSlots
    private var batch: [Document] = []
    private var batchBytes = 0
    private var sequence = 0
    private let maxBatchBytes: Int
    /// The batch being processed in the background.
    private var inFlight: DispatchGroup?

    public init(recognizer: Recognizer, options: BuildOptions, jobs: Int, batchBytes: Int = 8 << 20) {
        self.recognizer = recognizer
        self.jobs = max(1, jobs)
        self.slots = BuilderSlots(Array(repeating: GraphBuilder(options: options), count: max(1, jobs)))
        self.maxBatchBytes = batchBytes
    }

    /// Adds a document (recognized when its batch is full).
    public mutating func add(_ doc: Document) {
        if jobs > 1 && doc.text.bytes.count > recognizer.segmentBytes {
            // A long document on its own, after the documents before it: its segments are shared out among
            // the threads instead of its whole length falling to one of them.
            finishBatches()
            let recognizer = self.recognizer, jobs = self.jobs, place = sequence
            slots.withBuilder(0) { $0.add(doc, recognizedBy: recognizer, sequence: place, jobs: jobs) }
            sequence += 1
            return
        }
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
        sequence += docs.count
        batch = []
        batchBytes = 0
        if jobs == 1 {
            for (k, d) in docs.enumerated() { slots.withBuilder(0) { $0.add(d, recognizedBy: recognizer, sequence: base + k) } }
            return
        }
        // The builders are the previous batch's until it is done.
        inFlight?.wait()
        // Each worker takes the next document not yet taken, so no worker idles while another still has a long
        // document queued behind it. Which builder counts which document does not matter: the merge gives the
        // graph of one corpus-order pass.
        let done = DispatchGroup()
        let next = WorkCounter()
        DispatchQueue.global().async(group: done) {
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                while true {
                    let k = next.take()
                    guard k < docs.count else { break }
                    slots.withBuilder(w) { $0.add(docs[k], recognizedBy: recognizer, sequence: base + k) }
                }
            }
        }
        inFlight = done
    }

    /// Recognizes what is left and returns the merged graph.
    public mutating func graph() -> CooccurrenceGraph {
        finishBatches()
        return GraphBuilder.merged(slots.builders)
    }

    /// Recognizes the documents gathered so far and waits until every batch is counted.
    private mutating func finishBatches() {
        flush()
        inFlight?.wait()
        inFlight = nil
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

