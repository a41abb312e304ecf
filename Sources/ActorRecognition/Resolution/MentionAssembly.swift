/// Turns resolved candidates into a `RecognizedDocument`, one segment of the document after another: byte,
/// token and sentence positions become the document's, offsets become code points (walking forward once), and
/// every actor gets one slot in the document's `actorIDs`.
///
/// It can also hand the document over in parts (`takePart`), each holding the mentions and sentences added
/// since the part before, so that a huge document is never held whole as mentions.
struct MentionAssembly {
    private let document: Document
    private var counter: CodePointCounter
    private var mentions: [Mention] = []
    private var actors: [Actor] = []
    // Slots by id; its keys are the document's `actorIDs`. A document has few actors, so they are scanned
    // rather than hashed (see `SmallIndex`).
    private var slotOfID = SmallIndex()
    private var sentences: [Range<Int>] = []
    private var tokenBase = 0
    /// Paragraph numbering carried from one part to the next.
    private var paragraphs = ParagraphCounter()

    init(_ document: Document) {
        self.document = document
        counter = CodePointCounter(document.text)
    }

    /// Adds the mentions of the segment `b` (starting at byte `byteBase` of the document).
    mutating func add(_ chosen: [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>,
                      _ segmentSentences: [Range<Int>], byteBase: Int, _ gazetteer: Gazetteer, _ text: inout CandidateText) {
        let sentenceBase = sentences.count
        // Reserved exactly only for the first segment (most documents have one): reserving exactly for each
        // later segment would copy the whole array every time, where appending grows it geometrically.
        if sentences.isEmpty { sentences.reserveCapacity(segmentSentences.count) }
        for s in segmentSentences { sentences.append((s.lowerBound + byteBase)..<(s.upperBound + byteBase)) }
        var sentence = 0
        if mentions.isEmpty { mentions.reserveCapacity(chosen.count) }
        for c in chosen {
            let lo = Int(tokens[c.start].start), hi = Int(tokens[c.end - 1].end)
            while sentence < segmentSentences.count, segmentSentences[sentence].upperBound <= lo { sentence += 1 }
            let name = text.canonicalName(c, gazetteer)
            let id = text.actorID(c, gazetteer)
            let slot: Int
            if let known = slotOfID.position(of: id) {
                slot = known
            } else {
                slot = slotOfID.append(id)
                actors.append(c.actor >= 0 ? gazetteer.actors[Int(c.actor)] : Actor(id: id, name: name, type: c.type))
            }
            let start = counter.codePointOffset(ofByte: byteBase + lo)
            let end = counter.codePointOffset(ofByte: byteBase + hi)
            let local = min(sentence, max(0, segmentSentences.count - 1))
            mentions.append(Mention(start: start, end: end, byteRange: (byteBase + lo)..<(byteBase + hi),
                                    text: String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self),
                                    type: c.type, actor: id, name: name, actorIndex: slot,
                                    sentence: segmentSentences.isEmpty ? max(0, sentenceBase - 1) : sentenceBase + local,
                                    tokens: (tokenBase + c.start)..<(tokenBase + c.end),
                                    reason: text.reason(c.reason)))
        }
        tokenBase += tokens.count
    }

    /// The recognized document (`whole` is its text): all that was added, as one part (no part was taken).
    func document(_ whole: UnsafeBufferPointer<UInt8>) -> RecognizedDocument {
        var all = self
        return all.takePart(whole)
    }

    /// What was added since the last part, as a document of its own: its sentences, and its mentions with
    /// `sentence` and `actorIndex` counting within the part; byte ranges, code-point offsets, token indices and
    /// paragraph numbers stay the whole document's, and `text` is the whole text. Then starts the next part.
    mutating func takePart(_ whole: UnsafeBufferPointer<UInt8>) -> RecognizedDocument {
        let part = RecognizedDocument(id: document.id, date: document.date, sentences: sentences,
                                      paragraphOfSentence: paragraphs.number(whole, sentences),
                                      mentions: mentions, actors: actors, actorIDs: slotOfID.keys, text: document.text)
        mentions = []
        actors = []
        slotOfID = SmallIndex()
        sentences = []
        return part
    }
}

/// Numbers the paragraphs of sentences given in text order, possibly in several runs: a paragraph ends where
/// two or more line breaks stand between one sentence and the next.
struct ParagraphCounter {
    private var paragraph = 0
    private var previousEnd = 0
    private var started = false

    /// The paragraph of each of `sentences`, which follow those of the calls before.
    mutating func number(_ b: UnsafeBufferPointer<UInt8>, _ sentences: [Range<Int>]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(sentences.count)
        for s in sentences {
            var newlines = 0
            for k in previousEnd..<s.lowerBound where b[k] == 0x0A { newlines += 1 }
            if newlines >= 2 && started { paragraph += 1 }
            started = true
            result.append(paragraph)
            previousEnd = s.upperBound
        }
        return result
    }
}
