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
