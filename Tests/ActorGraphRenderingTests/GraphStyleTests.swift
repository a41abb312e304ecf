import Foundation
import Testing
import ActorGraph
import ActorRecognition
@testable import ActorGraphRendering

// The time limit is a hang guard, generous because a test's clock runs while it waits for a thread: on two
// cores a clean clone's first tests wait behind the hostile-input suite compiling its release binary.
@Suite("Styled rendering", .timeLimit(.minutes(10)))
struct GraphStyleTests {
    func svg(_ graph: CooccurrenceGraph, _ style: GraphStyle = GraphStyle(), engine: LayoutEngine = .neato) throws -> SVGTree {
        try SVGTree.parse(style.render(graph, engine: engine, format: RenderFormat.svg))
    }

    @Test("our plain DOT round-trips through libcgraph with every awkward name intact")
    func roundTrip() throws {
        let g = RenderingFixture.hostileGraph()
        let parsed = try Graphviz.parse(dot: g.dot())
        #expect(parsed.nodes.count == g.nodes.count)
        #expect(parsed.edges.count == g.edges.count)
        for n in g.nodes {
            // cgraph keeps "\n" and "\\" as written, for Graphviz's label renderer.
            #expect(parsed.node(named: n.id)?.attributes["label"]
                == n.name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n"))
        }
    }

    @Test("each node's SVG id is its actor id and its class names its type and community")
    func nodeIDsAndClasses() throws {
        let g = RenderingFixture.twoStars()
        let groups = try svg(g).groups("node")
        #expect(groups.map { $0.attributes["id"]! }.sorted() == g.nodes.map(\.id).sorted())
        let classOf = Dictionary(uniqueKeysWithValues: groups.map { ($0.attributes["id"]!, $0.attributes["class"]!) })
        #expect(classOf["AAA"] == "node actor country community-0" || classOf["AAA"] == "node actor country community-1")
        #expect(classOf["BBB"]?.hasPrefix("node actor organization community-") == true)
        #expect(classOf["person:a0"]?.hasPrefix("node actor person community-") == true)
        // The two stars are two communities, each with its hub.
        let community = { (id: String) in classOf[id]!.split(separator: " ").last! }
        #expect(community("AAA") != community("BBB"))
        #expect((0..<6).allSatisfy { community("person:a\($0)") == community("AAA") && community("person:b\($0)") == community("BBB") })
    }

    @Test("each edge has an id and a class saying which community holds it")
    func edgeIDsAndClasses() throws {
        let g = RenderingFixture.twoStars()
        let groups = try svg(g).groups("edge")
        #expect(groups.map { $0.attributes["id"]! } == (1...g.edges.count).map { "tie-\($0)" })
        let bridge = g.edges.firstIndex { $0.source == "AAA" && $0.target == "BBB" }!
        #expect(groups[bridge].attributes["class"] == "edge tie between")
        #expect(groups.enumerated().allSatisfy { k, e in k == bridge || e.attributes["class"]!.hasPrefix("edge tie community-") })
    }

    @Test("tooltips give a node's counts and a tie's weight with its first evidence sentences")
    func tooltips() throws {
        let g = RenderingFixture.hostileGraph()
        let tree = try svg(g, GraphStyle(measure: .count, evidenceInTooltips: 2))
        let qatar = tree.groups("node").first { $0.attributes["id"] == "QAT" }!
        #expect(qatar.tooltip == "Qatar (country)\n30 mentions in 3 documents\n11 ties, strength 57 by count\ncommunity 1")
        let edges = tree.groups("edge")
        let k = g.edges.firstIndex { $0.target == "person:n2" }!
        #expect(edges[k].tooltip == "Qatar – Fish & Chips\ncount 3, 1 document\n“Qatar met Fish & Chips in Doha.”\n“Later, Fish & Chips thanked Qatar.”")
    }

    @Test("names from the text stay text: no markup, no script, no DOT injection", arguments: RenderingFixture.hostile)
    func hostileNames(name: String) throws {
        let g = RenderingFixture.hostileGraph()
        let id = g.nodes.first { $0.name == name }!.id
        for engine in [LayoutEngine.neato, .sfdp] {
            let bytes = try GraphStyle(title: "Title " + name).render(g, engine: engine, format: RenderFormat.svg)
            let tree = try SVGTree.parse(bytes)  // well-formed XML whatever the names
            #expect(tree.name == "svg" && tree.all("svg").isEmpty)
            #expect(tree.all("script").isEmpty)
            let node = tree.groups("node").first { $0.attributes["id"] == id }
            #expect(node != nil)
            #expect(node?.all("text").map(\.text).joined(separator: "\n") == name)
            #expect(node?.tooltip?.hasPrefix(name + " (person)\n") == true, "\(node?.tooltip ?? "no tooltip")")
            // The heading is an HTML-like label: every line of the title arrives as text.
            let heading = tree.all("g").first!.children.filter { $0.name == "text" }.map(\.text)
            #expect(heading.first == "Title " + name.split(separator: "\n").first!)
        }
    }

    @Test("ids with markup characters reach the SVG unchanged")
    func hostileIDs() throws {
        let tree = try svg(RenderingFixture.hostileGraph())
        let org = tree.groups("node").first { $0.attributes["id"] == "org:<b>" }
        #expect(org?.tooltip?.hasPrefix("Org </title><svg onload=x> (organization)") == true)
        #expect(tree.name == "svg" && tree.all("svg").isEmpty)
    }

    @Test("the same graph and options give the same bytes", arguments: [OutputFormat.svg, .png, .html, .gv])
    func deterministic(format: OutputFormat) throws {
        let g = RenderingFixture.hostileGraph()
        for coloring in NodeColoring.allCases {
            let style = GraphStyle(measure: .pmi, title: "t", coloring: coloring)
            let first = try style.render(g, engine: .sfdp, format: format)
            let second = try style.render(g, engine: .sfdp, format: format)
            #expect(first == second)
        }
    }

