#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits text into sentences, working on UTF-8 bytes.
///
/// The rules are the evaluation's (`actorlib.split_sentences`), so sentence pairs are comparable: every line
/// is split on its own; inside a line a sentence ends after `.`, `!` or `?` (plus closing quotes or brackets)
/// when white space and then an upper-case ASCII letter or a digit (after optional opening quotes or
/// brackets) follow — except after a known abbreviation (`Mr.`, `U.S.`, `Gen.`, …) or a single initial.
/// Spans have their surrounding white space trimmed; blank stretches make no sentence.
public enum SentenceSplitter {
    /// Words (lower case, without their final period) after which a period does not end a sentence.
    public static let abbreviations: Set<[UInt8]> = Set([
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "lt", "col", "sgt", "capt", "maj", "sen", "rep",
        "gov", "pres", "prof", "rev", "no", "inc", "corp", "ltd", "co", "vs", "etc", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e",
    ].map { Array($0.utf8) })

    /// Sentence byte ranges of valid UTF-8 text, in order.
    public static func sentences(_ bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { sentences($0) }
    }

    /// Sentence byte ranges of valid UTF-8 text, in order.
    /// - Complexity: O(n) in the number of bytes.
    public static func sentences(_ b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var lineStart = 0
        let n = b.count
        while lineStart <= n {
            // memchr compares many bytes per step; lines run to hundreds of bytes.
            let lineEnd = lineStart < n ? memchr(b.baseAddress! + lineStart, 0x0A, n - lineStart).map {
                b.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self))
            } ?? n : n
            split(line: lineStart..<lineEnd, b, into: &spans)
            lineStart = lineEnd + 1
        }
        return spans
    }

    static func split(line: Range<Int>, _ b: UnsafeBufferPointer<UInt8>, into spans: inout [Range<Int>]) {
        var segmentStart = line.lowerBound
        var i = line.lowerBound
        while i < line.upperBound {
            let c = b[i]
            guard c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") else { i += 1; continue }
            var cut = i + 1
            while cut < line.upperBound, let len = closingQuoteLength(b, cut) { cut += len }
            // Look ahead: white space, opening quotes, then A-Z or 0-9.
            var j = cut
            var sawSpace = false
            while j < line.upperBound, let len = spaceLength(b, j) { j += len; sawSpace = true }
            guard sawSpace else { i += 1; continue }
            while j < line.upperBound, let len = openingQuoteLength(b, j) { j += len }
            guard j < line.upperBound, UTF8Classes.isASCIIUpper(b[j]) || UTF8Classes.isDigit(b[j]) else { i += 1; continue }
            if c == UInt8(ascii: "."), isAbbreviation(endingAt: i, b, lineStart: line.lowerBound) { i += 1; continue }
            emit(segmentStart..<cut, b, into: &spans)
            segmentStart = cut
            i = cut
        }
        emit(segmentStart..<line.upperBound, b, into: &spans)
    }

    /// The `[\w.]+` word before the period at `dot`, checked against abbreviations and initials.
    static func isAbbreviation(endingAt dot: Int, _ b: UnsafeBufferPointer<UInt8>, lineStart: Int) -> Bool {
        var s = dot
        while s > lineStart {
            let c = b[s - 1]
            if c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c >= 0x80 || UTF8Classes.isASCIILetter(c) || UTF8Classes.isDigit(c) {
                s -= 1
            } else {
                break
            }
        }
        // Back off to a scalar boundary (a continuation byte cannot start the word).
        while s < dot, b[s] & 0xC0 == 0x80 { s += 1 }
        let n = dot - s
        if n == 0 { return false }
        // The word is compared lower-cased, in place: no array per period.
        @inline(__always) func lower(_ k: Int) -> UInt8 { UTF8Classes.isASCIIUpper(b[s + k]) ? b[s + k] | 0x20 : b[s + k] }
        if n <= 7 {
            var key = UInt64(n) << 56
            for k in 0..<n { key |= UInt64(lower(k)) << UInt64(8 * k) }
            if abbreviationKeys.contains(key) { return true }
        }
        if n == 1, UTF8Classes.isASCIILower(lower(0)) { return true }
        // (?:[a-z]\.)+[a-z]
        if n >= 3, n % 2 == 1 {
            for k in 0..<n where k % 2 == 0 ? !UTF8Classes.isASCIILower(lower(k)) : b[s + k] != UInt8(ascii: ".") { return false }
            return true
        }
        return false
    }

    /// `abbreviations` packed for `isAbbreviation`: the bytes little-endian, the length in the top byte.
    private static let abbreviationKeys: Set<UInt64> = Set(abbreviations.map { word in
        precondition(word.count <= 7, "an abbreviation of more than seven bytes")
        return word.enumerated().reduce(UInt64(word.count) << 56) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
    })

    static func emit(_ r: Range<Int>, _ b: UnsafeBufferPointer<UInt8>, into spans: inout [Range<Int>]) {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, let len = spaceLength(b, lo) { lo += len }
        while hi > lo {
            var k = hi - 1
            while k > lo, b[k] & 0xC0 == 0x80 { k -= 1 }
            guard spaceLength(b, k) != nil else { break }
            hi = k
        }
        if lo < hi { spans.append(lo..<hi) }
    }

    @inline(__always)
    static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let c = b[i]
        if c < 0x80 { return UTF8Classes.isSpace(c) || (c >= 0x1C && c <= 0x1F) ? 1 : nil }
        let (s, len) = UTF8Classes.decode(b, i)
        return UTF8Classes.isSpaceScalar(s) && s != 0xFEFF && s != 0x200B ? len : nil
    }

    @inline(__always)
    static func closingQuoteLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let c = b[i]
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: ")") || c == UInt8(ascii: "]") { return 1 }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x9D || b[i + 2] == 0x99 { return 3 }
        return nil
    }

    @inline(__always)
    static func openingQuoteLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let c = b[i]
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "(") || c == UInt8(ascii: "[") { return 1 }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x9C || b[i + 2] == 0x98 { return 3 }
        return nil
    }
}
