import ActorRecognition

/// One neighbour of an actor and how strongly they are tied.
public struct Neighbor: Sendable, Hashable {
    public var node: GraphNode
    public var weight: Double
    public var edge: GraphEdge
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
            out.append(Neighbor(node: node, weight: measure.weight(edge, in: self), edge: edge))
        }
        out.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.node.name < $1.node.name }
        if let top { out = Array(out.prefix(top)) }
        return out
    }
}
