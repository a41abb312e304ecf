import Foundation
import Testing
@testable import ActorRecognition

/// Long documents are recognized in segments cut after line breaks, so recognition's working memory stays
/// bounded; what it finds must not depend on where the cuts fall when each segment names its own actors.
@Suite("Recognition in segments")
struct SegmentTests {
    static let paragraph = """
        Qatar's foreign ministry said on Tuesday that President Joe Biden would meet the Taliban's negotiators \
        in Doha. Biden thanked Doha, and the Ministry of Foreign Affairs (MOFA) welcomed the talks with Pakistan.

        """

    static func recognizer(segmentBytes: Int) throws -> Recognizer {
        Recognizer(gazetteer: try RecognitionResources.defaultGazetteer(), patterns: try RecognitionResources.defaultPatterns(),
                   segmentBytes: segmentBytes)
    }

    @Test("segments are cut just after line breaks and cover the text exactly", arguments: [1, 7, 40, 1000])
    func cuts(limit: Int) {
        let text = Array("one line\nsecond line\n\nthird, with no break at the end".utf8)
        text.withUnsafeBufferPointer { b in
            let segments = Recognizer.segments(b, limit: limit)
            #expect(segments.first?.lowerBound == 0)
            #expect(segments.last?.upperBound == b.count)
            for (x, y) in zip(segments, segments.dropFirst()) {
                #expect(x.upperBound == y.lowerBound)
                #expect(b[x.upperBound - 1] == 0x0A)
            }
        }
    }

    @Test("an empty document is one empty segment")
    func empty() {
        [UInt8]().withUnsafeBufferPointer { #expect(Recognizer.segments($0, limit: 10) == [0..<0]) }
    }

    @Test("a document of many self-contained paragraphs gives the same mentions in segments as in one pass")
    func sameMentions() throws {
        let text = String(repeating: SegmentTests.paragraph, count: 40)
        let doc = Document(id: "d", text: DocumentText(text), source: "test")
        let whole = try SegmentTests.recognizer(segmentBytes: 1 << 30).recognize(doc)
        let cut = try SegmentTests.recognizer(segmentBytes: SegmentTests.paragraph.utf8.count).recognize(doc)
        #expect(whole.mentions.count > 40 * 5)
        let differences = zip(cut.mentions, whole.mentions).enumerated().filter { $0.element.0 != $0.element.1 }
            .map { "\($0.offset): \($0.element.0.text)@\($0.element.0.start) \($0.element.0.actor) vs \($0.element.1.text)@\($0.element.1.start) \($0.element.1.actor)" }
        #expect(cut.mentions.count == whole.mentions.count)
        #expect(differences.isEmpty, "\(differences.prefix(5))")
        #expect(cut.sentences == whole.sentences)
        #expect(cut.paragraphOfSentence == whole.paragraphOfSentence)
        #expect(cut.actorIDs == whole.actorIDs)
    }
}
