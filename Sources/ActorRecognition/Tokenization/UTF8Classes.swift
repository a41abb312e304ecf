/// Byte- and scalar-level character classes shared by the tokenizer and sentence splitter.
enum UTF8Classes {
    @inline(__always) static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isASCIIUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
    @inline(__always) static func isASCIILower(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }
    @inline(__always) static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0B || c == 0x0C
    }

    /// Decodes the scalar at `i` of valid UTF-8 and returns it with its length.
    @inline(__always)
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b0 = UInt32(b[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3) }
        return ((b0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F), 4)
    }

    /// Non-ASCII scalars that separate words like white space does.
    @inline(__always) static func isSpaceScalar(_ s: UInt32) -> Bool {
        s == 0xA0 || (0x2000...0x200B).contains(s) || s == 0x2028 || s == 0x2029 || s == 0x202F || s == 0x205F
            || s == 0x3000 || s == 0xFEFF || s == 0x85
    }

    /// Non-ASCII scalars that are punctuation or symbols, not parts of words.
    @inline(__always) static func isPunctuationScalar(_ s: UInt32) -> Bool {
        (0x80...0xBF).contains(s) && s != 0xAA && s != 0xB5 && s != 0xBA
            || s == 0xD7 || s == 0xF7
            || (0x2010...0x2027).contains(s) || (0x2030...0x205E).contains(s)
            || (0x2190...0x2BFF).contains(s)  // arrows, math, technical, boxes, shapes, dingbats
            || (0x3001...0x303F).contains(s) || (0xFE30...0xFE6F).contains(s) || (0xFF01...0xFF0F).contains(s)
            || (0x1F000...0x1FAFF).contains(s) || (0xFE00...0xFE0F).contains(s) || s == 0x200D
            || s == 0xFFFD
    }

    /// Right single quotation mark, used as an apostrophe.
    static let rightSingleQuote: UInt32 = 0x2019

    /// Whether a non-ASCII scalar is an upper-case letter.
    @inline(__always) static func isUpperScalar(_ s: UInt32) -> Bool {
        guard let u = UnicodeScalar(s) else { return false }
        return u.properties.isUppercase
    }
    @inline(__always) static func isLowerScalar(_ s: UInt32) -> Bool {
        guard let u = UnicodeScalar(s) else { return false }
        return u.properties.isLowercase
    }
}
