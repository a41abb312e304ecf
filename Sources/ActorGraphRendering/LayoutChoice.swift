/// The layout the user asks for: a Graphviz engine, or `auto` to choose one by the graph's size.
public enum LayoutChoice: String, CaseIterable, Sendable {
    case auto, dot, neato, fdp, sfdp, circo, twopi

    /// The engine itself, or nil for `auto`.
    public var engine: LayoutEngine? { LayoutEngine(rawValue: rawValue) }
}

/// The `dot` engine was asked to lay out a graph it would take minutes over.
public struct LayoutRefusal: Error, CustomStringConvertible, Equatable, Sendable {
    public var engine: LayoutEngine
    public var nodes: Int
    public var edges: Int

    public var description: String {
        let limit = engine == .circo
            ? "at most \(LayoutPolicy.circoMaxNodes) nodes"
            : "at most \(LayoutPolicy.dotMaxNodes) nodes and \(LayoutPolicy.dotMaxEdges) edges"
        return "the graph has \(nodes) nodes and \(edges) edges, more than the \(engine.rawValue) engine lays out in "
            + "reasonable time (\(limit)); use --layout sfdp, which draws graphs of this size in seconds."
    }
}

/// Which engine `auto` picks, which sizes an engine refuses, and how each size is drawn.
///
/// The thresholds come from timing libgvc on generated graphs (see `Docs/rendering.md`).
public enum LayoutPolicy {
    /// Up to this many nodes, `auto` picks neato: stress majorization gives the most faithful small pictures.
    public static let neatoMaxNodes = 60
    /// Up to this many nodes, overlaps are removed (prism). It costs little up to here (sfdp on 5,000 nodes:
    /// 4.2 s with, 2.9 s without) and dominates above (20,000 nodes: 36 s with, 10 s without), where the
    /// marks are small dots anyway.
    public static let overlapRemovalMaxNodes = 5_000
    /// While edges × nodes stays under this, edges are routed as splines around the nodes; above it they are
    /// straight lines. Routing costs about 0.1 ms per edge and node (78 nodes and 250 edges: 2 s).
    /// Graphviz 2.43's cheaper `curved` splines are not used: on some graphs (a ring of 300 nodes with
    /// chords) they recurse without end.
    public static let splineMaxWork = 10_000
    /// Above this many nodes or edges, `dot` is refused: its crossing minimization runs for minutes.
    public static let dotMaxNodes = 800
    public static let dotMaxEdges = 1_500
    /// Above this many nodes, `circo` is refused: 100 nodes take 6 s, 150 take 29 s, 300 take 4 minutes.
    public static let circoMaxNodes = 120

    /// The engine that draws a graph of this size, checking that an explicit choice can finish.
    ///
    /// - Throws: `LayoutRefusal` for `dot` above `dotMaxNodes` nodes or `dotMaxEdges` edges, and for `circo`
    ///   above `circoMaxNodes` nodes.
    public static func engine(for choice: LayoutChoice, nodes: Int, edges: Int) throws(LayoutRefusal) -> LayoutEngine {
        if let engine = choice.engine {
            if engine == .dot, nodes > dotMaxNodes || edges > dotMaxEdges {
                throw LayoutRefusal(engine: .dot, nodes: nodes, edges: edges)
            }
            if engine == .circo, nodes > circoMaxNodes {
                throw LayoutRefusal(engine: .circo, nodes: nodes, edges: edges)
            }
            return engine
        }
        return nodes <= neatoMaxNodes ? .neato : .sfdp
    }

    /// Graph attributes for `engine` on a graph of this size.
    static func attributes(engine: LayoutEngine, nodes: Int, edges: Int) -> [(String, String)] {
        var out: [(String, String)] = [("start", "7")]  // the random seed of neato, fdp and sfdp
        out.append(("splines", engine == .dot || edges * nodes <= splineMaxWork ? "true" : "line"))
        switch engine {
        case .dot:
            out += [("rankdir", "LR"), ("ranksep", "0.6"), ("nodesep", "0.15")]
        case .circo:
            out += [("mindist", "0.4")]
        case .neato, .fdp, .sfdp, .twopi:
            if nodes <= overlapRemovalMaxNodes {
                out += [("overlap", "prism"), ("sep", "+8")]
            } else {
                out += [("overlap", "true")]
            }
            if engine == .neato { out += [("mode", "major"), ("pack", "true")] }
            if engine == .twopi { out += [("ranksep", "1.2")] }
            if engine == .sfdp { out += [("smoothing", "none")] }
        }
        return out
    }
}
