/// A parsed JSON value. Objects keep their keys in document order.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// The value of `key` in an object (the first, if repeated), or nil.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var numberValue: Double? { if case .number(let d) = self { return d } else { return nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var intValue: Int? {
        guard case .number(let d) = self, d.rounded() == d, abs(d) < 9.0e15 else { return nil }
        return Int(d)
    }
    /// A short name of the value's kind, for messages ("a string", "an object").
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// Why a JSON text could not be parsed, with the byte offset of the problem.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let offset: Int
    public let message: String
    public var description: String { message }
}

extension JSONValue {
    /// Parses one JSON value that must fill `bytes` (surrounding whitespace allowed).
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        try parseNotingInvalidUTF8(bytes).value
    }

    /// Parses like `parse`, and tells the byte offset of the first invalid UTF-8 byte inside a string, if any
    /// (each invalid byte becomes one U+FFFD, as in document text).
    static func parseNotingInvalidUTF8(_ bytes: some Collection<UInt8>) throws(JSONSyntaxError) -> (value: JSONValue, firstInvalidByte: Int?) {
        let array = Array(bytes)
        var parser = JSONParser(array)
        let value = try parser.parseDocument()
        return (value, parser.firstInvalidByte)
    }
}

struct JSONParser {
    let b: [UInt8]
    var i = 0
    var depth = 0
    static let maxDepth = 512
    /// The offset of the first invalid UTF-8 byte met inside a string.
    var firstInvalidByte: Int?

