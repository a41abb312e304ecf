/// Turns documents into mentions of canonical actors: tokenize, split sentences, match the gazetteer and the
/// patterns, resolve overlaps, link partial names, and attach code-point offsets.
///
/// A `Recognizer` is immutable and `Sendable`: one instance serves every document and every thread.
public struct Recognizer: Sendable {
    public let matcher: GazetteerMatcher
    public let patterns: PatternSet

    public init(gazetteer: Gazetteer, patterns: PatternSet = PatternSet()) {
        self.matcher = GazetteerMatcher(gazetteer)
        self.patterns = patterns.compiled(against: gazetteer)
    }

    public var gazetteer: Gazetteer { matcher.gazetteer }

    /// Recognizes the actors of one document.
    public func recognize(_ document: Document) -> RecognizedDocument {
        let bytes = document.text.bytes
        return bytes.withUnsafeBufferPointer { b in
            var tokens: [Token] = []
            tokens.reserveCapacity(b.count / 5)
            Tokenizer.tokenize(b, into: &tokens)
            let sentences = SentenceSplitter.sentences(b)
            let paragraphs = Recognizer.paragraphs(b, sentences)
            let ids = matcher.tokenIDs(b, tokens)
            let hits = matcher.hits(b, tokens, ids: ids)
            var candidates = gazetteerCandidates(b, tokens, hits)
            patterns.candidates(b, tokens, hits: hits, matcher: matcher, into: &candidates)
            var chosen = Recognizer.resolveOverlaps(candidates, tokenCount: tokens.count)
            chosen = Coreference.link(chosen, b, tokens, ids: ids, matcher: matcher)
            chosen = OrganizationShortNames.expandAcronymPhrases(chosen, b, tokens)
            chosen = AcronymDefinitions.apply(chosen, b, tokens)
            Recognizer.attachAbbreviationPeriods(&chosen, b, tokens, sentences)
            chosen = OrganizationShortNames.linkShortNames(chosen, b, tokens)
            return makeDocument(document, b, tokens, sentences, paragraphs, chosen)
        }
    }

    func gazetteerCandidates(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ hits: [GazetteerMatcher.Hit]) -> [Candidate] {
        var out: [Candidate] = []
        for hit in hits {
            let alias = matcher.gazetteer.aliases[hit.alias]
            if alias.kind == .capital, !MetonymyRule.isMetonymic(b, tokens, start: hit.start, end: hit.end) { continue }
            let actor = matcher.gazetteer.actors[alias.actor]
            out.append(Candidate(start: hit.start, end: hit.end, type: actor.type, actor: actor, canonicalName: actor.name,
                                 reason: "gazetteer \(alias.kind.rawValue) '\(alias.text)' (\(alias.origin))", priority: 2))
        }
        return out
    }

    /// Company suffixes written with a period ("Corp.", "Inc.") whose period belongs to the name.
    static let abbreviatedSuffixes: Set<[UInt8]> = Set(["Inc", "Corp", "Co", "Ltd", "Bros", "Cos", "Mfg", "Intl"].map { Array($0.utf8) })

    /// "Banc One Corp., and" -> the period is part of the name; "… Lear Corp." at the end of a sentence -> it is
    /// the sentence's.
    static func attachAbbreviationPeriods(_ chosen: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token],
                                          _ sentences: [Range<Int>]) {
        guard !chosen.isEmpty else { return }
        let sentenceEnds = Set(sentences.map(\.upperBound))
        for k in chosen.indices where chosen[k].type == .organization {
            let last = chosen[k].end - 1, dot = chosen[k].end
            guard dot < tokens.count, tokens[dot].kind == .punctuation, b[Int(tokens[dot].start)] == UInt8(ascii: "."),
                  tokens[dot].start == tokens[last].end, !sentenceEnds.contains(Int(tokens[dot].end)),
                  abbreviatedSuffixes.contains(Array(b[tokens[last].range])) else { continue }
            if k + 1 < chosen.count, chosen[k + 1].start <= dot { continue }
            chosen[k].end += 1
        }
    }

    /// Keeps the longest candidates, then the higher priority, then the earlier; none overlap.
    static func resolveOverlaps(_ candidates: [Candidate], tokenCount: Int) -> [Candidate] {
        let order = candidates.indices.sorted { x, y in
            let a = candidates[x], b = candidates[y]
            if a.length != b.length { return a.length > b.length }
            if a.priority != b.priority { return a.priority > b.priority }
            if a.start != b.start { return a.start < b.start }
            return x < y
        }
        var taken = [Bool](repeating: false, count: tokenCount)
        var chosen: [Candidate] = []
        for i in order {
            let c = candidates[i]
            if (c.start..<c.end).contains(where: { taken[$0] }) { continue }
            for k in c.start..<c.end { taken[k] = true }
            chosen.append(c)
        }
        chosen.sort { $0.start < $1.start }
        return chosen
    }

    /// The paragraph of each sentence: a new paragraph starts after a blank line.
    static func paragraphs(_ b: UnsafeBufferPointer<UInt8>, _ sentences: [Range<Int>]) -> [Int] {
        var result: [Int] = []
        var paragraph = 0
        var previousEnd = 0
        for s in sentences {
            var newlines = 0
            for k in previousEnd..<s.lowerBound where b[k] == 0x0A { newlines += 1 }
            if newlines >= 2 && !result.isEmpty { paragraph += 1 }
            result.append(paragraph)
            previousEnd = s.upperBound
        }
        return result
    }

    func makeDocument(_ document: Document, _ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ sentences: [Range<Int>],
                      _ paragraphs: [Int], _ chosen: [Candidate]) -> RecognizedDocument {
        var counter = CodePointCounter(document.text.bytes)
        var mentions: [Mention] = []
        var actors: [String: Actor] = [:]
        var sentence = 0
        mentions.reserveCapacity(chosen.count)
        for c in chosen {
            let lo = Int(tokens[c.start].start), hi = Int(tokens[c.end - 1].end)
            while sentence < sentences.count, sentences[sentence].upperBound <= lo { sentence += 1 }
            let actor = c.actor ?? Actor(id: Actor.derivedID(type: c.type, name: c.canonicalName), name: c.canonicalName, type: c.type)
            actors[actor.id] = actor
            let start = counter.codePointOffset(ofByte: lo)
            let end = counter.codePointOffset(ofByte: hi)
            mentions.append(Mention(start: start, end: end, byteRange: lo..<hi,
                                    text: String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self),
                                    type: actor.type, actor: actor.id, name: actor.name,
                                    sentence: min(sentence, max(0, sentences.count - 1)), tokens: c.start..<c.end, reason: c.reason))
        }
        return RecognizedDocument(id: document.id, date: document.date, sentences: sentences, paragraphOfSentence: paragraphs,
                                  mentions: mentions, actors: actors, text: document.text)
    }
}
