import Foundation
import Testing
import ActorRecognition
@testable import ActorGraph

/// A small graph whose names try every way to break a file format: quotes, backslashes, line breaks, markup,
/// DOT syntax, a spreadsheet formula, right-to-left and Cyrillic text, and characters XML 1.0 forbids.
enum ExportFixture {
    static let evil = "He said \"hi\" \\ back\\slash\nline two: <b>&amp;</b> ]; node [ <script>alert('x')</script> -->"
    static let formula = "=cmd|' /C calc'!A0"
    static let quoted = "'=already quoted"
    static let arabic = "المملكة العربية السعودية"
    static let cyrillic = "Россия, «Москва»"
    static let controls = "Tab\there\u{01}bell\u{7}\r\nend\u{FFFE}"

    static func day(_ s: String) -> Day { Day(s)! }

    /// Nodes sorted by id, edges by (source, target), as the builder makes them.
    static func graph(attributeOrder reversed: Bool = false, dated: Bool = true) -> CooccurrenceGraph {
        var afgAttributes: [(String, String)] = [("iso2", "AF"), ("status", "sovereign"), ("pagerank", "0.25"), ("community", "3"),
                                                 ("type", "shadow"), ("note", "-5 apples"), ("code", "004"),
                                                 ("strength", "0.5")]
        if reversed { afgAttributes.reverse() }
        var afg: [String: String] = [:]
        for (k, v) in afgAttributes { afg[k] = v }
        let nodes = [
            GraphNode(id: "AFG", name: "Afghanistan", type: .country, mentions: 9, documents: 3, windows: 6, attributes: afg),
            GraphNode(id: "RUS", name: cyrillic, type: .country, mentions: 4, documents: 2, windows: 3,
                      attributes: ["pagerank": "-1.5e-3", "community": "1", "note": "+7 (495)", "strength": "3."]),
            GraphNode(id: "SAU", name: arabic, type: .country, mentions: 2, documents: 1, windows: 2, attributes: ["iso2": "SA"]),
            GraphNode(id: "person:controls", name: controls, type: .person, mentions: 1, documents: 1, windows: 1),
            GraphNode(id: "person:evil", name: evil, type: .person, mentions: 8, documents: 2, windows: 8,
                      attributes: ["roles": "Boss <b> & \"chief\" (2020-01-01–)", "pagerank": "0.5"]),
            GraphNode(id: "person:formula", name: formula, type: .person, mentions: 8, documents: 2, windows: 8),
            GraphNode(id: "person:quoted", name: quoted, type: .person, mentions: 1, documents: 1, windows: 1),
        ]
        let d1 = dated ? [day("2021-07-18"): 2, day("2021-08-15"): 1] : [:]
        let d2 = dated ? [day("2021-08-15"): 1] : [:]
        let edges = [
            GraphEdge(source: "AFG", target: "RUS", count: 3, documents: 2, days: d1),
            GraphEdge(source: "AFG", target: "SAU", count: 1, documents: 1),
            GraphEdge(source: "AFG", target: "person:evil", count: 2, documents: 2, days: d2),
            GraphEdge(source: "person:controls", target: "person:quoted", count: 1, documents: 1),
            GraphEdge(source: "person:evil", target: "person:formula", count: 1, documents: 1),
        ]
        return CooccurrenceGraph(nodes: nodes, edges: edges, totalWindows: 10, totalDocuments: 3, options: BuildOptions())
    }

    /// What an XML reader gives back for `s`: the characters XML 1.0 cannot hold are gone.
    static func xmlVisible(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter {
            !(($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") || $0.value == 0xFFFE || $0.value == 0xFFFF)
        }))
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}

@Suite("Exports: determinism and shared rules")
struct ExportTests {
    typealias Writer = @Sendable (CooccurrenceGraph, Measure) -> [UInt8]
    static let writers: [(String, Writer)] = [
        ("graphml", { $0.graphML(measure: $1) }),
        ("gexf", { $0.gexf(measure: $1) }),
        ("json", { $0.nodeLinkJSON(measure: $1) }),
        ("csv nodes", { $0.csvNodes(measure: $1) }),
        ("csv edges", { $0.csvEdges(measure: $1) }),
    ]

    @Test("the same graph gives the same bytes, whatever order its attributes were inserted in",
          arguments: ExportTests.writers.map(\.0))
    func deterministic(format: String) {
        let write = Self.writers.first { $0.0 == format }!.1
        for measure in Measure.allCases {
            let a = write(ExportFixture.graph(), measure)
            let b = write(ExportFixture.graph(), measure)
            let c = write(ExportFixture.graph(attributeOrder: true), measure)
            #expect(!a.isEmpty)
            #expect(a == b, "\(format) under \(measure) differs between two calls")
            #expect(a == c, "\(format) under \(measure) depends on attribute insertion order")
        }
    }

    @Test("every format is valid UTF-8 and holds no raw markup from the names", arguments: ["graphml", "gexf", "json"])
    func inert(format: String) {
        let text = ExportFixture.text(Self.writers.first { $0.0 == format }!.1(ExportFixture.graph(), .count))
        #expect(!text.contains("<script>"))
        #expect(!text.contains("</script>"))
        #expect(!text.contains("<b>"))
        #expect(!text.contains("-->"))
    }

