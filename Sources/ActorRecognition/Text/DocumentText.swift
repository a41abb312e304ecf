/// The text of one document as UTF-8 bytes, exactly as read, with invalid bytes repaired.
///
/// Offsets elsewhere in ActorGraph are Unicode code-point offsets into this text. Each invalid byte of the
/// input becomes one U+FFFD (so it counts as one code point), and a byte-order mark stays as U+FEFF at
/// code point 0: nothing is dropped or translated, so offsets agree with any reader that decodes the same
/// bytes the same way (Python's `str`, Swift's `unicodeScalars`).
public struct DocumentText: Sendable, Hashable {
    /// Valid UTF-8.
    public let bytes: [UInt8]
    /// The byte offset of the first invalid byte of the input, if there was one.
    public let firstInvalidByteOffset: Int?
    /// Whether every byte is ASCII, so that code-point offsets are byte offsets.
    public let isASCII: Bool

    /// Wraps bytes, replacing every invalid byte with U+FFFD.
    /// - Complexity: O(n); no copy when the input is already valid UTF-8.
    public init<C: Collection>(utf8 input: C) where C.Element == UInt8 {
        let raw = Array(input)
        if let bad = DocumentText.firstInvalidByte(in: raw) {
            self.bytes = DocumentText.repair(raw, from: bad)
            self.firstInvalidByteOffset = bad
        } else {
            self.bytes = raw
            self.firstInvalidByteOffset = nil
        }
        isASCII = DocumentText.allASCII(bytes)
    }

    /// Wraps a Swift string, which is always valid UTF-8.
    public init(_ string: String) {
        self.bytes = Array(string.utf8)
        self.firstInvalidByteOffset = nil
        isASCII = DocumentText.allASCII(bytes)
    }

    /// Wraps text decoded elsewhere (a JSON string), remembering where its input had its first invalid byte.
    init(_ string: String, firstInvalidByteOffset: Int?) {
        self.bytes = Array(string.utf8)
        self.firstInvalidByteOffset = firstInvalidByteOffset
        isASCII = DocumentText.allASCII(bytes)
    }

    /// Whether no byte has its high bit set.
    static func allASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { asciiRunEnd($0, from: 0) == $0.count }
    }

    /// The index of the first byte at or after `i` with its high bit set (or the end), read eight bytes at a
    /// time.
    @inline(__always)
    static func asciiRunEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        if let base = b.baseAddress {
            while i + 8 <= b.count, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
        }
        while i < b.count, b[i] < 0x80 { i += 1 }
        return i
    }

    /// The text as a `String`.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The length of a valid UTF-8 sequence starting at `i`, or 0 when the byte there does not start one.
    @inline(__always)
    static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b0 = b[i]
        if b0 < 0x80 { return 1 }
        let n = b.count
        @inline(__always) func cont(_ j: Int) -> Bool { j < n && b[j] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF:
            return cont(i + 1) ? 2 : 0
        case 0xE0...0xEF:
            guard i + 2 < n, cont(i + 1), cont(i + 2) else { return 0 }
            let b1 = b[i + 1]
            if b0 == 0xE0 && b1 < 0xA0 { return 0 }  // overlong
            if b0 == 0xED && b1 > 0x9F { return 0 }  // surrogate
            return 3
        case 0xF0...0xF4:
            guard i + 3 < n, cont(i + 1), cont(i + 2), cont(i + 3) else { return 0 }
            let b1 = b[i + 1]
            if b0 == 0xF0 && b1 < 0x90 { return 0 }
            if b0 == 0xF4 && b1 > 0x8F { return 0 }
            return 4
        default:
            return 0
        }
    }

    static func firstInvalidByte(in raw: [UInt8]) -> Int? {
        raw.withUnsafeBufferPointer { b in
            var i = 0
            let n = b.count
            while i < n {
                i = asciiRunEnd(b, from: i)
                guard i < n else { break }
                let len = sequenceLength(b, i)
                if len == 0 { return i }
                i += len
            }
            return nil
        }
    }

    static func repair(_ raw: [UInt8], from start: Int) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(raw.count + 16)
        out.append(contentsOf: raw[0..<start])
        raw.withUnsafeBufferPointer { b in
            var i = start
            while i < b.count {
                if b[i] < 0x80 { out.append(b[i]); i += 1; continue }
                let len = sequenceLength(b, i)
                if len == 0 {
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    i += 1
                } else {
                    out.append(contentsOf: b[i..<(i + len)])
                    i += len
                }
            }
        }
        return out
    }
}

/// Converts byte offsets of a UTF-8 text into code-point offsets, walking from the previous query.
///
/// Queries may come in any order; each costs only the bytes between it and the previous one (or the start of
/// the text, when that is nearer), so offsets asked in nearly increasing order — mentions as they are found,
/// the start and end of each evidence window — cost one pass over the text in all.
public struct CodePointCounter {
    private let bytes: [UInt8]
    /// Every byte is ASCII: offsets need no counting.
    private let ascii: Bool
    private var byteOffset = 0
    private var codePoints = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        ascii = false
    }

    /// A counter for `text`, which answers at once when the text is ASCII.
    public init(_ text: DocumentText) {
        bytes = text.bytes
        ascii = text.isASCII
    }

    /// The code-point offset of `target`, a byte offset at a code-point boundary. Counts from the offset asked
    /// before, forwards or backwards, so a run of nearby offsets in any order (a window's start after the end
    /// of the window before) costs the distance between them.
    public mutating func codePointOffset(ofByte target: Int) -> Int {
        if ascii { return target }
        if target < byteOffset {
            // Back to target, or from the start when that is nearer.
            if target < byteOffset - target {
                byteOffset = 0
                codePoints = 0
            } else {
                codePoints -= Self.codePoints(in: target..<byteOffset, of: bytes)
                byteOffset = target
                return codePoints
            }
        }
        codePoints += Self.codePoints(in: byteOffset..<target, of: bytes)
        byteOffset = target
        return codePoints
    }

    /// The number of code points that start in `range` of `bytes`.
    private static func codePoints(in range: Range<Int>, of bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { b in
            var i = range.lowerBound
            var c = 0
            // Eight bytes at a time: every byte that is not a continuation byte (10xxxxxx) starts a code point.
            if let base = b.baseAddress {
                while i + 8 <= range.upperBound {
                    let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    let continuation = w & ~(w << 1) & 0x8080_8080_8080_8080
                    c += 8 - continuation.nonzeroBitCount
                    i += 8
                }
            }
            while i < range.upperBound {
                if b[i] & 0xC0 != 0x80 { c += 1 }
                i += 1
            }
            return c
        }
    }
}
