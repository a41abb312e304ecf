extension StringProtocol {
    /// Without leading and trailing spaces, tabs and stray carriage returns (a value ending "\r\r" on a CRLF
    /// line kept one "\r", which the written-back file then lost: found by Fuzz/Gazetteer). The gazetteer
    /// parser trims the same bytes in `GazetteerLine.trimmed`; the pattern parser uses this.
    var trimmingSpaces: String {
        if let ascii = utf8.withContiguousStorageIfAvailable({ ASCIIFields.trimmed($0) }), let ascii { return ascii }
        let s = self.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
        var end = s.endIndex
        while end > s.startIndex {
            let before = s.index(before: end)
            if s[before] == " " || s[before] == "\t" || s[before] == "\r" { end = before } else { break }
        }
        return String(s[s.startIndex..<end])
    }

    /// The fields between `;`s, each without leading and trailing spaces (`trimmingSpaces`), empty ones left
    /// out: the entries of a pattern-file list line.
    var semicolonFields: [String] {
        if let ascii = utf8.withContiguousStorageIfAvailable({ ASCIIFields.semicolonFields($0) }), let ascii { return ascii }
        return split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }
}

/// Byte versions of the trimming and splitting above, for text whose bytes are ASCII other than a line feed.
/// There each byte is one `Character` ("\r\n", the one ASCII pair that forms one, cannot occur), so working on
/// bytes gives exactly what the `Character` versions give, without walking grapheme boundaries. Otherwise they
/// return nil and the callers take the `Character` path.
enum ASCIIFields {
    /// Whether every byte is ASCII and none is a line feed.
    static func isPlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for c in b where c >= 0x80 || c == 0x0A { return false }
        return true
    }

    static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        guard isPlain(b) else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: b[trimmedRange(b, 0..<b.count)]), as: UTF8.self)
    }

    static func trimmedRange(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, GazetteerLine.isBlank(b[lo]) { lo += 1 }
        while hi > lo, GazetteerLine.isBlank(b[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    static func semicolonFields(_ b: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard isPlain(b) else { return nil }
        var out: [String] = []
        var start = 0
        for k in 0...b.count where k == b.count || b[k] == UInt8(ascii: ";") {
            let field = trimmedRange(b, start..<k)
            if !field.isEmpty { out.append(String(decoding: UnsafeBufferPointer(rebasing: b[field]), as: UTF8.self)) }
            start = k + 1
        }
        return out
    }
}
