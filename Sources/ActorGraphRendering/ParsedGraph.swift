import CGraphviz

/// A graph as libcgraph read it from DOT source.
///
/// Attribute values are the strings cgraph stores: `\"` has become `"`, while
/// label escapes such as `\n`, `\l`, `\\` and `\N` are kept for Graphviz to
/// interpret when it draws. An object's attributes are those with a non-empty
/// value, whether set on it or inherited from a `node [...]`, `edge [...]` or
/// `graph [...]` default; Graphviz's implicit `label="\N"` on nodes is left out.
public struct ParsedGraph: Sendable, Equatable {
    /// The graph's name (empty for an anonymous graph).
    public var name: String
    /// Whether the graph is a `digraph`.
    public var isDirected: Bool
    /// Whether the graph is `strict` (no multi-edges).
    public var isStrict: Bool
    /// Attributes of the graph itself.
    public var graphAttributes: [String: String]
    /// Nodes in the order the source first mentions them.
    public var nodes: [ParsedNode]
    /// Edges in the order the source declares them.
    public var edges: [ParsedEdge]

    /// The node with a given name, if any.
    public func node(named name: String) -> ParsedNode? {
        nodes.first { $0.name == name }
    }
}

/// A node read back from DOT source.
public struct ParsedNode: Sendable, Equatable {
    /// The node's name (its DOT identifier, unquoted).
    public var name: String
    /// The node's attributes with non-empty values.
    public var attributes: [String: String]

    /// Creates a node, for comparing with what `Graphviz.parse` returns.
    public init(name: String, attributes: [String: String] = [:]) {
        self.name = name
        self.attributes = attributes
    }
}

/// An edge read back from DOT source.
public struct ParsedEdge: Sendable, Equatable {
    /// The name of the tail node (the first one written, also in undirected graphs).
    public var tail: String
    /// The name of the head node.
    public var head: String
    /// The edge's attributes with non-empty values.
    public var attributes: [String: String]

    /// Creates an edge, for comparing with what `Graphviz.parse` returns.
    public init(tail: String, head: String, attributes: [String: String] = [:]) {
        self.tail = tail
        self.head = head
        self.attributes = attributes
    }
}

extension ParsedGraph {
    /// Reads a parsed graph. Must run under `GraphvizOwner.withContext`.
    init(reading graph: UnsafeMutablePointer<Agraph_t>) {
        name = String(cString: agnameof(graph))
        isDirected = agisdirected(graph) != 0
        isStrict = agisstrict(graph) != 0
        graphAttributes = Self.attributes(of: graph, kind: AGRAPH, in: graph)

        var nodes: [ParsedNode] = []
        var edges: [(sequence: UInt64, edge: ParsedEdge)] = []
        var node = agfstnode(graph)
        while let current = node {
            let nodeName = String(cString: agnameof(current))
            var attributes = Self.attributes(of: current, kind: AGNODE, in: graph)
            if attributes["label"] == "\\N" { attributes["label"] = nil }
            nodes.append(ParsedNode(name: nodeName, attributes: attributes))

            var edge = agfstout(graph, current)
            while let out = edge {
                let parsed = ParsedEdge(
                    tail: String(cString: agnameof(actorgraph_tail(out))),
                    head: String(cString: agnameof(actorgraph_head(out))),
                    attributes: Self.attributes(of: out, kind: AGEDGE, in: graph)
                )
                edges.append((actorgraph_sequence(out), parsed))
                edge = agnxtout(graph, out)
            }
            node = agnxtnode(graph, current)
        }
        self.nodes = nodes
        self.edges = edges.sorted { $0.sequence < $1.sequence }.map(\.edge)
    }

    /// The non-empty values of every attribute declared for `kind` objects.
    private static func attributes(
        of object: UnsafeMutableRawPointer, kind: Int32, in graph: UnsafeMutablePointer<Agraph_t>
    ) -> [String: String] {
        var result: [String: String] = [:]
        var symbol = agnxtattr(graph, kind, nil)
        while let current = symbol {
            if let value = agxget(object, current), value.pointee != 0 {
                result[String(cString: current.pointee.name)] = String(cString: value)
            }
            symbol = agnxtattr(graph, kind, current)
        }
        return result
    }
}
