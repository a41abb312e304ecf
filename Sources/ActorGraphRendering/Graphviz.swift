import CGraphviz

/// Layout and rendering through libgvc, in memory, without the `dot` program.
///
/// Every call is serialized through one process-wide Graphviz context, so the
/// functions are safe to call from any thread or task; calls wait for each other.
/// Graphviz never prints: its messages become `GraphvizError`s.
public enum Graphviz {
    /// The version of the linked Graphviz library, such as `"2.43.0"`.
    public static var version: String {
        (try? GraphvizOwner.withContext { gvc in
            gvcVersion(gvc).map { String(cString: $0) } ?? ""
        }) ?? ""
    }

    /// Lays out a graph given as DOT source and renders it.
    ///
    /// - Parameters:
    ///   - dot: The DOT source of one graph.
    ///   - engine: The layout program.
    ///   - format: The output format.
    /// - Returns: The rendered file's bytes (UTF-8 XML text for SVG).
    /// - Throws: `GraphvizError` naming the step that failed (parse, layout or
    ///   render) with Graphviz's own message.
    public static func render(dot: String, engine: LayoutEngine, format: RenderFormat) throws(GraphvizError) -> [UInt8] {
        try GraphvizOwner.withContext { gvc throws(GraphvizError) in
            let graph = try read(dot)
            defer { agclose(graph) }

            let laidOut = gvLayout(gvc, graph, engine.rawValue)
            defer { gvFreeLayout(gvc, graph) }
            guard laidOut == 0, !GraphvizMessages.errorReported else {
                throw GraphvizError(step: .layout(engine), graphvizMessage: GraphvizMessages.take())
            }

            var data: UnsafeMutablePointer<CChar>? = nil
            var length = 0
            let rendered = actorgraph_render_data(gvc, graph, format.rawValue, &data, &length)
            defer { if let data { gvFreeRenderData(data) } }
            guard rendered == 0, !GraphvizMessages.errorReported, let data else {
                throw GraphvizError(step: .render(format), graphvizMessage: GraphvizMessages.take())
            }
            return data.withMemoryRebound(to: UInt8.self, capacity: length) {
                Array(UnsafeBufferPointer(start: $0, count: length))
            }
        }
    }

    /// Reads DOT source back through libcgraph, the way Graphviz itself sees it.
    ///
    /// Used to check that DOT written elsewhere means what it should.
    ///
    /// - Parameter dot: The DOT source of one graph.
    /// - Returns: The graph's nodes, edges and attributes (see `ParsedGraph`).
    /// - Throws: `GraphvizError` with step `.parse` when Graphviz rejects the source.
    public static func parse(dot: String) throws(GraphvizError) -> ParsedGraph {
        try GraphvizOwner.withContext { _ throws(GraphvizError) in
            let graph = try read(dot)
            defer { agclose(graph) }
            return ParsedGraph(reading: graph)
        }
    }

    /// Parses DOT source in memory; the caller closes the graph. Must run
    /// inside `GraphvizOwner.withContext`.
    ///
    /// libcgraph's lexer is global and stops after one graph. `agmemread` feeds
    /// it line by line, so the rest of the line that closes the graph stays in
    /// the lexer's buffer, and the *next* read, of any source, would start with
    /// it. That rest is drained here with an empty read and must be blank;
    /// lines after it are never read.
    private static func read(_ dot: String) throws(GraphvizError) -> UnsafeMutablePointer<Agraph_t> {
        if let nul = dot.utf8.firstIndex(of: 0) {
            let offset = dot.utf8.distance(from: dot.utf8.startIndex, to: nul)
            throw GraphvizError(
                step: .parse,
                graphvizMessage: "the source holds a NUL character at byte \(offset), where Graphviz would stop reading"
            )
        }
        guard let graph = agmemread(dot) else {
            let message = GraphvizMessages.take()
            throw GraphvizError(step: .parse, graphvizMessage: message.isEmpty ? "the source holds no graph" : message)
        }
        _ = GraphvizMessages.take()  // warnings about a graph that was read after all
        var graphsAfterFirst = 0
        while let another = agmemread("") {
            agclose(another)
            graphsAfterFirst += 1
        }
        let trailing = GraphvizMessages.take()
        guard graphsAfterFirst == 0, trailing.isEmpty else {
            agclose(graph)
            throw GraphvizError(
                step: .parse,
                graphvizMessage: trailing.isEmpty
                    ? "a second graph starts on the line that closes the first"
                    : "after the graph's closing brace, \(trailing)"
            )
        }
        return graph
    }
}
