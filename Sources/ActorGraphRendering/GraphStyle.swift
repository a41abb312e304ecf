import ActorGraph
import ActorRecognition
import Foundation

/// How a graph is drawn: colour by type or community (shape always by type), node size by strength, label
/// size by importance (PageRank), edge width and opacity by the measure on a log scale, labels only on the
/// most important nodes of a large graph, and a heading with the title and a legend.
///
/// The same graph and style give the same DOT text, and so the same picture: nodes and edges keep the
/// graph's sorted order, and the layout's random seed is fixed.
public struct GraphStyle: Sendable {
    /// The measure that sets node strength, edge widths and communities.
    public var measure: Measure
    /// The heading's first line; nil for none.
    public var title: String?
    /// Graphs with more nodes than this label only the this many most important; the rest show a tooltip.
    public var labelLimit: Int
    /// What node colour shows.
    public var coloring: NodeColoring
    /// Community numbers by actor id (0 the largest) to use instead of Louvain communities under `measure`.
    public var communities: [String: Int]?
    /// Evidence sentences shown in an edge's tooltip.
    public var evidenceInTooltips: Int

    public init(measure: Measure = .count, title: String? = nil, labelLimit: Int = 60, coloring: NodeColoring = .type,
                communities: [String: Int]? = nil, evidenceInTooltips: Int = 2) {
        self.measure = measure
        self.title = title
        self.labelLimit = labelLimit
        self.coloring = coloring
        self.communities = communities
        self.evidenceInTooltips = evidenceInTooltips
    }

    /// The default title: the input's name without folders or extension, then the window and the measure,
    /// such as `diplomacy: actors in the same sentence, ties by count`.
    public static func defaultTitle(input: String, graph: CooccurrenceGraph, measure: Measure) -> String {
        var name = input
        while name.count > 1, name.hasSuffix("/") { name.removeLast() }
        if let slash = name.lastIndex(of: "/") { name = String(name[name.index(after: slash)...]) }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        if name.isEmpty || name == "-" { name = "standard input" }
        let window: String
        switch graph.options.window {
        case .sentence: window = "in the same sentence"
        case .paragraph: window = "in the same paragraph"
        case .document: window = "in the same document"
        case .tokens(let k): window = "at most \(k) tokens apart"
        case .decay(let lambda, let reach):
            window = "up to \(reach) sentences apart (decay \(CooccurrenceGraph.format(lambda)))"
        }
        return "\(name): actors \(window), ties by \(measure.rawValue)"
    }

    /// The styled DOT text for `graph`, laid out by `engine`.
    public func dot(for graph: CooccurrenceGraph, engine: LayoutEngine) -> String {
        dot(for: graph, drawing: GraphDrawing(graph, style: self), engine: engine)
    }

    func dot(for graph: CooccurrenceGraph, drawing: GraphDrawing, engine: LayoutEngine) -> String {
        var w = DOTWriter()
        w.graphAttributes([
            ("fontname", "DejaVu Sans"), ("fontcolor", Palette.text), ("bgcolor", "white"), ("pad", "0.4"),
            ("outputorder", "edgesfirst"),
        ] + LayoutPolicy.attributes(engine: engine, nodes: graph.nodes.count, edges: graph.edges.count))
        w.raw("  graph [labelloc=\"t\", labeljust=\"l\", label=<\(heading(graph, drawing: drawing, engine: engine))>];")
        w.nodeDefaults([
            ("fontname", "DejaVu Sans"), ("fontcolor", Palette.text), ("penwidth", "1.2"), ("margin", "0.08,0.03"),
        ])
        w.edgeDefaults([("fontname", "DejaVu Sans")])

        for n in drawing.nodes {
            var (shape, style) = Palette.shape(of: n.type)
            if !n.labelled, n.type == .country { shape = "circle" }
            var attrs: DOTWriter.Attributes = [
                ("id", Markup.graphviz(n.id)), ("class", Markup.graphviz(n.classes)),
                ("shape", shape), ("style", style), ("fillcolor", n.swatch.fill), ("color", n.swatch.border),
                ("tooltip", Markup.graphviz(n.tooltip)),
                ("width", String(format: "%.2f", n.width)), ("height", String(format: "%.2f", n.height)),
            ]
            if n.labelled {
                attrs += [("label", Markup.graphviz(n.name)), ("fontsize", String(format: "%.1f", n.fontSize))]
                // A hexagon is drawn around the label's box, so its own margin is kept narrow.
                if n.type == .organization { attrs.append(("margin", "0.02,0.03")) }
            } else {
                attrs += [("label", ""), ("fixedsize", "true"), ("penwidth", "0.8")]
            }
            w.node(n.id, attrs)
        }
        for e in drawing.edges {
            // dot wants whole-number weights; the others use them as spring strengths.
            let springs = 1 + Int((4 * e.scale).rounded())
            var attrs: DOTWriter.Attributes = [
                ("id", e.id), ("class", e.classes), ("penwidth", String(format: "%.2f", e.width)),
                ("color", e.color), ("weight", String(springs)), ("tooltip", Markup.graphviz(e.tooltip)),
            ]
            if engine == .neato { attrs.append(("len", String(format: "%.2f", 1.6 - 0.7 * e.scale))) }
            w.edge(drawing.nodes[e.source].id, drawing.nodes[e.target].id, attrs)
        }
        return w.text
    }

