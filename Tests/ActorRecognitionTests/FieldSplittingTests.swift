import Testing
@testable import ActorRecognition

/// The pattern parser trims and splits list lines on bytes when a line is plain ASCII, and on `Character`s
/// otherwise; both must give what the `Character` definitions give.
@Suite("Trimming and splitting pattern-file fields")
struct FieldSplittingTests {
    /// The definitions, on `Character`s.
    static func trimmedByCharacters(_ s: Substring) -> String {
        let t = s.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
        var end = t.endIndex
        let spaces: [Character] = [" ", "\t", "\r"]
        while end > t.startIndex, spaces.contains(t[t.index(before: end)]) { end = t.index(before: end) }
        return String(t[t.startIndex..<end])
    }

    static func fieldsByCharacters(_ s: Substring) -> [String] {
        s.split(separator: ";").map { trimmedByCharacters($0) }.filter { !$0.isEmpty }
    }

    static let samples: [String] = [
        "", " ", ";", ";;", " ; ; ", "a", " a ", "\ta\t", "a;b", " a ; b ;c", "a;;b", ";a;", "a b; c d",
        "\r", "a\r", " a \r\r", "\r\ra", "minister; foreign minister ;\r",
        // Non-ASCII: these take the Character path, and must still agree.
        "Étienne; Zoë", " café ; naïve\t", "Ş; Ğ", "東京; 北京",
        // A combining mark after a space or a semicolon joins it into one Character, which is then neither.
        " \u{301}a; b", "a;\u{301}b; c", "a ;\u{301}", "\u{301} ; x",
        // CR LF is one Character: it is not a "\r" to trim.
        "a\r\n", " \r\nb ; c",
    ]

    @Test("trimming gives the Character definition's result", arguments: samples)
    func trimming(sample: String) {
        #expect(sample.trimmingSpaces == Self.trimmedByCharacters(Substring(sample)))
        let sliced = ("x" + sample + "y").dropFirst().dropLast()
        #expect(sliced.trimmingSpaces == Self.trimmedByCharacters(sliced))
    }

    @Test("splitting at semicolons gives the Character definition's fields", arguments: samples)
    func splitting(sample: String) {
        #expect(sample.semicolonFields == Self.fieldsByCharacters(Substring(sample)))
        let sliced = ("x;" + sample + ";y").dropFirst(2).dropLast(2)
        #expect(sliced.semicolonFields == Self.fieldsByCharacters(sliced))
    }

    @Test("lines are cut at line feeds only, keeping a CRLF line's carriage return and the empty last line")
    func lines() {
        #expect(PatternParser.lines("") == [""])
        #expect(PatternParser.lines("a") == ["a"])
        #expect(PatternParser.lines("a\n") == ["a", ""])
        #expect(PatternParser.lines("a\r\nb\r\n").map { Array($0.utf8) } == [Array("a\r".utf8), Array("b\r".utf8), []])
        #expect(PatternParser.lines("\n\nx\ny é\n") == ["", "", "x", "y é", ""])
        #expect(PatternParser.lines("a\u{301}\nb") == ["a\u{301}", "b"])
    }
}
