import ActorRecognition
import Foundation

/// Accumulates recognized documents into a co-occurrence graph. Memory grows with distinct actors, pairs and
/// days, never with the corpus: only counts and at most K evidence windows per edge are kept.
///
/// Counting, for every window kind (see `Docs/measures.md`):
/// - sentence, paragraph, document: `count(a,b)` = windows holding both; `windows(a)` = windows holding a;
///   N = windows.
/// - tokens:K: `count(a,b)` = pairs of mentions of a and b at most K tokens apart; `windows(a)` = mentions of a;
///   N = mentions.
/// - decay:λ:C: `weight(a,b)` = Σ e^(−λ·d) over sentence pairs at distance d ≤ C that hold a in one and b in the
///   other; `count(a,b)` = the number of those sentence pairs; `windows(a)` = sentences holding a; N = sentences.
/// With `count: .documents` every contribution is capped at one per document.
public struct GraphBuilder: Sendable {
    public let options: BuildOptions
    /// Actors by index; `index` maps ids to it. Edges by index; `edgeIndex` maps packed (a, b) node indices.
    private var nodes: [GraphNode] = []
    private var index: [String: Int32] = [:]
    private var edges: [GraphEdge] = []
    private var edgeIndex = PairIndex()
    /// The node indices of each edge's source and target.
    private var edgeEnds: [(source: Int32, target: Int32)] = []
    /// The document number in which a node or edge was last seen / counted (for per-document counts).
    private var nodeSeen: [Int] = [], nodeCounted: [Int] = []
    /// The place in the corpus (document sequence) where each node was first seen: when builders that saw
    /// different documents are merged, a node keeps the name it had at its first sight in corpus order.
    private var nodeFirstSeen: [Int] = []
    private var edgeSeen: [Int] = [], edgeCounted: [Int] = []
    /// For each edge's evidence, its place in the corpus (document sequence, window start), so graphs built
    /// in parallel on interleaved documents keep the first K windows in corpus order when merged.
    private var evidenceKeys: [[EvidenceKey]] = []
    /// Edge weights in billionths, summed as integers so the total does not depend on the order of additions
    /// (threads, shards): the same corpus gives the same bytes whatever `--jobs` is.
    private var weightUnits: [Int64] = []
    static let unitsPerWeight = 1_000_000_000.0
    private var sequence = 0

    struct EvidenceKey: Comparable, Sendable {
        var document: Int
        var offset: Int
        static func < (a: EvidenceKey, b: EvidenceKey) -> Bool { (a.document, a.offset) < (b.document, b.offset) }
    }
    private var windows = 0
    private var documents = 0
    /// How many recognized texts were counted: one per document, or one per part of a long document that
    /// was counted part by part (`add(_:recognizedBy:sequence:jobs:)`).
    private(set) var textsCounted = 0
    private var dayTotals: [Day: CooccurrenceGraph.DayTotal] = [:]

    struct PairKey: Hashable, Sendable {
        var a: String
        var b: String
        init(_ x: String, _ y: String) {
            if x.utf8.lexicographicallyPrecedes(y.utf8) { a = x; b = y } else { a = y; b = x }
        }
    }

    public init(options: BuildOptions = BuildOptions()) { self.options = options }

    /// Per-document scratch: a forward-walking code-point counter for evidence offsets, and for each of the
    /// document's actors (`RecognizedDocument.actorIDs`) its node and its rank in id order.
    private struct DocumentState {
        var counter: CodePointCounter
        var node: [Int]
        var rank: [Int]
    }

    /// The index of the node of the actor in slot `s` of `doc` (first mentioned by mention `first`), added on
    /// first sight.
    private mutating func node(slot s: Int, firstMention first: Int, _ doc: RecognizedDocument) -> Int {
        let id = doc.actorIDs[s]
        if let k = index[id] { return Int(k) }
        let k = nodes.count
        index[id] = Int32(k)
        let m = doc.mentions[first]
        nodes.append(GraphNode(id: id, name: m.name, type: m.type, mentions: 0, documents: 0, windows: 0,
                               attributes: GraphBuilder.attributes(doc.actors[s])))
        nodeSeen.append(0)
        nodeCounted.append(0)
        nodeFirstSeen.append(sequence)
        return k
    }

