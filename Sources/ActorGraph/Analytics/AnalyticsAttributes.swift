extension CooccurrenceGraph {
    /// Every analytic of each actor as text, ready to be written as node attributes by an exporter:
    /// actor id → `degree`, `strength`, `pagerank`, `betweenness` (normalized), `component` and `community`.
    /// Numbers are written with `CooccurrenceGraph.format`; `component` and `community` are the group's
    /// position in `connectedComponents()` and `louvainCommunities(measure:)`, so 0 is the largest.
    /// Analytics use default parameters; weights come from `measure`.
    /// - Complexity: dominated by betweenness, O(V · E log V).
    public func analyticsAttributes(measure: Measure = .count) -> [String: [String: String]] {
        let adjacency = WeightedAdjacency(self, measure: measure)
        let pageRank = adjacency.pageRank(damping: 0.85, tolerance: 1e-10, maxIterations: 200)
        let betweenness = adjacency.betweenness(normalized: true)
        var component = [Int](repeating: 0, count: adjacency.count)
        for (k, group) in adjacency.sortedGroups(adjacency.components()).enumerated() {
            for id in group { component[adjacency.index[id]!] = k }
        }
        var community = [Int](repeating: 0, count: adjacency.count)
        for (k, group) in adjacency.communities(membership: adjacency.louvain(resolution: 1, seed: 1)).enumerated() {
            for id in group { community[adjacency.index[id]!] = k }
        }
        var out: [String: [String: String]] = [:]
        out.reserveCapacity(adjacency.count)
        for i in 0..<adjacency.count {
            out[adjacency.ids[i]] = [
                "degree": String(adjacency.slots(of: i).count),
                "strength": Self.format(adjacency.strengths[i]),
                "pagerank": Self.format(pageRank[i]),
                "betweenness": Self.format(betweenness[i]),
                "component": String(component[i]),
                "community": String(community[i]),
            ]
        }
        return out
    }
}

extension CooccurrenceGraph {
    /// The graph with every node's analytics (degree, strength, PageRank, betweenness, component, community)
    /// added to its attributes, so every export carries them.
    public func withAnalytics(measure: Measure = .count) -> CooccurrenceGraph {
        var g = self
        let values = analyticsAttributes(measure: measure)
        for k in g.nodes.indices {
            for (key, value) in values[g.nodes[k].id] ?? [:] { g.nodes[k].attributes[key] = value }
        }
        return g
    }
}
