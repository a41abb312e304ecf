import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ActorGraph
import ActorRecognition

/// Graphs the rendering tests draw.
enum RenderingFixture {
    /// The sanitizer the tests run under (scripts/sanitize.sh sets ACTORGRAPH_SANITIZER), or nil. Large layouts
    /// skip themselves there: Graphviz's force-directed engines take minutes under instrumentation, and the
    /// plain run already draws them.
    static let sanitizer = ProcessInfo.processInfo.environment["ACTORGRAPH_SANITIZER"].flatMap { $0.isEmpty ? nil : $0 }

    /// Names a text could hold that markup and DOT writers get wrong.
    static let hostile = [
        "<script>alert(1)</script>", "say \"hi\"", "Fish & Chips", "end --> of comment", "]; node [ shape=box",
        "back\\slash", "two\nlines", "الدوحة", "Доха", "&amp; already",
    ]

    /// Qatar tied to one person per hostile name; each tie has two evidence sentences that repeat the name.
    static func hostileGraph() -> CooccurrenceGraph {
        var nodes = hostile.enumerated().map { k, name in
            GraphNode(id: "person:n\(k)", name: name, type: .person, mentions: k + 1, documents: 1, windows: k + 1)
        }
        nodes.append(GraphNode(id: "QAT", name: "Qatar", type: .country, mentions: 30, documents: 3, windows: 30))
        nodes.append(GraphNode(id: "org:<b>", name: "Org </title><svg onload=x>", type: .organization, mentions: 2, documents: 1, windows: 2))
        nodes.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        var edges = hostile.indices.map { k in
            let name = hostile[k]
            let text = "Qatar met \(name) in Doha."
            let second = "Later, \(name) thanked Qatar."
            return GraphEdge(source: "QAT", target: "person:n\(k)", count: k + 1, documents: 1, evidence: [
                Evidence(document: "doc-\(k)", date: Day("2021-08-0\(k % 9 + 1)"), start: 0, end: text.count, text: text,
                         sourceSpan: 0..<5, targetSpan: 10..<(10 + name.count)),
                Evidence(document: "doc-\(k)", date: nil, start: 100, end: 100 + second.count, text: second,
                         sourceSpan: (second.count - 6)..<(second.count - 1), targetSpan: 7..<(7 + name.count)),
            ])
        }
        edges.append(GraphEdge(source: "QAT", target: "org:<b>", count: 2, documents: 1))
        edges.sort { ($0.source, $0.target) < ($1.source, $1.target) }
        return CooccurrenceGraph(nodes: nodes, edges: edges, totalWindows: 100, totalDocuments: 10, options: BuildOptions())
    }

    /// Two stars of `size` actors each, joined by one weak tie between their hubs: two clear communities.
    static func twoStars(size: Int = 6) -> CooccurrenceGraph {
        var nodes: [GraphNode] = []
        var edges: [GraphEdge] = []
        for (hub, prefix, type) in [("AAA", "a", ActorType.country), ("BBB", "b", ActorType.organization)] {
            nodes.append(GraphNode(id: hub, name: "Hub \(hub)", type: type, mentions: 50, documents: 5, windows: 50))
            for k in 0..<size {
                let id = "person:\(prefix)\(k)"
                nodes.append(GraphNode(id: id, name: "Person \(prefix.uppercased())\(k)", type: .person, mentions: 5, documents: 2, windows: 5))
                edges.append(GraphEdge(source: hub, target: id, count: 5 + k, documents: 2))
            }
        }
        edges.append(GraphEdge(source: "AAA", target: "BBB", count: 1, documents: 1))
        nodes.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        edges.sort { ($0.source, $0.target) < ($1.source, $1.target) }
        return CooccurrenceGraph(nodes: nodes, edges: edges, totalWindows: 200, totalDocuments: 10, options: BuildOptions())
    }

    /// A ring of `count` people with chords, ties of growing weight: a graph of any size.
    static func ring(_ count: Int) -> CooccurrenceGraph {
        let ids = (0..<count).map { String(format: "person:p%05d", $0) }
        let nodes = ids.enumerated().map { k, id in
            GraphNode(id: id, name: "Person \(k)", type: .person, mentions: 1 + k % 7, documents: 1, windows: 1 + k % 7)
        }
        var edges: [GraphEdge] = []
        for k in 0..<count where count > 1 {
            for step in [1, 7] where step < count {
                let a = ids[k], b = ids[(k + step) % count]
                edges.append(GraphEdge(source: min(a, b), target: max(a, b), count: 1 + (k * step) % 11, documents: 1))
            }
        }
        var seen = Set<String>()
        edges = edges.filter { seen.insert($0.source + " " + $0.target).inserted }
        edges.sort { ($0.source, $0.target) < ($1.source, $1.target) }
        return CooccurrenceGraph(nodes: nodes, edges: edges, totalWindows: 1000, totalDocuments: 5, options: BuildOptions())
    }
}

/// A parsed SVG or XML element: what a real XML reader (libxml2 through XMLParser) makes of the bytes.
final class SVGTree {
    let name: String
    let attributes: [String: String]
    var text = ""
    var children: [SVGTree] = []

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses `bytes`, failing on anything that is not well-formed XML. External entities are not fetched.
    static func parse(_ bytes: [UInt8]) throws -> SVGTree {
        let builder = Builder()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "no root") at line \(parser.lineNumber)")
        }
        return root
    }

    /// Every descendant element named `name`, in document order.
    func all(_ name: String) -> [SVGTree] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.all(name) }
    }

    /// All text inside the element.
    var allText: [String] { (text.isEmpty ? [] : [text]) + children.flatMap(\.allText) }

    /// The SVG groups Graphviz writes for nodes (`kind` "node") or edges ("edge").
    func groups(_ kind: String) -> [SVGTree] {
        all("g").filter { ($0.attributes["class"] ?? "").split(separator: " ").first.map(String.init) == kind }
    }

    /// The tooltip Graphviz wrote for a node or edge group.
    var tooltip: String? { all("a").first?.attributes["xlink:title"] }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [SVGTree] = []
        var root: SVGTree?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                    attributes attributeDict: [String: String] = [:]) {
            let e = SVGTree(name: elementName, attributes: attributeDict)
            if let parent = stack.last { parent.children.append(e) } else { root = e }
            stack.append(e)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
