import Testing
@testable import ActorRecognition

/// The matching key of a token is hashed straight from the text, eight bytes at a time for ASCII; the hash
/// must be the one of the key it folds to, or a word would not find itself in the vocabulary.
@Suite("Token keys")
struct TokenKeyTests {
    static let words = ["a", "Qatar", "QATAR", "qatar", "Taliban's", "al-Qahtani", "Ministry", "internationalisation",
                        "ABCDEFGH", "abcdefghi", "Zürich", "don’t", "“quoted”", "–", "São", "Ελλάδα", "@[`{", "Z", "0123456789"]

    @Test("hashing a token's bytes gives the hash of its folded key", arguments: words)
    func hashOfTextIsHashOfKey(word: String) {
        // The word at every offset inside a larger text, so that word-at-a-time reads meet every alignment and
        // the end of the buffer.
        for padding in 0..<9 {
            let text = Array(String(repeating: " ", count: padding).utf8) + Array(word.utf8)
            text.withUnsafeBufferPointer { b in
                let range = padding..<b.count
                var key: [UInt8] = []
                TokenKey.append(b, range, to: &key)
                #expect(TokenKey.hash(b, range) == TokenKey.hash(key: key), "\(word) at \(padding)")
            }
        }
    }

    @Test("a frozen vocabulary finds each word in any case, and nothing else", arguments: words)
    func lookup(word: String) {
        var vocabulary = TokenVocabulary()
        var ids: [String: Int32] = [:]
        for w in TokenKeyTests.words {
            var key: [UInt8] = []
            let bytes = Array(w.utf8)
            bytes.withUnsafeBufferPointer { TokenKey.append($0, 0..<$0.count, to: &key) }
            ids[w] = vocabulary.intern(key)
        }
        let frozen = vocabulary.frozen()
        for variant in [word, word.uppercased(), word.lowercased()] {
            let bytes = Array(variant.utf8)
            let id = bytes.withUnsafeBufferPointer { frozen.lookup($0, 0..<$0.count) }
            // Upper-casing can turn a non-ASCII letter into another key ("ü" -> "Ü"): only ASCII letters fold.
            if variant == word || word.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(id == ids[word], "\(variant)")
            }
        }
        let missing = Array((word + "x").utf8)
        #expect(missing.withUnsafeBufferPointer { frozen.lookup($0, 0..<$0.count) } == -1 || ids.keys.contains(word + "x"))
    }
}
