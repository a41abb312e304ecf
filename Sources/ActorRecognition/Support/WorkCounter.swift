import Synchronization

/// Hands out the indices 0, 1, 2, … to worker threads, each index once: a worker takes the next document not
/// yet taken, so no thread idles while another still has a long document queued behind it.
public final class WorkCounter: Sendable {
    private let value = Atomic<Int>(0)

    public init() {}

    /// An index no other call has returned.
    public func take() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
}
