import Testing
@testable import ActorRecognition

@Suite("Tokenizer")
struct TokenizerTests {
    func texts(_ s: String) -> [String] {
        let bytes = Array(s.utf8)
        return Tokenizer.tokenize(bytes).map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    @Test("words, numbers and punctuation are separate tokens")
    func basic() {
        #expect(texts("The 2,500 US troops left.") == ["The", "2,500", "US", "troops", "left", "."])
    }

    @Test("dotted acronyms are one token, dot included")
    func acronyms() {
        #expect(texts("the U.S. and U.N. said") == ["the", "U.S.", "and", "U.N.", "said"])
        #expect(texts("U.S.-led") == ["U.S.", "-", "led"])
    }

    @Test("a possessive 's or ’s is its own token", arguments: ["Qatar's envoy", "Qatar’s envoy"])
    func possessive(text: String) {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokenize(bytes)
        #expect(tokens.map(\.kind) == [.word, .possessive, .word])
        #expect(String(decoding: bytes[tokens[0].range], as: UTF8.self) == "Qatar")
    }

    @Test("an apostrophe inside a name is not a possessive")
    func apostropheInName() {
        #expect(texts("O'Brien's") == ["O", "'", "Brien", "'s"])
        #expect(texts("Côte d'Ivoire") == ["Côte", "d", "'", "Ivoire"])
    }

    @Test("hyphens split words so intra-Afghan contains Afghan")
    func hyphens() {
        #expect(texts("intra-Afghan talks") == ["intra", "-", "Afghan", "talks"])
    }

    @Test("combining accents, other scripts and emoji")
    func unicode() {
        #expect(texts("Cafe\u{301} الدوحة 👍🏽 Doha") == ["Cafe\u{301}", "الدوحة", "👍", "🏽", "Doha"])
    }

    @Test("case shapes")
    func shapes() {
        let tokens = Tokenizer.tokenize(Array("Kabul KABUL kabul".utf8))
        #expect(tokens[0].shape.contains(.capitalized) && tokens[0].shape.contains(.hasLower))
        #expect(tokens[1].shape.contains(.allCaps) && tokens[1].shape.contains(.capitalized))
        #expect(!tokens[2].shape.contains(.capitalized))
    }

    @Test("line starts are marked")
    func lineStart() {
        let tokens = Tokenizer.tokenize(Array("a b\nc".utf8))
        #expect(tokens.map { $0.shape.contains(.lineStart) } == [true, false, true])
    }
}

@Suite("Sentence splitter")
struct SentenceSplitterTests {
    func sentences(_ s: String) -> [String] {
        let bytes = Array(s.utf8)
        return SentenceSplitter.sentences(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test("splits after . ! ? before a capital or digit")
    func basic() {
        #expect(sentences("Talks began. Qatar hosted them! Why? 2021 was long.") ==
                ["Talks began.", "Qatar hosted them!", "Why?", "2021 was long."])
    }

    @Test("abbreviations and initials do not end a sentence")
    func abbreviations() {
        #expect(sentences("Mr. Atmar met Dr. Abdullah. The U.S. Army left. John F. Kennedy spoke.") ==
                ["Mr. Atmar met Dr. Abdullah.", "The U.S. Army left.", "John F. Kennedy spoke."])
    }

    @Test("a period after a listed abbreviation, one letter or dotted initials does not end a sentence, in any case")
    func abbreviationWords() {
        // What the rule says, on the lower-cased word before the period.
        func expected(_ word: String) -> Bool {
            let w = Array(word.utf8).map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
            if SentenceSplitter.abbreviations.contains(w) { return true }
            let isLower = { (c: UInt8) in c >= 97 && c <= 122 }
            if w.count == 1 { return isLower(w[0]) }
            return w.count >= 3 && w.count % 2 == 1 && w.indices.allSatisfy { $0 % 2 == 0 ? isLower(w[$0]) : w[$0] == 46 }
        }
        let words = ["Mr", "MRS", "sept", "Sept", "U.S", "u.k", "e.g", "I.E", "a", "Z", "7", "é", "a.b.c", "A.B.C.D.E",
                     "a.bc", "ab.c", "Washington", "Inc", "inco", "no", "No", "co", "Zoë", "x.y", "s.t.u.v.w.x.y.z"]
        for word in words {
            let text = Array("Then \(word).".utf8)
            let got = text.withUnsafeBufferPointer { SentenceSplitter.isAbbreviation(endingAt: text.count - 1, $0, lineStart: 0) }
            #expect(got == expected(word), "\(word)")
        }
    }

    @Test("every line is split on its own; blank lines make no sentence")
    func lines() {
        #expect(sentences("Headline here\n\n  First para. Second one.\r\nLast") ==
                ["Headline here", "First para.", "Second one.", "Last"])
    }

    @Test("closing quotes stay with the sentence")
    func quotes() {
        #expect(sentences("He said “no.” Then he left.") == ["He said “no.”", "Then he left."])
    }

    @Test("no split before a lower-case word")
    func lowercase() {
        #expect(sentences("It ended at 5 p.m. yesterday. Next.") == ["It ended at 5 p.m. yesterday.", "Next."])
    }
}
