extension CooccurrenceGraph {
    /// Each actor's number of neighbours, by actor id (0 for an actor without ties).
    /// - Complexity: O(V + E log E).
    public func degree() -> [String: Int] {
        let adjacency = WeightedAdjacency(self, measure: .count)
        return adjacency.byID((0..<adjacency.count).map { adjacency.slots(of: $0).count })
    }

    /// Each actor's strength: the sum of its tie weights under `measure`, by actor id. Negative weights count
    /// as 0 (see `Docs/analytics.md`).
    /// - Complexity: O(V + E log E).
    public func strength(measure: Measure = .count) -> [String: Double] {
        let adjacency = WeightedAdjacency(self, measure: measure)
        return adjacency.byID(adjacency.strengths)
    }
}