    /// One tie as found: two actors in one window of one document.
    public struct Occurrence: Sendable {
        public var source: String
        public var target: String
        public var document: String
        public var date: Day?
        /// Code-point spans of the two mentions in the document.
        public var sourceSpan: Range<Int>
        public var targetSpan: Range<Int>
        /// The amount added to the edge's weight (e^(−λ·d) under the decay window, else 1).
        public var amount: Double
    }

    private var pending: [Occurrence]?

    /// Adds one document and returns every tie found in it, in text order (for `build --occurrences`, which
    /// streams them to disk document by document instead of keeping them).
    public mutating func addReturningOccurrences(_ doc: RecognizedDocument) -> [Occurrence] {
        pending = []
        add(doc)
        defer { pending = nil }
        return pending ?? []
    }

    /// Adds one document whose place in the corpus is `sequence` (used to order evidence when builders that
    /// saw interleaved parts of one corpus are merged).
    public mutating func add(_ doc: RecognizedDocument, sequence: Int) {
        self.sequence = sequence
        addDocument(doc)
    }

    /// Adds one document.
    public mutating func add(_ doc: RecognizedDocument) {
        sequence = documents
        addDocument(doc)
    }

    private mutating func addDocument(_ doc: RecognizedDocument) {
        var tally = beginDocument()
        var counter = CodePointCounter(doc.text)
        addWindows(of: doc, &counter, &tally)
        endDocument(date: doc.date, tally)
    }

    /// Recognizes and adds one document whose place in the corpus is `sequence`. Under sentence windows a
    /// document longer than the recognizer's segments is counted one segment at a time
    /// (`Recognizer.recognizeParts`), so memory holds its text and a few segments' mentions, not all of them;
    /// the graph is the same as that of `add(recognizer.recognize(document), sequence:)`. Other windows can
    /// span segments, and take the document whole.
    /// - Parameter jobs: How many segments of a long document are recognized at once, on as many threads.
    public mutating func add(_ document: Document, recognizedBy recognizer: Recognizer, sequence: Int, jobs: Int = 1) {
        self.sequence = sequence
        guard case .sentence = options.window, pending == nil, document.text.bytes.count > recognizer.segmentBytes else {
            addDocument(recognizer.recognize(document, jobs: jobs))
            return
        }
        var tally = beginDocument()
        var counter = CodePointCounter(document.text)
        recognizer.recognizeParts(document, jobs: jobs) { part in addWindows(of: part, &counter, &tally) }
        endDocument(date: document.date, tally)
    }

    /// What is counted once per document, however many parts it comes in.
    private struct DocumentTally {
        var windowsBefore: Int
        /// Whether the document has a window (counted once at its end under `count: .documents`).
        var hasWindow = false
    }

    private mutating func beginDocument() -> DocumentTally {
        documents += 1
        return DocumentTally(windowsBefore: windows)
    }

    private mutating func endDocument(date: Day?, _ tally: DocumentTally) {
        if options.count == .documents && tally.hasWindow { windows += 1 }
        if let d = date {
            var t = dayTotals[d] ?? .init(windows: 0, documents: 0)
            t.windows += windows - tally.windowsBefore
            t.documents += 1
            dayTotals[d] = t
        }
    }

