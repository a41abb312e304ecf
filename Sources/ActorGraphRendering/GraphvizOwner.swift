import CGraphviz
#if canImport(Glibc)
import Glibc
#endif

/// The one owner of Graphviz in this process.
///
/// libgvc and libcgraph keep global state (the DOT lexer, the error level,
/// plugin tables, the prototype graph), so every call into them must be
/// serialized, and one `GVC_t` must serve the whole process: creating and
/// freeing a context per call crashes when Swift Testing runs tests in parallel.
enum GraphvizOwner {
    /// The lock that serializes Graphviz. A pthread mutex rather than
    /// `Synchronization.Mutex`, which ThreadSanitizer cannot see on Linux (it
    /// reported false races on `context`).
    private static let lock = GraphvizLock()
    /// The lazily created context, only touched while `lock` is held; it is
    /// never freed, as it lives as long as the process.
    nonisolated(unsafe) private static var context: OpaquePointer?

    /// Runs `body` with the process's Graphviz context while holding the lock,
    /// with Graphviz's message buffer emptied beforehand.
    ///
    /// Every libgvc or libcgraph call must happen inside `body`.
    static func withContext<Result: Sendable>(
        _ body: (_ gvc: OpaquePointer) throws(GraphvizError) -> Result
    ) throws(GraphvizError) -> Result {
        try lock.withLock { () throws(GraphvizError) -> Result in
            let gvc: OpaquePointer
            if let existing = context {
                gvc = existing
            } else {
                gvc = try start()
                context = gvc
            }
            GraphvizMessages.reset()
            return try body(gvc)
        }
    }

    /// Routes Graphviz's messages into `GraphvizMessages` before anything can
    /// print, then creates the context (which reports plugin problems itself).
    private static func start() throws(GraphvizError) -> OpaquePointer {
        _ = agseterrf(GraphvizMessages.collect)
        // Every level at or above the threshold goes to the callback; a higher
        // threshold (AGMAX) would divert messages to a temporary file instead.
        _ = agseterr(AGWARN)
        GraphvizMessages.reset()
        guard let gvc = gvContext() else {
            throw GraphvizError(step: .start, graphvizMessage: GraphvizMessages.take())
        }
        return gvc
    }
}

/// A mutex ThreadSanitizer understands: pthread_mutex_lock and unlock are intercepted.
final class GraphvizLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}

/// What Graphviz reported during the current call.
///
/// Graphviz calls `collect` through a C function pointer, which cannot reach
/// state inside `GraphvizOwner`'s mutex, so the text lives in a static. It is
/// only touched while that mutex is held: `reset` and `take` run inside
/// `withContext`, and Graphviz calls `collect` synchronously from calls made
/// there. That is why `nonisolated(unsafe)` is sound here.
enum GraphvizMessages {
    nonisolated(unsafe) private static var text = ""

    /// Receives each piece of a message: Graphviz 2.43 sends `"Error"` or
    /// `"Warning"`, then `": "`, then the formatted text.
    static let collect: agusererrf = { piece in
        if let piece { GraphvizMessages.text += String(cString: piece) }
        return 0
    }

    /// Whether Graphviz reported an error (not just a warning) since the last
    /// reset. Its layouts and renderers can report an error and carry on, so
    /// a zero return code alone does not mean the picture is sound.
    static var errorReported: Bool {
        agerrors() >= Int32(AGERR.rawValue)
    }

    /// Forgets earlier messages and Graphviz's record of the worst error level.
    static func reset() {
        text = ""
        _ = agreseterrors()
    }

    /// The messages since the last reset, without their `Error: ` and
    /// `Warning: ` prefixes, and clears them.
    static func take() -> String {
        defer { text = "" }
        return text
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map { line -> Substring in
                for prefix in ["Error: ", "Warning: "] where line.hasPrefix(prefix) {
                    return line.dropFirst(prefix.count)
                }
                return line
            }
            .joined(separator: "\n")
    }
}
