/// Slots filled from several threads, each index by exactly one thread at a time, and read once the writers
/// are done (a `DispatchGroup` wait orders them); `take` moves a value out, so a value handed from thread to
/// thread is never shared. The storage is allocated once, so concurrent writers never touch a shared array
/// value (which exclusivity checking would trap).
final class ResultSlots<T>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    /// Each index is written by one thread only, and read after all writers have finished.
    func set(_ i: Int, _ v: T) { storage[i] = v }
    /// Moves the value out of slot `i`, leaving it empty.
    func take(_ i: Int) -> T { storage[i].take()! }
    func values() -> [T] { (0..<count).map { storage[$0]! } }
}
