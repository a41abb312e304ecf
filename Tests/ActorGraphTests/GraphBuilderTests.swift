import Testing
@testable import ActorGraph
@testable import ActorRecognition

let graphGazetteer = """
country QAT = Qatar
country AFG = Afghanistan
country PAK = Pakistan
organization = Taliban
"""

func buildGraph(_ docs: [(String, String, String?)], window: Window = .sentence, count: CountUnit = .windows) -> CooccurrenceGraph {
    let (g, _) = GazetteerParser.parse(graphGazetteer, file: "spec")
    let r = Recognizer(gazetteer: g)
    var b = GraphBuilder(options: BuildOptions(window: window, count: count, evidencePerEdge: 2))
    for (id, text, date) in docs {
        b.add(r.recognize(Document(id: id, text: DocumentText(text), date: date.flatMap { Day($0) }, source: id)))
    }
    return b.graph()
}

@Suite("Co-occurrence graph")
struct GraphBuilderTests {
    // Hand count, sentence window:
    //  d1 s1: Qatar, Afghanistan, Taliban     -> QAT-AFG, QAT-Taliban, AFG-Taliban
    //  d1 s2: Qatar, Qatar, Afghanistan       -> QAT-AFG (self pair not counted, repeat counted once)
    //  d1 s3: Pakistan                        -> nothing
    //  d2 s1: Afghanistan, Pakistan           -> AFG-PAK
    //  d2 s2: Qatar, Afghanistan              -> QAT-AFG
    let docs: [(String, String, String?)] = [
        ("d1", "Qatar hosted Afghanistan and the Taliban. Qatar said Qatar and Afghanistan agree. Pakistan waited.", "2021-06-01"),
        ("d2", "Afghanistan met Pakistan. Qatar called Afghanistan.", nil),
    ]

    @Test("edge weight is the number of sentences both actors occur in")
    func weights() {
        let g = buildGraph(docs)
        let w = Dictionary(uniqueKeysWithValues: g.edges.map { ("\($0.source)|\($0.target)", $0.count) })
        #expect(w == ["AFG|QAT": 3, "AFG|organization:taliban": 1, "QAT|organization:taliban": 1, "AFG|PAK": 1])
        let qa = g.edges.first { $0.source == "AFG" && $0.target == "QAT" }!
        #expect(qa.documents == 2)
        #expect(qa.days == [Day("2021-06-01")!: 2])
        #expect(g.totalWindows == 5 && g.totalDocuments == 2)
    }

    @Test("node attributes: mentions, documents and windows")
    func nodes() {
        let g = buildGraph(docs)
        let q = g.node(id: "QAT")!
        #expect((q.mentions, q.documents, q.windows) == (4, 2, 3))
        #expect(g.node(id: "PAK")!.documents == 2)
    }

    @Test("evidence holds the sentence text and both mention spans, at most K per edge")
    func evidence() {
        let g = buildGraph(docs)
        let qa = g.edges.first { $0.source == "AFG" && $0.target == "QAT" }!
        #expect(qa.evidence.count == 2)
        let e = qa.evidence[0]
        #expect(e.text == "Qatar hosted Afghanistan and the Taliban.")
        let scalars = Array(e.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[e.sourceSpan])) == "Afghanistan")
        #expect(String(String.UnicodeScalarView(scalars[e.targetSpan])) == "Qatar")
    }

    @Test("document window counts each pair once per document")
    func documentWindow() {
        let g = buildGraph(docs, window: .document)
        let w = Dictionary(uniqueKeysWithValues: g.edges.map { ("\($0.source)|\($0.target)", $0.count) })
        #expect(w["AFG|QAT"] == 2)
        #expect(w["PAK|QAT"] == 2)
    }

    @Test("the graph file round-trips to the same bytes")
    func graphFileRoundTrip() throws {
        let g = buildGraph(docs)
        let bytes = GraphFile.encode(g)
        #expect(GraphFile.looksLikeGraph(bytes))
        let again = try GraphFile.decode(bytes, file: "g.json")
        #expect(GraphFile.encode(again) == bytes)
        #expect(again.nodes == g.nodes && again.edges == g.edges)
    }

    @Test("a graph file saved by an editor with a byte-order mark is still a graph file, read the same; errors keep their line")
    func graphFileWithByteOrderMark() throws {
        let g = buildGraph(docs)
        let bytes = [0xEF, 0xBB, 0xBF] + GraphFile.encode(g)
        #expect(GraphFile.looksLikeGraph(bytes))
        #expect(GraphFile.encode(try GraphFile.decode(bytes, file: "g.json")) == GraphFile.encode(g))
        // The mark is only skipped at the very start.
        #expect(!GraphFile.looksLikeGraph(Array(" ".utf8) + [0xEF, 0xBB, 0xBF] + GraphFile.encode(g)))
        let broken = Array(bytes.dropLast(40))
        let error = #expect(throws: InputError.self) { try GraphFile.decode(broken, file: "g.json") }
        let lines = broken.filter { $0 == 0x0A }.count
        #expect(error.map { "\($0)".contains("g.json:\(lines)") || "\($0)".contains("g.json:\(lines + 1)") } == true, "\(String(describing: error))")
    }

    @Test("a truncated graph file is a clear error")
    func truncated() {
        let bytes = Array(GraphFile.encode(buildGraph(docs)).dropLast(40))
        #expect(throws: InputError.self) { try GraphFile.decode(bytes, file: "g.json") }
    }

    @Test("neighbors are sorted by weight, then name")
    func neighbors() {
        let g = buildGraph(docs)
        #expect(g.neighbors(of: "AFG").map(\.node.id) == ["QAT", "PAK", "organization:taliban"])
        #expect(g.neighbors(of: "AFG", top: 1).count == 1)
    }

    @Test("actors are found by id, name or alias in any case, with suggestions")
    func lookup() {
        let g = buildGraph(docs)
        let (gz, _) = GazetteerParser.parse(graphGazetteer + "\n  alias: Islamic Emirate\n", file: "x")
        let l = ActorLookup(graph: g, gazetteer: gz)
        #expect(l.resolve("qatar") == "QAT")
        #expect(l.resolve("afg") == "AFG")
        #expect(l.resolve("islamic emirate") == "organization:taliban")
        #expect(l.resolve("Qatr") == nil)
        #expect(l.suggestions(for: "Qatr").first == "Qatar")
    }
}

@Suite("DOT writer")
struct DOTWriterTests {
    @Test("quotes, backslashes, newlines and <>& are escaped", arguments: [
        ("say \"hi\"", "\"say \\\"hi\\\"\""),
        ("a\\b", "\"a\\\\b\""),
        ("line1\nline2", "\"line1\\nline2\""),
        ("<b>&</b>", "\"<b>&</b>\""),
        ("]; node [", "\"]; node [\""),
    ])
    func quoting(name: String, expected: String) {
        #expect(DOTWriter.quote(name) == expected)
    }
}
