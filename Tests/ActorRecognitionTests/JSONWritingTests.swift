import Foundation
import Testing
@testable import ActorRecognition

/// `JSONText` writes strings that are valid JSON and inert inside an HTML `<script>` block.
@Suite("JSON string writing")
struct JSONWritingTests {
    @Test("escapes", arguments: [
        ("plain", #""plain""#),
        ("quote \" and backslash \\", #""quote \" and backslash \\""#),
        ("line\nfeed\r\ttab\u{1}", #""line\nfeed\r\ttab\u0001""#),
        ("</script><!-- & -->", #""\u003c/script\u003e\u003c!-- \u0026 --\u003e""#),
        ("line\u{2028}separator", #""line\u2028separator""#),
        ("paragraph\u{2029}separator", #""paragraph\u2029separator""#),
        ("\u{2028}\u{2029}", #""\u2028\u2029""#),
        ("Иван, 東京, emoji 😀", "\"Иван, 東京, emoji 😀\""),
        // Other scalars with the continuation bytes A8 and A9, or the lead bytes E2 80, stay as they are.
        ("¨ © Ш Щ ب ة ⁨", "\"¨ © Ш Щ ب ة ⁨\""),
        ("dash \u{2014} ellipsis \u{2026} zero-width \u{200B} narrow \u{202F}", "\"dash \u{2014} ellipsis \u{2026} zero-width \u{200B} narrow \u{202F}\""),
    ])
    func escapes(_ input: String, _ expected: String) {
        #expect(JSONText.quoted(input) == expected)
    }

    @Test("no raw U+2028 or U+2029 is written, and the text reads back the same")
    func separatorsRoundTrip() throws {
        let input = "a\u{2028}b\u{2029}c \u{2027}\u{202A} <&> \u{2028}"
        var out: [UInt8] = []
        JSONText.appendString(input, to: &out)
        let text = String(decoding: out, as: UTF8.self)
        #expect(!text.unicodeScalars.contains("\u{2028}") && !text.unicodeScalars.contains("\u{2029}"))
        let back = try JSONSerialization.jsonObject(with: Data(out), options: .fragmentsAllowed) as? String
        #expect(back == input)
        #expect(try JSONValue.parse(out) == .string(input))
    }

    /// The escaping rule, one scalar at a time: what `appendString` must write for any text.
    static func escapedByScalars(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}": out += String(format: "\\u%04x", u.value)
            default: out += u.value < 0x20 ? String(format: "\\u%04x", u.value) : String(u)
            }
        }
        return out + "\""
    }

    @Test("every escapable character is escaped wherever it stands among eight-byte words", arguments: 0..<16)
    func escapesAtEveryOffset(offset: Int) {
        let specials: [String] = ["\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "<", ">", "&", "\u{2028}", "\u{2029}",
                                  "\u{2027}", "\u{1F}x", " ", "\u{7F}", "é", "€", "😀"]
        for special in specials {
            for tail in [0, 1, 7, 8, 9] {
                let input = String(repeating: "a", count: offset) + special + String(repeating: "b", count: tail)
                #expect(JSONText.quoted(input) == Self.escapedByScalars(input), "\(Array(input.utf8))")
            }
        }
    }

    @Test("random text with escapable characters is written as the scalar rule says")
    func randomText() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", " ", "\"", "\\", "\n", "\u{1}", "<", ">", "&", "\u{2028}", "\u{2029}", "é", "東", "😀", "\u{E2}"]
        for _ in 0..<500 {
            let input = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(JSONText.quoted(input) == Self.escapedByScalars(input))
        }
    }

    @Test("integers are written as String(_:) writes them", arguments: [0, 7, -7, 10, 99, 100, 1_234_567, -1_000_000, Int.max, Int.min])
    func integers(_ value: Int) {
        var out: [UInt8] = Array("x".utf8)
        JSONText.appendInteger(value, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "x" + String(value))
    }
}