    /// Counts the windows of `doc`, the whole of a document or one of its parts (whose evidence offsets
    /// `counter` goes on counting).
    private mutating func addWindows(of doc: RecognizedDocument, _ counter: inout CodePointCounter, _ tally: inout DocumentTally) {
        textsCounted += 1
        let slots = doc.actorIDs.count
        var firstMention = [Int](repeating: -1, count: slots)
        for i in doc.mentions.indices where firstMention[doc.mentions[i].actorIndex] < 0 { firstMention[doc.mentions[i].actorIndex] = i }
        var nodeOfSlot = [Int](repeating: 0, count: slots)
        for s in 0..<slots { nodeOfSlot[s] = node(slot: s, firstMention: firstMention[s], doc) }
        let ids = doc.actorIDs
        // Slots in id order; most ids differ in their first eight bytes, compared as one integer.
        let prefixes = ids.map(\.utf8OrderPrefix)
        var order = Array(0..<slots)
        order.sortFew { prefixes[$0] != prefixes[$1] ? prefixes[$0] < prefixes[$1] : ids[$0].utf8Precedes(ids[$1]) }
        var rank = [Int](repeating: 0, count: slots)
        for (r, s) in order.enumerated() { rank[s] = r }
        var state = DocumentState(counter: counter, node: nodeOfSlot, rank: rank)
        defer { counter = state.counter }
        for i in doc.mentions.indices {
            let k = nodeOfSlot[doc.mentions[i].actorIndex]
            nodes[k].mentions += 1
            if nodeSeen[k] != documents { nodeSeen[k] = documents; nodes[k].documents += 1 }
        }
        let perDocument = options.count == .documents
        let ms = doc.mentions
        switch options.window {
        case .sentence, .paragraph, .document:
            if perDocument { tally.hasWindow = tally.hasWindow || !doc.sentences.isEmpty } else { windows += GraphBuilder.windowCount(doc, options.window) }
            // The document comes back as an argument: captured, it would be copied (a retain of each of its arrays).
            GraphBuilder.forEachWindow(doc, options.window, rank: rank) { members, span, doc in
                for i in members { countActor(nodeOfSlot[ms[i].actorIndex], doc) }
                for x in members.indices {
                    for y in (x + 1)..<members.count {
                        countPair(ms, members[x], members[y], amount: 1, doc, span: span, &state)
                    }
                }
            }
        case .tokens(let k):
            if perDocument { tally.hasWindow = tally.hasWindow || !ms.isEmpty } else { windows += ms.count }
            for i in ms.indices {
                countActor(nodeOfSlot[ms[i].actorIndex], doc)
                var j = i + 1
                while j < ms.count, ms[j].tokens.lowerBound - ms[i].tokens.upperBound <= k {
                    if ms[j].actorIndex != ms[i].actorIndex {
                        let span = doc.sentences[ms[i].sentence].lowerBound..<doc.sentences[ms[j].sentence].upperBound
                        countPair(ms, i, j, amount: 1, doc, span: span, &state)
                    }
                    j += 1
                }
            }
        case .decay(let lambda, let reach):
            if perDocument { tally.hasWindow = tally.hasWindow || !doc.sentences.isEmpty } else { windows += doc.sentences.count }
            // Each sentence with mentions: its actors' first mentions, in order of first mention.
            var sentences: [Int] = []
            var firsts: [[Int]] = []
            var seenIn = [Int](repeating: -1, count: slots)
            for (i, m) in ms.enumerated() {
                if sentences.last != m.sentence { sentences.append(m.sentence); firsts.append([]) }
                if seenIn[m.actorIndex] != m.sentence { seenIn[m.actorIndex] = m.sentence; firsts[firsts.count - 1].append(i) }
            }
            for here in firsts { for i in here { countActor(nodeOfSlot[ms[i].actorIndex], doc) } }
            var done = Set<Int>()
            for (x, s) in sentences.enumerated() {
                var y = x
                while y < sentences.count, sentences[y] - s <= reach {
                    let t = sentences[y]
                    let amount = exp(-lambda * Double(t - s))
                    done.removeAll(keepingCapacity: true)
                    for i in firsts[x] {
                        for j in firsts[y] where ms[i].actorIndex != ms[j].actorIndex {
                            let a = ms[i].actorIndex, b = ms[j].actorIndex
                            guard done.insert(min(a, b) * slots + max(a, b)).inserted else { continue }
                            let span = doc.sentences[s].lowerBound..<doc.sentences[t].upperBound
                            countPair(ms, i, j, amount: amount, doc, span: span, &state)
                        }
                    }
                    y += 1
                }
            }
        }
    }

    /// The number of sentence, paragraph or document windows in `doc`, with mentions or not.
    private static func windowCount(_ doc: RecognizedDocument, _ window: Window) -> Int {
        switch window {
        case .paragraph: return (doc.paragraphOfSentence.last ?? -1) + 1
        case .document: return doc.sentences.isEmpty ? 0 : 1
        default: return doc.sentences.count
        }
    }

