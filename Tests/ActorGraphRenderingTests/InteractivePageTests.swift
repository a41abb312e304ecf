import Foundation
import Testing
import ActorGraph
import ActorRecognition
@testable import ActorGraphRendering

// The time limit is a hang guard, generous because a test's clock runs while it waits for a thread: on two
// cores a clean clone's first tests wait behind the hostile-input suite compiling its release binary.
@Suite("Interactive page", .timeLimit(.minutes(10)))
struct InteractivePageTests {
    func page(_ graph: CooccurrenceGraph = RenderingFixture.hostileGraph(), title: String? = "A <b>bold</b> & \"quoted\" title") throws -> String {
        String(decoding: try GraphStyle(title: title, coloring: .community).render(graph, engine: .neato, format: OutputFormat.html), as: UTF8.self)
    }

    /// The text of the JSON data block.
    func dataBlock(_ html: String) -> String {
        let open = "<script type=\"application/json\" id=\"graph-data\">"
        return String(html.components(separatedBy: open)[1].components(separatedBy: "</script>")[0])
    }

    @Test("one self-contained file: the SVG inline, script and style inline, nothing fetched")
    func selfContained() throws {
        let html = try page()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.components(separatedBy: "<svg").count == 2)
        #expect(!html.contains("<?xml") && !html.contains("<!DOCTYPE svg"))
        for fetch in ["src=", "href=", "url(", "@import", "http://", "https://"] where fetch != "http://" {
            #expect(!html.contains(fetch), "the page holds \(fetch)")
        }
        // The only http:// strings are the SVG namespace names, which are never fetched.
        #expect(html.components(separatedBy: "http://").count - 1
            == html.components(separatedBy: "http://www.w3.org/").count - 1)
        #expect(html.contains("default-src 'none'"))
    }

    @Test("the policy admits the page's own script by its SHA-256")
    func scriptHash() throws {
        let html = try page()
        let script = html.components(separatedBy: "<script>").last!.components(separatedBy: "</script>").first!
        #expect(script == PageScript.source)
        let hash = Data(SHA256.hash(Array(script.utf8))).base64EncodedString()
        #expect(html.contains("script-src 'sha256-\(hash)'"))
    }

    @Test("SHA-256 matches the FIPS 180-4 examples", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func sha256(message: String, digest: String) {
        #expect(SHA256.hash(Array(message.utf8)).map { String(format: "%02x", $0) }.joined() == digest)
    }

    @Test("the data block is JSON that no name can close: </script> never occurs in it")
    func dataBlockIsInert() throws {
        let html = try page()
        #expect(html.components(separatedBy: "</script>").count - 1 == 2)
        #expect(!html.lowercased().contains("<script>alert"))
        let block = dataBlock(html)
        #expect(!block.contains("<") && !block.contains(">"))
        let data = try JSONSerialization.jsonObject(with: Data(block.utf8)) as! [String: Any]
        let nodes = data["nodes"] as! [[String: Any]]
        let edges = data["edges"] as! [[String: Any]]
        let g = RenderingFixture.hostileGraph()
        #expect(nodes.map { $0["name"] as! String } == g.nodes.map(\.name))
        #expect(nodes.map { $0["id"] as! String } == g.nodes.map(\.id))
        #expect(edges.count == g.edges.count)
        #expect(edges[0]["id"] as? String == "tie-1")
        let k = g.edges.firstIndex { $0.target == "person:n0" }!
        let evidence = try #require(edges[k]["evidence"] as? [[String: Any]])
        #expect(evidence.map { $0["text"] as? String } == g.edges[k].evidence.map(\.text))
        #expect(evidence.first?["spans"] as? [[Int]] == [[0, 5], [10, 10 + RenderingFixture.hostile[0].count]])
    }

    @Test("U+2028 and U+2029 in names and evidence are escaped in the data block (they end a line in older JavaScript)")
    func lineSeparators() throws {
        let name = "Line\u{2028}Separator", text = "Qatar met Line\u{2028}Separator.\u{2029}Then left."
        let g = CooccurrenceGraph(
            nodes: [GraphNode(id: "QAT", name: "Qatar", type: .country, mentions: 1, documents: 1, windows: 1),
                    GraphNode(id: "person:ls", name: name, type: .person, mentions: 1, documents: 1, windows: 1)],
            edges: [GraphEdge(source: "QAT", target: "person:ls", count: 1, documents: 1, evidence: [
                Evidence(document: "d", date: nil, start: 0, end: text.count, text: text, sourceSpan: 0..<5, targetSpan: 10..<24)])],
            totalWindows: 2, totalDocuments: 1, options: BuildOptions())
        let block = dataBlock(try page(g))
        #expect(!block.unicodeScalars.contains("\u{2028}") && !block.unicodeScalars.contains("\u{2029}"))
        #expect(block.contains("Line\\u2028Separator"))
        let data = try JSONSerialization.jsonObject(with: Data(block.utf8)) as! [String: Any]
        #expect((data["nodes"] as! [[String: Any]]).map { $0["name"] as! String } == ["Qatar", name])
        let evidence = ((data["edges"] as! [[String: Any]])[0]["evidence"] as! [[String: Any]]).map { $0["text"] as? String }
        #expect(evidence == [text])
    }

    @Test("the title is escaped in the head and the heading")
    func title() throws {
        let html = try page()
        #expect(html.contains("<title>A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title</title>"))
        #expect(html.contains("<h1 id=\"title\" title=\"A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title\">A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title</h1>"))
        #expect(!html.contains("<b>"))
    }

    @Test("the inline SVG's node groups carry the actor ids the script looks up")
    func svgIDs() throws {
        let html = try page(RenderingFixture.twoStars())
        let svg = "<svg" + html.components(separatedBy: "<svg")[1].components(separatedBy: "</svg>")[0] + "</svg>"
        let tree = try SVGTree.parse(Array(svg.utf8))
        #expect(Set(tree.groups("node").map { $0.attributes["id"]! }) == Set(RenderingFixture.twoStars().nodes.map(\.id)))
        #expect(tree.groups("edge").map { $0.attributes["id"]! }.first == "tie-1")
    }

    @Test("the script puts text in with textContent, never as markup")
    func scriptUsesText() {
        for markup in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "fetch(", "XMLHttpRequest"] {
            #expect(!PageScript.source.contains(markup), "the script uses \(markup)")
        }
        #expect(!PageScript.source.contains("</script"))
        #expect(!PageStylesheet.source.contains("</style"))
    }

    @Test("a graph without ties makes a page too")
    func noTies() throws {
        let g = CooccurrenceGraph(nodes: [GraphNode(id: "QAT", name: "Qatar", type: .country, mentions: 1, documents: 1, windows: 1)],
                                  edges: [], totalWindows: 1, totalDocuments: 1, options: BuildOptions())
        let html = try page(g)
        #expect(html.contains("\"edges\": [\n]}"))
    }

    @Test("markup escaping keeps every character as text")
    func markup() {
        #expect(Markup.escaped("<a href='x'>\"&\"</a>\u{7}") == "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt; ")
        #expect(Markup.label("one\ntwo <3") == "one<br/>two &lt;3")
        #expect(Markup.label("one\r\ntwo\n") == "one <br/>two<br/>")
        #expect(Markup.graphviz("R&D &amp; &#60;") == "R&amp;D &amp;amp; &amp;#60;")
    }
}
