extension CooccurrenceGraph {
    /// The modularity of a partition of the actors into communities under `measure`:
    /// Q = Σ_c [ L_c / m − resolution · (D_c / 2m)² ], where m is the total tie weight, L_c the weight of
    /// the ties inside community c and D_c the summed strength of its actors. Negative weights count as 0.
    /// This is `networkx.community.modularity(G, communities, weight="weight", resolution=resolution)`.
    ///
    /// Ids that are not actors of the graph are ignored, an actor in no community counts as a community of
    /// its own, and an actor listed twice belongs to the last community that lists it. A graph without
    /// weighted ties has modularity 0.
    /// - Complexity: O(V + E log E).
    public func modularity(of communities: [[String]], measure: Measure = .count, resolution: Double = 1) -> Double {
        let adjacency = WeightedAdjacency(self, measure: measure)
        var membership = Array(0..<adjacency.count).map { -1 - $0 }  // singletons get their own negative label
        for (c, community) in communities.enumerated() {
            for id in community {
                if let i = adjacency.index[id] { membership[i] = c }
            }
        }
        return adjacency.modularity(membership: membership, resolution: resolution)
    }
}

extension WeightedAdjacency {
    /// Modularity of a partition given as a community label per node index (any distinct integers).
    func modularity(membership: [Int], resolution: Double) -> Double {
        let m = totalWeight
        guard m > 0 else { return 0 }
        var inside: [Int: Double] = [:]
        var strength: [Int: Double] = [:]
        for i in 0..<count {
            strength[membership[i], default: 0] += strengths[i]
            for slot in slots(of: i) where i < neighbors[slot] && membership[neighbors[slot]] == membership[i] {
                inside[membership[i], default: 0] += weights[slot]
            }
        }
        var q = 0.0
        for label in strength.keys.sorted() {
            let d = strength[label]! / (2 * m)
            q += (inside[label] ?? 0) / m - resolution * d * d
        }
        return q
    }
}
