import Testing
import ActorGraph
import ActorRecognition
@testable import ActorGraphRendering

@Suite("Styled rendering")
struct GraphStyleTests {
    static let awkward = ["say \"hi\"", "back\\slash", "two\nlines", "<script>&amp;", "]; node [ x", "الدوحة", "Доха"]

    func graph() -> CooccurrenceGraph {
        var nodes = GraphStyleTests.awkward.enumerated().map { k, name in
            GraphNode(id: "person:n\(k)", name: name, type: .person, mentions: 1, documents: 1, windows: 1)
        }
        nodes.append(GraphNode(id: "QAT", name: "Qatar", type: .country, mentions: 3, documents: 1, windows: 3))
        nodes.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        let edges = GraphStyleTests.awkward.indices.map { k in
            GraphEdge(source: "QAT", target: "person:n\(k)", count: k + 1, documents: 1)
        }.sorted { $0.target.utf8.lexicographicallyPrecedes($1.target.utf8) }
        return CooccurrenceGraph(nodes: nodes, edges: edges, totalWindows: 10, totalDocuments: 1, options: BuildOptions())
    }

    @Test("our DOT round-trips through libcgraph with every awkward name intact")
    func roundTrip() throws {
        let g = graph()
        let parsed = try Graphviz.parse(dot: g.dot())
        #expect(parsed.nodes.count == g.nodes.count)
        #expect(parsed.edges.count == g.edges.count)
        for n in g.nodes {
            let p = parsed.node(named: n.id)
            #expect(p != nil)
            // cgraph keeps "\n" as the two characters of Graphviz's line break.
            #expect(p?.attributes["label"] == n.name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n"))
        }
    }

    @Test("the SVG has one titled node per actor with its type class, edges with ids, and a legend")
    func svgStructure() throws {
        let svg = String(decoding: try GraphStyle().render(graph(), engine: .neato, format: .svg), as: UTF8.self)
        #expect(svg.contains("<title>QAT</title>"))
        #expect(svg.contains("id=\"QAT\""))
        #expect(svg.contains("class=\"node actor country\""))
        #expect(svg.contains("class=\"node actor person\""))
        #expect(svg.contains("id=\"edge1\""))
        #expect(svg.contains("Legend"))
        #expect(!svg.contains("<script>"))
    }
}
