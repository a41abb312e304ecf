/// Writes Graphviz DOT text with correct quoting, so any name survives `dot` and libcgraph.
public struct DOTWriter {
    /// Attributes of one statement, written in the order given.
    public typealias Attributes = [(String, String)]

    private var lines: [String] = []
    private let name: String

    public init(graphName: String = "actorgraph") { self.name = graphName }

    /// A DOT double-quoted string: `"` and `\` escaped, line breaks written as `\n` (Graphviz's centred line
    /// break), other control characters dropped.
    public static func quote(_ s: String) -> String {
        var out = "\""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count + 2)
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                if u.value < 0x20 || u.value == 0x7F { continue }
                out.unicodeScalars.append(u)
            }
        }
        out += "\""
        return out
    }

    static func attributeList(_ a: Attributes) -> String {
        a.isEmpty ? "" : " [" + a.map { "\($0.0)=\(quote($0.1))" }.joined(separator: ", ") + "]"
    }

    public mutating func graphAttributes(_ a: Attributes) { lines.append("  graph" + DOTWriter.attributeList(a) + ";") }
    public mutating func nodeDefaults(_ a: Attributes) { lines.append("  node" + DOTWriter.attributeList(a) + ";") }
    public mutating func edgeDefaults(_ a: Attributes) { lines.append("  edge" + DOTWriter.attributeList(a) + ";") }
    public mutating func node(_ id: String, _ a: Attributes) { lines.append("  " + DOTWriter.quote(id) + DOTWriter.attributeList(a) + ";") }
    public mutating func edge(_ a: String, _ b: String, _ attrs: Attributes) {
        lines.append("  " + DOTWriter.quote(a) + " -- " + DOTWriter.quote(b) + DOTWriter.attributeList(attrs) + ";")
    }
    /// Raw DOT lines (a legend subgraph, say) added as they are.
    public mutating func raw(_ line: String) { lines.append(line) }

    /// The finished DOT text of an undirected graph.
    public var text: String { "graph " + DOTWriter.quote(name) + " {\n" + lines.joined(separator: "\n") + "\n}\n" }
}

extension CooccurrenceGraph {
    /// Plain DOT of the graph: one node per actor with its name, type and counts, one edge per tie with its
    /// weight under `measure`.
    public func dot(measure: Measure = .count) -> String {
        var w = DOTWriter()
        w.graphAttributes([("window", options.window.description), ("weight_measure", measure.rawValue)])
        for n in nodes {
            var attrs: DOTWriter.Attributes = [("label", n.name), ("type", n.type.rawValue), ("mentions", String(n.mentions)), ("documents", String(n.documents))]
            for key in n.attributes.keys.sorted() { attrs.append((key, n.attributes[key]!)) }
            w.node(n.id, attrs)
        }
        for e in edges {
            w.edge(e.source, e.target, [("weight", Self.format(measure.weight(e, in: self))), ("count", String(e.count)), ("documents", String(e.documents))])
        }
        return w.text
    }

    /// A number for DOT, JSON and CSV: integers plain, others with up to 6 significant decimals.
    public static func format(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        var s = String(format6: v)
        while s.contains("."), s.hasSuffix("0") { s.removeLast() }
        return s
    }
}

extension String {
    init(format6 v: Double) {
        let scaled = (v * 1_000_000).rounded() / 1_000_000
        self = "\(scaled)"
    }
}
