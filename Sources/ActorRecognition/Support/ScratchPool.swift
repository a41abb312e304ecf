#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reusable working memory shared by the threads that recognize documents: a document borrows one object
/// and gives it back when done, so its memory is allocated and cleared once per thread rather than once per
/// document. A pthread mutex guards the free list (ThreadSanitizer sees it; on Linux it does not see
/// `Synchronization.Mutex`).
final class ScratchPool<Scratch: AnyObject>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var free: [Scratch] = []
    private let make: @Sendable () -> Scratch

    init(_ make: @escaping @Sendable () -> Scratch) {
        self.make = make
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with a scratch object no other thread holds meanwhile.
    func withScratch<T>(_ body: (Scratch) -> T) -> T {
        pthread_mutex_lock(mutex)
        let scratch = free.popLast()
        pthread_mutex_unlock(mutex)
        let borrowed = scratch ?? make()
        defer {
            pthread_mutex_lock(mutex)
            free.append(borrowed)
            pthread_mutex_unlock(mutex)
        }
        return body(borrowed)
    }
}
