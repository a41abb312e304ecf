/// Writes JSON text by hand: fixed key order, no dependence on Foundation's formatting.
public enum JSONText {
    /// Appends `s` as a JSON string literal. Besides the required escapes, `<`, `>`, `&` and U+2028/U+2029
    /// are escaped so the text is inert inside HTML `<script>` blocks too.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for c in s.utf8 {
            switch c {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                appendUnicodeEscape(UInt32(c), to: &out)
            case 0xA8...0xA9 where out.count >= 2 && out[out.count - 2] == 0xE2 && out[out.count - 1] == 0x80:
                // U+2028 and U+2029 (E2 80 A8, E2 80 A9) end a line in JavaScript before ES2019. 0xE2 is only
                // ever a lead byte, so the two bytes before this continuation byte are this scalar's own.
                out.removeLast(2)
                appendUnicodeEscape(c == 0xA8 ? 0x2028 : 0x2029, to: &out)
            default: out.append(c)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    static func appendUnicodeEscape(_ v: UInt32, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(contentsOf: [0x5C, UInt8(ascii: "u"),
                                hex[Int(v >> 12 & 0xF)], hex[Int(v >> 8 & 0xF)], hex[Int(v >> 4 & 0xF)], hex[Int(v & 0xF)]])
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
