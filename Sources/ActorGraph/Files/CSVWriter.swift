extension CooccurrenceGraph {
    /// The nodes as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF, quotes
    /// doubled), with a header row `id,name,type,mentions,documents,windows` and one column per attribute
    /// (a key that would shadow a fixed column is written `attr.KEY`; a node without the attribute has an
    /// empty cell). `measure` is not used by the node table; it is taken for symmetry with `csvEdges`.
    ///
    /// Text cells that would start a spreadsheet formula (`=`, `+`, `-`, `@`, tab, CR) get a leading `'`;
    /// number columns never do, so a negative value stays a number. See `ExportText.appendCSVText` for how the
    /// rule is undone exactly.
    /// - Complexity: O(nodes · attributes).
    public func csvNodes(measure: Measure = .count) -> [UInt8] {
        var o: [UInt8] = []
        o.reserveCapacity(64 + nodes.count * 80)
        func s(_ t: String) { o.append(contentsOf: t.utf8) }
        func text(_ t: String) { ExportText.appendCSVText(t, to: &o) }
        let columns = exportColumns()
        s("id,name,type,mentions,documents,windows")
        for c in columns { s(","); text(c.name) }
        s("\r\n")
        for n in nodes {
            text(n.id); s(","); text(n.name); s(","); text(n.type.rawValue)
            s(",\(n.mentions),\(n.documents),\(n.windows)")
            for c in columns {
                s(",")
                guard let v = n.attributes[c.key] else { continue }
                // Every value of a numeric column is a plain number (ExportText.isNumber): no prefix, no quotes.
                if c.isNumeric { s(v) } else { text(v) }
            }
            s("\r\n")
        }
        return o
    }

    /// The edges as CSV (RFC 4180), header `source,target,weight,count,documents`: `weight` under `measure`,
    /// then the raw counts. Ids get the same formula defence as `csvNodes`; numbers are written plain.
    /// - Complexity: O(edges).
    public func csvEdges(measure: Measure = .count) -> [UInt8] {
        var o: [UInt8] = []
        o.reserveCapacity(64 + edges.count * 48)
        func s(_ t: String) { o.append(contentsOf: t.utf8) }
        func text(_ t: String) { ExportText.appendCSVText(t, to: &o) }
        s("source,target,weight,count,documents\r\n")
        for e in edges {
            text(e.source); s(","); text(e.target); s(",")
            ExportText.appendCSVNumber(measure.weight(e, in: self), to: &o)
            s(",\(e.count),\(e.documents)\r\n")
        }
        return o
    }
}
