import Testing
@testable import ActorRecognition

/// A pattern match takes at most `PatternSet.maxMatchTokens` tokens, so a run marks the states it visited in a
/// table of that width and matching stays linear in the length of a line; a scratch is kept from document to
/// document.
///
/// The time limit only guards against a hang (the quadratic or exponential behaviour these tests pin down would
/// take hours); it is generous because a test's clock runs while it waits for a thread, and on two cores the
/// first tests of a clean clone wait behind the hostile-input suite compiling its release binary.
@Suite("Pattern machine on long lines", .timeLimit(.minutes(10)))
struct PatternMachineTests {
    /// Every path through `( Cap | Cap Cap )*` reaches the same states: without marking visited states, a run
    /// over dozens of capitalized words would take exponential time.
    static let ambiguous = """
    pattern long-company -> organization
      match: [ ( Cap | Cap Cap )* "Ltd" ]
    """

    /// `count` distinct capitalized words ("Ba", "Bb", … "Cz", …).
    static func capitalizedWords(_ count: Int) -> [String] {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return (0..<count).map { k in "B" + String(letters[(k / 26) % 26]) + String(letters[k % 26]) }
    }

    @Test("a match of up to the most tokens is found whole; a longer run of words gives its last ones",
          arguments: [10, 62, 63, 64, 65, 200, 700])
    func longMatch(words: Int) {
        let all = Self.capitalizedWords(words)
        let kept = min(words, PatternSet.maxMatchTokens - 1)
        let mentions = recognize("Shares of \(all.joined(separator: " ")) Ltd rose.", patterns: Self.ambiguous)
        #expect(mentions.map(\.text) == [all.suffix(kept).joined(separator: " ") + " Ltd"])
        #expect(mentions.first?.type == .organization)
    }

    @Test("a line of thousands of capitalized words ends in linear time, with or without a match", arguments: [" rose.", " Ltd"])
    func longLine(ending: String) {
        let text = Self.capitalizedWords(20_000).joined(separator: " ") + ending
        #expect(recognize(text, patterns: Self.ambiguous).count == (ending == " Ltd" ? 1 : 0))
    }

    @Test("one recognizer gives the same mentions for a document before and after a very long one")
    func scratchReuse() throws {
        let (g, problems) = GazetteerParser.parse(specGazetteer, file: "spec.gazetteer")
        #expect(problems.isEmpty)
        let (p, pp) = PatternParser.parse(Self.ambiguous, file: "spec.patterns")
        #expect(pp.isEmpty)
        let recognizer = Recognizer(gazetteer: g, patterns: p)
        func mentions(_ text: String) -> [String] {
            recognizer.recognize(Document(id: "d", text: DocumentText(text), source: "spec")).mentions.map(\.text)
        }
        let short = "Talks with Acme Widgets Ltd and Qatar."
        let before = mentions(short)
        #expect(before == ["Acme Widgets Ltd", "Qatar"])
        let long = Self.capitalizedWords(1200)
        #expect(mentions(long.joined(separator: " ") + " Ltd") == [long.suffix(PatternSet.maxMatchTokens - 1).joined(separator: " ") + " Ltd"])
        #expect(mentions(short) == before)
    }
}
