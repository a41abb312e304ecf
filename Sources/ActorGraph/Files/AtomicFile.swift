#if canImport(Glibc)
import Glibc
#endif
import ActorRecognition

/// Writes a file all at once: into a temporary file in the same folder, then renamed over the target, so a
/// failed or interrupted run never leaves a partial file and the previous file stays intact.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically.
    /// - Throws: `InputError` naming the path when the folder is missing or unwritable, or the disk is full.
    public static func write(_ bytes: [UInt8], to path: String) throws(InputError) {
        let folder = try checkedFolder(of: path)
        var template = Array("\(folder)/.\(path.split(separator: "/").last ?? "out").XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 { throw InputError(file: path, "cannot be written: \(String(cString: strerror(errno)))") }
        let tmp = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        TemporaryFiles.register(tmp)
        defer { TemporaryFiles.unregister(tmp) }
        var ok = false
        defer { if !ok { unlink(tmp) } }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                let e = errno
                if e == EINTR { continue }
                close(fd)
                throw InputError(file: path, "cannot be written: \(String(cString: strerror(e)))")
            }
            written += n
        }
        if fsync(fd) != 0 && errno != EINVAL {
            let e = errno
            close(fd)
            throw InputError(file: path, "cannot be written: \(String(cString: strerror(e)))")
        }
        fchmod(fd, 0o644)
        if close(fd) != 0 { throw InputError(file: path, "cannot be written: \(String(cString: strerror(errno)))") }
        if rename(tmp, path) != 0 { throw InputError(file: path, "cannot be written: \(String(cString: strerror(errno)))") }
        ok = true
    }

    /// The folder `path` will be written in, after checking that it exists and that `path` is not a folder
    /// (the rename would fail only at the end, after a whole run).
    static func checkedFolder(of path: String) throws(InputError) -> String {
        let folder: String
        if let slash = path.lastIndex(of: "/") { folder = String(path[..<slash]).isEmpty ? "/" : String(path[..<slash]) } else { folder = "." }
        var st = stat()
        if stat(folder, &st) != 0 || (st.st_mode & S_IFMT) != S_IFDIR {
            throw InputError(file: path, "cannot be written: the folder '\(folder)' does not exist")
        }
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            throw InputError(file: path, "cannot be written: it is a folder")
        }
        return folder
    }
}

/// Temporary files being written, so a signal handler can remove them before the process exits.
public enum TemporaryFiles {
    nonisolated(unsafe) private static var paths: [UnsafeMutablePointer<CChar>?] = Array(repeating: nil, count: 16)
    private static let lock = LockBox()

    static func register(_ path: String) {
        lock.withLock {
            if let k = paths.firstIndex(where: { $0 == nil }) { paths[k] = strdup(path) }
        }
    }

    static func unregister(_ path: String) {
        lock.withLock {
            for k in paths.indices {
                if let p = paths[k], String(cString: p) == path { free(p); paths[k] = nil }
            }
        }
    }

    /// Removes every registered temporary file. Async-signal-safe enough for a SIGINT/SIGTERM handler: it only
    /// calls unlink on pointers prepared beforehand.
    public static func removeAll() {
        for p in paths { if let p { unlink(p) } }
    }
}

final class LockBox: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}

/// A file written in pieces that appears at its path only when `commit()` succeeds: the same temporary-file
/// and rename discipline as `AtomicFile.write`, for outputs too large to hold in memory.
///
/// A run with several outputs calls `prepare()` on each (where a full disk or an I/O error shows) and only
/// then `commit()` on each (a rename), so a failure while writing leaves every previous file in place.
public final class AtomicFileWriter {
    public let path: String
    private let temporary: String
    /// The temporary file's descriptor until `prepare()` closes it (-1 after).
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var finished = false

    /// Opens a temporary file beside `path`.
    public init(path: String) throws(InputError) {
        self.path = path
        let folder = try AtomicFile.checkedFolder(of: path)
        var template = Array("\(folder)/.\(path.split(separator: "/").last ?? "out").XXXXXX".utf8CString)
        fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 { throw InputError(file: path, "cannot be written: \(String(cString: strerror(errno)))") }
        temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        TemporaryFiles.register(temporary)
    }

    deinit { if !finished { discard() } }

    /// Appends bytes (buffered).
    public func write(_ bytes: [UInt8]) throws(InputError) {
        assert(fd >= 0 || finished, "AtomicFileWriter.write after prepare()")
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws(InputError) {
        var written = 0
        while written < buffer.count {
            let n = buffer.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let e = errno
                discard()
                throw InputError(file: path, "cannot be written: \(String(cString: strerror(e)))")
            }
            written += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and closes the temporary file, so that all `commit()` has left to do is the rename.
    /// Writing after this is a programming error.
    public func prepare() throws(InputError) {
        guard fd >= 0, !finished else { return }
        try flush()
        fchmod(fd, 0o644)
        if fsync(fd) != 0 && errno != EINVAL { let e = errno; discard(); throw InputError(file: path, "cannot be written: \(String(cString: strerror(e)))") }
        let status = close(fd)
        fd = -1
        if status != 0 { let e = errno; discard(); throw InputError(file: path, "cannot be written: \(String(cString: strerror(e)))") }
    }

    /// Prepares the file if that is not done yet, then renames it into place.
    public func commit() throws(InputError) {
        try prepare()
        if rename(temporary, path) != 0 { let e = errno; discard(); throw InputError(file: path, "cannot be written: \(String(cString: strerror(e)))") }
        finished = true
        TemporaryFiles.unregister(temporary)
    }

    /// Removes the temporary file; the path is left as it was.
    public func discard() {
        guard !finished else { return }
        if fd >= 0 { close(fd); fd = -1 }
        unlink(temporary)
        TemporaryFiles.unregister(temporary)
        finished = true
    }
}
