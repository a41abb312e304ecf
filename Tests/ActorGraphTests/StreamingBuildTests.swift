import Testing
@testable import ActorGraph
@testable import ActorRecognition

/// A document longer than the recognizer's segments is counted one segment's mentions at a time
/// (`GraphBuilder.add(_:recognizedBy:sequence:)`), so its mentions are never all held; the graph must be the
/// one built from the whole recognized document, to the byte, whatever the window and the counting.
@Suite("Building a long document segment by segment")
struct StreamingBuildTests {
    /// Dated documents: two long ones (non-ASCII text, so evidence offsets count code points, and blank lines,
    /// so paragraphs count) between short ones.
    static let corpus: [Document] = {
        let paragraph = """
            Qatar's foreign ministry said on Tuesday that Afghanistan's négociateurs met the Taliban in Doha. \
            Pakistan welcomed the talks; Afghanistan thanked Qatar.
            Later, Pakistan and the Taliban spoke of « Afghanistan » again.

            """
        func doc(_ id: String, _ text: String, _ date: String?) -> Document {
            Document(id: id, text: DocumentText(text), date: date.flatMap { Day($0) }, source: id)
        }
        return [
            doc("a", "Qatar met Pakistan. Afghanistan waited.", "2021-06-01"),
            doc("long-1", String(repeating: paragraph, count: 25), "2021-06-01"),
            doc("b", "Pakistan and Afghanistan talked.\n\nQatar too.", nil),
            doc("long-2", String(repeating: "Déjà: " + paragraph, count: 18), "2021-06-02"),
        ]
    }()

    static func recognizer(segmentBytes: Int) throws -> Recognizer {
        let (g, problems) = GazetteerParser.parse(graphGazetteer, file: "spec")
        #expect(problems.isEmpty)
        return Recognizer(gazetteer: g, segmentBytes: segmentBytes)
    }

    /// The graph file of the corpus, built from whole recognized documents or segment by segment, and how
    /// many texts (documents or parts) the builder counted.
    static func graphFile(_ options: BuildOptions, segmentBytes: Int, streaming: Bool) throws -> (file: String, texts: Int) {
        let r = try recognizer(segmentBytes: segmentBytes)
        var b = GraphBuilder(options: options)
        for (k, d) in corpus.enumerated() {
            if streaming { b.add(d, recognizedBy: r, sequence: k) } else { b.add(r.recognize(d), sequence: k) }
        }
        return (String(decoding: GraphFile.encode(b.graph()), as: UTF8.self), b.textsCounted)
    }

    static let windows: [Window] = [.sentence, .paragraph, .document, .tokens(4), .decay(lambda: 0.5, maxDistance: 2)]

    @Test("the same graph file as from whole documents", arguments: windows, CountUnit.allCases)
    func sameGraph(window: Window, count: CountUnit) throws {
        let options = BuildOptions(window: window, count: count, evidencePerEdge: 3)
        // Segments of about 300 bytes: each long document comes in dozens of parts.
        let streamed = try StreamingBuildTests.graphFile(options, segmentBytes: 300, streaming: true)
        let whole = try StreamingBuildTests.graphFile(options, segmentBytes: 300, streaming: false)
        #expect(streamed.file == whole.file)
        #expect(streamed.file.contains("\"QAT\"") && streamed.file.contains("organization:taliban"))
        // Sentence windows take the long documents part by part; windows that can span parts, whole.
        #expect(whole.texts == 4)
        if case .sentence = window { #expect(streamed.texts > 20) } else { #expect(streamed.texts == 4) }
    }

    @Test("counts hold across parts: windows, documents and days are the document's, not the parts'")
    func totals() throws {
        let r = try StreamingBuildTests.recognizer(segmentBytes: 300)
        var b = GraphBuilder(options: BuildOptions(count: .documents))
        for (k, d) in StreamingBuildTests.corpus.enumerated() { b.add(d, recognizedBy: r, sequence: k) }
        let g = b.graph()
        #expect(g.totalDocuments == 4)
        // Per document, each of the four documents has a window once.
        #expect(g.totalWindows == 4)
        // Afghanistan and Qatar share sentences in the two long documents only, in dozens of parts each.
        let qa = g.edges.first { $0.source == "AFG" && $0.target == "QAT" }!
        #expect(qa.count == 2 && qa.documents == 2)
        #expect(qa.days == [Day("2021-06-01")!: 1, Day("2021-06-02")!: 1])
        #expect(g.node(id: "QAT")?.documents == 4)
    }

    @Test("in parallel, on many threads, the same graph as one thread")
    func parallel() throws {
        let r = try StreamingBuildTests.recognizer(segmentBytes: 300)
        var one = GraphBuilder(options: BuildOptions())
        for (k, d) in StreamingBuildTests.corpus.enumerated() { one.add(r.recognize(d), sequence: k) }
        var many = ParallelGraphBuilder(recognizer: r, options: BuildOptions(), jobs: 3, batchBytes: 500)
        for d in StreamingBuildTests.corpus { many.add(d) }
        #expect(GraphFile.encode(many.graph()) == GraphFile.encode(one.graph()))
    }
}
