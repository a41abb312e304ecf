/// Reads the gazetteer text format (`Docs/gazetteer.md`), collecting every problem with its line and column.
///
/// The text is scanned as UTF-8 bytes, each line and each field in it a byte range; a `String` is made only
/// for what the gazetteer keeps (names, ids, aliases, attribute values) and for problems. Columns are 1-based
/// and count code points from the start of the line: a tab is one column, and the byte-order mark that may
/// open line 1 is not counted.
public struct GazetteerParser {
    /// The keys a property line may use, besides `attr.NAME`.
    public static let keys: Set<String> = ["alias", "demonym", "capital", "acronym", "exact", "country", "role", "iso2", "status"]
    static let listKeys: Set<String> = ["alias", "demonym", "capital", "acronym", "exact"]
    static let keyList = keys.sorted().joined(separator: ", ")

    /// Parses `text` read from `file`. Returns the gazetteer and the problems found (empty when the file is good).
    /// - Complexity: O(n) in the length of `text`.
    public static func parse(_ text: String, file: String) -> (Gazetteer, [InputError]) {
        var text = text
        return text.withUTF8 { parse(utf8: $0, file: file) }
    }

    /// Parses valid UTF-8 (a file `RecognitionResources` has read and checked).
    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>, file: String) -> (Gazetteer, [InputError]) {
        var reader = GazetteerReader(bytes, file: file)
        reader.readAll()
        return (reader.gazetteer, reader.problems)
    }

    /// Aliases such as `US`, `UAE`, `NATO`: 2 to 5 letters, all capitals. They match with exact case only.
    static func isShortCapitals(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isShortCapitals($0[...]) }
    }

    static func isShortCapitals(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var letters = 0
        for c in bytes {
            if UTF8Classes.isASCIILetter(c) {
                guard UTF8Classes.isASCIIUpper(c) else { return false }
                letters += 1
            } else if c != UInt8(ascii: ".") {
                return false
            }
        }
        return (2...5).contains(letters)
    }
}

/// One line of a gazetteer: a byte range of the file without its line break (LF, or CRLF) and, on line 1,
/// without a byte-order mark; fields are byte ranges inside it.
struct GazetteerLine {
    let bytes: UnsafeBufferPointer<UInt8>
    let start: Int
    let end: Int
    let number: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from lineStart: Int, to lineEnd: Int, number: Int) {
        var s = lineStart
        var e = lineEnd
        if e > s && bytes[e - 1] == UInt8(ascii: "\r") { e -= 1 }
        if number == 1, ByteOrderMark.starts(bytes[s..<e]) { s += ByteOrderMark.bytes.count }
        self.bytes = bytes
        self.start = s
        self.end = e
        self.number = number
    }

    var all: Range<Int> { start..<end }

    /// The 1-based column of the byte at `i`: one more than the code points before it on the line.
    func column(_ i: Int) -> Int {
        var n = 1
        for k in start..<i where bytes[k] & 0xC0 != 0x80 { n += 1 }
        return n
    }

    func firstIndex(of c: UInt8, in r: Range<Int>) -> Int? {
        var i = r.lowerBound
        while i < r.upperBound {
            if bytes[i] == c { return i }
            i += 1
        }
        return nil
    }

    /// `r` without leading and trailing spaces, tabs and carriage returns (as `trimmingSpaces`). An all-blank
    /// range becomes the empty range at its end.
    func trimmed(_ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound
        var hi = r.upperBound
        while lo < hi && GazetteerLine.isBlank(bytes[lo]) { lo += 1 }
        while hi > lo && GazetteerLine.isBlank(bytes[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    @inline(__always) static func isBlank(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r")
    }

    /// The pieces of `r` between separators `c`, empty ones included (as `split(omittingEmptySubsequences: false)`).
    func split(_ r: Range<Int>, on c: UInt8, into parts: inout [Range<Int>]) {
        parts.removeAll(keepingCapacity: true)
        var lo = r.lowerBound
        for i in r where bytes[i] == c {
            parts.append(lo..<i)
            lo = i + 1
        }
        parts.append(lo..<r.upperBound)
    }

    /// The runs of `r` between spaces and tabs.
    func words(_ r: Range<Int>, into parts: inout [Range<Int>]) {
        parts.removeAll(keepingCapacity: true)
        var i = r.lowerBound
        while i < r.upperBound {
            while i < r.upperBound && (bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t")) { i += 1 }
            guard i < r.upperBound else { break }
            let lo = i
            while i < r.upperBound && bytes[i] != UInt8(ascii: " ") && bytes[i] != UInt8(ascii: "\t") { i += 1 }
            parts.append(lo..<i)
        }
    }

    func string(_ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
    }

    func equals(_ r: Range<Int>, _ s: StaticString) -> Bool {
        r.count == s.utf8CodeUnitCount && s.withUTF8Buffer { $0.elementsEqual(bytes[r]) }
    }

    func hasPrefix(_ r: Range<Int>, _ s: StaticString) -> Bool {
        r.count >= s.utf8CodeUnitCount && equals(r.lowerBound..<r.lowerBound + s.utf8CodeUnitCount, s)
    }
}