    /// Calls `body` for each sentence, paragraph or document window of `doc` that holds mentions, in text
    /// order, with the first mention of each actor in it (indices into `doc.mentions`, in id order) and the
    /// window's byte span. One buffer serves every window, so a document costs no allocation per window and
    /// a huge one holds one window at a time.
    private static func forEachWindow(_ doc: RecognizedDocument, _ window: Window, rank: [Int],
                                      _ body: (_ members: [Int], _ span: Range<Int>, _ doc: RecognizedDocument) -> Void) {
        let paragraphOfSentence = doc.paragraphOfSentence, sentences = doc.sentences, mentions = doc.mentions
        func windowOf(_ sentence: Int) -> Int {
            switch window {
            case .paragraph: return paragraphOfSentence.isEmpty ? 0 : paragraphOfSentence[sentence]
            case .document: return 0
            default: return sentence
            }
        }
        var members: [Int] = []
        var span = 0..<0
        var current = -1, ordinal = -1
        var seenIn = [Int](repeating: -1, count: doc.actorIDs.count)
        func finish() {
            members.sortFew { rank[mentions[$0].actorIndex] < rank[mentions[$1].actorIndex] }
            body(members, span, doc)
        }
        for i in mentions.indices {
            let sentence = mentions[i].sentence, slot = mentions[i].actorIndex
            let w = windowOf(sentence)
            if w != current {
                if current >= 0 { finish() }
                current = w
                ordinal += 1
                members.removeAll(keepingCapacity: true)
                var lo = sentence, hi = sentence
                while lo > 0, windowOf(lo - 1) == w { lo -= 1 }
                while hi + 1 < sentences.count, windowOf(hi + 1) == w { hi += 1 }
                span = sentences[lo].lowerBound..<sentences[hi].upperBound
            }
            if seenIn[slot] != ordinal {
                seenIn[slot] = ordinal
                members.append(i)
            }
        }
        if current >= 0 { finish() }
    }

    private mutating func countActor(_ k: Int, _ doc: RecognizedDocument) {
        if options.count == .documents {
            if nodeCounted[k] == documents { return }
            nodeCounted[k] = documents
        }
        nodes[k].windows += 1
        if let d = doc.date { nodes[k].days[d, default: 0] += 1 }
    }

    /// Counts the pair of mentions `ms[a]` and `ms[b]` (by index, so that no mention is copied on this path).
    private mutating func countPair(_ ms: [Mention], _ a: Int, _ b: Int, amount: Double, _ doc: RecognizedDocument,
                                    span: Range<Int>, _ state: inout DocumentState) {
        let (s, t) = state.rank[ms[a].actorIndex] < state.rank[ms[b].actorIndex] ? (a, b) : (b, a)
        if pending != nil {
            pending!.append(Occurrence(source: ms[s].actor, target: ms[t].actor, document: doc.id, date: doc.date,
                                       sourceSpan: ms[s].start..<ms[s].end, targetSpan: ms[t].start..<ms[t].end, amount: amount))
        }
        let i = state.node[ms[s].actorIndex], j = state.node[ms[t].actorIndex]
        let key = UInt64(UInt32(i)) << 32 | UInt64(UInt32(j))
        let e: Int
        if let found = edgeIndex[key] {
            e = Int(found)
        } else {
            e = edges.count
            edgeIndex.insert(key, Int32(e))
            edges.append(GraphEdge(source: ms[s].actor, target: ms[t].actor, count: 0, documents: 0))
            edgeEnds.append((Int32(i), Int32(j)))
            evidenceKeys.append([])
            weightUnits.append(0)
            edgeSeen.append(0)
            edgeCounted.append(0)
        }
        if edgeSeen[e] != documents { edgeSeen[e] = documents; edges[e].documents += 1 }
        if options.count == .documents {
            guard edgeCounted[e] != documents else { return }
            edgeCounted[e] = documents
            edges[e].count += 1
            weightUnits[e] += Int64(GraphBuilder.unitsPerWeight)
        } else {
            edges[e].count += 1
            weightUnits[e] += Int64((amount * GraphBuilder.unitsPerWeight).rounded())
        }
        if let d = doc.date { edges[e].days[d, default: 0] += 1 }
        if edges[e].evidence.count < options.evidencePerEdge {
            edges[e].evidence.append(GraphBuilder.evidence(doc, span, ms[s], ms[t], &state.counter))
            evidenceKeys[e].append(EvidenceKey(document: sequence, offset: span.lowerBound))
        }
    }

    /// The most bytes of text one piece of evidence keeps: a longer window (a long paragraph, a whole
    /// document, a line that never ends a sentence) gives an excerpt around its two mentions instead, so the
    /// evidence of a window does not grow with the window (a document window over a long document ties
    /// thousands of pairs, each of which would keep a copy of the whole document).
    public static let evidenceBytes = 1_000

    static func evidence(_ doc: RecognizedDocument, _ span: Range<Int>, _ a: Mention, _ b: Mention,
                         _ counter: inout CodePointCounter) -> Evidence {
        if span.count > evidenceBytes { return excerpt(doc, span, a, b, &counter) }
        let start = counter.codePointOffset(ofByte: span.lowerBound)
        let end = counter.codePointOffset(ofByte: span.upperBound)
        let text = String(decoding: doc.text.bytes[span], as: UTF8.self)
        return Evidence(document: doc.id, date: doc.date, start: start, end: end, text: text,
                        sourceSpan: (a.start - start)..<(a.end - start), targetSpan: (b.start - start)..<(b.end - start))
    }

