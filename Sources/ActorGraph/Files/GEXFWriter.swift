import ActorRecognition

extension CooccurrenceGraph {
    /// The graph as GEXF 1.3 (Gephi's format): undirected, node labels are names, node and edge attributes
    /// declared in `<attributes class="node">` / `class="edge"` (node attributes `double` when every value is a
    /// number, else `string`), and each edge's `weight` is its weight under `measure`, with the raw `count` and
    /// `documents` as attributes.
    ///
    /// When edges carry days (dated documents) the graph is `mode="dynamic" timeformat="date"`: each edge gets one
    /// spell per day it occurs on and each node one per day any of its edges occurs on, so Gephi's timeline
    /// shows the network growing. No timestamp of the run is written: the same graph gives the same bytes.
    /// - Complexity: O(nodes · attributes + edges · days).
    public func gexf(measure: Measure = .count) -> [UInt8] {
        var o: [UInt8] = []
        o.reserveCapacity(512 + nodes.count * 300 + edges.count * 160)
        func s(_ t: String) { o.append(contentsOf: t.utf8) }
        func x(_ t: String) { ExportText.appendXML(t, to: &o) }
        func attribute(_ id: String, _ title: String, _ type: String) {
            s("      <attribute id=\"\(id)\" title=\""); x(title); s("\" type=\"\(type)\"/>\n")
        }
        func value(_ id: String, _ v: String) { s("<attvalue for=\"\(id)\" value=\""); x(v); s("\"/>") }
        func spells(_ days: [Day]) {
            guard !days.isEmpty else { return }
            s("<spells>")
            for d in days { s("<spell start=\"\(d)\" end=\"\(d)\"/>") }
            s("</spells>")
        }

        let columns = exportColumns()
        let dynamic = edges.contains { !$0.days.isEmpty }
        var nodeDays: [String: Set<Day>] = [:]
        if dynamic {
            for e in edges where !e.days.isEmpty {
                nodeDays[e.source, default: []].formUnion(e.days.keys)
                nodeDays[e.target, default: []].formUnion(e.days.keys)
            }
        }

        s("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        s("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        s(" xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n")
        s("  <meta>\n    <creator>actorgraph</creator>\n    <description>")
        x("Actor co-occurrence graph; window \(windowDescription); edge weight \(measure.rawValue); \(totalWindows) windows in \(totalDocuments) documents")
        s("</description>\n  </meta>\n")
        s(dynamic ? "  <graph defaultedgetype=\"undirected\" mode=\"dynamic\" timeformat=\"date\">\n"
                  : "  <graph defaultedgetype=\"undirected\" mode=\"static\">\n")
        s("    <attributes class=\"node\" mode=\"static\">\n")
        attribute("n0", "type", "string")
        attribute("n1", "mentions", "long")
        attribute("n2", "documents", "long")
        attribute("n3", "windows", "long")
        for (k, c) in columns.enumerated() { attribute("n\(k + 4)", c.name, c.isNumeric ? "double" : "string") }
        s("    </attributes>\n")
        s("    <attributes class=\"edge\" mode=\"static\">\n")
        attribute("e0", "count", "long")
        attribute("e1", "documents", "long")
        s("    </attributes>\n")
        s("    <nodes>\n")
        for n in nodes {
            s("      <node id=\""); x(n.id); s("\" label=\""); x(n.name); s("\"><attvalues>")
            value("n0", n.type.rawValue)
            value("n1", String(n.mentions)); value("n2", String(n.documents)); value("n3", String(n.windows))
            for (k, c) in columns.enumerated() {
                if let v = n.attributes[c.key] { value("n\(k + 4)", v) }
            }
            s("</attvalues>")
            if let days = nodeDays[n.id] { spells(days.sorted()) }
            s("</node>\n")
        }
        s("    </nodes>\n    <edges>\n")
        for (k, e) in edges.enumerated() {
            s("      <edge id=\"\(k)\" source=\""); x(e.source); s("\" target=\""); x(e.target)
            s("\" weight=\"\(ExportText.xmlDouble(measure.weight(e, in: self)))\"><attvalues>")
            value("e0", String(e.count)); value("e1", String(e.documents))
            s("</attvalues>")
            spells(e.days.keys.sorted())
            s("</edge>\n")
        }
        s("    </edges>\n  </graph>\n</gexf>\n")
        return o
    }
}
