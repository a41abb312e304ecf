extension CooccurrenceGraph {
    /// Weighted PageRank on the undirected graph, by actor id; the values add up to 1.
    ///
    /// The walk leaves a node along a tie with probability proportional to the tie's weight under `measure`
    /// (negative weights count as 0); with probability `1 − damping`, and always from an actor without
    /// weighted ties, it jumps to an actor chosen uniformly. This is `networkx.pagerank(G, alpha=damping,
    /// weight="weight")`, including its stopping rule: iteration ends when the L1 change of the whole vector
    /// falls below `count × tolerance`.
    ///
    /// - Parameters:
    ///   - measure: the tie weights.
    ///   - damping: the probability of following a tie rather than jumping.
    ///   - tolerance: the per-node convergence tolerance.
    ///   - maxIterations: the most power iterations run; the last iterate is returned if they do not
    ///     converge (on an undirected graph the error shrinks at least by `damping` per step, so 200 steps
    ///     at 0.85 reach 1e-14).
    /// - Complexity: O(E) per iteration.
    public func pageRank(measure: Measure = .count, damping: Double = 0.85, tolerance: Double = 1e-10,
                         maxIterations: Int = 200) -> [String: Double] {
        let adjacency = WeightedAdjacency(self, measure: measure)
        return adjacency.byID(adjacency.pageRank(damping: damping, tolerance: tolerance, maxIterations: maxIterations))
    }
}

extension WeightedAdjacency {
    /// PageRank by node index. See `CooccurrenceGraph.pageRank(measure:damping:tolerance:maxIterations:)`.
    func pageRank(damping: Double, tolerance: Double, maxIterations: Int) -> [Double] {
        let n = count
        guard n > 0 else { return [] }
        let uniform = 1 / Double(n)
        // Each tie's share of its node's strength: the transition probability along it.
        var share = [Double](repeating: 0, count: weights.count)
        var dangling: [Int] = []
        for i in 0..<n {
            let s = strengths[i]
            if s > 0 {
                for slot in slots(of: i) { share[slot] = weights[slot] / s }
            } else {
                dangling.append(i)
            }
        }
        var rank = [Double](repeating: uniform, count: n)
        var next = [Double](repeating: 0, count: n)
        for _ in 0..<max(maxIterations, 1) {
            var danglingMass = 0.0
            for i in dangling { danglingMass += rank[i] }
            let base = damping * danglingMass * uniform + (1 - damping) * uniform
            for i in 0..<n { next[i] = 0 }
            for i in 0..<n {
                let flow = damping * rank[i]
                for slot in slots(of: i) { next[neighbors[slot]] += flow * share[slot] }
            }
            var change = 0.0
            for i in 0..<n {
                next[i] += base
                change += abs(next[i] - rank[i])
            }
            swap(&rank, &next)
            if change < Double(n) * tolerance { break }
        }
        return rank
    }
}
