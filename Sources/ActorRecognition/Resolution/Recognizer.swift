import Dispatch

/// Turns documents into mentions of canonical actors: tokenize, split sentences, match the gazetteer and the
/// patterns, resolve overlaps, link partial names, and attach code-point offsets.
///
/// A `Recognizer` is immutable and `Sendable`: one instance serves every document and every thread.
public struct Recognizer: Sendable {
    /// The compiled word lists, in one object: a recognizer is copied into every closure and thread that uses
    /// it (three times per document), and copying one reference is cheaper than the fifty of these tables.
    private final class Tables: Sendable {
        let matcher: GazetteerMatcher
        let patterns: PatternSet
        let words: ResolutionWords

        init(matcher: GazetteerMatcher, patterns: PatternSet, words: ResolutionWords) {
            self.matcher = matcher
            self.patterns = patterns
            self.words = words
        }
    }
    private let tables: Tables

    public var matcher: GazetteerMatcher { tables.matcher }
    public var patterns: PatternSet { tables.patterns }
    var words: ResolutionWords { tables.words }
    /// Whether mentions carry the reason they were found (`extract --explain`); without it no reason string is
    /// built, which spares a string per candidate.
    public let explains: Bool

    /// - Parameter jobs: With 2 or more, the gazetteer's aliases are read on a second thread while the matcher
    ///   is built (see `GazetteerMatcher.init(_:jobs:)`); the recognizer is the same for any value.
    public init(gazetteer: Gazetteer, patterns: PatternSet = PatternSet(), explains: Bool = false, segmentBytes: Int = 4 << 20,
                jobs: Int = 1) {
        self.segmentBytes = max(1, segmentBytes)
        // One vocabulary for every word list: the resolution rules' words first, then the patterns', then the
        // gazetteer's, so each token is looked up once and the rules' and patterns' tables stay small.
        var vocabulary = TokenVocabulary()
        let words = ResolutionWords(vocabulary: &vocabulary)
        var compiled = patterns.compiled(against: gazetteer, vocabulary: &vocabulary)
        var aliasNameKeys: [UInt64] = []
        let matcher = GazetteerMatcher(gazetteer, vocabulary: &vocabulary, aliasNameKeys: &aliasNameKeys, jobs: jobs)
        compiled.linkNames(to: gazetteer, aliasNameKeys: aliasNameKeys)
        self.tables = Tables(matcher: matcher, patterns: compiled, words: words)
        self.explains = explains
    }

    public var gazetteer: Gazetteer { matcher.gazetteer }

    /// Documents longer than this many bytes are recognized one segment at a time (cut after a line break),
    /// so the working memory of recognition stays bounded whatever a document's size.
    public let segmentBytes: Int

    /// Recognizes the actors of one document.
    ///
    /// A document of more than `segmentBytes` bytes is read in segments that end at line breaks; tokens and
    /// sentences are the same as in one pass (both are cut at line breaks anyway), and in-document rules
    /// (coreference, acronyms, short names) then work within a segment.
    public func recognize(_ document: Document) -> RecognizedDocument {
        recognize(document, jobs: 1)
    }

    /// The same, recognizing up to `jobs` segments of a long document at once, on as many threads; the result
    /// is the same for any value.
    package func recognize(_ document: Document, jobs: Int) -> RecognizedDocument {
        var assembly = MentionAssembly(document)
        forEachSegment(of: document, jobs: jobs) { segment, whole in segment.add(to: &assembly, whole, gazetteer) }
        return document.text.bytes.withUnsafeBufferPointer { assembly.document($0) }
    }

    /// Recognizes the actors of one document a segment at a time (see `recognize(_:)`), handing `body` each
    /// segment's part of the result as soon as it is found (`MentionAssembly.takePart`): a huge document is
    /// then held as text and a few segments' mentions, never as all of its mentions. With `jobs` above 1, up
    /// to that many segments are recognized at once, on as many threads; the parts are the same.
    ///
    /// A part's `sentence` and `actorIndex` fields count within the part; its byte ranges, code-point
    /// offsets, token indices and paragraph numbers are the document's. The parts of a document of at most
    /// `segmentBytes` bytes are one part, which is `recognize(_:)`'s result.
    package func recognizeParts(_ document: Document, jobs: Int = 1, _ body: (RecognizedDocument) throws -> Void) rethrows {
        var assembly = MentionAssembly(document)
        try forEachSegment(of: document, jobs: jobs) { segment, whole in
            segment.add(to: &assembly, whole, gazetteer)
            try body(assembly.takePart(whole))
        }
    }

