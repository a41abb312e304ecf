/// One text of a corpus.
public struct Document: Sendable {
    /// The document id: a path relative to the corpus folder without `.txt`, or a JSON Lines `id`.
    public let id: String
    /// The text exactly as read, decoded as UTF-8 (invalid bytes repaired).
    public let text: DocumentText
    /// The publication day, from a `date YYYY-MM-DD` line or the JSON Lines `date` field.
    public let date: Day?
    /// Where the document came from, for messages: a file path, or `FILE:LINE` for JSON Lines.
    public let source: String

    public init(id: String, text: DocumentText, date: Day? = nil, source: String) {
        self.id = id
        self.text = text
        self.date = date
        self.source = source
    }

    /// Reads the date line of a text file: the first non-blank line, trimmed, being `date YYYY-MM-DD`.
    public static func dateLine(in bytes: [UInt8]) -> Day? {
        var i = 0
        let n = bytes.count
        // Skip a byte-order mark and blank lines.
        if ByteOrderMark.starts(bytes) { i = ByteOrderMark.bytes.count }
        while i < n {
            var j = i
            while j < n, bytes[j] != UInt8(ascii: "\n") { j += 1 }
            var a = i, b = j
            while a < b, isSpace(bytes[a]) { a += 1 }
            while b > a, isSpace(bytes[b - 1]) { b -= 1 }
            if a < b {
                let line = bytes[a..<b]
                guard line.count == 15, line.starts(with: Array("date ".utf8)) else { return nil }
                return Day(String(decoding: line.dropFirst(5), as: UTF8.self))
            }
            i = j + 1
        }
        return nil
    }

    @inline(__always) static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A || c == 0x0B || c == 0x0C
    }
}
