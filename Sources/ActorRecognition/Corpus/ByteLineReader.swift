#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor line by line as raw bytes, with a bounded buffer that grows only for long lines.
struct ByteLineReader {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEOF = false
    private static let chunk = 1 << 20

    init(fileDescriptor: Int32) { fd = fileDescriptor }

    /// The next line without its `\n` (a trailing `\r` is kept: the caller decides), or nil at the end.
    mutating func nextLine() throws(InputError) -> ArraySlice<UInt8>? {
        var searchFrom = start
        while true {
            if let nl = buffer[searchFrom...].firstIndex(of: 0x0A) {
                let line = buffer[start..<nl]
                start = nl + 1
                return line
            }
            if atEOF {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                return line
            }
            if start > 0 {
                if buffer.capacity > 8 * ByteLineReader.chunk && buffer.count - start <= ByteLineReader.chunk {
                    // Past a long line: its memory goes back instead of staying with the reader to the end.
                    buffer = Array(buffer[start...])
                } else {
                    buffer.removeSubrange(0..<start)
                }
                start = 0
            }
            searchFrom = buffer.count
            try fill()
        }
    }

    private mutating func fill() throws(InputError) {
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: ByteLineReader.chunk))
        let n = buffer.withUnsafeMutableBufferPointer { p in
            read(fd, p.baseAddress! + old, ByteLineReader.chunk)
        }
        if n < 0 {
            buffer.removeSubrange(old...)
            throw InputError(file: "", "could not be read: \(String(cString: strerror(errno)))")
        }
        buffer.removeSubrange((old + n)...)
        if n == 0 { atEOF = true }
    }
}

/// Whole-file reading with POSIX calls, so bytes arrive exactly as stored.
enum FileBytes {
    static func read(path: String) throws(InputError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw InputError(file: path, "cannot be opened: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            throw InputError(file: path, "is a folder, not a file")
        }
        var out: [UInt8] = []
        out.reserveCapacity(max(0, Int(st.st_size)))
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBufferPointer { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 { throw InputError(file: path, "could not be read: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }
}