    /// One segment of a document, recognized, before its mentions join the document's.
    private struct RecognizedSegment {
        let range: Range<Int>
        let tokens: [Token]
        let sentences: [Range<Int>]
        let chosen: [Candidate]
        var text: CandidateText

        mutating func add(to assembly: inout MentionAssembly, _ whole: UnsafeBufferPointer<UInt8>, _ gazetteer: Gazetteer) {
            let b = UnsafeBufferPointer(rebasing: whole[range])
            tokens.withUnsafeBufferPointer { tp in
                assembly.add(chosen, b, tp, sentences, byteBase: range.lowerBound, gazetteer, &text)
            }
        }
    }

    private func recognize(_ segment: Range<Int>, of whole: UnsafeBufferPointer<UInt8>) -> RecognizedSegment {
        let b = UnsafeBufferPointer(rebasing: whole[segment])
        let tokens = Tokenizer.tokens(b)
        let sentences = SentenceSplitter.sentences(b)
        var text = CandidateText(explains: explains)
        let chosen = tokens.withUnsafeBufferPointer { candidates(b, $0, sentences, &text) }
        return RecognizedSegment(range: segment, tokens: tokens, sentences: sentences, chosen: chosen, text: text)
    }

    /// Calls `body` with each segment of `document` recognized, in text order, and the document's text. With
    /// `jobs` above 1, segments are recognized `jobs` at a time, one per thread, in the background: the next
    /// group while `body` takes the one before.
    private func forEachSegment(of document: Document, jobs: Int,
                                _ body: (inout RecognizedSegment, UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try document.text.bytes.withUnsafeBufferPointer { whole in
            let segments = Recognizer.segments(whole, limit: segmentBytes)
            guard jobs > 1, segments.count > 1 else {
                for s in segments {
                    var r = recognize(s, of: whole)
                    try body(&r, whole)
                }
                return
            }
            let recognizer = self
            func start(_ first: Int) -> (count: Int, results: ResultSlots<RecognizedSegment>, done: DispatchGroup)? {
                guard first < segments.count else { return nil }
                let group = Array(segments[first..<min(first + jobs, segments.count)])
                let results = ResultSlots<RecognizedSegment>(count: group.count)
                let done = DispatchGroup()
                DispatchQueue.global().async(group: done) {
                    DispatchQueue.concurrentPerform(iterations: group.count) { g in
                        document.text.bytes.withUnsafeBufferPointer { results.set(g, recognizer.recognize(group[g], of: $0)) }
                    }
                }
                return (group.count, results, done)
            }
            var next = 0
            var current = start(next)
            // The group in the background is waited for even when `body` throws.
            defer { current?.done.wait() }
            while let (count, results, done) = current {
                done.wait()
                next += count
                current = start(next)
                for g in 0..<count {
                    var r = results.take(g)
                    try body(&r, whole)
                }
            }
        }
    }

    /// Cuts `b` into pieces of about `limit` bytes, each ending just after a line break (or at the end).
    static func segments(_ b: UnsafeBufferPointer<UInt8>, limit: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var lo = 0
        while lo < b.count || out.isEmpty {
            var hi = min(b.count, lo + limit)
            while hi < b.count, b[hi - 1] != 0x0A { hi += 1 }
            out.append(lo..<hi)
            lo = hi
        }
        return out
    }

    /// The mentions of one text (a document or a segment), resolved, in text order.
    private func candidates(_ b: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>, _ sentences: [Range<Int>],
                            _ text: inout CandidateText) -> [Candidate] {
        let n = tokens.count
        // What each token is to the matchers, in one block of memory for the text (on the stack when small):
        // 29 bytes per token.
        return withUnsafeTemporaryAllocation(byteCount: max(1, 29 * n), alignment: 8) { raw in
            let tables = TokenTables(raw, count: n)
            return candidates(b, tokens, sentences, tables, &text)
        }
    }

    /// Per-token tables of one text, carved out of one block of memory.
    private struct TokenTables {
        /// Each token's key hash (`TokenKey.hash`).
        let hashes: UnsafeMutableBufferPointer<UInt64>
        /// Each token's vocabulary id, or -1.
        let ids: UnsafeMutableBufferPointer<Int32>
        /// The id again where the patterns use the word (-1 elsewhere), and the word's pattern class.
        let patternIDs: UnsafeMutableBufferPointer<Int32>
        let classes: UnsafeMutableBufferPointer<UInt32>
        /// Where each token's line ends (no match crosses a line break).
        let lineEnd: UnsafeMutableBufferPointer<Int32>
        /// The gazetteer hit starting at each token, or -1.
        let hitAt: UnsafeMutableBufferPointer<Int32>
        /// Each token's `WordShape` bits.
        let shapes: UnsafeMutableBufferPointer<UInt8>

        init(_ raw: UnsafeMutableRawBufferPointer, count n: Int) {
            var offset = 0
            func carve<T>(_ type: T.Type) -> UnsafeMutableBufferPointer<T> {
                let region = UnsafeMutableRawBufferPointer(rebasing: raw[offset..<(offset + n * MemoryLayout<T>.stride)])
                offset += n * MemoryLayout<T>.stride
                return region.bindMemory(to: T.self)
            }
            hashes = carve(UInt64.self)
            ids = carve(Int32.self)
            patternIDs = carve(Int32.self)
            classes = carve(UInt32.self)
            lineEnd = carve(Int32.self)
            hitAt = carve(Int32.self)
            shapes = carve(UInt8.self)
        }
    }

    private func candidates(_ b: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>, _ sentences: [Range<Int>],
                            _ tables: TokenTables, _ text: inout CandidateText) -> [Candidate] {
        let n = tokens.count
        let lookup = matcher.lookup
        let ip = tables.ids, hp = tables.hashes, pp = tables.patternIDs, sp = tables.shapes, wp = tables.classes
        let lp = tables.lineEnd, ap = tables.hitAt
        // One pass over the tokens: each token's word id and key hash; what the patterns see of it (their own
        // words only, its shape); and where its line ends.
        let wordCount = Int32(patterns.wordCount)
        let classOfWord = patterns.wordClasses.classOfWord.buffer
        var lineStart = 0
        for k in 0..<n {
            let t = tokens[k]
            let id = lookup.lookup(b, t.range, hash: &hp[k])
            ip[k] = id
            if id >= 0 && id < wordCount {
                pp[k] = id
                wp[k] = classOfWord[Int(id)]
            } else {
                pp[k] = -1
                wp[k] = 0
            }
            sp[k] = MatchContext.shapeBits(t)
            ap[k] = -1
            if k > 0 && t.shape.contains(.lineStart) {
                for j in lineStart..<k { lp[j] = Int32(k) }
                lineStart = k
            }
        }
        for j in lineStart..<n { lp[j] = Int32(n) }
        let ids = UnsafeBufferPointer(ip)
        let hits = matcher.hits(b, tokens, ids: ids)
        var candidates = gazetteerCandidates(tokens, ids, hits)
        var hitClasses = [UInt8](repeating: 0, count: hits.count)
        for (k, h) in hits.enumerated() {
            ap[h.start] = Int32(k)
            hitClasses[k] = matcher.aliasClasses.buffer[h.alias]
        }
        var chosen: [Candidate] = []
        hits.withUnsafeBufferPointer { hitBuffer in
        hitClasses.withUnsafeBufferPointer { cp in
            let context = MatchContext(b: b, tokens: tokens, ids: UnsafeBufferPointer(pp), shapes: UnsafeBufferPointer(sp),
                                       wordClasses: UnsafeBufferPointer(wp), hits: hitBuffer, hitAt: UnsafeBufferPointer(ap),
                                       hitClasses: cp, lists: patterns.listTables.view)
            patterns.candidates(context, lineEnd: UnsafeBufferPointer(lp), into: &candidates)
            chosen = Recognizer.resolveOverlaps(candidates, tokenCount: n)
            // Only the survivors are named and explained.
            for k in chosen.indices {
                if chosen[k].pattern >= 0 {
                    patterns.name(&chosen[k], context, gazetteer, &text)
                } else if chosen[k].alias >= 0, explains {
                    let alias = gazetteer.aliases[Int(chosen[k].alias)]
                    chosen[k].reason = text.addReason { "gazetteer \(alias.kind.rawValue) '\(alias.text)' (\(alias.origin))" }
                }
            }
        }}
        chosen = Coreference.link(chosen, b, tokens, UnsafeBufferPointer(hp), gazetteer, &text)
        chosen = OrganizationShortNames.expandAcronymPhrases(chosen, b, tokens, &text)
        chosen = AcronymDefinitions.apply(chosen, b, tokens, gazetteer, &text)
        Recognizer.attachAbbreviationPeriods(&chosen, b, tokens, sentences)
        return OrganizationShortNames.linkShortNames(chosen, b, tokens, UnsafeBufferPointer(hp), gazetteer, &text)
    }

    /// A candidate for each gazetteer hit; a capital only where it stands for its government.
    func gazetteerCandidates(_ tokens: UnsafeBufferPointer<Token>, _ ids: UnsafeBufferPointer<Int32>,
                             _ hits: [GazetteerMatcher.Hit]) -> [Candidate] {
        var out: [Candidate] = []
        out.reserveCapacity(hits.count)
        for hit in hits {
            let alias = matcher.gazetteer.aliases[hit.alias]
            if alias.kind == .capital, !MetonymyRule.isMetonymic(tokens, ids, words, start: hit.start, end: hit.end) { continue }
            out.append(Candidate(start: hit.start, end: hit.end, type: matcher.gazetteer.actors[hit.actor].type, priority: 2,
                                 actor: Int32(hit.actor), alias: Int32(hit.alias)))
        }
        return out
    }

    /// Company suffixes written with a period ("Corp.", "Inc.") whose period belongs to the name.
    static let abbreviatedSuffixes = ByteStringSet(["Inc", "Corp", "Co", "Ltd", "Bros", "Cos", "Mfg", "Intl"])

    /// "Banc One Corp., and" -> the period is part of the name; "… Lear Corp." at the end of a sentence -> it is
    /// the sentence's.
    static func attachAbbreviationPeriods(_ chosen: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>,
                                          _ tokens: UnsafeBufferPointer<Token>, _ sentences: [Range<Int>]) {
        guard !chosen.isEmpty else { return }
        var sentenceEnds: Set<Int>? = nil
        for k in chosen.indices where chosen[k].type == .organization {
            let last = chosen[k].end - 1, dot = chosen[k].end
            guard dot < tokens.count, tokens[dot].kind == .punctuation, b[Int(tokens[dot].start)] == UInt8(ascii: "."),
                  tokens[dot].start == tokens[last].end, abbreviatedSuffixes.contains(b, tokens[last].range) else { continue }
            if sentenceEnds == nil { sentenceEnds = Set(sentences.map(\.upperBound)) }
            if sentenceEnds!.contains(Int(tokens[dot].end)) { continue }
            if k + 1 < chosen.count, chosen[k + 1].start <= dot { continue }
            chosen[k].end += 1
        }
    }

    /// Keeps the longest candidates, then the higher priority, then the earlier; none overlap.
    static func resolveOverlaps(_ candidates: [Candidate], tokenCount: Int) -> [Candidate] {
        guard !candidates.isEmpty else { return [] }
        // The order of preference, as sortable integers when every field fits (always, but for absurd
        // inputs): candidates are large values, and sorting their indices by one integer each compares and
        // moves far less than sorting by a four-field comparison.
        let order = OverlapOrder.preference(candidates) ?? candidates.indices.sorted { x, y in
            let a = candidates[x], b = candidates[y]
            if a.length != b.length { return a.length > b.length }
            if a.priority != b.priority { return a.priority > b.priority }
            if a.start != b.start { return a.start < b.start }
            return x < y
        }
        var picked: [Int] = []
        picked.reserveCapacity(min(candidates.count, tokenCount))
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: max(1, tokenCount)) { taken in
            taken.initialize(repeating: false)
            for i in order {
                let c = candidates[i]
                if (c.start..<c.end).contains(where: { taken[$0] }) { continue }
                for k in c.start..<c.end { taken[k] = true }
                picked.append(i)
            }
        }
        // In text order; candidates that tie on start keep the order they were picked in.
        return OverlapOrder.sortedByStart(picked, candidates)
    }
}
