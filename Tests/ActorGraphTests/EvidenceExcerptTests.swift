import Testing
@testable import ActorGraph
@testable import ActorRecognition

/// Evidence keeps a window's text up to `GraphBuilder.evidenceBytes`; a longer window gives an excerpt around
/// the two mentions, whose spans still point at them.
@Suite("Evidence of long windows")
struct EvidenceExcerptTests {
    /// The text of `span` (code points) within `s`.
    func slice(_ s: String, _ span: Range<Int>) -> String {
        let scalars = Array(s.unicodeScalars)
        guard span.lowerBound >= 0, span.upperBound <= scalars.count, !span.isEmpty else { return "<out of range>" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[span])
        return String(out)
    }

    func evidence(_ text: String, window: Window) -> [Evidence] {
        let g = buildGraph([("d", text, nil)], window: window)
        return g.edges.first { $0.source == "PAK" && $0.target == "QAT" }?.evidence ?? []
    }

    /// Sentences of filler with multi-byte characters, so cuts must fall between code points.
    func filler(_ sentences: Int) -> String {
        String(repeating: "Les négociations ont duré des heures à Genève — «très longues». ", count: sentences)
    }

    @Test("a short window is kept whole")
    func shortWindow() {
        let text = "Qatar met Pakistan.\n\nNothing else happened."
        let ev = evidence(text, window: .document)
        #expect(ev.map(\.text) == [text])
        #expect(ev.first.map { slice($0.text, $0.sourceSpan) } == "Pakistan")
        #expect(ev.first.map { slice($0.text, $0.targetSpan) } == "Qatar")
    }

    @Test("a long document window keeps the two mentions' sentences, joined by an ellipsis when far apart")
    func farApart() throws {
        let first = "Qatar hosted the talks. ", last = "Pakistan welcomed them."
        let text = first + filler(40) + last
        let ev = try #require(evidence(text, window: .document).first)
        #expect(ev.text == "Qatar hosted the talks. … Pakistan welcomed them.")
        #expect(slice(ev.text, ev.sourceSpan) == "Pakistan")
        #expect(slice(ev.text, ev.targetSpan) == "Qatar")
        // The excerpt spans the document from the first sentence to the last.
        #expect(ev.start == 0 && ev.end == text.unicodeScalars.count)
    }

    @Test("mentions close together in a long window give one stretch of the text between them")
    func closeTogether() throws {
        let text = filler(20) + "Qatar hosted the talks. Then Pakistan welcomed them. " + filler(20)
        let ev = try #require(evidence(text, window: .paragraph).first)
        #expect(ev.text == "Qatar hosted the talks. Then Pakistan welcomed them.")
        #expect(slice(text, ev.start..<ev.end) == ev.text)
        #expect(slice(ev.text, ev.sourceSpan) == "Pakistan" && slice(ev.text, ev.targetSpan) == "Qatar")
    }

    @Test("a sentence longer than the limit is cut around each mention, between code points", arguments: [0, 1, 2, 3])
    func longSentence(shift: Int) throws {
        // No sentence ends: one line of filler without periods, a mention near each end.
        let words = String(repeating: "é", count: shift) + String(repeating: "négociations à Genève ", count: 80)
        let text = "Talks with Qatar " + words + "and Pakistan went on"
        let ev = try #require(evidence(text, window: .sentence).first)
        #expect(ev.text.utf8.count <= GraphBuilder.evidenceBytes + " … ".utf8.count)
        #expect(ev.text.contains(" … "))
        #expect(slice(ev.text, ev.sourceSpan) == "Pakistan")
        #expect(slice(ev.text, ev.targetSpan) == "Qatar")
        // Each piece is the document's own text at the place the excerpt says.
        let pieces = ev.text.components(separatedBy: " … ")
        #expect(pieces.count == 2)
        #expect(slice(text, ev.start..<(ev.start + pieces[0].unicodeScalars.count)) == pieces[0])
        #expect(slice(text, (ev.end - pieces[1].unicodeScalars.count)..<ev.end) == pieces[1])
        #expect(!ev.text.unicodeScalars.contains("\u{FFFD}"))
    }
}