    init(_ bytes: [UInt8]) { b = bytes }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        skipSpace()
        let v = try value()
        skipSpace()
        if i < b.count { throw fail("unexpected \(describe(i)) after the JSON value") }
        return v
    }

    func fail(_ m: String) -> JSONSyntaxError { JSONSyntaxError(offset: i, message: m) }

    func describe(_ at: Int) -> String {
        guard at < b.count else { return "end of input" }
        let c = b[at]
        if c >= 0x21 && c < 0x7F { return "character '\(Character(UnicodeScalar(c)))'" }
        return "byte 0x\(String(c, radix: 16, uppercase: true))"
    }

    mutating func skipSpace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    mutating func value() throws(JSONSyntaxError) -> JSONValue {
        guard i < b.count else { throw fail("the JSON text ends where a value was expected") }
        switch b[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw fail("expected a JSON value but found \(describe(i))")
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        let w = UnsafeBufferPointer(start: word.utf8Start, count: n)
        guard i + n <= b.count, b[i..<(i + n)].elementsEqual(w) else {
            throw fail("expected a JSON value but found \(describe(i))")
        }
        i += n
    }

    mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONParser.maxDepth { throw fail("the JSON text nests deeper than \(JSONParser.maxDepth) levels") }
    }

    mutating func object() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        i += 1
        var members: [(key: String, value: JSONValue)] = []
        skipSpace()
        if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipSpace()
            guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw fail("expected a quoted key but found \(describe(i))") }
            let key = try string()
            skipSpace()
            guard i < b.count, b[i] == UInt8(ascii: ":") else { throw fail("expected ':' after a key but found \(describe(i))") }
            i += 1
            skipSpace()
            members.append((key, try value()))
            skipSpace()
            guard i < b.count else { throw fail("the JSON text ends inside an object") }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            throw fail("expected ',' or '}' in an object but found \(describe(i))")
        }
    }

    mutating func array() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard i < b.count else { throw fail("the JSON text ends inside an array") }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw fail("expected ',' or ']' in an array but found \(describe(i))")
        }
    }

    mutating func number() throws(JSONSyntaxError) -> Double {
        let start = i
        if b[i] == UInt8(ascii: "-") { i += 1 }
        func digits(_ p: inout JSONParser) -> Int {
            let s = p.i
            while p.i < p.b.count, p.b[p.i] >= UInt8(ascii: "0"), p.b[p.i] <= UInt8(ascii: "9") { p.i += 1 }
            return p.i - s
        }
        if digits(&self) == 0 { throw fail("a number has no digits") }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            if digits(&self) == 0 { throw fail("a number has no digits after its decimal point") }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            if digits(&self) == 0 { throw fail("a number has no digits in its exponent") }
        }
        let text = String(decoding: b[start..<i], as: UTF8.self)
        guard let d = Double(text) else { throw fail("'\(text)' is not a number") }
        return d
    }

    mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= b.count else { throw fail("a \\u escape is cut short") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw fail("a \\u escape has a non-hex digit")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    /// A string's UTF-8 bytes as a String: invalid bytes each become one U+FFFD (DECISIONS.md, not
    /// `String(decoding:)`, which may fold a cut-short sequence into one), and the first is noted.
    mutating func text(_ bytes: some Collection<UInt8>, rawStart: Int, rawEnd: Int? = nil) -> String {
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        let array = Array(bytes)
        guard let bad = DocumentText.firstInvalidByte(in: array) else { return String(decoding: array, as: UTF8.self) }
        if firstInvalidByte == nil {
            // Escapes are ASCII, so the raw bytes hold the same invalid bytes: find the first among them.
            let raw = Array(b[rawStart..<(rawEnd ?? (rawStart + array.count))])
            firstInvalidByte = rawStart + (DocumentText.firstInvalidByte(in: raw) ?? bad)
        }
        return String(decoding: DocumentText.repair(array, from: bad), as: UTF8.self)
    }

    /// Whether one of the eight bytes of `w` may end a run of plain string bytes: a quote, a backslash or a
    /// byte below 0x20. (A byte after a true one may be flagged too; the caller then looks byte by byte.)
    @inline(__always)
    static func hasStringStop(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & high != 0 }
        let control = (w &- 0x2020_2020_2020_2020) & ~w & high != 0
        return control || hasZeroByte(w ^ 0x2222_2222_2222_2222) || hasZeroByte(w ^ 0x5C5C_5C5C_5C5C_5C5C)
    }

    mutating func string() throws(JSONSyntaxError) -> String {
        i += 1
        let start = i
        let n = b.count
        // Runs of plain bytes are scanned in a tight loop and copied whole; only escapes are decoded one by one.
        var out: [UInt8]? = nil
        var run = i
        while true {
            i = b.withUnsafeBufferPointer { p -> Int in
                var j = run
                // Eight bytes at a time while none is a quote, a backslash or a control character.
                if let base = p.baseAddress {
                    while j + 8 <= n {
                        let w = UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)
                        if JSONParser.hasStringStop(w) { break }
                        j += 8
                    }
                }
                while j < n {
                    let c = p[j]
                    if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 { break }
                    j += 1
                }
                return j
            }
            guard i < n else { break }
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                let s: String
                if var bytes = out {
                    out = nil  // so that `bytes` is the only reference and grows in place
                    bytes.append(contentsOf: b[run..<i])
                    s = text(bytes, rawStart: start, rawEnd: i)
                } else {
                    s = text(b[start..<i], rawStart: start)
                }
                i += 1
                return s
            }
            if c < 0x20 { throw fail("a string contains an unescaped control character (\(describe(i)))") }
            if out == nil { out = []; out!.reserveCapacity(n - start) }
            out!.append(contentsOf: b[run..<i])
            i += 1
            guard i < b.count else { break }
            let e = b[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out!.append(0x22)
            case UInt8(ascii: "\\"): out!.append(0x5C)
            case UInt8(ascii: "/"): out!.append(0x2F)
            case UInt8(ascii: "b"): out!.append(0x08)
            case UInt8(ascii: "f"): out!.append(0x0C)
            case UInt8(ascii: "n"): out!.append(0x0A)
            case UInt8(ascii: "r"): out!.append(0x0D)
            case UInt8(ascii: "t"): out!.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar), i + 6 <= b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") {
                    let save = i
                    i += 2
                    let low = try hex4()
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        i = save
                    }
                }
                let u = UnicodeScalar(scalar) ?? "\u{FFFD}"
                out!.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                i -= 1
                throw fail("a string has an unknown escape \\\(describe(i))")
            }
            run = i
        }
        throw fail("a string is not closed before the end of the line")
    }
}
