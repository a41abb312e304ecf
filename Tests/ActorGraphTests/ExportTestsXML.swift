import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ActorRecognition
@testable import ActorGraph

/// A parsed XML element: what a real XML reader (libxml2 through XMLParser) makes of our bytes.
final class XMLTree {
    let name: String
    let attributes: [String: String]
    var text = ""
    var children: [XMLTree] = []

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses `bytes`, failing on anything that is not well-formed XML.
    static func parse(_ bytes: [UInt8]) throws -> XMLTree {
        let builder = Builder()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "no root") at line \(parser.lineNumber)")
        }
        return root
    }

    /// Every descendant element named `name`, in document order.
    func all(_ name: String) -> [XMLTree] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.all(name) }
    }

    func first(_ name: String) -> XMLTree? { all(name).first }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLTree] = []
        var root: XMLTree?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                    attributes attributeDict: [String: String] = [:]) {
            let e = XMLTree(name: elementName, attributes: attributeDict)
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

@Suite("Exports: GraphML")
struct ExportTestsGraphML {
    let graph = ExportFixture.graph()

    @Test("an undirected graph with typed keys for every field and attribute")
    func keys() throws {
        let root = try XMLTree.parse(graph.graphML(measure: .pmi))
        #expect(root.name == "graphml")
        #expect(root.attributes["xmlns"] == "http://graphml.graphdrawing.org/xmlns")
        #expect(root.first("graph")?.attributes["edgedefault"] == "undirected")
        var types: [String: String] = [:]
        for k in root.all("key") { types["\(k.attributes["for"]!):\(k.attributes["attr.name"]!)"] = k.attributes["attr.type"] }
        #expect(types["node:name"] == "string")
        #expect(types["node:type"] == "string")
        #expect(types["node:mentions"] == "long")
        #expect(types["node:pagerank"] == "double")
        #expect(types["node:community"] == "double")
        #expect(types["node:code"] == "string")
        #expect(types["node:note"] == "string")
        #expect(types["node:attr.type"] == "string")
        #expect(types["edge:weight"] == "double")
        #expect(types["edge:count"] == "long")
        #expect(types["edge:documents"] == "long")
        #expect(types["graph:weight_measure"] == "string")
        // Key ids are unique.
        let ids = root.all("key").map { $0.attributes["id"]! }
        #expect(Set(ids).count == ids.count)
    }

    @Test("node ids are actor ids and every name reads back exactly (less what XML 1.0 cannot hold)")
    func names() throws {
        let root = try XMLTree.parse(graph.graphML())
        let keyName = Dictionary(uniqueKeysWithValues: root.all("key").map { ($0.attributes["id"]!, $0.attributes["attr.name"]!) })
        var read: [String: [String: String]] = [:]
        for n in root.all("node") {
            var data: [String: String] = [:]
            for d in n.all("data") { data[keyName[d.attributes["key"]!]!] = d.text }
            read[n.attributes["id"]!] = data
        }
        #expect(read.keys.sorted() == graph.nodes.map(\.id))
        for n in graph.nodes {
            #expect(read[n.id]?["name"] == ExportFixture.xmlVisible(n.name), "name of \(n.id)")
            #expect(read[n.id]?["type"] == n.type.rawValue)
            #expect(read[n.id]?["windows"] == String(n.windows))
        }
        #expect(read["AFG"]?["attr.type"] == "shadow")
        #expect(read["AFG"]?["pagerank"] == "0.25")
        #expect(read["person:evil"]?["roles"] == "Boss <b> & \"chief\" (2020-01-01–)")
        #expect(read["SAU"]?["pagerank"] == nil)  // absent, not empty
        #expect(read["person:controls"]?["name"] == "Tab\therebell\r\nend")
    }

    @Test("edges carry the chosen measure as weight plus the raw counts")
    func edges() throws {
        let root = try XMLTree.parse(graph.graphML(measure: .pmi))
        let keyName = Dictionary(uniqueKeysWithValues: root.all("key").map { ($0.attributes["id"]!, $0.attributes["attr.name"]!) })
        let edges = root.all("edge")
        #expect(edges.count == graph.edges.count)
        for (xml, e) in zip(edges, graph.edges) {
            #expect(xml.attributes["source"] == e.source)
            #expect(xml.attributes["target"] == e.target)
            var data: [String: String] = [:]
            for d in xml.all("data") { data[keyName[d.attributes["key"]!]!] = d.text }
            #expect(data["count"] == String(e.count))
            #expect(data["documents"] == String(e.documents))
            let w = try #require(Double(data["weight"] ?? ""))
            #expect(abs(w - Measure.pmi.weight(e, in: graph)) < 1e-6)
        }
        // evil–formula: 1 window of 10, each in 8: PMI = log2(10/64) < 0.
        #expect(Double(edges.last!.all("data").first!.text)! < 0)
    }

    @Test("raw markup from the names never reaches the file")
    func escaped() {
        let text = ExportFixture.text(graph.graphML())
        #expect(text.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; --&gt;"))
        #expect(text.contains("He said &quot;hi&quot; \\ back\\slash&#10;line two: &lt;b&gt;&amp;amp;&lt;/b&gt; ]; node ["))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }
}

@Suite("Exports: GEXF")
struct ExportTestsGEXF {
    let graph = ExportFixture.graph()

    @Test("GEXF 1.3, undirected, attributes declared per class, weight on the edge")
    func structure() throws {
        let root = try XMLTree.parse(graph.gexf(measure: .dice))
        #expect(root.name == "gexf")
        #expect(root.attributes["xmlns"] == "http://gexf.net/1.3")
        #expect(root.attributes["version"] == "1.3")
        let g = try #require(root.first("graph"))
        #expect(g.attributes["defaultedgetype"] == "undirected")
        let classes = root.all("attributes").map { $0.attributes["class"]! }
        #expect(classes == ["node", "edge"])
        var nodeAttr: [String: (title: String, type: String)] = [:]
        for a in root.all("attributes")[0].all("attribute") { nodeAttr[a.attributes["id"]!] = (a.attributes["title"]!, a.attributes["type"]!) }
        let titles = Dictionary(uniqueKeysWithValues: nodeAttr.values.map { ($0.title, $0.type) })
        #expect(titles["type"] == "string")
        #expect(titles["mentions"] == "long")
        #expect(titles["pagerank"] == "double")
        #expect(titles["attr.type"] == "string")
        let edgeTitles = root.all("attributes")[1].all("attribute").map { $0.attributes["title"]! }
        #expect(edgeTitles == ["count", "documents"])

        let nodes = root.all("node")
        #expect(nodes.map { $0.attributes["id"]! } == graph.nodes.map(\.id))
        for (xml, n) in zip(nodes, graph.nodes) {
            #expect(xml.attributes["label"] == ExportFixture.xmlVisible(n.name), "label of \(n.id)")
            let values = Dictionary(uniqueKeysWithValues: xml.all("attvalue").map { (nodeAttr[$0.attributes["for"]!]!.title, $0.attributes["value"]!) })
            #expect(values["type"] == n.type.rawValue)
            #expect(values["mentions"] == String(n.mentions))
            for (k, v) in n.attributes { #expect(values[k == "type" ? "attr.type" : k] == ExportFixture.xmlVisible(v)) }
        }
        let edges = root.all("edge")
        #expect(edges.count == graph.edges.count)
        for (xml, e) in zip(edges, graph.edges) {
            #expect(xml.attributes["source"] == e.source && xml.attributes["target"] == e.target)
            let w = try #require(Double(xml.attributes["weight"] ?? ""))
            #expect(abs(w - Measure.dice.weight(e, in: graph)) < 1e-6)
            #expect(xml.all("attvalue").map { $0.attributes["value"]! } == [String(e.count), String(e.documents)])
        }
        #expect(Set(edges.map { $0.attributes["id"]! }).count == edges.count)
    }

    @Test("dated edges make a dynamic graph: one spell per day on edges, the union of their days on nodes")
    func spells() throws {
        let root = try XMLTree.parse(graph.gexf())
        let g = try #require(root.first("graph"))
        #expect(g.attributes["mode"] == "dynamic")
        #expect(g.attributes["timeformat"] == "date")
        func spells(_ e: XMLTree) -> [String] { e.all("spell").map { "\($0.attributes["start"]!)/\($0.attributes["end"]!)" } }
        let edges = root.all("edge")
        #expect(spells(edges[0]) == ["2021-07-18/2021-07-18", "2021-08-15/2021-08-15"])  // AFG–RUS
        #expect(spells(edges[1]).isEmpty)                                                 // AFG–SAU, undated
        #expect(spells(edges[2]) == ["2021-08-15/2021-08-15"])                           // AFG–evil
        let nodes = Dictionary(uniqueKeysWithValues: root.all("node").map { ($0.attributes["id"]!, $0) })
        #expect(spells(nodes["AFG"]!) == ["2021-07-18/2021-07-18", "2021-08-15/2021-08-15"])
        #expect(spells(nodes["RUS"]!) == ["2021-07-18/2021-07-18", "2021-08-15/2021-08-15"])
        #expect(spells(nodes["person:evil"]!) == ["2021-08-15/2021-08-15"])
        #expect(nodes["SAU"]!.first("spells") == nil)
    }

    @Test("an undated graph is static and has no spells")
    func staticGraph() throws {
        let root = try XMLTree.parse(ExportFixture.graph(dated: false).gexf())
        #expect(root.first("graph")?.attributes["mode"] == "static")
        #expect(root.first("graph")?.attributes["timeformat"] == nil)
        #expect(root.all("spells").isEmpty)
    }

    @Test("raw markup from the names never reaches the file")
    func escaped() {
        let text = ExportFixture.text(graph.gexf())
        #expect(text.contains("label=\"He said &quot;hi&quot; \\ back\\slash&#10;line two: &lt;b&gt;&amp;amp;&lt;/b&gt;"))
        #expect(text.contains("label=\"=cmd|&apos; /C calc&apos;!A0\""))
        #expect(text.contains("label=\"\(ExportFixture.arabic)\""))
    }
}
