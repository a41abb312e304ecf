import Testing
import ActorGraph
@testable import ActorGraphRendering

// The time limit is a hang guard, generous because a test's clock runs while it waits for a thread: on two
// cores a clean clone's first tests wait behind the hostile-input suite compiling its release binary.
@Suite("Layout choice", .timeLimit(.minutes(10)))
struct LayoutPolicyTests {
    @Test("auto picks neato for small graphs and sfdp for the rest", arguments: [
        (1, 0, LayoutEngine.neato), (60, 400, .neato), (61, 10, .sfdp), (800, 3000, .sfdp), (50_000, 200_000, .sfdp),
    ])
    func auto(nodes: Int, edges: Int, engine: LayoutEngine) throws {
        #expect(try LayoutPolicy.engine(for: .auto, nodes: nodes, edges: edges) == engine)
    }

    @Test("an engine asked for by name is used", arguments: LayoutChoice.allCases.filter { $0 != .auto })
    func named(choice: LayoutChoice) throws {
        #expect(try LayoutPolicy.engine(for: choice, nodes: 100, edges: 300).rawValue == choice.rawValue)
    }

    @Test("dot is refused where it would run for minutes, with sfdp named", arguments: [(801, 10), (100, 1_501)])
    func dotRefused(nodes: Int, edges: Int) {
        let error = #expect(throws: LayoutRefusal.self) {
            try LayoutPolicy.engine(for: .dot, nodes: nodes, edges: edges)
        }
        #expect(error?.description == "the graph has \(nodes) nodes and \(edges) edges, more than the dot engine lays out in "
            + "reasonable time (at most 800 nodes and 1500 edges); use --layout sfdp, which draws graphs of this size in seconds.")
        #expect(throws: Never.self) { try LayoutPolicy.engine(for: .dot, nodes: 800, edges: 1_500) }
    }

    @Test("circo is refused above 120 nodes")
    func circoRefused() {
        #expect(throws: LayoutRefusal(engine: .circo, nodes: 121, edges: 5)) {
            try LayoutPolicy.engine(for: .circo, nodes: 121, edges: 5)
        }
        #expect(throws: Never.self) { try LayoutPolicy.engine(for: .circo, nodes: 120, edges: 5_000) }
    }

    @Test("splines around nodes for small graphs, straight lines for the rest", arguments: [
        (20, 40, "true"), (100, 100, "true"), (78, 250, "line"), (2_000, 5_000, "line"),
    ])
    func splines(nodes: Int, edges: Int, splines: String) {
        let attributes = Dictionary(uniqueKeysWithValues: LayoutPolicy.attributes(engine: .sfdp, nodes: nodes, edges: edges))
        #expect(attributes["splines"] == splines)
        #expect(attributes["start"] == "7")
    }

    @Test("overlaps are removed up to 5,000 nodes")
    func overlap() {
        let small = Dictionary(uniqueKeysWithValues: LayoutPolicy.attributes(engine: .sfdp, nodes: 5_000, edges: 1))
        let huge = Dictionary(uniqueKeysWithValues: LayoutPolicy.attributes(engine: .sfdp, nodes: 5_001, edges: 1))
        #expect(small["overlap"] == "prism")
        #expect(huge["overlap"] == "true")
    }

    @Test("output formats by extension", arguments: [
        ("svg", OutputFormat.svg), (".PNG", .png), ("pdf", .pdf), ("html", .html), (".htm", .html), ("gv", .gv),
    ])
    func formats(name: String, format: OutputFormat) {
        #expect(OutputFormat(fileExtension: name) == format)
    }

    @Test("unknown extensions name no output format", arguments: ["", "jpg", "xhtml", "dot"])
    func unknownFormats(name: String) {
        #expect(OutputFormat(fileExtension: name) == nil)
    }

    @Test("a graph with hundreds of nodes renders with the settings auto picks",
          .disabled(if: RenderingFixture.sanitizer != nil, "a large layout; it runs in the plain test run, not under a sanitizer"))
    func mediumGraph() throws {
        let g = RenderingFixture.ring(300)
        let engine = try LayoutPolicy.engine(for: .auto, nodes: g.nodes.count, edges: g.edges.count)
        let svg = try SVGTree.parse(GraphStyle().render(g, engine: engine, format: RenderFormat.svg))
        #expect(svg.groups("node").count == 300)
        #expect(svg.groups("node").filter { !$0.all("text").isEmpty }.count == 60)
    }
}
