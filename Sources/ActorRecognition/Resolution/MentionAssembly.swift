/// Turns resolved candidates into a `RecognizedDocument`, one segment of the document after another: byte,
/// token and sentence positions become the document's, offsets become code points (walking forward once), and
/// every actor gets one slot in the document's `actorIDs`.
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

    /// The recognized document (`whole` is its text).
    func document(_ whole: UnsafeBufferPointer<UInt8>) -> RecognizedDocument {
        RecognizedDocument(id: document.id, date: document.date, sentences: sentences,
                           paragraphOfSentence: Recognizer.paragraphs(whole, sentences),
                           mentions: mentions, actors: actors, actorIDs: slotOfID.keys, text: document.text)
    }
}