    @Test("above the label limit only the most central actors are named; the rest keep a tooltip")
    func labelLimit() throws {
        let g = RenderingFixture.twoStars(size: 10)
        let tree = try svg(g, GraphStyle(labelLimit: 5), engine: .sfdp)
        let named = tree.groups("node").filter { !$0.all("text").isEmpty }
        #expect(named.count == 5)
        #expect(Set(named.map { $0.attributes["id"]! }).isSuperset(of: ["AAA", "BBB"]))
        #expect(tree.groups("node").allSatisfy { $0.tooltip != nil })
        // At or under the limit, everyone is named.
        let all = try svg(g, GraphStyle(labelLimit: g.nodes.count), engine: .sfdp)
        #expect(all.groups("node").allSatisfy { !$0.all("text").isEmpty })
    }

    @Test("stronger ties are drawn wider, on a log scale of the measure")
    func edgeWidths() throws {
        let g = RenderingFixture.twoStars()
        let drawing = GraphDrawing(g, style: GraphStyle())
        let byWeight = drawing.edges.sorted { $0.weight < $1.weight }
        #expect(zip(byWeight, byWeight.dropFirst()).allSatisfy { $0.width <= $1.width })
        #expect(byWeight.last!.width == 5)
        #expect(GraphDrawing.logScale(10, max: 10) == 1)
        #expect(abs(GraphDrawing.logScale(1, max: 10) - log10(1.9)) < 1e-12)
        #expect(GraphDrawing.logScale(0.5, max: 0.5) == 1)  // the same range for any measure
        #expect(GraphDrawing.logScale(-3, max: 10) == 0)
        #expect(GraphDrawing.logScale(.nan, max: 10) == 0)
    }

    @Test("nodes grow with strength and labels with importance")
    func nodeSizes() {
        let drawing = GraphDrawing(RenderingFixture.twoStars(), style: GraphStyle())
        let hub = drawing.nodes.first { $0.id == "AAA" }!, leaf = drawing.nodes.first { $0.id == "person:a0" }!
        #expect(hub.height > leaf.height)
        #expect(hub.fontSize > leaf.fontSize)
    }

    @Test("the legend lists the types, or the communities by their most central actor")
    func legend() throws {
        let g = RenderingFixture.twoStars()
        let byType = try svg(g).all("text").map(\.text)
        #expect(byType.contains { $0.hasPrefix(" country") } && byType.contains { $0.hasPrefix(" person") }
            && byType.contains { $0.hasPrefix(" organization") }, "\(byType)")
        let byCommunity = try svg(g, GraphStyle(coloring: .community)).all("text").map(\.text)
        #expect(byCommunity.contains { $0.hasPrefix(" Hub AAA (7)") })
        #expect(byCommunity.contains { $0.hasPrefix(" Hub BBB (7)") })
    }

    @Test("colour by community uses the community's hue for its actors and the ties inside it")
    func communityColours() throws {
        let g = RenderingFixture.twoStars()
        let drawing = GraphDrawing(g, style: GraphStyle(coloring: .community))
        let hub = drawing.nodes.first { $0.id == "AAA" }!
        #expect(hub.swatch == Palette.swatch(ofCommunity: hub.community))
        let inside = drawing.edges.first { $0.community != nil }!
        #expect(inside.color.hasPrefix(Palette.swatch(ofCommunity: inside.community!).border))
        let bridge = drawing.edges.first { $0.community == nil }!
        #expect(bridge.color.hasPrefix(Palette.tie))
    }

    @Test("a given community map replaces Louvain's")
    func givenCommunities() {
        let g = RenderingFixture.twoStars()
        var map: [String: Int] = [:]
        for n in g.nodes { map[n.id] = n.id.hasSuffix("0") ? 3 : 0 }
        let drawing = GraphDrawing(g, style: GraphStyle(communities: map))
        #expect(drawing.nodes.first { $0.id == "person:a0" }!.classes == "actor person community-3")
        #expect(drawing.nodes.first { $0.id == "AAA" }!.classes == "actor country community-0")
        #expect(drawing.communities.map(\.index) == [0, 3])
    }

    @Test("the default title names the input, the window and the measure", arguments: [
        ("Examples/diplomacy", "diplomacy"), ("Examples/diplomacy/", "diplomacy"), ("Graphs/diplomacy.json", "diplomacy"),
        ("corpus.jsonl", "corpus"), ("-", "standard input"), (".hidden", ".hidden"),
    ])
    func defaultTitle(input: String, name: String) {
        let g = RenderingFixture.twoStars()
        #expect(GraphStyle.defaultTitle(input: input, graph: g, measure: .npmi) == "\(name): actors in the same sentence, ties by npmi")
    }

    @Test("PNG and PDF are drawn by the cairo plugin", arguments: [(RenderFormat.png, [UInt8](arrayLiteral: 0x89, 0x50, 0x4E, 0x47)), (.pdf, Array("%PDF".utf8))])
    func binaryFormats(format: RenderFormat, magic: [UInt8]) throws {
        let bytes = try GraphStyle().render(RenderingFixture.hostileGraph(), engine: .sfdp, format: format)
        #expect(bytes.starts(with: magic))
    }

    @Test("every engine draws the styled graph", arguments: LayoutEngine.allCases)
    func engines(engine: LayoutEngine) throws {
        let g = RenderingFixture.hostileGraph()
        let tree = try svg(g, GraphStyle(coloring: .community), engine: engine)
        #expect(tree.groups("node").count == g.nodes.count)
        #expect(tree.groups("edge").count == g.edges.count)
    }
}
