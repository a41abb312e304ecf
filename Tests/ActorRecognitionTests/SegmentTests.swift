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

    @Test("a long document handed over in parts gives the mentions of one pass, part by part, with global offsets")
    func parts() throws {
        // Non-ASCII text, so code-point offsets differ from byte offsets; blank lines, so paragraphs count.
        let text = String(repeating: "Déjà vu: " + SegmentTests.paragraph + "\n", count: 30)
        let doc = Document(id: "d", text: DocumentText(text), date: Day("2021-03-04"), source: "test")
        let recognizer = try SegmentTests.recognizer(segmentBytes: 700)
        let whole = recognizer.recognize(doc)
        var parts: [RecognizedDocument] = []
        recognizer.recognizeParts(doc) { parts.append($0) }
        #expect(parts.count > 5)
        // Each part's fields map back onto the whole: sentences in order, mentions with their sentence and
        // actor counted within the part.
        var mentions: [Mention] = [], sentences: [Range<Int>] = [], paragraphs: [Int] = []
        for part in parts {
            #expect(part.id == "d" && part.date == Day("2021-03-04") && part.text == doc.text)
            #expect(Set(part.actorIDs).count == part.actorIDs.count)
            for var m in part.mentions {
                #expect(part.sentences[m.sentence].contains(m.byteRange.lowerBound))
                #expect(part.actorIDs[m.actorIndex] == m.actor)
                m.sentence += sentences.count
                m.actorIndex = whole.actorIDs.firstIndex(of: m.actor)!
                mentions.append(m)
            }
            sentences += part.sentences
            paragraphs += part.paragraphOfSentence
        }
        #expect(mentions.count > 30 * 5)
        #expect(mentions == whole.mentions)
        #expect(sentences == whole.sentences)
        #expect(paragraphs == whole.paragraphOfSentence)
    }

    @Test("a document no longer than a segment is one part, the one-pass result")
    func onePart() throws {
        let doc = Document(id: "d", text: DocumentText(SegmentTests.paragraph), source: "test")
        let recognizer = try SegmentTests.recognizer(segmentBytes: 1 << 20)
        var parts: [RecognizedDocument] = []
        recognizer.recognizeParts(doc) { parts.append($0) }
        let whole = recognizer.recognize(doc)
        #expect(parts.count == 1)
        #expect(parts.first?.mentions == whole.mentions && parts.first?.actorIDs == whole.actorIDs)
        #expect(parts.first?.sentences == whole.sentences && parts.first?.paragraphOfSentence == whole.paragraphOfSentence)
    }

    @Test("a batcher that hands over parts gives every mention in corpus order, on one thread or several", arguments: [1, 3])
    func batcherParts(jobs: Int) throws {
        let long = String(repeating: SegmentTests.paragraph, count: 20)
        let docs = ["Qatar met Pakistan.", long, "Biden called Doha.", long, "Pakistan waited."].enumerated().map { k, text in
            Document(id: "d\(k)", text: DocumentText(text), source: "test")
        }
        let recognizer = try SegmentTests.recognizer(segmentBytes: 500)
        let expected = docs.flatMap { d in recognizer.recognize(d).mentions.map { "\(d.id) \($0.start) \($0.actor)" } }
        var batcher = RecognitionBatcher(recognizer: recognizer, jobs: jobs, batchBytes: 100, handsOverParts: true)
        var got: [String] = [], results = 0
        let body: (RecognizedDocument) -> Void = { r in
            results += 1
            got += r.mentions.map { "\(r.id) \($0.start) \($0.actor)" }
        }
        for d in docs { batcher.add(d, body) }
        batcher.flush(body)
        #expect(got == expected)
        // The long documents came in parts.
        #expect(results > docs.count + 10)
    }

    @Test("segments recognized several at a time, on as many threads, give the same document and the same parts", arguments: [2, 3, 8])
    func segmentsInParallel(jobs: Int) throws {
        let text = String(repeating: "Déjà vu: " + SegmentTests.paragraph + "\n", count: 25)
        let doc = Document(id: "d", text: DocumentText(text), source: "test")
        let recognizer = try SegmentTests.recognizer(segmentBytes: 600)
        let one = recognizer.recognize(doc), many = recognizer.recognize(doc, jobs: jobs)
        #expect(many.mentions == one.mentions && many.actorIDs == one.actorIDs && many.sentences == one.sentences)
        #expect(many.paragraphOfSentence == one.paragraphOfSentence)
        var serial: [RecognizedDocument] = [], parallel: [RecognizedDocument] = []
        recognizer.recognizeParts(doc) { serial.append($0) }
        recognizer.recognizeParts(doc, jobs: jobs) { parallel.append($0) }
        #expect(parallel.count == serial.count && serial.count > 5)
        #expect(parallel.map(\.mentions) == serial.map(\.mentions))
        #expect(parallel.map(\.actorIDs) == serial.map(\.actorIDs) && parallel.map(\.sentences) == serial.map(\.sentences))
    }

    struct Stop: Error {}

    @Test("a part handler that throws stops the parts there, and the segments still in the background are waited for")
    func throwingPartHandler() throws {
        let doc = Document(id: "d", text: DocumentText(String(repeating: SegmentTests.paragraph, count: 30)), source: "test")
        let recognizer = try SegmentTests.recognizer(segmentBytes: 400)
        var parts = 0
        #expect(throws: Stop.self) {
            try recognizer.recognizeParts(doc, jobs: 3) { _ in
                parts += 1
                if parts == 4 { throw Stop() }
            }
        }
        #expect(parts == 4)
    }
}
