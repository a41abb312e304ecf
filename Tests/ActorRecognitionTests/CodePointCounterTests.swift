import Testing
@testable import ActorRecognition

/// Byte offsets to code-point offsets, the conversion behind every `start`/`end` ActorGraph prints.
@Suite("Code-point counter")
struct CodePointCounterTests {
    static let text = "Qatar’s emir met Ashraf Ghani in Doha. Переговоры в Дохе — 谈判 🇶🇦 continued; é is e\u{301} too."

    /// The code-point offset of each code-point boundary, counted the slow way.
    static func boundaries(_ s: String) -> [(byte: Int, codePoint: Int)] {
        var out = [(0, 0)]
        var byte = 0
        for (k, scalar) in s.unicodeScalars.enumerated() {
            byte += String(scalar).utf8.count
            out.append((byte, k + 1))
        }
        return out
    }

    @Test("queries in increasing, decreasing and shuffled order all give the code-point offset")
    func anyOrder() {
        let bytes = Array(Self.text.utf8)
        let expected = Self.boundaries(Self.text)
        var orders = [expected, Array(expected.reversed())]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 { orders.append(expected.shuffled(using: &generator)) }
        // A window's start after the end of the window before, as evidence asks.
        orders.append(expected.indices.flatMap { [expected[max(0, $0 - 7)], expected[$0]] })
        for order in orders {
            var counter = CodePointCounter(bytes)
            for (byte, codePoint) in order {
                #expect(counter.codePointOffset(ofByte: byte) == codePoint, "byte \(byte)")
            }
        }
    }

    @Test("a counter made from a document text agrees, whether the text is ASCII or not")
    func fromDocumentText() {
        let ascii = "Qatar's emir met Ashraf Ghani in Doha on Tuesday, and the talks went on."
        for s in [ascii, Self.text, ascii + "\u{00E9}", "", "\u{1F1F6}"] {
            let text = DocumentText(s)
            #expect(text.isASCII == s.utf8.allSatisfy { $0 < 0x80 }, "\(s)")
            var counter = CodePointCounter(text)
            for (byte, codePoint) in Self.boundaries(s).reversed() {
                #expect(counter.codePointOffset(ofByte: byte) == codePoint, "byte \(byte) of \(s)")
            }
        }
        // Repaired input: each invalid byte becomes U+FFFD, so the text is no longer ASCII.
        let repaired = DocumentText(utf8: Array("Doha ".utf8) + [0xFF] + Array(" talks".utf8))
        #expect(!repaired.isASCII)
        var counter = CodePointCounter(repaired)
        #expect(counter.codePointOffset(ofByte: repaired.bytes.count) == 12)
    }
}
