import Testing
@testable import ActorRecognition

/// The pattern machine marks the states a run has visited in a table for the first 64 tokens after the run's
/// start and in a growing hash table beyond; a scratch is kept from document to document.
@Suite("Pattern machine on long lines", .timeLimit(.minutes(1)))
struct PatternMachineTests {
    /// Every path through `( Cap | Cap Cap )*` reaches the same states: without marking visited states beyond
    /// the first 64 tokens, a run over hundreds of capitalized words would take exponential time.
    static let ambiguous = """
    pattern long-company -> organization
      match: [ ( Cap | Cap Cap )* "Ltd" ]
    """

    /// `count` distinct capitalized words ("Ba", "Bb", … "Cz", …).
    static func capitalizedWords(_ count: Int) -> [String] {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return (0..<count).map { k in "B" + String(letters[(k / 26) % 26]) + String(letters[k % 26]) }
    }

    @Test("a match hundreds of tokens long is found whole", arguments: [10, 63, 64, 65, 200, 700])
    func longMatch(words: Int) {
        let name = Self.capitalizedWords(words).joined(separator: " ") + " Ltd"
        let mentions = recognize("Shares of \(name) rose.", patterns: Self.ambiguous)
        #expect(mentions.map(\.text) == [name])
        #expect(mentions.first?.type == .organization)
    }

    @Test("a long line where the pattern fails everywhere ends quickly and finds nothing")
    func longFailure() {
        let text = Self.capitalizedWords(700).joined(separator: " ") + " rose."
        #expect(recognize(text, patterns: Self.ambiguous).isEmpty)
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
        let long = Self.capitalizedWords(1200).joined(separator: " ") + " Ltd"
        #expect(mentions(long) == [long])
        #expect(mentions(short) == before)
    }
}