    /// The evidence of a window longer than `evidenceBytes`: the sentence of each mention (cut around the
    /// mention when longer than half of that), as one stretch of the text when the two lie close enough
    /// together, else joined by " … ". `start` and `end` bound the excerpt in the document; the spans are
    /// the mentions' within `text`.
    static func excerpt(_ doc: RecognizedDocument, _ span: Range<Int>, _ a: Mention, _ b: Mention,
                        _ counter: inout CodePointCounter) -> Evidence {
        let bytes = doc.text.bytes
        let (first, second) = a.byteRange.lowerBound <= b.byteRange.lowerBound ? (a, b) : (b, a)
        let p = piece(around: first, doc, within: span, budget: evidenceBytes / 2)
        let q = piece(around: second, doc, within: span, budget: evidenceBytes / 2)
        let pieces = q.lowerBound <= p.upperBound || q.upperBound - p.lowerBound <= evidenceBytes
            ? [min(p.lowerBound, q.lowerBound)..<max(p.upperBound, q.upperBound)] : [p, q]
        let separator = " … "
        var text: [UInt8] = []
        // Where each piece begins in `text` and in the document, in code points.
        var starts: [(text: Int, document: Int)] = []
        var length = 0, end = 0
        for (k, r) in pieces.enumerated() {
            if k > 0 {
                text += Array(separator.utf8)
                length += separator.unicodeScalars.count
            }
            let start = counter.codePointOffset(ofByte: r.lowerBound)
            end = counter.codePointOffset(ofByte: r.upperBound)
            starts.append((length, start))
            text += bytes[r]
            length += end - start
        }
        func spanInText(_ m: Mention) -> Range<Int> {
            let k = pieces.count > 1 && m.byteRange.lowerBound >= pieces[1].lowerBound ? 1 : 0
            let shift = starts[k].text - starts[k].document
            return (m.start + shift)..<(m.end + shift)
        }
        let start = starts[0].document
        return Evidence(document: doc.id, date: doc.date, start: start, end: end, text: String(decoding: text, as: UTF8.self),
                        sourceSpan: spanInText(a), targetSpan: spanInText(b))
    }

    /// The bytes of `m`'s sentence (within `window`), or when that is longer than `budget` bytes, `budget`
    /// bytes of it around `m`, cut at code-point boundaries.
    private static func piece(around m: Mention, _ doc: RecognizedDocument, within window: Range<Int>, budget: Int) -> Range<Int> {
        let sentence = doc.sentences.indices.contains(m.sentence) ? doc.sentences[m.sentence].clamped(to: window) : window
        let r = m.byteRange
        guard sentence.count > budget, sentence.contains(r.lowerBound) else { return sentence }
        // The mention in the middle of what is left of the budget, shifted to stay inside the sentence.
        let room = max(0, budget - r.count)
        var lo = max(sentence.lowerBound, r.lowerBound - room / 2)
        let hi = min(sentence.upperBound, max(r.upperBound, lo + budget))
        lo = max(sentence.lowerBound, min(lo, hi - budget))
        let bytes = doc.text.bytes
        var from = lo, to = hi
        while from < r.lowerBound, bytes[from] & 0xC0 == 0x80 { from += 1 }
        while to > r.upperBound, to < bytes.count, bytes[to] & 0xC0 == 0x80 { to -= 1 }
        return from..<to
    }

    static func attributes(_ actor: Actor) -> [String: String] {
        var out = actor.attributes
        if let c = actor.country { out["country"] = c }
        if !actor.roles.isEmpty {
            out["roles"] = actor.roles.map { r in
                "\(r.title) (\(r.from.map(String.init(describing:)) ?? "?")–\(r.to.map(String.init(describing:)) ?? ""))"
            }.joined(separator: "; ")
        }
        return out
    }

