import Testing
@testable import ActorRecognition

/// `JSONValue.parse` reads strings eight bytes at a time: what ends a run of plain bytes must be found at
/// every position of a word.
@Suite("JSON string reading")
struct JSONReadingTests {
    @Test("escapes, quotes and non-ASCII text are read wherever they fall in an eight-byte word")
    func everyPosition() throws {
        for before in 0..<20 {
            for after in [0, 1, 7, 8, 9, 17] {
                let a = String(repeating: "a", count: before), b = String(repeating: "b", count: after)
                for (escaped, value) in [("\\\"", "\""), ("\\\\", "\\"), ("\\n", "\n"), ("\\u00e9", "é"), ("é", "é"), ("\u{7F}", "\u{7F}")] {
                    let json = "[\"" + a + escaped + b + "\",\"" + b + "\"]"
                    #expect(try JSONValue.parse(Array(json.utf8)) == .array([.string(a + value + b), .string(b)]), "\(json)")
                }
            }
        }
    }

    @Test("a raw control character is refused at its own offset, wherever it falls")
    func controlCharacter() {
        for before in 0..<20 {
            for control: UInt8 in [0x00, 0x01, 0x0A, 0x1F] {
                let bytes = Array("\"".utf8) + Array(repeating: UInt8(ascii: "a"), count: before) + [control] + Array("bcdefghij\"".utf8)
                #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(bytes) }
                do {
                    _ = try JSONValue.parse(bytes)
                } catch {
                    #expect(error.offset == 1 + before, "control 0x\(String(control, radix: 16)) after \(before) bytes")
                }
            }
        }
    }
}
