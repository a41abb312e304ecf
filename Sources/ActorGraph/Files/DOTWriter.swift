/// Writes Graphviz DOT text with correct quoting, so any name survives `dot` and libcgraph.
public struct DOTWriter {
    /// Attributes of one statement, written in the order given.
    public typealias Attributes = [(String, String)]

    private var lines: [String] = []
    private let name: String

    public init(graphName: String = "actorgraph") { self.name = graphName }

    /// A DOT double-quoted string: `"` and `\` escaped, line breaks written as `\n` (Graphviz's centred line
    /// break), other control characters and the noncharacters U+FFFE/U+FFFF dropped.
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
                // U+FFFE and U+FFFF too: Graphviz copies them into SVG, where XML forbids them.
                if u.value < 0x20 || u.value == 0x7F || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        out += "\""
        return out
    }

    static func attributeList(_ a: Attributes) -> String {
        a.isEmpty ? "" : " [" + a.map { "\(key($0.0))=\(quote($0.1))" }.joined(separator: ", ") + "]"
    }

    /// An attribute name as a DOT ID: plain when it is one (letters, digits, '_', not starting with a digit),
    /// quoted otherwise (`attr.motto`).
    static func key(_ k: String) -> String {
        let plain = !k.isEmpty && k.utf8.allSatisfy { $0 == UInt8(ascii: "_") || UTF8ClassesLite.isAlnum($0) }
            && !(k.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? true)
        return plain ? k : quote(k)
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

    /// A number for tables, DOT and attributes: integers plain, others rounded to 6 decimals, always a valid
    /// JSON number ("0.333333", "1", "-0.5", "0"). No measure or analytic gives a value that is not finite; were
    /// one to, it is written 0 (as the analytics count it), never `inf` or `nan`.
    public static func format(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let scaled = (v * 1_000_000).rounded()
        if scaled == 0 { return "0" }
        if abs(scaled) >= 1e15 { return "\(v)" }
        let negative = scaled < 0
        let units = Int64(abs(scaled))
        let whole = units / 1_000_000, fraction = units % 1_000_000
        var s = (negative ? "-" : "") + String(whole)
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 6 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            s += "." + digits
        }
        return s
    }
}

enum UTF8ClassesLite {
    static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }
}
