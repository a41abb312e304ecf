import ActorRecognition

/// One neighbour of an actor and how strongly they are tied.
public struct Neighbor: Sendable, Hashable {
    public var node: GraphNode
    /// The tie's weight; for actors further away, the weakest tie on the strongest route (bottleneck).
    public var weight: Double
    /// The direct tie, for depth 1.
    public var edge: GraphEdge?
    /// How many ties away the actor is.
    public var depth: Int
    /// The actor through which it is reached (depth 2 and more).
    public var via: String?
}

extension CooccurrenceGraph {
    /// The neighbours of `id` by descending weight under `measure` (ties by name), at most `top` of them.
    /// - Complexity: O(E log E).
    public func neighbors(of id: String, measure: Measure = .count, types: Set<ActorType>? = nil, top: Int? = nil) -> [Neighbor] {
        var out: [Neighbor] = []
        for edge in edges where edge.source == id || edge.target == id {
            let other = edge.source == id ? edge.target : edge.source
            guard let node = node(id: other) else { continue }
            if let types, !types.contains(node.type) { continue }
            out.append(Neighbor(node: node, weight: measure.weight(edge, in: self), edge: edge, depth: 1, via: nil))
        }
        out.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.node.name < $1.node.name }
        if let top { out = Array(out.prefix(top)) }
        return out
    }

    /// Actors up to `depth` ties from `id`: nearer first, then by descending bottleneck weight.
    public func neighborhood(of id: String, depth: Int, measure: Measure = .count, top: Int? = nil) -> [Neighbor] {
        if depth <= 1 { return neighbors(of: id, measure: measure, top: top) }
        guard let start = nodeIndex(id: id) else { return [] }
        let adj = weightedAdjacencyList(measure: measure)
        var level = [start: Double.infinity]
        var seen: Set<Int> = [start]
        var out: [Neighbor] = []
        for d in 1...depth {
            var next: [Int: (Double, Int)] = [:]
            for (u, bottleneck) in level {
                for (v, w) in adj[u] where !seen.contains(v) {
                    let b = min(bottleneck, w)
                    if let (old, via) = next[v], old > b || (old == b && via < u) { continue }
                    next[v] = (b, u)
                }
            }
            var thisLevel: [Neighbor] = []
            for (v, (b, via)) in next {
                seen.insert(v)
                let direct = d == 1 ? edges.first { ($0.source == id && $0.target == nodes[v].id) || ($0.target == id && $0.source == nodes[v].id) } : nil
                thisLevel.append(Neighbor(node: nodes[v], weight: b, edge: direct, depth: d, via: d == 1 ? nil : nodes[via].id))
            }
            thisLevel.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.node.name < $1.node.name }
            out += thisLevel
            level = Dictionary(uniqueKeysWithValues: next.map { ($0.key, $0.value.0) })
        }
        if let top { out = Array(out.prefix(top)) }
        return out
    }
}
