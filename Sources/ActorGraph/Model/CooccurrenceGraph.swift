import ActorRecognition

/// A weighted, undirected graph of actors that occur together, with the raw counts every association
/// measure is derived from and the evidence behind each edge.
public struct CooccurrenceGraph: Sendable {
    /// Nodes sorted by id.
    public var nodes: [GraphNode]
    /// Edges sorted by (source, target), with source < target.
    public var edges: [GraphEdge]
    /// Number of windows (sentences, paragraphs or documents) counted.
    public var totalWindows: Int
    /// Number of documents read.
    public var totalDocuments: Int
    /// The options the graph was built with.
    public var options: BuildOptions
    /// Windows and documents by day, for dated documents.
    public var dayTotals: [Day: DayTotal]

    /// What one day of a corpus holds.
    public struct DayTotal: Sendable, Hashable {
        public var windows: Int
        public var documents: Int
        public init(windows: Int, documents: Int) {
            self.windows = windows
            self.documents = documents
        }
    }

    public init(nodes: [GraphNode], edges: [GraphEdge], totalWindows: Int, totalDocuments: Int, options: BuildOptions,
                dayTotals: [Day: DayTotal] = [:]) {
        self.dayTotals = dayTotals
        self.nodes = nodes
        self.edges = edges
        self.totalWindows = totalWindows
        self.totalDocuments = totalDocuments
        self.options = options
    }

    /// The index of the node with `id`.
    public func nodeIndex(id: String) -> Int? {
        var lo = 0, hi = nodes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if nodes[mid].id.utf8Precedes(id) { lo = mid + 1 } else { hi = mid }
        }
        return lo < nodes.count && nodes[lo].id == id ? lo : nil
    }

    /// The node with `id`.
    public func node(id: String) -> GraphNode? { nodeIndex(id: id).map { nodes[$0] } }
}

/// One actor in the graph.
public struct GraphNode: Sendable, Hashable {
    public var id: String
    public var name: String
    public var type: ActorType
    /// Number of mentions.
    public var mentions: Int
    /// Number of documents the actor is mentioned in.
    public var documents: Int
    /// Number of windows the actor occurs in.
    public var windows: Int
    /// Attributes carried from the gazetteer (country, roles, ISO codes) and analytics.
    public var attributes: [String: String]
    /// Windows by day, for documents that carry a date.
    public var days: [Day: Int]

    public init(id: String, name: String, type: ActorType, mentions: Int, documents: Int, windows: Int,
                attributes: [String: String] = [:], days: [Day: Int] = [:]) {
        self.days = days
        self.id = id
        self.name = name
        self.type = type
        self.mentions = mentions
        self.documents = documents
        self.windows = windows
        self.attributes = attributes
    }
}

/// A tie between two actors.
public struct GraphEdge: Sendable, Hashable {
    /// The smaller actor id.
    public var source: String
    /// The larger actor id.
    public var target: String
    /// Number of windows in which both occur (for the decay window: sentence pairs within reach).
    public var count: Int
    /// The co-occurrence amount the measures use: equal to `count`, except under the decay window, where each
    /// sentence pair adds e^(−λ·d).
    public var weight: Double
    /// Number of documents in which both occur in one window.
    public var documents: Int
    /// `count` by day, for documents that carry a date.
    public var days: [Day: Int]
    /// Up to K example sentences (the first ones found, in corpus order).
    public var evidence: [Evidence]

    public init(source: String, target: String, count: Int, documents: Int, days: [Day: Int] = [:], evidence: [Evidence] = [],
                weight: Double? = nil) {
        self.source = source
        self.target = target
        self.count = count
        self.weight = weight ?? Double(count)
        self.documents = documents
        self.days = days
        self.evidence = evidence
    }
}

/// A sentence (or window) that ties two actors, with both mentions located in it.
public struct Evidence: Sendable, Hashable {
    public var document: String
    public var date: Day?
    /// Code-point span of the window in the document.
    public var start: Int
    public var end: Int
    /// The window's text.
    public var text: String
    /// Code-point spans of the two actors' first mentions, relative to `start`.
    public var sourceSpan: Range<Int>
    public var targetSpan: Range<Int>

    public init(document: String, date: Day?, start: Int, end: Int, text: String, sourceSpan: Range<Int>, targetSpan: Range<Int>) {
        self.document = document
        self.date = date
        self.start = start
        self.end = end
        self.text = text
        self.sourceSpan = sourceSpan
        self.targetSpan = targetSpan
    }
}
