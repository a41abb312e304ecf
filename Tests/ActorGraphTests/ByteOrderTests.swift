import Testing
@testable import ActorGraph

@Suite("Byte order of actor ids")
struct ByteOrderTests {
    @Test("where two ids' eight-byte prefixes differ, they order the ids as their UTF-8 bytes do")
    func prefixOrder() {
        var ids = ["", "a", "a\u{0}", "ab", "abcdefgh", "abcdefghi", "abcdefgh\u{0}", "person:zoë", "person:zoe",
                   "person:z", "QAT", "USA", "org:ÿ", "org:\u{7F}", "\u{10FFFF}", "ab\u{0}c"]
        var state: UInt64 = 42
        for _ in 0..<300 {
            var s = ""
            for _ in 0..<Int(state % 12) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                s.unicodeScalars.append(["a", "b", "\u{0}", "é", "z", "\u{FFFF}"][Int(state >> 61) % 6])
            }
            ids.append(s)
        }
        for a in ids {
            for b in ids where a.utf8OrderPrefix != b.utf8OrderPrefix {
                #expect((a.utf8OrderPrefix < b.utf8OrderPrefix) == a.utf8Precedes(b), "\(Array(a.utf8)) \(Array(b.utf8))")
            }
        }
        #expect("abcdefgh".utf8OrderPrefix == "abcdefghi".utf8OrderPrefix)
        #expect("a".utf8OrderPrefix == 0x6100_0000_0000_0000)
    }
}
