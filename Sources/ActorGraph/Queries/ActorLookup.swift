import ActorRecognition

/// Finds an actor of a graph from what a user types: its id, its name or any alias, case-insensitively.
public struct ActorLookup: Sendable {
    private var byKey: [String: String] = [:]
    private let graph: CooccurrenceGraph

    /// - Parameters:
    ///   - graph: the graph whose nodes can be found.
    ///   - gazetteer: aliases to accept besides node ids and names.
    public init(graph: CooccurrenceGraph, gazetteer: Gazetteer?) {
        self.graph = graph
        if let gazetteer {
            for alias in gazetteer.aliases {
                let id = gazetteer.actors[alias.actor].id
                if graph.nodeIndex(id: id) != nil { byKey[ActorLookup.key(alias.text)] = id }
            }
        }
        for node in graph.nodes {
            byKey[ActorLookup.key(node.name)] = node.id
            byKey[ActorLookup.key(node.id)] = node.id
        }
    }

    /// Case-folded, dots removed, spaces collapsed: "U.S." = "us", "qatar" = "Qatar".
    static func key(_ s: String) -> String {
        s.lowercased().filter { $0 != "." }.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).joined(separator: " ")
    }

    /// The node id that `query` names.
    public func resolve(_ query: String) -> String? {
        byKey[ActorLookup.key(query)]
    }

    /// Up to `limit` node names closest to `query` (edit distance on the lookup keys), for "did you mean".
    public func suggestions(for query: String, limit: Int = 3) -> [String] {
        let q = Array(ActorLookup.key(query).unicodeScalars)
        var scored: [(Int, String)] = []
        for node in graph.nodes {
            let k = Array(ActorLookup.key(node.name).unicodeScalars)
            var d = ActorLookup.distance(q, k)
            if k.starts(with: q) || (q.count >= 3 && String(String.UnicodeScalarView(k)).contains(String(String.UnicodeScalarView(q)))) { d = min(d, 1) }
            scored.append((d, node.name))
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        let cutoff = max(2, q.count / 2)
        return scored.prefix(limit).filter { $0.0 <= cutoff }.map(\.1)
    }

    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = prev
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
