import ActorRecognition

extension CooccurrenceGraph {
    /// The subgraph of actors of the given types and the edges between them.
    public func filtered(types: Set<ActorType>) -> CooccurrenceGraph {
        var g = self
        g.nodes = nodes.filter { types.contains($0.type) }
        let keep = Set(g.nodes.map(\.id))
        g.edges = edges.filter { keep.contains($0.source) && keep.contains($0.target) }
        return g
    }
}
