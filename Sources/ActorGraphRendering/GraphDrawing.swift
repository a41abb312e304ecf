import ActorGraph
import ActorRecognition
import Foundation

/// What a picture shows of each actor and tie: sizes, colours, labels, classes and tooltips, worked out once
/// and shared by the DOT source and the interactive page, so the two always agree.
struct GraphDrawing: Sendable {
    struct Node: Sendable {
        var id: String
        var name: String
        var type: ActorType
        var mentions: Int
        var documents: Int
        var degree: Int
        /// Sum of tie weights under the measure (negative weights count as 0).
        var strength: Double
        /// Weighted PageRank under the measure; ranks labels and sets their size.
        var importance: Double
        /// Community number, 0 the largest; -1 when a given community map leaves the actor out.
        var community: Int
        /// Whether the name is drawn; the others are small marks with a tooltip.
        var labelled: Bool
        var fontSize: Double
        /// Minimum (labelled) or exact (unlabelled) size in inches.
        var width: Double
        var height: Double
        var swatch: Swatch
        var tooltip: String

        /// Graphviz's `class`: its SVG writer puts `node` in front.
        var classes: String {
            "actor \(type.rawValue) " + (community >= 0 ? "community-\(community)" : "community-none")
        }
    }

    struct Edge: Sendable {
        /// `tie-N`, N counting from 1 in the graph's edge order.
        var id: String
        /// The tie's position in the graph's edges.
        var index: Int
        var source: Int
        var target: Int
        var weight: Double
        /// The weight mapped to 0...1 on a log scale; sets width and opacity.
        var scale: Double
        var width: Double
        var color: String
        /// The community both ends belong to, if they share one.
        var community: Int?
        var tooltip: String

        var classes: String { "tie " + (community.map { "community-\($0)" } ?? "between") }
    }

    struct Community: Sendable {
        var index: Int
        var members: Int
        /// The most important actor's name.
        var top: String
    }

    var nodes: [Node]
    var edges: [Edge]
    /// Communities by number, largest first.
    var communities: [Community]
    var measure: Measure
    var coloring: NodeColoring

    init(_ graph: CooccurrenceGraph, style: GraphStyle) {
        measure = style.measure
        coloring = style.coloring
        let strength = graph.strength(measure: style.measure)
        let importance = graph.pageRank(measure: style.measure)
        let degree = graph.degree()

        var community: [String: Int] = [:]
        if let given = style.communities {
            community = given
        } else {
            for (k, members) in graph.louvainCommunities(measure: style.measure).enumerated() {
                for id in members { community[id] = k }
            }
        }

        // Most important first; ties by strength, mentions, then name and id so the order is total.
        let ranked = graph.nodes.indices.sorted { a, b in
            let x = graph.nodes[a], y = graph.nodes[b]
            let kx = (importance[x.id] ?? 0, strength[x.id] ?? 0, x.mentions)
            let ky = (importance[y.id] ?? 0, strength[y.id] ?? 0, y.mentions)
            if kx != ky { return kx > ky }
            if x.name != y.name { return x.name < y.name }
            return x.id.utf8.lexicographicallyPrecedes(y.id.utf8)
        }
        var labelled = Set<Int>()
        for i in ranked.prefix(max(style.labelLimit, 0)) { labelled.insert(i) }
        if graph.nodes.count <= style.labelLimit { labelled = Set(graph.nodes.indices) }

        let maxStrength = max(strength.values.max() ?? 0, 1e-12)
        let maxImportance = max(importance.values.max() ?? 0, 1e-12)

        var sizes: [Int: Int] = [:]
        var top: [Int: String] = [:]
        for i in ranked {
            guard let c = community[graph.nodes[i].id] else { continue }
            sizes[c, default: 0] += 1
            if top[c] == nil { top[c] = graph.nodes[i].name }
        }
        communities = sizes.keys.sorted().map { Community(index: $0, members: sizes[$0]!, top: top[$0]!) }

        nodes = graph.nodes.enumerated().map { i, n in
            let s = max(0, strength[n.id] ?? 0) / maxStrength
            let p = max(0, importance[n.id] ?? 0) / maxImportance
            let c = community[n.id] ?? -1
            let isLabelled = labelled.contains(i)
            let swatch = style.coloring == .community ? Palette.swatch(ofCommunity: c) : Palette.swatch(of: n.type)
            let side = isLabelled ? 0.3 + 0.5 * s.squareRoot() : 0.12 + 0.22 * s.squareRoot()
            var tip = "\(n.name) (\(n.type.rawValue))\n\(n.mentions) mentions in \(n.documents) documents"
            tip += "\n\(degree[n.id] ?? 0) ties, strength \(CooccurrenceGraph.format(strength[n.id] ?? 0)) by \(style.measure.rawValue)"
            if c >= 0 { tip += "\ncommunity \(c + 1)" }
            return Node(
                id: n.id, name: n.name, type: n.type, mentions: n.mentions, documents: n.documents,
                degree: degree[n.id] ?? 0, strength: strength[n.id] ?? 0, importance: importance[n.id] ?? 0,
                community: c, labelled: isLabelled, fontSize: 9 + 11 * p.squareRoot(),
                width: isLabelled ? side * 1.4 : side, height: side, swatch: swatch, tooltip: tip
            )
        }

        var index: [String: Int] = [:]
        for (i, n) in graph.nodes.enumerated() { index[n.id] = i }
        let weights = graph.edges.map { style.measure.weight($0, in: graph) }
        let maxWeight = weights.lazy.filter(\.isFinite).max() ?? 0
        var edges: [Edge] = []
        edges.reserveCapacity(graph.edges.count)
        for (k, e) in graph.edges.enumerated() {
            guard let a = index[e.source], let b = index[e.target] else { continue }
            let w = weights[k]
            let t = GraphDrawing.logScale(w, max: maxWeight)
            let shared: Int? = {
                let ca = community[e.source] ?? -1
                return ca >= 0 && ca == community[e.target] ? ca : nil
            }()
            let base = style.coloring == .community && shared != nil ? Palette.swatch(ofCommunity: shared!).border : Palette.tie
            let alpha = Int((0x40 + Double(0xB8 - 0x40) * t).rounded())
            var tip = "\(graph.nodes[a].name) – \(graph.nodes[b].name)\n\(style.measure.rawValue) \(CooccurrenceGraph.format(w))"
            if style.measure != .count { tip += ", count \(e.count)" }
            tip += ", \(e.documents) document" + (e.documents == 1 ? "" : "s")
            for ev in e.evidence.prefix(style.evidenceInTooltips) {
                tip += "\n“" + GraphDrawing.shortened(ev.text, to: 240) + "”"
            }
            edges.append(Edge(
                id: "tie-\(k + 1)", index: k, source: a, target: b, weight: w, scale: t, width: 0.6 + 4.4 * t,
                color: base + String(format: "%02X", alpha), community: shared, tooltip: tip
            ))
        }
        self.edges = edges
    }

    /// `x` on a log scale where `max` maps to 1 and a tenth of `max` to about 0.28, whatever the measure's
    /// range: counts in the thousands and Dice coefficients below 1 both use the whole width range.
    static func logScale(_ x: Double, max: Double) -> Double {
        guard x.isFinite, x > 0, max > 0 else { return 0 }
        return Swift.min(1, log1p(9 * x / max) / log(10))
    }

    /// `text` cut at a word boundary to at most `limit` characters, with an ellipsis when cut.
    static func shortened(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = text.prefix(limit)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = cut[..<space]
        }
        return cut + "…"
    }
}
