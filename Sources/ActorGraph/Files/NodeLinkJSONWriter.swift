import ActorRecognition

extension CooccurrenceGraph {
    /// The graph as node-link JSON, the shape D3 and NetworkX share:
    /// `{"directed": false, "multigraph": false, "graph": {…}, "nodes": […], "links": […]}`.
    ///
    /// `graph` holds the build options, the measure and the totals. Each node holds `id`, `name`, `type`,
    /// `mentions`, `documents`, `windows` and every attribute as a flat key (a number when every value of that
    /// attribute is one; a key that would shadow a fixed field is written `attr.KEY`). Each link holds `source`,
    /// `target`, `weight` under `measure`, the raw `count` and `documents`, and `days` when the corpus is dated.
    /// The edge key is `links` (D3's convention): read it with `networkx.node_link_graph(data, edges="links")`.
    /// Strings are escaped with `JSONText`, so the file is inert inside an HTML `<script>` block too.
    ///
    /// The same graph gives the same bytes.
    /// - Complexity: O(nodes · attributes + edges · days).
    public func nodeLinkJSON(measure: Measure = .count) -> [UInt8] {
        var o: [UInt8] = []
        o.reserveCapacity(256 + nodes.count * 160 + edges.count * 120)
        func s(_ t: String) { o.append(contentsOf: t.utf8) }
        func q(_ t: String) { JSONText.appendString(t, to: &o) }

        let columns = exportColumns()
        s("{\"directed\": false, \"multigraph\": false,\n")
        s(" \"graph\": {\"name\": \"actorgraph\", \"window\": "); q(windowDescription)
        s(", \"evidence\": \(options.evidencePerEdge), \"weight_measure\": \"\(measure.rawValue)\"")
        s(", \"windows\": \(totalWindows), \"documents\": \(totalDocuments)},\n")
        s(" \"nodes\": [")
        for (k, n) in nodes.enumerated() {
            s(k == 0 ? "\n  " : ",\n  ")
            s("{\"id\": "); q(n.id)
            s(", \"name\": "); q(n.name)
            s(", \"type\": \"\(n.type.rawValue)\", \"mentions\": \(n.mentions), \"documents\": \(n.documents), \"windows\": \(n.windows)")
            for c in columns {
                guard let v = n.attributes[c.key] else { continue }
                s(", "); q(c.name); s(": ")
                // Rewritten rather than copied: a numeric value may be `1.`, which JSON does not accept.
                if c.isNumeric, let d = Double(v) { s(JSONText.number(d)) } else { q(v) }
            }
            s("}")
        }
        s(nodes.isEmpty ? "],\n" : "\n ],\n")
        s(" \"links\": [")
        for (k, e) in edges.enumerated() {
            s(k == 0 ? "\n  " : ",\n  ")
            s("{\"source\": "); q(e.source)
            s(", \"target\": "); q(e.target)
            s(", \"weight\": \(ExportText.number(measure.weight(e, in: self)) ?? "null")")
            s(", \"count\": \(e.count), \"documents\": \(e.documents)")
            if !e.days.isEmpty {
                s(", \"days\": {")
                for (j, d) in e.days.keys.sorted().enumerated() {
                    if j > 0 { s(", ") }
                    s("\"\(d)\": \(e.days[d]!)")
                }
                s("}")
            }
            s("}")
        }
        s(edges.isEmpty ? "]\n}\n" : "\n ]\n}\n")
        return o
    }
}