    /// The graph of several builders that saw disjoint documents of one corpus (in any interleaving): counts
    /// add up, and each edge keeps the first K evidence windows in corpus order.
    public static func merged(_ parts: [GraphBuilder]) -> CooccurrenceGraph {
        guard var whole = parts.first else { return GraphBuilder().graph() }
        for part in parts.dropFirst() {
            whole.windows += part.windows
            whole.documents += part.documents
            for (d, t) in part.dayTotals {
                var x = whole.dayTotals[d] ?? .init(windows: 0, documents: 0)
                x.windows += t.windows
                x.documents += t.documents
                whole.dayTotals[d] = x
            }
            for (pk, n) in part.nodes.enumerated() {
                if let k = whole.index[n.id] {
                    let k = Int(k)
                    if part.nodeFirstSeen[pk] < whole.nodeFirstSeen[k] {
                        whole.nodeFirstSeen[k] = part.nodeFirstSeen[pk]
                        whole.nodes[k].name = n.name
                        whole.nodes[k].type = n.type
                        whole.nodes[k].attributes = n.attributes
                    }
                    whole.nodes[k].mentions += n.mentions
                    whole.nodes[k].documents += n.documents
                    whole.nodes[k].windows += n.windows
                    for (d, c) in n.days { whole.nodes[k].days[d, default: 0] += c }
                } else {
                    whole.index[n.id] = Int32(whole.nodes.count)
                    whole.nodes.append(n)
                    whole.nodeSeen.append(0)
                    whole.nodeCounted.append(0)
                    whole.nodeFirstSeen.append(part.nodeFirstSeen[pk])
                }
            }
            for (pe, e) in part.edges.enumerated() {
                let i = whole.index[e.source]!, j = whole.index[e.target]!
                let key = UInt64(UInt32(bitPattern: i)) << 32 | UInt64(UInt32(bitPattern: j))
                if let found = whole.edgeIndex[key] {
                    let w = Int(found)
                    whole.edges[w].count += e.count
                    whole.weightUnits[w] += part.weightUnits[pe]
                    whole.edges[w].documents += e.documents
                    for (d, c) in e.days { whole.edges[w].days[d, default: 0] += c }
                    let pairs = zip(whole.evidenceKeys[w], whole.edges[w].evidence).map { ($0, $1) }
                        + zip(part.evidenceKeys[pe], e.evidence).map { ($0, $1) }
                    let kept = pairs.sorted { $0.0 < $1.0 }.prefix(whole.options.evidencePerEdge)
                    whole.evidenceKeys[w] = kept.map(\.0)
                    whole.edges[w].evidence = kept.map(\.1)
                } else {
                    whole.edgeIndex.insert(key, Int32(whole.edges.count))
                    whole.edges.append(e)
                    whole.edgeEnds.append((i, j))
                    whole.evidenceKeys.append(part.evidenceKeys[pe])
                    whole.weightUnits.append(part.weightUnits[pe])
                    whole.edgeSeen.append(0)
                    whole.edgeCounted.append(0)
                }
            }
        }
        return whole.graph()
    }

    /// The finished graph, in a stable order.
    public func graph() -> CooccurrenceGraph {
        // Nodes by id (bytes), edges by (source, target) in that order: sorted once by id, then by rank.
        let order = nodes.indices.sorted { nodes[$0].id.utf8Precedes(nodes[$1].id) }
        var rank = [Int](repeating: 0, count: nodes.count)
        for (r, k) in order.enumerated() { rank[k] = r }
        let byRank = edges.indices.sorted { x, y in
            let a = edgeEnds[x], b = edgeEnds[y]
            let (as_, bs) = (rank[Int(a.source)], rank[Int(b.source)])
            return as_ != bs ? as_ < bs : rank[Int(a.target)] < rank[Int(b.target)]
        }
        let e = byRank.map { k -> GraphEdge in
            var edge = edges[k]
            edge.weight = Double(weightUnits[k]) / GraphBuilder.unitsPerWeight
            return edge
        }
        return CooccurrenceGraph(nodes: order.map { nodes[$0] }, edges: e, totalWindows: windows, totalDocuments: documents,
                                 options: options, dayTotals: dayTotals)
    }
}

extension Array where Element == Int {
    /// Sorts in place; by insertion sort when there are few elements (a document's actors, a window's
    /// members), where the library sort's buffer allocation costs more than the comparisons.
    mutating func sortFew(by areInIncreasingOrder: (Int, Int) -> Bool) {
        guard count <= 32 else { return sort(by: areInIncreasingOrder) }
        for x in indices.dropFirst() {
            let item = self[x]
            var y = x
            while y > 0, areInIncreasingOrder(item, self[y - 1]) {
                self[y] = self[y - 1]
                y -= 1
            }
            self[y] = item
        }
    }
}
