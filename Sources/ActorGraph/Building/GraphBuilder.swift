import ActorRecognition

/// Accumulates recognized documents into a co-occurrence graph. Memory grows with distinct actors, pairs and
/// days, not with the corpus.
public struct GraphBuilder: Sendable {
    public let options: BuildOptions
    private var nodes: [String: GraphNode] = [:]
    private var edges: [PairKey: GraphEdge] = [:]
    private var windows = 0
    private var documents = 0

    struct PairKey: Hashable, Sendable {
        var a: String
        var b: String
    }

    public init(options: BuildOptions = BuildOptions()) { self.options = options }

    /// Adds one document.
    public mutating func add(_ doc: RecognizedDocument) {
        documents += 1
        var counter = CodePointCounter(doc.text.bytes)
        // Group mentions by window.
        let windowOf: (Mention) -> Int
        let windowCount: Int
        switch options.window {
        case .sentence:
            windowOf = { $0.sentence }
            windowCount = doc.sentences.count
        case .paragraph:
            windowOf = { doc.paragraphOfSentence.isEmpty ? 0 : doc.paragraphOfSentence[$0.sentence] }
            windowCount = (doc.paragraphOfSentence.last ?? -1) + 1
        case .document:
            windowOf = { _ in 0 }
            windowCount = doc.sentences.isEmpty ? 0 : 1
        }
        windows += windowCount
        var seenInDoc = Set<String>()
        var pairsInDoc = Set<PairKey>()
        var i = 0
        let mentions = doc.mentions
        while i < mentions.count {
            let w = windowOf(mentions[i])
            var j = i
            var first: [String: Mention] = [:]
            var order: [String] = []
            while j < mentions.count, windowOf(mentions[j]) == w {
                let m = mentions[j]
                if first[m.actor] == nil { first[m.actor] = m; order.append(m.actor) }
                let actor = doc.actors[m.actor]
                var node = nodes[m.actor] ?? GraphNode(id: m.actor, name: m.name, type: m.type, mentions: 0, documents: 0, windows: 0,
                                                         attributes: actor.map(GraphBuilder.attributes) ?? [:])
                node.mentions += 1
                if seenInDoc.insert(m.actor).inserted { node.documents += 1 }
                nodes[m.actor] = node
                j += 1
            }
            for id in order { nodes[id]!.windows += 1 }
            let ids = order.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            if ids.count > 1 {
                let span = windowSpan(doc, window: w, mentions[i].sentence, mentions[j - 1].sentence)
                for x in 0..<ids.count {
                    for y in (x + 1)..<ids.count {
                        let key = PairKey(a: ids[x], b: ids[y])
                        var edge = edges[key] ?? GraphEdge(source: ids[x], target: ids[y], count: 0, documents: 0)
                        edge.count += 1
                        if pairsInDoc.insert(key).inserted { edge.documents += 1 }
                        if let d = doc.date { edge.days[d, default: 0] += 1 }
                        if edge.evidence.count < options.evidencePerEdge {
                            edge.evidence.append(evidence(doc, span, first[ids[x]]!, first[ids[y]]!, &counter))
                        }
                        edges[key] = edge
                    }
                }
            }
            i = j
        }
    }

    /// The byte range of window `w` (for sentences, the sentence; otherwise the sentences its mentions span).
    func windowSpan(_ doc: RecognizedDocument, window w: Int, _ firstSentence: Int, _ lastSentence: Int) -> Range<Int> {
        switch options.window {
        case .sentence:
            return doc.sentences[firstSentence]
        case .paragraph, .document:
            var lo = firstSentence, hi = lastSentence
            if options.window == .paragraph {
                while lo > 0, doc.paragraphOfSentence[lo - 1] == w { lo -= 1 }
                while hi + 1 < doc.sentences.count, doc.paragraphOfSentence[hi + 1] == w { hi += 1 }
            } else {
                lo = 0
                hi = doc.sentences.count - 1
            }
            return doc.sentences[lo].lowerBound..<doc.sentences[hi].upperBound
        }
    }

    func evidence(_ doc: RecognizedDocument, _ span: Range<Int>, _ a: Mention, _ b: Mention, _ counter: inout CodePointCounter) -> Evidence {
        // Code-point offsets: the counter only walks forward, so take the smallest byte offsets first.
        var fresh = CodePointCounter(doc.text.bytes)
        let start = fresh.codePointOffset(ofByte: span.lowerBound)
        let end = fresh.codePointOffset(ofByte: span.upperBound)
        let text = String(decoding: doc.text.bytes[span], as: UTF8.self)
        return Evidence(document: doc.id, date: doc.date, start: start, end: end, text: text,
                        sourceSpan: (a.start - start)..<(a.end - start), targetSpan: (b.start - start)..<(b.end - start))
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

    /// The finished graph, in a stable order.
    public func graph() -> CooccurrenceGraph {
        let byID: (String, String) -> Bool = { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let n = nodes.values.sorted { byID($0.id, $1.id) }
        let e = edges.values.sorted { $0.source != $1.source ? byID($0.source, $1.source) : byID($0.target, $1.target) }
        return CooccurrenceGraph(nodes: n, edges: e, totalWindows: windows, totalDocuments: documents, options: options)
    }
}