    @Test("an empty graph is still a well-formed file in every format", arguments: ExportTests.writers.map(\.0))
    func empty(format: String) throws {
        let g = CooccurrenceGraph(nodes: [], edges: [], totalWindows: 0, totalDocuments: 0, options: BuildOptions())
        let bytes = Self.writers.first { $0.0 == format }!.1(g, .pmi)
        switch format {
        case "json":
            let obj = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            #expect((obj["nodes"] as? [Any])?.isEmpty == true)
            #expect((obj["links"] as? [Any])?.isEmpty == true)
        case "graphml", "gexf":
            #expect(try XMLTree.parse(bytes).children.isEmpty == false)
        default:
            #expect(ExportFixture.text(bytes).hasSuffix("\r\n"))
            #expect(ExportFixture.text(bytes).split(separator: "\r\n").count == 1)
        }
    }

    @Test("attribute columns: sorted, numeric only when every value is a JSON number, reserved names renamed")
    func columns() {
        let cols = ExportFixture.graph().exportColumns()
        #expect(cols.map(\.key) == ["code", "community", "iso2", "note", "pagerank", "roles", "status", "strength", "type"])
        let byKey = Dictionary(uniqueKeysWithValues: cols.map { ($0.key, $0) })
        #expect(byKey["pagerank"]!.isNumeric)     // 0.25, -1.5e-3, 0.5
        #expect(byKey["community"]!.isNumeric)
        #expect(byKey["strength"]!.isNumeric)     // 0.5 and `3.` as CooccurrenceGraph.format writes 2.9999999
        #expect(!byKey["code"]!.isNumeric)        // "004" keeps its zeros
        #expect(!byKey["note"]!.isNumeric)
        #expect(!byKey["iso2"]!.isNumeric)
        #expect(byKey["type"]!.name == "attr.type")
        #expect(byKey["pagerank"]!.name == "pagerank")
    }

    @Test("a renamed attribute never collides with another attribute")
    func renameCollision() {
        let n = GraphNode(id: "a", name: "A", type: .person, mentions: 1, documents: 1, windows: 1,
                          attributes: ["name": "x", "attr.name": "y", "attr.attr.name": "z"])
        let g = CooccurrenceGraph(nodes: [n], edges: [], totalWindows: 1, totalDocuments: 1, options: BuildOptions())
        let names = g.exportColumns().map(\.name)
        #expect(Set(names).count == 3)
        #expect(Set(names).isDisjoint(with: CooccurrenceGraph.reservedNodeColumns))
        #expect(names.contains("attr.attr.attr.name"))
    }

    @Test("what counts as a number", arguments: [
        ("0", true), ("-0.5", true), ("3", true), ("1e5", true), ("-1.5E-3", true), ("12.25", true),
        ("1.", true), ("0.", true), ("-2.e3", true),
        ("", false), ("-", false), ("004", false), ("+1", false), (".5", false), ("-.5", false), ("1..", false), ("nan", false),
        ("inf", false), ("0x1p3", false), ("1e", false), (" 1", false), ("1,5", false), ("٣", false),
    ])
    func numbers(text: String, isNumber: Bool) {
        #expect(ExportText.isNumber(text) == isNumber)
    }

    @Test("weights are written in a form JSON accepts", arguments: [
        (1.0, "1"), (0.9999999, "1"), (-0.5, "-0.5"), (1e-7, "0"), (-1e-7, "0"), (2.5, "2.5"), (1.0 / 3.0, "0.333333"),
        (4.8073549220576, "4.807355"), (123456.0000001, "123456"),
    ])
    func weights(value: Double, text: String) {
        #expect(ExportText.number(value) == text)
    }

    @Test("non-finite weights (which no measure gives): null in JSON, 0 in XML and DOT, an empty CSV cell; never inf or nan")
    func nonFinite() {
        #expect(ExportText.number(.nan) == nil)
        #expect(ExportText.xmlDouble(.infinity) == "0")
        #expect(ExportText.xmlDouble(-.infinity) == "0")
        #expect(ExportText.xmlDouble(.nan) == "0")
        #expect(CooccurrenceGraph.format(.infinity) == "0")
        #expect(CooccurrenceGraph.format(.nan) == "0")
        var out: [UInt8] = []
        ExportText.appendCSVNumber(.nan, to: &out)
        #expect(out.isEmpty)
    }

    @Test("XML escaping", arguments: [
        ("a & b", "a &amp; b"), ("<script>", "&lt;script&gt;"), ("\"q\" 'a'", "&quot;q&quot; &apos;a&apos;"),
        ("-->", "--&gt;"), ("]]>", "]]&gt;"), ("l1\nl2\r\tx", "l1&#10;l2&#13;&#9;x"), ("a\u{0}b\u{1B}c\u{FFFF}d", "abcd"),
        ("Россия", "Россия"), ("😀\u{85}", "😀\u{85}"),
    ])
    func xmlEscaping(input: String, escaped: String) {
        #expect(ExportText.xml(input) == escaped)
    }

    @Test("CSV cells: quoting and the formula defence", arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("l1\nl2", "\"l1\nl2\""),
        ("=1+1", "'=1+1"), ("+7", "'+7"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "\"'\rx\""),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"), ("'=x", "''=x"), ("''+x", "'''+x"), ("'plain", "'plain"),
        ("a=b", "a=b"), ("=a,b", "\"'=a,b\""), ("", ""),
    ])
    func csvCells(input: String, cell: String) {
        var out: [UInt8] = []
        ExportText.appendCSVText(input, to: &out)
        #expect(ExportFixture.text(out) == cell)
    }
}
