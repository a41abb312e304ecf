/// Cuts UTF-8 text into tokens in one pass over the bytes.
///
/// Words are runs of letters and digits (any non-ASCII scalar that is not a space or punctuation counts as a
/// letter, so combining accents and other scripts stay inside words). Dotted acronyms (`U.S.`, `U.N.`) are one
/// word, dot included. A possessive `'s`/`’s` after a word is its own token. Every other non-space character is
/// a one-character punctuation token. See `Docs/matcher.md`.
public enum Tokenizer {
    /// Tokenizes valid UTF-8 and returns the tokens.
    public static func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        bytes.withUnsafeBufferPointer { tokenize($0, into: &tokens) }
        return tokens
    }

    /// Tokenizes valid UTF-8, appending to `tokens` (which keeps its capacity between documents).
    /// - Complexity: O(n) in the number of bytes.
    public static func tokenize(_ b: UnsafeBufferPointer<UInt8>, into tokens: inout [Token]) {
        // Every token has at least one byte, so a buffer of one token per byte never fills: tokens are stored
        // with no capacity or uniqueness check each, then appended in one copy.
        withUnsafeTemporaryAllocation(of: Token.self, capacity: max(1, b.count)) { buffer in
            var out = Output(base: buffer.baseAddress!)
            tokenize(b, into: &out)
            tokens.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress, count: out.count))
        }
    }

    /// Tokenizes valid UTF-8 into a new array, stored in place with room for one token per byte (a segment's
    /// tokens are dropped when the segment is done, so the spare capacity is never kept).
    static func tokens(_ b: UnsafeBufferPointer<UInt8>) -> [Token] {
        [Token](unsafeUninitializedCapacity: max(1, b.count)) { buffer, count in
            var out = Output(base: buffer.baseAddress!)
            tokenize(b, into: &out)
            count = out.count
        }
    }

    /// Where tokens go: memory for at least one token per byte of the text.
    struct Output {
        let base: UnsafeMutablePointer<Token>
        var count = 0

        @inline(__always)
        mutating func append(_ t: Token) {
            (base + count).initialize(to: t)
            count += 1
        }

        var last: Token? { count > 0 ? base[count - 1] : nil }
    }

    static func tokenize(_ b: UnsafeBufferPointer<UInt8>, into tokens: inout Output) {
        let n = b.count
        var i = 0
        // Shapes are built with `insert`, `union` and `init()`, never from array literals: the optimizer left
        // `pending = []` as a heap array made and released for every token.
        var pending = Token.Shape.spaceBefore.union(.lineStart)
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if UTF8Classes.isSpace(c) {
                    pending.insert(.spaceBefore)
                    if c == 0x0A || c == 0x0D { pending.insert(.lineStart) }
                    i += 1
                    continue
                }
                if UTF8Classes.isASCIILetter(c) || UTF8Classes.isDigit(c) {
                    i = word(b, from: i, pending: pending, into: &tokens)
                    pending = Token.Shape()
                    continue
                }
                // Possessive 's after a word.
                if c == UInt8(ascii: "'"), isPossessive(b, apostropheAt: i, length: 1, tokens: tokens) {
                    tokens.append(Token(start: Int32(i), end: Int32(i + 2), kind: .possessive, shape: pending))
                    pending = Token.Shape()
                    i += 2
                    continue
                }
                tokens.append(Token(start: Int32(i), end: Int32(i + 1), kind: .punctuation, shape: pending))
                pending = Token.Shape()
                i += 1
                continue
            }
            let (scalar, len) = UTF8Classes.decode(b, i)
            if UTF8Classes.isSpaceScalar(scalar) {
                pending.insert(.spaceBefore)
                if scalar == 0x2028 || scalar == 0x2029 || scalar == 0x85 { pending.insert(.lineStart) }
                i += len
                continue
            }
            if UTF8Classes.isPunctuationScalar(scalar) {
                if scalar == UTF8Classes.rightSingleQuote, isPossessive(b, apostropheAt: i, length: len, tokens: tokens) {
                    tokens.append(Token(start: Int32(i), end: Int32(i + len + 1), kind: .possessive, shape: pending))
                    pending = Token.Shape()
                    i += len + 1
                    continue
                }
                tokens.append(Token(start: Int32(i), end: Int32(i + len), kind: .punctuation, shape: pending))
                pending = Token.Shape()
                i += len
                continue
            }
            i = word(b, from: i, pending: pending, into: &tokens)
            pending = Token.Shape()
        }
    }

    /// `'s` right after a word and not followed by a letter.
    @inline(__always)
    static func isPossessive(_ b: UnsafeBufferPointer<UInt8>, apostropheAt i: Int, length: Int, tokens: Output) -> Bool {
        guard let last = tokens.last, last.kind == .word, Int(last.end) == i else { return false }
        let s = i + length
        guard s < b.count, b[s] == UInt8(ascii: "s") || b[s] == UInt8(ascii: "S") else { return false }
        let after = s + 1
        if after >= b.count { return true }
        let c = b[after]
        if c < 0x80 { return !(UTF8Classes.isASCIILetter(c) || UTF8Classes.isDigit(c)) }
        let (scalar, _) = UTF8Classes.decode(b, after)
        return UTF8Classes.isSpaceScalar(scalar) || UTF8Classes.isPunctuationScalar(scalar)
    }

    /// Scans a word or number starting at `start` and appends it; returns the index after it.
    @inline(__always)
    static func word(_ b: UnsafeBufferPointer<UInt8>, from start: Int, pending: Token.Shape, into tokens: inout Output) -> Int {
        let n = b.count
        var i = start
        var shape = pending
        // Letters that are neither upper nor lower case (most scripts without case) make a word but not a case.
        var sawUpper = false, sawLower = false, sawDigit = false
        // Dotted acronym: L.L.(L.)*
        if i + 3 < n, UTF8Classes.isASCIILetter(b[i]), b[i + 1] == UInt8(ascii: "."),
           UTF8Classes.isASCIILetter(b[i + 2]), b[i + 3] == UInt8(ascii: ".") {
            var j = i
            var allUpper = true
            while j + 1 < n, UTF8Classes.isASCIILetter(b[j]), b[j + 1] == UInt8(ascii: ".") {
                if !UTF8Classes.isASCIIUpper(b[j]) { allUpper = false }
                j += 2
            }
            if UTF8Classes.isASCIIUpper(b[i]) { shape.insert(.capitalized) }
            shape.insert(allUpper ? .allCaps : .hasLower)
            tokens.append(Token(start: Int32(i), end: Int32(j), kind: .word, shape: shape))
            return j
        }
        while i < n {
            let c = b[i]
            // Lower-case ASCII letters, most of the text, are skipped a run at a time.
            if c &- UInt8(ascii: "a") < 26 {
                sawLower = true
                i += 1
                while i < n, b[i] &- UInt8(ascii: "a") < 26 { i += 1 }
                continue
            }
            if c &- UInt8(ascii: "A") < 26 {
                if i == start { shape.insert(.capitalized) }
                sawUpper = true
                i += 1
                continue
            }
            if c &- UInt8(ascii: "0") < 10 {
                sawDigit = true
                i += 1
                continue
            }
            if c < 0x80 {
                // 2,500 and 3.5 stay one number
                guard c == UInt8(ascii: ".") || c == UInt8(ascii: ","), sawDigit, !sawUpper, !sawLower,
                      i + 1 < n, UTF8Classes.isDigit(b[i + 1]) else { break }
                i += 1
                continue
            }
            let (scalar, len) = UTF8Classes.decode(b, i)
            if UTF8Classes.isSpaceScalar(scalar) || UTF8Classes.isPunctuationScalar(scalar) { break }
            if UTF8Classes.isUpperScalar(scalar) {
                if i == start { shape.insert(.capitalized) }
                sawUpper = true
            } else if UTF8Classes.isLowerScalar(scalar) {
                sawLower = true
            }
            i += len
        }
        if sawLower { shape.insert(.hasLower) }
        if sawUpper && !sawLower { shape.insert(.allCaps) }
        if sawDigit { shape.insert(.hasDigit) }
        let kind: Token.Kind = !sawUpper && !sawLower && sawDigit ? .number : .word
        tokens.append(Token(start: Int32(start), end: Int32(i), kind: kind, shape: shape))
        return i
    }
}
