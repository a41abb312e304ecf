import ActorRecognition

/// Which part of a graph a command looks at: types, thresholds, a time range and the backbone.
public struct GraphFilter: Sendable {
    public var types: Set<ActorType>?
    public var minCount: Int?
    public var minDocuments: Int?
    /// Keep the N strongest edges under `measure`.
    public var topEdges: Int?
    /// Disparity-filter significance level (Serrano, Boguñá & Vespignani 2009).
    public var backbone: Double?
    public var since: Day?
    public var until: Day?
    public var measure: Measure

    public init(types: Set<ActorType>? = nil, minCount: Int? = nil, minDocuments: Int? = nil, topEdges: Int? = nil,
                backbone: Double? = nil, since: Day? = nil, until: Day? = nil, measure: Measure = .count) {
        self.types = types
        self.minCount = minCount
        self.minDocuments = minDocuments
        self.topEdges = topEdges
        self.backbone = backbone
        self.since = since
        self.until = until
        self.measure = measure
    }

    /// Whether the filter changes anything.
    public var isEmpty: Bool {
        types == nil && minCount == nil && minDocuments == nil && topEdges == nil && backbone == nil && since == nil && until == nil
    }
}

extension CooccurrenceGraph {
    /// The subgraph of actors of the given types and the edges between them.
    public func filtered(types: Set<ActorType>) -> CooccurrenceGraph {
        var g = self
        g.nodes = nodes.filter { types.contains($0.type) }
        let keep = Set(g.nodes.map(\.id))
        g.edges = edges.filter { keep.contains($0.source) && keep.contains($0.target) }
        return g
    }

    /// The graph after `filter`: time range first, then types, thresholds, backbone and top edges. Actors left
    /// without any edge by an edge filter are dropped too.
    public func filtered(_ filter: GraphFilter) -> CooccurrenceGraph {
        var g = self
        if filter.since != nil || filter.until != nil { g = g.restricted(since: filter.since, until: filter.until) }
        if let types = filter.types { g = g.filtered(types: types) }
        let edgesBefore = g.edges.count
        if let m = filter.minCount { g.edges.removeAll { $0.count < m } }
        if let m = filter.minDocuments { g.edges.removeAll { $0.documents < m } }
        if let alpha = filter.backbone { g = g.backbone(alpha: alpha, measure: filter.measure) }
        if let top = filter.topEdges, g.edges.count > top {
            let ranked = g.edges.sorted { a, b in
                let x = filter.measure.weight(a, in: g), y = filter.measure.weight(b, in: g)
                return x != y ? x > y : (a.source, a.target) < (b.source, b.target)
            }
            let keep = Set(ranked.prefix(top).map { "\($0.source)\u{0}\($0.target)" })
            g.edges.removeAll { !keep.contains("\($0.source)\u{0}\($0.target)") }
        }
        if g.edges.count != edgesBefore {
            var linked = Set<String>()
            for e in g.edges { linked.insert(e.source); linked.insert(e.target) }
            g.nodes.removeAll { !linked.contains($0.id) }
        }
        return g
    }

    /// The graph of the windows dated within `since...until` (inclusive). Undated windows are left out.
    /// Counts come from the per-day counts; an edge's document count is bounded by its count in range, since
    /// documents per day and pair are not stored.
    public func restricted(since: Day?, until: Day?) -> CooccurrenceGraph {
        func inRange(_ d: Day) -> Bool { (since.map { d >= $0 } ?? true) && (until.map { d <= $0 } ?? true) }
        func sum(_ days: [Day: Int]) -> Int { days.reduce(0) { inRange($1.key) ? $0 + $1.value : $0 } }
        var g = self
        g.dayTotals = dayTotals.filter { inRange($0.key) }
        g.totalWindows = g.dayTotals.values.reduce(0) { $0 + $1.windows }
        g.totalDocuments = g.dayTotals.values.reduce(0) { $0 + $1.documents }
        g.edges = edges.compactMap { e in
            let c = sum(e.days)
            guard c > 0 else { return nil }
            var r = e
            r.weight = e.count > 0 ? e.weight * Double(c) / Double(e.count) : 0
            r.count = c
            r.documents = min(e.documents, c)
            r.days = e.days.filter { inRange($0.key) }
            r.evidence = e.evidence.filter { $0.date.map(inRange) ?? false }
            return r
        }
        g.nodes = nodes.compactMap { n in
            let w = sum(n.days)
            guard w > 0 else { return nil }
            var r = n
            r.mentions = min(n.mentions, max(w, n.mentions * w / max(n.windows, 1)))
            r.windows = w
            r.documents = min(n.documents, w)
            r.days = n.days.filter { inRange($0.key) }
            return r
        }
        return g
    }
}

extension GraphFilter {
    /// Whether a document dated `date` falls in the time range (an undated one only when there is no range).
    public func admits(_ date: Day?) -> Bool {
        guard since != nil || until != nil else { return true }
        guard let d = date else { return false }
        if let s = since, d < s { return false }
        if let u = until, u < d { return false }
        return true
    }
}
