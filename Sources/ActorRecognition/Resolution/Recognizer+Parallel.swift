import Dispatch

extension Recognizer {
    /// Recognizes `documents` on up to `jobs` threads; the results come back in input order, so output is
    /// byte-identical to a one-thread run.
    public func recognize(_ documents: [Document], jobs: Int) -> [RecognizedDocument] {
        recognize(documents, jobs: jobs) { $0 }
    }

    /// Recognizes `documents` on up to `jobs` threads and applies `transform` to each result on the same thread
    /// (formatting output, say); the values come back in input order.
    public func recognize<T>(_ documents: [Document], jobs: Int, transform: @Sendable (RecognizedDocument) -> T) -> [T] {
        if jobs <= 1 || documents.count < 2 { return documents.map { transform(recognize($0)) } }
        let results = ResultSlots<T>(count: documents.count)
        recognize(documents, jobs: jobs, into: results, transform: transform)
        return results.values()
    }

    /// Recognizes `documents` on up to `jobs` threads into `results` (slot k for document k).
    func recognize<T>(_ documents: [Document], jobs: Int, into results: ResultSlots<T>,
                      transform: @Sendable (RecognizedDocument) -> T) {
        let workers = max(1, min(jobs, documents.count))
        let next = WorkCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let k = next.take()
                guard k < documents.count else { break }
                results.set(k, transform(recognize(documents[k])))
            }
        }
    }
}

/// Groups streamed documents into batches for parallel recognition, keeping corpus order.
///
/// A full batch is recognized in the background while the caller reads the next one, and its results are
/// handed over (in order) when that next batch is full, or at `flush`: reading the corpus overlaps
/// recognizing it. One batcher serves one result type: use the same `transform` type on every call.
public struct RecognitionBatcher {
    public let recognizer: Recognizer
    public let jobs: Int
    private var batch: [Document] = []
    private let batchBytes: Int
    private var bytes = 0
    /// The batch being recognized in the background, and where its results go.
    private var inFlight: (done: DispatchGroup, results: AnyObject)?

    /// Whether a document longer than the recognizer's segments is handed over in parts
    /// (`Recognizer.recognizeParts`), one segment's mentions at a time, so that they are never all held. Only
    /// for callers that take each mention on its own (`extract`): a part is not a whole document.
    public let handsOverParts: Bool

    public init(recognizer: Recognizer, jobs: Int, batchBytes: Int = 8 << 20, handsOverParts: Bool = false) {
        self.recognizer = recognizer
        self.jobs = max(1, jobs)
        self.batchBytes = batchBytes
        self.handsOverParts = handsOverParts
    }

    /// Adds a document; when the batch is full, starts recognizing it and hands the results of the batch
    /// before it to `body`, in order.
    public mutating func add(_ doc: Document, _ body: (RecognizedDocument) throws -> Void) rethrows {
        try add(doc, transform: { $0 }, body)
    }

    /// Recognizes what is left and hands every remaining result to `body`, in order.
    public mutating func flush(_ body: (RecognizedDocument) throws -> Void) rethrows {
        try flush(transform: { $0 }, body)
    }

    /// Like `add`, with `transform` applied to each result on the recognizing thread.
    public mutating func add<T>(_ doc: Document, transform: @escaping @Sendable (RecognizedDocument) -> T,
                                _ body: (T) throws -> Void) rethrows {
        if handsOverParts && doc.text.bytes.count > recognizer.segmentBytes {
            // Everything before it first, then its parts, recognized here in order.
            try flush(transform: transform, body)
            try recognizer.recognizeParts(doc, jobs: jobs) { try body(transform($0)) }
            return
        }
        if jobs == 1 { try body(transform(recognizer.recognize(doc))); return }
        batch.append(doc)
        bytes += doc.text.bytes.count
        if bytes >= batchBytes || batch.count >= 4096 { try startBatch(transform: transform, body) }
    }

    /// Like `flush`, with `transform` applied on the recognizing threads.
    public mutating func flush<T>(transform: @escaping @Sendable (RecognizedDocument) -> T, _ body: (T) throws -> Void) rethrows {
        try startBatch(transform: transform, body)
        try drain(body)
    }

    /// Hands over the results of the batch in flight, then starts recognizing the current batch.
    private mutating func startBatch<T>(transform: @escaping @Sendable (RecognizedDocument) -> T, _ body: (T) throws -> Void) rethrows {
        try drain(body)
        guard !batch.isEmpty else { return }
        let docs = batch, recognizer = self.recognizer, jobs = self.jobs
        let results = ResultSlots<T>(count: docs.count)
        let done = DispatchGroup()
        DispatchQueue.global().async(group: done) {
            recognizer.recognize(docs, jobs: jobs, into: results, transform: transform)
        }
        inFlight = (done, results)
        batch = []
        bytes = 0
    }

    private mutating func drain<T>(_ body: (T) throws -> Void) rethrows {
        guard let (done, slots) = inFlight else { return }
        inFlight = nil
        done.wait()
        guard let results = slots as? ResultSlots<T> else {
            preconditionFailure("a RecognitionBatcher was used with two result types")
        }
        for r in results.values() { try body(r) }
    }
}
