import ActorRecognition
import Foundation

extension CooccurrenceGraph {
    /// Combines graphs built on disjoint parts of one corpus, given in corpus order. Since only raw counts are
    /// stored, the result is exactly the graph of the whole corpus (evidence: the first K windows in order).
    /// - Throws: `MergeError` when the graphs were built with different windows or counting.
    public static func merged(_ parts: [CooccurrenceGraph]) throws(MergeError) -> CooccurrenceGraph {
        guard let first = parts.first else { throw MergeError(message: "there are no graphs to merge") }
        for p in parts.dropFirst() where p.options.window != first.options.window || p.options.count != first.options.count {
            throw MergeError(message: "graphs built with different windows or counting cannot be merged (\(first.options.window)/\(first.options.count.rawValue) and \(p.options.window)/\(p.options.count.rawValue))")
        }
        let k = parts.map(\.options.evidencePerEdge).min() ?? first.options.evidencePerEdge
        var nodes: [String: GraphNode] = [:]
        var edges: [String: GraphEdge] = [:]
        var windows = 0, documents = 0
        var dayTotals: [Day: DayTotal] = [:]
        for p in parts {
            windows += p.totalWindows
            documents += p.totalDocuments
            for (d, t) in p.dayTotals {
                var x = dayTotals[d] ?? DayTotal(windows: 0, documents: 0)
                x.windows += t.windows
                x.documents += t.documents
                dayTotals[d] = x
            }
            for n in p.nodes {
                if var m = nodes[n.id] {
                    m.mentions += n.mentions
                    m.documents += n.documents
                    m.windows += n.windows
                    for (d, c) in n.days { m.days[d, default: 0] += c }
                    for (key, v) in n.attributes where m.attributes[key] == nil { m.attributes[key] = v }
                    nodes[n.id] = m
                } else {
                    nodes[n.id] = n
                }
            }
            for e in p.edges {
                let key = e.source + "\u{0}" + e.target
                if var m = edges[key] {
                    m.count += e.count
                    m.weight += e.weight
                    m.documents += e.documents
                    for (d, c) in e.days { m.days[d, default: 0] += c }
                    m.evidence.append(contentsOf: e.evidence.prefix(max(0, k - m.evidence.count)))
                    edges[key] = m
                } else {
                    var m = e
                    m.evidence = Array(e.evidence.prefix(k))
                    edges[key] = m
                }
            }
        }
        let byID: (String, String) -> Bool = { $0.utf8Precedes($1) }
        var options = first.options
        options.evidencePerEdge = k
        return CooccurrenceGraph(
            nodes: nodes.values.sorted { byID($0.id, $1.id) },
            edges: edges.values.sorted { $0.source != $1.source ? byID($0.source, $1.source) : byID($0.target, $1.target) },
            totalWindows: windows, totalDocuments: documents, options: options, dayTotals: dayTotals)
    }
}

/// Why graphs cannot be merged.
public struct MergeError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
