import Testing
@testable import ActorRecognition

/// `DocumentText` checks UTF-8 eight bytes at a time over ASCII: an invalid byte must be found, and replaced,
/// wherever it falls in a word.
@Suite("Document text")
struct DocumentTextTests {
    @Test("an invalid byte is found and replaced at every position, after any run of ASCII")
    func invalidByteAnywhere() {
        for before in 0..<20 {
            for after in [0, 1, 7, 8, 15] {
                let a = Array(repeating: UInt8(ascii: "a"), count: before), b = Array(repeating: UInt8(ascii: "b"), count: after)
                let text = DocumentText(utf8: a + [0xFF] + b)
                #expect(text.firstInvalidByteOffset == before)
                #expect(text.bytes == a + [0xEF, 0xBF, 0xBD] + b)
                #expect(!text.isASCII)
                let valid = DocumentText(utf8: a + Array("é".utf8) + b)
                #expect(valid.firstInvalidByteOffset == nil && valid.bytes == a + [0xC3, 0xA9] + b && !valid.isASCII)
                let ascii = DocumentText(utf8: a + b)
                #expect(ascii.firstInvalidByteOffset == nil && ascii.isASCII)
            }
        }
    }
}
