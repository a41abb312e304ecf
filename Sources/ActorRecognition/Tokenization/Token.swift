/// One token of a text: a word, a number or a punctuation mark, located by UTF-8 byte offsets.
public struct Token: Sendable, Hashable {
    /// What sort of token this is.
    public enum Kind: UInt8, Sendable {
        /// Letters (and digits mixed in), including dotted acronyms such as `U.S.`.
        case word
        /// Digits, possibly with `,` `.` inside.
        case number
        /// The possessive `'s` or `’s` after a word.
        case possessive
        /// Any other single character that is not a space.
        case punctuation
    }

    /// Case shape of a word, used by the matcher's case rules and by patterns.
    public struct Shape: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// The first letter is upper case.
        public static let capitalized = Shape(rawValue: 1)
        /// Every letter is upper case (and there is at least one).
        public static let allCaps = Shape(rawValue: 2)
        /// Some letter is lower case.
        public static let hasLower = Shape(rawValue: 4)
        /// Preceded by a line break (possibly with other whitespace).
        public static let lineStart = Shape(rawValue: 8)
        /// Preceded by whitespace (or the start of the text).
        public static let spaceBefore = Shape(rawValue: 16)
        /// Contains a digit.
        public static let hasDigit = Shape(rawValue: 32)
    }

    /// Byte offset of the first byte.
    public var start: Int32
    /// Byte offset just past the last byte.
    public var end: Int32
    public var kind: Kind
    public var shape: Shape

    public init(start: Int32, end: Int32, kind: Kind, shape: Shape) {
        self.start = start
        self.end = end
        self.kind = kind
        self.shape = shape
    }

    /// The byte range in the text.
    public var range: Range<Int> { Int(start)..<Int(end) }
    public var isWord: Bool { kind == .word }
}
