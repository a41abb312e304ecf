/// The graph as index-based adjacency, the form every analytic works on: node `i` is `graph.nodes[i]`, and
/// node `i`'s neighbours are `neighbors[offsets[i]..<offsets[i + 1]]` (sorted by index) with the tie weights
/// beside them in `weights`. Each undirected tie appears twice, once from each end.
///
/// Weights are the measure's weights clamped to be non-negative: PMI and NPMI are negative for pairs that
/// co-occur less than chance predicts, and no analytic here has a meaning for a negative tie (PageRank would
/// walk it with negative probability, Dijkstra cannot take a negative length, modularity would reward
/// separating the pair). Such a tie, and any weight that is not a finite number, counts as 0: it still makes
/// the two actors neighbours (degree, components) but carries no strength, no walk and no path.
struct WeightedAdjacency: Sendable {
    /// Actor ids by node index, in `graph.nodes` order.
    let ids: [String]
    /// Node index by actor id.
    let index: [String: Int]
    /// `offsets[i]..<offsets[i + 1]` is node `i`'s slice of `neighbors` and `weights`.
    let offsets: [Int]
    let neighbors: [Int]
    let weights: [Double]
    /// Sum of each node's tie weights.
    let strengths: [Double]
    /// Sum of all tie weights, each tie counted once (m in the modularity formula).
    let totalWeight: Double

    var count: Int { ids.count }
    /// Number of undirected ties.
    var edgeCount: Int { neighbors.count / 2 }

    /// The slots of node `i`'s ties in `neighbors` and `weights`.
    func slots(of i: Int) -> Range<Int> { offsets[i]..<offsets[i + 1] }

    /// The adjacency of `graph` with weights under `measure`, clamped as the type's documentation says.
    /// - Complexity: O(V + E log E).
    init(_ graph: CooccurrenceGraph, measure: Measure) {
        var index: [String: Int] = [:]
        index.reserveCapacity(graph.nodes.count)
        for (i, node) in graph.nodes.enumerated() { index[node.id] = i }
        var ties: [(Int, Int, Double)] = []
        ties.reserveCapacity(graph.edges.count)
        for edge in graph.edges {
            guard let a = index[edge.source], let b = index[edge.target] else { continue }
            ties.append((a, b, measure.weight(edge, in: graph)))
        }
        self.init(ids: graph.nodes.map(\.id), ties: ties)
    }

    /// An adjacency from node ids and ties given as (index, index, weight). Self-ties are dropped (the graph
    /// never has them); a pair given twice is one tie with the weights added.
    init(ids: [String], ties: [(Int, Int, Double)]) {
        let n = ids.count
        var rows = [[(Int, Double)]](repeating: [], count: n)
        for (a, b, w) in ties where a != b && rows.indices.contains(a) && rows.indices.contains(b) {
            let clamped = WeightedAdjacency.analyticsWeight(w)
            rows[a].append((b, clamped))
            rows[b].append((a, clamped))
        }
        var offsets = [0]
        offsets.reserveCapacity(n + 1)
        var neighbors: [Int] = []
        var weights: [Double] = []
        var strengths = [Double](repeating: 0, count: n)
        var total = 0.0
        for i in 0..<n {
            rows[i].sort { $0.0 < $1.0 }
            for (j, w) in rows[i] {
                if neighbors.count > offsets[i], neighbors[neighbors.count - 1] == j {
                    weights[weights.count - 1] += w
                } else {
                    neighbors.append(j)
                    weights.append(w)
                }
                strengths[i] += w
                if i < j { total += w }
            }
            offsets.append(neighbors.count)
        }
        var index: [String: Int] = [:]
        index.reserveCapacity(n)
        for (i, id) in ids.enumerated() { index[id] = i }
        self.ids = ids
        self.index = index
        self.offsets = offsets
        self.neighbors = neighbors
        self.weights = weights
        self.strengths = strengths
        self.totalWeight = total
        assert(offsets.count == n + 1 && neighbors.count == weights.count && neighbors.count % 2 == 0)
    }

    /// The weight analytics use for a measure's weight: itself when positive and finite, else 0.
    static func analyticsWeight(_ w: Double) -> Double { w.isFinite && w > 0 ? w : 0 }

    /// Per-node values keyed by actor id.
    func byID<Value>(_ values: [Value]) -> [String: Value] {
        precondition(values.count == ids.count)
        return Dictionary(uniqueKeysWithValues: zip(ids, values))
    }

    /// Groups of node indices as groups of actor ids, each sorted by id, the groups by size (largest first)
    /// and then by their first id.
    func sortedGroups(_ groups: [[Int]]) -> [[String]] {
        let sorted = groups.filter { !$0.isEmpty }.map { $0.sorted() }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
        return sorted.map { $0.map { ids[$0] } }
    }
}