    /// The graph's label: title, a line of facts, and the legend, as a Graphviz HTML-like label (a table),
    /// which every engine places the same way, unlike a cluster, which only dot and fdp draw.
    func heading(_ graph: CooccurrenceGraph, drawing: GraphDrawing, engine: LayoutEngine) -> String {
        func cell(_ content: String, size: Double, color: String = Palette.text) -> String {
            "<td align=\"left\" balign=\"left\"><font point-size=\"\(CooccurrenceGraph.format(size))\" color=\"\(color)\">\(content)</font></td>"
        }
        var rows: [String] = []
        if let title, !title.isEmpty {
            rows.append("<tr>" + cell(Markup.label(title), size: 22) + "</tr>")
        }
        let facts = "\(graph.nodes.count) actors, \(graph.edges.count) ties, \(graph.totalDocuments) documents. "
            + "Size: strength; width: \(measure.rawValue); colour: \(coloring.rawValue); layout: \(engine.rawValue)"
            + (drawing.nodes.count > labelLimit ? "; the \(labelLimit) most central actors are named" : "") + "."
        rows.append("<tr>" + cell(Markup.label(facts), size: 12, color: Palette.muted) + "</tr>")

        var shapes: [String] = []
        for t in ActorType.allCases where graph.nodes.contains(where: { $0.type == t }) {
            let color = coloring == .type ? Palette.swatch(of: t).border : Palette.muted
            shapes.append("<font color=\"\(color)\">\(Palette.glyph(of: t))</font> \(t.rawValue)")
        }
        var groups: [String] = []
        if coloring == .community {
            for c in drawing.communities where c.index >= 0 && c.index < Palette.communities.count {
                let swatch = Palette.swatch(ofCommunity: c.index)
                groups.append("<font color=\"\(swatch.border)\">■</font> \(Markup.escaped(c.top)) (\(c.members))")
            }
            let rest = drawing.communities.filter { $0.index >= Palette.communities.count || $0.index < 0 }
            if !rest.isEmpty {
                let members = rest.reduce(0) { $0 + $1.members }
                let what = rest.count == 1 ? "1 smaller community" : "\(rest.count) smaller communities"
                groups.append("<font color=\"\(Palette.otherCommunities.border)\">■</font> \(what) (\(members))")
            }
        }
        // Shapes on one line, then communities four to a line, which keeps the legend narrower than most
        // pictures.
        var lines = [shapes]
        for start in stride(from: 0, to: groups.count, by: 4) { lines.append(Array(groups[start..<min(groups.count, start + 4)])) }
        for line in lines where !line.isEmpty {
            rows.append("<tr>" + cell(line.joined(separator: "    "), size: 13, color: Palette.muted) + "</tr>")
        }
        return "<table border=\"0\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"1\">" + rows.joined() + "</table>"
    }

    /// Lays out and renders `graph` as a picture (SVG, PNG or PDF).
    public func render(_ graph: CooccurrenceGraph, engine: LayoutEngine, format: RenderFormat) throws(GraphvizError) -> [UInt8] {
        try Graphviz.render(dot: dot(for: graph, engine: engine), engine: engine, format: format)
    }

    /// Lays out and renders `graph` as a picture or as the interactive page, or returns the styled source
    /// (with the layout engine's settings, not laid out) for `.gv`.
    public func render(_ graph: CooccurrenceGraph, engine: LayoutEngine, format: OutputFormat) throws(GraphvizError) -> [UInt8] {
        let drawing = GraphDrawing(graph, style: self)
        let source = dot(for: graph, drawing: drawing, engine: engine)
        guard let drawn = format.graphviz else { return Array(source.utf8) }
        let picture = try Graphviz.render(dot: source, engine: engine, format: drawn)
        guard format == .html else { return picture }
        return InteractivePage(graph: graph, drawing: drawing, style: self, engine: engine).html(svg: picture)
    }
}
