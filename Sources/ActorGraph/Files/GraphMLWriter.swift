extension CooccurrenceGraph {
    /// The graph as GraphML: an undirected `<graph>` whose node ids are actor ids, with a typed `<key>` for every
    /// field. Nodes carry name, type, mentions, documents, windows and every attribute (declared `double` when
    /// all its values are numbers, else `string`); edges carry `weight` under `measure`, the raw `count` and
    /// `documents`. Graph-level data records the window and the measure. Text is XML-escaped and characters
    /// XML 1.0 forbids are dropped, so any name reads back in NetworkX, Gephi, yEd or Cytoscape.
    ///
    /// The same graph gives the same bytes.
    /// - Complexity: O(nodes · attributes + edges).
    public func graphML(measure: Measure = .count) -> [UInt8] {
        var o: [UInt8] = []
        o.reserveCapacity(256 + nodes.count * 200 + edges.count * 120)
        func s(_ t: String) { o.append(contentsOf: t.utf8) }
        func x(_ t: String) { ExportText.appendXML(t, to: &o) }
        func key(_ id: String, _ domain: String, _ name: String, _ type: String) {
            s("  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\""); x(name); s("\" attr.type=\"\(type)\"/>\n")
        }
        func data(_ key: String, _ value: String) { s("<data key=\"\(key)\">"); x(value); s("</data>") }

        let columns = exportColumns()
        s("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        s("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        s(" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
        key("g0", "graph", "window", "string")
        key("g1", "graph", "weight_measure", "string")
        key("g2", "graph", "windows", "long")
        key("g3", "graph", "documents", "long")
        key("n0", "node", "name", "string")
        key("n1", "node", "type", "string")
        key("n2", "node", "mentions", "long")
        key("n3", "node", "documents", "long")
        key("n4", "node", "windows", "long")
        for (k, c) in columns.enumerated() { key("n\(k + 5)", "node", c.name, c.isNumeric ? "double" : "string") }
        key("e0", "edge", "weight", "double")
        key("e1", "edge", "count", "long")
        key("e2", "edge", "documents", "long")
        s("  <graph id=\"actorgraph\" edgedefault=\"undirected\">\n    ")
        data("g0", windowDescription); data("g1", measure.rawValue)
        data("g2", String(totalWindows)); data("g3", String(totalDocuments))
        s("\n")
        for n in nodes {
            s("    <node id=\""); x(n.id); s("\">")
            data("n0", n.name); data("n1", n.type.rawValue)
            data("n2", String(n.mentions)); data("n3", String(n.documents)); data("n4", String(n.windows))
            for (k, c) in columns.enumerated() {
                if let v = n.attributes[c.key] { data("n\(k + 5)", v) }
            }
            s("</node>\n")
        }
        for e in edges {
            s("    <edge source=\""); x(e.source); s("\" target=\""); x(e.target); s("\">")
            data("e0", ExportText.xmlDouble(measure.weight(e, in: self)))
            data("e1", String(e.count)); data("e2", String(e.documents))
            s("</edge>\n")
        }
        s("  </graph>\n</graphml>\n")
        return o
    }
}
