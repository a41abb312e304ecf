/// Writes JSON text by hand: fixed key order, no dependence on Foundation's formatting.
public enum JSONText {
    /// Appends `s` as a JSON string literal. Besides the required escapes, `<`, `>`, `&` and U+2028/U+2029
    /// are escaped so the text is inert inside HTML `<script>` blocks too.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { b in
            // Runs of bytes that need no escape are copied whole; eight bytes are tested at a time.
            var run = 0
            var i = 0
            let n = b.count
            while i < n {
                if i + 8 <= n, !mayNeedEscape(UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                let c = b[i]
                guard mayNeedEscape(c) else { i += 1; continue }
                if c == 0xE2 {
                    // U+2028 and U+2029 (E2 80 A8, E2 80 A9) end a line in JavaScript before ES2019.
                    guard i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 else { i += 1; continue }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                    appendUnicodeEscape(b[i + 2] == 0xA8 ? 0x2028 : 0x2029, to: &out)
                    i += 3
                    run = i
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                switch c {
                case UInt8(ascii: "\""): out.append(0x5C); out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
                default: appendUnicodeEscape(UInt32(c), to: &out)
                }
                i += 1
                run = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<n]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether `appendString` looks at byte `c` twice: control characters, `"`, `\\`, `<`, `>`, `&`, and 0xE2
    /// (which starts U+2028 and U+2029).
    @inline(__always)
    static func mayNeedEscape(_ c: UInt8) -> Bool {
        c < 0x20 || c == 0x22 || c == 0x5C || c == 0x3C || c == 0x3E || c == 0x26 || c == 0xE2
    }

    /// Whether any of the eight bytes of `w` may need an escape (`mayNeedEscape`); it may say yes for a word
    /// that needs none (then the bytes are tested one by one), never no for one that does.
    @inline(__always)
    static func mayNeedEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // A byte of `x` is zero exactly where `w` has the byte `b`; (x - 1) & ~x has its high bit set there (and
        // perhaps above a borrow, which only makes a false yes).
        @inline(__always) func has(_ b: UInt64) -> UInt64 { let x = w ^ (ones &* b); return (x &- ones) & ~x & highs }
        // Bytes below 0x20: (w - 0x20…) borrows into the high bit where a byte is smaller, for bytes below 0x80.
        let control = (w &- ones &* 0x20) & ~w & highs
        return (control | has(0x22) | has(0x5C) | has(0x3C) | has(0x3E) | has(0x26) | has(0xE2)) != 0
    }

    /// Appends the decimal digits of `v` (with a leading `-` when negative), as `String(v)` would write them.
    public static func appendInteger(_ v: Int, to out: inout [UInt8]) {
        if v < 0 { out.append(UInt8(ascii: "-")) }
        var m = v.magnitude
        if m < 10 { out.append(UInt8(ascii: "0") &+ UInt8(m)); return }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { d in
            var first = d.count
            repeat {
                first -= 1
                d[first] = UInt8(ascii: "0") &+ UInt8(m % 10)
                m /= 10
            } while m > 0
            // A raw buffer, not a slice of one: a slice is appended byte by byte.
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[first...]))
        }
    }

    /// Appends the UTF-8 bytes of literal text, as they are (no quotes, no escapes).
    @inline(__always)
    public static func appendLiteral(_ s: StaticString, to out: inout [UInt8]) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    static func appendUnicodeEscape(_ v: UInt32, to out: inout [UInt8]) {
        func hex(_ d: UInt32) -> UInt8 { d < 10 ? UInt8(ascii: "0") + UInt8(d) : UInt8(ascii: "a") + UInt8(d - 10) }
        out.append(0x5C)
        out.append(UInt8(ascii: "u"))
        for shift in [12, 8, 4, 0] as [UInt32] { out.append(hex(v >> shift & 0xF)) }
    }

    /// `s` as a JSON string literal.
    public static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        appendString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A number in the shortest form that reads back to the same Double; integers without a fraction.
    public static func number(_ d: Double) -> String {
        if !d.isFinite { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }
}
