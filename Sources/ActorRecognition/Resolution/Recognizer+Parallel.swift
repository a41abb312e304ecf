import Dispatch

extension Recognizer {
    /// Recognizes `documents` on up to `jobs` threads; the results come back in input order, so output is
    /// byte-identical to a one-thread run.
    public func recognize(_ documents: [Document], jobs: Int) -> [RecognizedDocument] {
        if jobs <= 1 || documents.count < 2 { return documents.map(recognize) }
        let results = ResultSlots<RecognizedDocument>(count: documents.count)
        // Strided assignment keeps threads busy when document sizes vary.
        DispatchQueue.concurrentPerform(iterations: min(jobs, documents.count)) { worker in
            var k = worker
            while k < documents.count {
                results.set(k, recognize(documents[k]))
                k += jobs
            }
        }
        return results.values()
    }
}

/// Write-once slots filled from several threads, each index by exactly one thread.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    /// Each index is written by one thread only, and read after all writers have finished.
    func set(_ i: Int, _ v: T) { slots.withUnsafeMutableBufferPointer { $0[i] = v } }
    func values() -> [T] { slots.map { $0! } }
}

/// Groups streamed documents into batches for parallel recognition, keeping corpus order.
public struct RecognitionBatcher {
    public let recognizer: Recognizer
    public let jobs: Int
    private var batch: [Document] = []
    private let batchBytes: Int
    private var bytes = 0

    public init(recognizer: Recognizer, jobs: Int, batchBytes: Int = 8 << 20) {
        self.recognizer = recognizer
        self.jobs = max(1, jobs)
        self.batchBytes = batchBytes
    }

    /// Adds a document; when the batch is full, recognizes it and hands each result to `body` in order.
    public mutating func add(_ doc: Document, _ body: (RecognizedDocument) throws -> Void) rethrows {
        if jobs == 1 { try body(recognizer.recognize(doc)); return }
        batch.append(doc)
        bytes += doc.text.bytes.count
        if bytes >= batchBytes || batch.count >= 4096 { try flush(body) }
    }

    /// Recognizes what is left.
    public mutating func flush(_ body: (RecognizedDocument) throws -> Void) rethrows {
        guard !batch.isEmpty else { return }
        let results = recognizer.recognize(batch, jobs: jobs)
        batch.removeAll(keepingCapacity: true)
        bytes = 0
        for r in results { try body(r) }
    }
}
