import Testing
import ActorGraphRendering

/// Three nodes and two edges whose labels carry the characters DOT writers get
/// wrong: quotes, backslashes, `<>&`, and scripts other than Latin.
private let sample = #"""
digraph "actors" {
    graph [rankdir=LR];
    node [shape=box];
    "QAT" [label="Доха \"Doha\" <>&"];
    "QAT-ar" [label="الدوحة"];
    "USA" [label="C:\\path\nUnited States"];
    "USA" -> "QAT" [weight=3, label="talks"];
    "QAT" -> "QAT-ar";
}

"""#

/// Text as Graphviz's SVG writer escapes it (it also escapes `-`, so that
/// names cannot close the XML comments it writes before each node).
private func svgEscaped(_ text: String) -> String {
    let entities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "-": "&#45;"]
    return text.map { entities[$0] ?? String($0) }.joined()
}

@Suite("Graphviz")
struct GraphvizTests {
    @Test("SVG has a node group and a title per node", arguments: LayoutEngine.allCases)
    func svg(engine: LayoutEngine) throws {
        let svg = String(decoding: try Graphviz.render(dot: sample, engine: engine, format: .svg), as: UTF8.self)
        #expect(svg.hasPrefix("<?xml") || svg.contains("<svg"))
        #expect(svg.contains(#"<g id="node1" class="node">"#))
        #expect(svg.contains(#"<g id="edge1" class="edge">"#))
        for name in ["QAT", "QAT-ar", "USA"] {
            #expect(svg.contains("<title>\(svgEscaped(name))</title>"))
        }
        #expect(svg.contains("Доха"))
        #expect(svg.contains("الدوحة"))
        #expect(svg.contains("&lt;&gt;&amp;"))
    }

    @Test("PNG starts with the PNG signature", arguments: LayoutEngine.allCases)
    func png(engine: LayoutEngine) throws {
        let png = try Graphviz.render(dot: sample, engine: engine, format: .png)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }

    @Test("PDF starts with %PDF")
    func pdf() throws {
        let pdf = try Graphviz.render(dot: sample, engine: .dot, format: .pdf)
        #expect(pdf.starts(with: Array("%PDF".utf8)))
    }

    @Test("The same source gives the same bytes", arguments: LayoutEngine.allCases)
    func deterministic(engine: LayoutEngine) throws {
        let first = try Graphviz.render(dot: sample, engine: engine, format: .svg)
        let second = try Graphviz.render(dot: sample, engine: engine, format: .svg)
        #expect(first == second)
    }

    @Test("Warnings are captured, not printed, and do not fail the render")
    func warning() throws {
        // Graphviz warns "nosuchcolor is not a known color." on stderr unless captured;
        // the test run's stderr is checked to be free of it.
        let dot = #"digraph { a -> b [color=nosuchcolor] }"#
        let svg = String(decoding: try Graphviz.render(dot: dot, engine: .dot, format: .svg), as: UTF8.self)
        #expect(svg.contains("<title>a&#45;&gt;b</title>"))
    }

    @Test("A syntax error names the parse step and Graphviz's reason")
    func syntaxError() {
        let broken = "digraph {\n  a -> b\n  c -> ;\n}\n"
        let error = #expect(throws: GraphvizError.self) {
            try Graphviz.render(dot: broken, engine: .dot, format: .svg)
        }
        #expect(error?.step == .parse)
        #expect(error?.graphvizMessage == "syntax error in line 3 near ';'")
        #expect(error?.description == "Graphviz could not parse the DOT source: syntax error in line 3 near ';'.")
    }

    @Test("Empty source is an error, not an empty picture")
    func emptySource() {
        let error = #expect(throws: GraphvizError.self) {
            try Graphviz.render(dot: "  \n", engine: .dot, format: .svg)
        }
        #expect(error?.description == "Graphviz could not parse the DOT source: the source holds no graph.")
    }

    @Test("Text after the closing brace is rejected and does not leak into the next parse")
    func trailingText() throws {
        let error = #expect(throws: GraphvizError.self) {
            try Graphviz.parse(dot: "digraph { a -> b }}\n")
        }
        #expect(error?.step == .parse)
        #expect(error?.graphvizMessage.contains("near '}'") == true)
        #expect(throws: GraphvizError.self) {
            try Graphviz.parse(dot: "graph { a } graph { b }")
        }
        #expect(try Graphviz.parse(dot: "graph { c }").nodes.map(\.name) == ["c"])
    }

    @Test("A NUL character is rejected before Graphviz sees it")
    func nulCharacter() {
        let error = #expect(throws: GraphvizError.self) {
            try Graphviz.parse(dot: "graph { a\u{0} }")
        }
        #expect(error?.description.contains("NUL character at byte 9") == true)
    }

    @Test("parse reads names, attributes and edges back as Graphviz sees them")
    func parse() throws {
        let graph = try Graphviz.parse(dot: sample)
        #expect(graph.name == "actors")
        #expect(graph.isDirected)
        #expect(!graph.isStrict)
        #expect(graph.graphAttributes == ["rankdir": "LR"])
        #expect(graph.nodes.map(\.name) == ["QAT", "QAT-ar", "USA"])
        // `\"` is unescaped by the lexer; `\\` and `\n` stay for the label renderer.
        #expect(graph.node(named: "QAT")?.attributes == ["shape": "box", "label": #"Доха "Doha" <>&"#])
        #expect(graph.node(named: "QAT-ar")?.attributes["label"] == "الدوحة")
        #expect(graph.node(named: "USA")?.attributes["label"] == #"C:\\path\nUnited States"#)
        #expect(graph.edges == [
            ParsedEdge(tail: "USA", head: "QAT", attributes: ["weight": "3", "label": "talks"]),
            ParsedEdge(tail: "QAT", head: "QAT-ar"),
        ])
    }

    @Test("parse keeps undirected edges as written and leaves out the implicit label")
    func parseUndirected() throws {
        let graph = try Graphviz.parse(dot: #"strict graph { b -- a; "ends in \\" -- b }"#)
        #expect(!graph.isDirected)
        #expect(graph.isStrict)
        #expect(graph.nodes.map(\.name) == ["b", "a", #"ends in \\"#])
        #expect(graph.nodes.allSatisfy { $0.attributes.isEmpty })
        #expect(graph.edges.map { [$0.tail, $0.head] } == [["b", "a"], [#"ends in \\"#, "b"]])
    }

    @Test("Fifty renders in parallel share the one Graphviz owner")
    func parallel() async throws {
        let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<50 {
                let engine = LayoutEngine.allCases[index % LayoutEngine.allCases.count]
                let format = RenderFormat.allCases[index % RenderFormat.allCases.count]
                group.addTask { try Graphviz.render(dot: sample, engine: engine, format: format).count }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(sizes.count == 50)
        #expect(sizes.allSatisfy { $0 > 0 })
    }

    @Test("The version comes from the linked library")
    func version() throws {
        #expect(Graphviz.version.first?.isNumber == true)
        let svg = String(decoding: try Graphviz.render(dot: sample, engine: .dot, format: .svg), as: UTF8.self)
        #expect(svg.contains("Generated by graphviz version \(Graphviz.version)"))
    }
}

@Suite("Formats and engines")
struct FormatTests {
    @Test("File extensions name formats", arguments: [
        ("svg", RenderFormat.svg), (".png", .png), ("PDF", .pdf), (".Svg", .svg),
    ])
    func fileExtension(name: String, format: RenderFormat) {
        #expect(RenderFormat(fileExtension: name) == format)
    }

    @Test("Unknown extensions name no format", arguments: ["", ".", "jpg", "svgz", "..svg"])
    func unknownExtension(name: String) {
        #expect(RenderFormat(fileExtension: name) == nil)
    }

    @Test("Errors read as full sentences")
    func errorSentences() {
        #expect(GraphvizError(step: .layout(.neato), graphvizMessage: "").description
            == "Graphviz could not lay out the graph with the neato engine and gave no reason.")
        #expect(GraphvizError(step: .render(.png), graphvizMessage: "Format: \"png\" not recognized.\n").description
            == "Graphviz could not render the graph as PNG: Format: \"png\" not recognized.")
    }
}
