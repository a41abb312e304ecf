import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `actorgraph render`: engines and `auto`, refusals, formats, determinism, SVG for tools, the page.
// The time limit is a hang guard, generous because a test's clock runs while it waits for a thread: on two
// cores a clean clone's first tests wait behind the hostile-input suite compiling its release binary.
@Suite("actorgraph render", .timeLimit(.minutes(10)))
struct RenderCLITests {
    static let extensionOptions = [
        "--gazetteer", CLIHarness.root.appendingPathComponent("Examples/extension/afghanistan-2021.gazetteer").path,
        "--patterns", CLIHarness.root.appendingPathComponent("Examples/extension/embassies.patterns").path,
    ]

    /// The diplomacy graph file, built once per test.
    func diplomacy(in dir: URL) throws -> String {
        let graph = dir.appendingPathComponent("diplomacy.json").path
        let r = try CLIHarness.run(["build", CLIHarness.examples] + Self.extensionOptions + ["-o", graph])
        #expect(r.status == 0, "\(r.stderr)")
        return graph
    }

    /// A graph file of a ring of `count` people with chords: as large as a test needs, built in no time. Its
    /// counts fit together (each person's 20 windows hold its at most 4 ties of at most 5), as the reader checks.
    func ring(_ count: Int, names: (Int) -> String = { "Person \($0)" }, in dir: URL) throws -> String {
        var nodes: [String] = [], edges: [String] = []
        let id = { (k: Int) in String(format: "person:p%05d", k) }
        for k in 0..<count {
            nodes.append("{\"id\": \(Self.json(id(k))), \"name\": \(Self.json(names(k))), \"type\": \"person\", \"mentions\": 20, \"documents\": 1, \"windows\": 20}")
        }
        var seen = Set<String>()
        for k in 0..<count {
            for step in [1, 2] {
                let a = id(k), b = id((k + step) % count)
                guard a != b, seen.insert(min(a, b) + max(a, b)).inserted else { continue }
                let evidence = "[{\"doc\": \"d\", \"start\": 0, \"end\": 20, \"text\": \(Self.json("\(names(k)) met \(names((k + step) % count)).")), \"source_span\": [0, 1], \"target_span\": [2, 3]}]"
                edges.append("{\"source\": \(Self.json(min(a, b))), \"target\": \(Self.json(max(a, b))), \"count\": \(1 + k % 5), \"documents\": 1, \"evidence\": \(evidence)}")
            }
        }
        edges.sort()
        let text = "{\"format\": \"actorgraph-graph\", \"version\": 1, \"options\": {\"window\": \"sentence\", \"count\": \"windows\", \"evidence\": 5}, "
            + "\"totals\": {\"windows\": \(count * 20), \"documents\": 1}, \"nodes\": [\(nodes.joined(separator: ", "))], \"edges\": [\(edges.joined(separator: ", "))]}\n"
        let path = dir.appendingPathComponent("ring-\(count).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func json(_ s: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: s, options: [.fragmentsAllowed]), as: UTF8.self)
    }

    func read(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    @Test("auto picks sfdp for the diplomacy graph and says so on stderr")
    func autoLayout() throws {
        let dir = try CLIHarness.temporaryFolder()
        let out = dir.appendingPathComponent("d.svg").path
        let r = try CLIHarness.run(["render", CLIHarness.examples, "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let nodes = try String(contentsOfFile: out, encoding: .utf8).components(separatedBy: "class=\"node actor ").count - 1
        #expect(nodes > 60)
        #expect(r.stderr == "actorgraph: layout auto chose sfdp for \(nodes) nodes\n")
    }

    @Test("auto picks neato for a small graph")
    func autoSmall() throws {
        let dir = try CLIHarness.temporaryFolder()
        let out = dir.appendingPathComponent("d.svg").path
        let r = try CLIHarness.run(["render", CLIHarness.examples, "--types", "country", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("actorgraph: layout auto chose neato for "))
    }

    @Test("dot is refused for a graph it would take minutes over; the earlier picture stays and nothing is left behind")
    func dotRefused() throws {
        let dir = try CLIHarness.temporaryFolder()
        let graph = try ring(900, in: dir)
        let out = dir.appendingPathComponent("big.svg")
        try "earlier picture".write(to: out, atomically: true, encoding: .utf8)
        let r = try CLIHarness.run(["render", graph, "-o", out.path, "--layout", "dot"])
        #expect(r.status == 1)
        #expect(r.stderr.hasSuffix("error: the graph has 900 nodes and 1800 edges, more than the dot engine lays out in reasonable time "
            + "(at most 800 nodes and 1500 edges); use --layout sfdp, which draws graphs of this size in seconds.\n"))
        #expect(try String(contentsOf: out, encoding: .utf8) == "earlier picture")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test("circo is refused above 120 nodes")
    func circoRefused() throws {
        let dir = try CLIHarness.temporaryFolder()
        let out = dir.appendingPathComponent("c.svg").path
        let r = try CLIHarness.run(["render", try ring(121, in: dir), "-o", out, "--layout", "circo"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: the graph has 121 nodes and 242 edges, more than the circo engine lays out in reasonable time (at most 120 nodes)"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("the format comes from the extension or --format", arguments: [
        ("g.svg", [String](), "<svg"), ("g.png", [], "\u{89}PNG"), ("g.pdf", [], "%PDF"), ("g.html", [], "<!DOCTYPE html>"),
        ("g.htm", [], "<!DOCTYPE html>"), ("g.out", ["--format", "html"], "<!DOCTYPE html>"), ("g.gv", [], "graph \"actorgraph\" {"),
        ("g.SVG", ["--format", "png"], "\u{89}PNG"),
    ])
    func formats(name: String, options: [String], start: String) throws {
        let dir = try CLIHarness.temporaryFolder()
        let out = dir.appendingPathComponent(name).path
        let r = try CLIHarness.run(["render", try ring(20, in: dir), "-o", out] + options)
        #expect(r.status == 0, "\(r.stderr)")
        let head = try read(out).prefix(400)
        #expect(String(decoding: head, as: UTF8.self).contains(start) || head.starts(with: Array(start.unicodeScalars.map { UInt8($0.value) })))
    }

    @Test("an unknown extension without --format is a usage error naming the file")
    func unknownFormat() throws {
        let r = try CLIHarness.run(["render", CLIHarness.examples, "-o", "/tmp/graph.jpeg"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("cannot tell the format of '/tmp/graph.jpeg' from its extension; use .svg, .png, .pdf, .html or .gv, or --format."))
    }

    @Test("the same graph and options give the same bytes, in every format but PDF", arguments: ["svg", "png", "html", "gv"])
    func deterministic(format: String) throws {
        let dir = try CLIHarness.temporaryFolder()
        let graph = try diplomacy(in: dir)
        var outputs: [[UInt8]] = []
        for k in 0..<2 {
            let out = dir.appendingPathComponent("d\(k).\(format)").path
            let r = try CLIHarness.run(["render", graph, "-o", out, "--color", "community", "--weight", "npmi"])
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append(try read(out))
        }
        #expect(outputs[0] == outputs[1])
    }

    @Test("the SVG names each node by actor id with type and community classes, and each tie by id")
    func svgForTools() throws {
        let dir = try CLIHarness.temporaryFolder()
        let out = dir.appendingPathComponent("d.svg").path
        let r = try CLIHarness.run(["render", try diplomacy(in: dir), "-o", out, "--color", "community"])
        #expect(r.status == 0, "\(r.stderr)")
        let root = try SVGElement.parse(try read(out))
        let nodes = root.groups("node")
        let qatar = try #require(nodes.first { $0.attributes["id"] == "QAT" })
        let classes = qatar.attributes["class"]!.split(separator: " ")
        #expect(classes.prefix(3) == ["node", "actor", "country"])
        #expect(classes.count == 4 && classes[3].hasPrefix("community-") && Int(classes[3].dropFirst(10)) != nil)
        #expect(qatar.tooltip?.hasPrefix("Qatar (country)\n22 mentions in 10 documents\n") == true)
        let ties = root.groups("edge")
        #expect(ties.map { $0.attributes["id"]! } == (1...ties.count).map { "tie-\($0)" })
        #expect(ties.allSatisfy { $0.attributes["class"] == "edge tie between" || $0.attributes["class"]!.hasPrefix("edge tie community-") })
        let afgQat = try #require(ties.first { $0.all("title").first?.text == "AFG--QAT" })
        #expect(afgQat.tooltip?.hasPrefix("Afghanistan – Qatar\ncount 5, 4 documents\n“") == true)
        // The legend names communities after their most central actor.
        #expect(root.all("text").contains { $0.text.hasPrefix(" Afghanistan (") })
        // The default title names the input, the window and the measure.
        #expect(root.all("text").contains { $0.text == "diplomacy: actors in the same sentence, ties by count" })
    }

    @Test("--title replaces the default title; --labels sets how many actors are named")
    func titleAndLabels() throws {
        let dir = try CLIHarness.temporaryFolder()
        let out = dir.appendingPathComponent("d.svg").path
        let r = try CLIHarness.run(["render", try diplomacy(in: dir), "-o", out, "--title", "Doha & after", "--labels", "12"])
        #expect(r.status == 0, "\(r.stderr)")
        let root = try SVGElement.parse(try read(out))
        #expect(root.all("text").first?.text == "Doha & after")
        #expect(root.groups("node").filter { !$0.all("text").isEmpty }.count == 12)
        let bad = try CLIHarness.run(["render", CLIHarness.examples, "-o", out, "--labels=-1"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--labels must be 0 or more, not -1."))
    }

    @Test("hostile names stay text in the SVG and the page")
    func hostileNames() throws {
        let dir = try CLIHarness.temporaryFolder()
        let hostile = ["<script>alert(1)</script>", "\"quoted\" & 'single'", "end --> comment", "]; node [ shape=box", "&amp; x"]
        let graph = try ring(5, names: { hostile[$0] }, in: dir)
        let svg = dir.appendingPathComponent("h.svg").path, page = dir.appendingPathComponent("h.html").path
        for out in [svg, page] {
            let r = try CLIHarness.run(["render", graph, "-o", out, "--title", hostile[0]])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let root = try SVGElement.parse(try read(svg))
        #expect(root.all("script").isEmpty)
        let labels = root.groups("node").map { $0.all("text").map(\.text).joined() }
        #expect(labels.sorted() == hostile.sorted())
        let html = String(decoding: try read(page), as: UTF8.self)
        #expect(html.components(separatedBy: "<script").count - 1 == 2)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains(">&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
    }

    @Test("a render that cannot be written is a clear error and leaves nothing behind")
    func unwritable() throws {
        // The picture is drawn in memory and written atomically, so a failure at any step creates nothing.
        let dir = try CLIHarness.temporaryFolder()
        let out = dir.appendingPathComponent("missing/d.png").path
        let r = try CLIHarness.run(["render", try ring(10, in: dir), "-o", out, "--layout", "neato"])
        #expect(r.status == 1)
        #expect(r.stderr.hasSuffix("error: \(out): cannot be written: the folder '\(dir.path)/missing' does not exist\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["ring-10.json"])
    }

    @Test("Graphviz prints nothing, whatever the engine", arguments: ["dot", "neato", "fdp", "sfdp", "circo", "twopi"])
    func quiet(layout: String) throws {
        let dir = try CLIHarness.temporaryFolder()
        let graph = try diplomacy(in: dir)
        let r = try CLIHarness.run(["render", graph, "-o", dir.appendingPathComponent("d.png").path, "--layout", layout, "--color", "community"])
        #expect(r.status == 0)
        #expect(r.stderr == "actorgraph: reading graph file \(graph)\n")
    }
}

/// An element of an SVG file, as XMLParser reads it.
final class SVGElement {
    let name: String
    let attributes: [String: String]
    var text = ""
    var children: [SVGElement] = []

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    struct ParseError: Error { var message: String }

    /// Parses `bytes`, failing on anything that is not well-formed XML.
    static func parse(_ bytes: [UInt8]) throws -> SVGElement {
        let builder = Builder()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else { throw ParseError(message: "not well-formed at line \(parser.lineNumber)") }
        return root
    }

    func all(_ name: String) -> [SVGElement] { children.flatMap { ($0.name == name ? [$0] : []) + $0.all(name) } }

    /// Graphviz's groups of one kind ("node" or "edge").
    func groups(_ kind: String) -> [SVGElement] {
        all("g").filter { $0.attributes["class"]?.split(separator: " ").first.map(String.init) == kind }
    }

    var tooltip: String? { all("a").first?.attributes["xlink:title"] }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [SVGElement] = []
        var root: SVGElement?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                    attributes attributeDict: [String: String] = [:]) {
            let e = SVGElement(name: elementName, attributes: attributeDict)
            if let parent = stack.last { parent.children.append(e) } else { root = e }
            stack.append(e)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
    }
}
