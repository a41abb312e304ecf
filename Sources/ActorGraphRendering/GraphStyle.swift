import ActorGraph
import ActorRecognition
import Foundation

/// How a graph is drawn: colour and shape by actor type, node size by strength, edge width by weight
/// (log-scaled), readable labels and a legend. Produces DOT for `Graphviz.render`.
public struct GraphStyle: Sendable {
    /// The measure that sets edge widths.
    public var measure: Measure
    /// A title drawn above the graph.
    public var title: String?
    /// Above this many nodes, only the most important ones carry visible labels.
    public var labelLimit: Int

    public init(measure: Measure = .count, title: String? = nil, labelLimit: Int = 60) {
        self.measure = measure
        self.title = title
        self.labelLimit = labelLimit
    }

    /// Fill colour and shape of each type (colour-blind-safe palette).
    public static func look(of type: ActorType) -> (fill: String, shape: String) {
        switch type {
        case .country: return ("#4E79A7", "ellipse")
        case .person: return ("#F28E2B", "box")
        case .organization: return ("#59A14F", "hexagon")
        }
    }

    /// The styled DOT text for `graph`, laid out by `engine`.
    public func dot(for graph: CooccurrenceGraph, engine: LayoutEngine) -> String {
        var w = DOTWriter()
        var graphAttrs: DOTWriter.Attributes = [
            ("fontname", "DejaVu Sans"), ("bgcolor", "white"), ("pad", "0.3"), ("outputorder", "edgesfirst"),
            ("overlap", engine == .dot ? "true" : "prism"), ("splines", engine == .dot ? "true" : "true"),
            ("sep", "+6"), ("start", "7"),
        ]
        if engine == .dot { graphAttrs.append(("rankdir", "LR")) }
        if let title {
            graphAttrs += [("label", title), ("labelloc", "t"), ("fontsize", "18")]
        }
        w.graphAttributes(graphAttrs)
        w.nodeDefaults([("style", "filled"), ("fontname", "DejaVu Sans"), ("fontcolor", "white"), ("penwidth", "0")])
        w.edgeDefaults([("color", "#88888899")])

        var strength: [String: Double] = [:]
        var maxWeight = 0.0
        for e in graph.edges {
            let x = max(0, measure.weight(e, in: graph))
            strength[e.source, default: 0] += x
            strength[e.target, default: 0] += x
            maxWeight = max(maxWeight, x)
        }
        let maxStrength = strength.values.max() ?? 1
        let ranked = graph.nodes.sorted { (strength[$0.id] ?? 0, $1.name) > (strength[$1.id] ?? 0, $0.name) }
        let labelled = Set(ranked.prefix(labelLimit).map(\.id))
        for n in graph.nodes {
            let (fill, shape) = GraphStyle.look(of: n.type)
            let s = (strength[n.id] ?? 0) / max(maxStrength, 1e-9)
            let fontsize = 10 + 8 * sqrt(s)
            var tooltip = "\(n.name) (\(n.type.rawValue)): \(n.mentions) mentions in \(n.documents) documents"
            if let c = n.attributes["country"] { tooltip += "; country \(c)" }
            var attrs: DOTWriter.Attributes = [
                ("id", n.id), ("class", "actor \(n.type.rawValue)"),
                ("label", labelled.contains(n.id) ? n.name : ""),
                ("shape", shape), ("fillcolor", fill), ("fontsize", String(format: "%.1f", fontsize)),
                ("tooltip", tooltip),
            ]
            if !labelled.contains(n.id) { attrs += [("width", "0.2"), ("height", "0.2"), ("fixedsize", "true")] }
            w.node(n.id, attrs)
        }
        for (k, e) in graph.edges.enumerated() {
            let x = max(0, measure.weight(e, in: graph))
            let width = 0.6 + 4.4 * log1p(x) / log1p(max(maxWeight, 1e-9))
            var tip = "\(graph.node(id: e.source)?.name ?? e.source) – \(graph.node(id: e.target)?.name ?? e.target): \(measure.rawValue) \(CooccurrenceGraph.format(x))"
            if let ev = e.evidence.first { tip += "\n“\(ev.text.prefix(240))”" }
            w.edge(e.source, e.target, [
                ("id", "edge\(k + 1)"), ("class", "tie"), ("penwidth", String(format: "%.2f", width)),
                ("weight", String(max(1, Int(x.rounded())))), ("tooltip", tip),
            ])
        }
        // Legend: one node per type present, in a cluster of its own.
        let types = ActorType.allCases.filter { t in graph.nodes.contains { $0.type == t } }
        if !types.isEmpty {
            w.raw("  subgraph cluster_legend {")
            w.raw("    label=\"Legend\"; fontsize=\"12\"; fontname=\"DejaVu Sans\"; color=\"#cccccc\"; style=\"rounded\";")
            for t in types {
                let (fill, shape) = GraphStyle.look(of: t)
                w.raw("    \(DOTWriter.quote("legend:" + t.rawValue)) [id=\(DOTWriter.quote("legend-" + t.rawValue)), class=\"legend\", label=\(DOTWriter.quote(t.rawValue)), shape=\(shape), fillcolor=\(DOTWriter.quote(fill)), fontsize=\"11\"];")
            }
            w.raw("  }")
        }
        return w.text
    }

    /// Lays out and renders `graph`.
    public func render(_ graph: CooccurrenceGraph, engine: LayoutEngine, format: RenderFormat) throws(GraphvizError) -> [UInt8] {
        try Graphviz.render(dot: dot(for: graph, engine: engine), engine: engine, format: format)
    }
}
