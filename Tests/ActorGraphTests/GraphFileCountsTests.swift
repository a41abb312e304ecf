import Foundation
import Testing
@testable import ActorGraph
@testable import ActorRecognition

/// The graph-file reader refuses counts that do not fit together, and accepts every graph ActorGraph writes;
/// no measure and no writer ever gives `inf` or `nan`.
@Suite("Graph-file counts and finite weights")
struct GraphFileCountsTests {
    static let windows: [Window] = [.sentence, .paragraph, .document, .tokens(2), .tokens(12), .decay(lambda: 0.5, maxDistance: 2),
                                    .decay(lambda: 0, maxDistance: 4)]

    /// Reads `g` back from its graph file.
    func roundTrip(_ g: CooccurrenceGraph, _ context: String) throws -> CooccurrenceGraph {
        do {
            return try GraphFile.decode(GraphFile.encode(g), file: "g.json")
        } catch {
            Issue.record("\(context): a graph ActorGraph wrote is refused: \(error)")
            throw error
        }
    }

    @Test("every graph built, restricted to a time range, filtered or merged reads back", arguments: windows, CountUnit.allCases)
    func writtenGraphsReadBack(window: Window, count: CountUnit) throws {
        for seed in 1...8 as ClosedRange<UInt64> {
            let docs = MergeTests.corpus(seed: seed, documents: 24)
            let whole = buildGraph(docs, window: window, count: count)
            _ = try roundTrip(whole, "seed \(seed)")
            _ = try roundTrip(whole.restricted(since: Day("2021-03-01"), until: Day("2021-06-30")), "seed \(seed), restricted")
            _ = try roundTrip(whole.filtered(GraphFilter(types: [.country], minCount: 2, topEdges: 3, measure: .jaccard)), "seed \(seed), filtered")
            let parts = [buildGraph(Array(docs[..<10]), window: window, count: count), buildGraph(Array(docs[10...]), window: window, count: count)]
            _ = try roundTrip(try CooccurrenceGraph.merged(parts), "seed \(seed), merged")
            _ = try roundTrip(try CooccurrenceGraph.merged([whole, whole]), "seed \(seed), merged with itself")
        }
    }

    @Test("every measure of every built graph is finite, and dice, jaccard and npmi stay in their ranges", arguments: windows)
    func measuresFinite(window: Window) {
        for seed in 1...8 as ClosedRange<UInt64> {
            let g = buildGraph(MergeTests.corpus(seed: seed, documents: 24), window: window)
            for m in Measure.allCases {
                for e in g.edges {
                    let w = m.weight(e, in: g)
                    #expect(w.isFinite, "\(window) \(m) \(e.source)–\(e.target): \(w)")
                    if m == .dice || m == .jaccard { #expect(w >= 0 && w <= 1, "\(window) \(m): \(w)") }
                    if m == .npmi { #expect(w >= -1 - 1e-12 && w <= 1 + 1e-12, "\(window) npmi: \(w)") }
                }
            }
        }
    }

    @Test("pair counts past both actors' windows (tokens:K): the joint count is read as at most the smaller one")
    func pairCounts() {
        // Two mentions each, all within K tokens: 4 mention pairs, n(a) = n(b) = 2, N = 4.
        #expect(Measure.associate(.jaccard, nab: 4, na: 2, nb: 2, n: 4) == 1)
        #expect(Measure.associate(.dice, nab: 4, na: 2, nb: 2, n: 4) == 1)
        #expect(Measure.associate(.jaccard, nab: 9, na: 3, nb: 5, n: 8) == 3.0 / 5.0)
        #expect(Measure.associate(.npmi, nab: 9, na: 3, nb: 3, n: 6) == 1)
        for m in Measure.allCases {
            for (nab, na, nb, n) in [(4.0, 2.0, 2.0, 4.0), (9, 3, 3, 6), (1e300, 1, 1, 1), (5, 1, 1, 0.5), (2, 2, 2, 1)] {
                let w = Measure.associate(m, nab: nab, na: na, nb: nb, n: n)
                #expect(w.isFinite, "\(m)(\(nab), \(na), \(nb), \(n)) = \(w)")
            }
        }
    }

    /// A graph built in memory with counts no reader would accept.
    static func inconsistent() -> CooccurrenceGraph {
        CooccurrenceGraph(
            nodes: [GraphNode(id: "AFG", name: "Afghanistan", type: .country, mentions: 2, documents: 1, windows: 2),
                    GraphNode(id: "QAT", name: "Qatar", type: .country, mentions: 2, documents: 1, windows: 2),
                    GraphNode(id: "USA", name: "United States", type: .country, mentions: 1, documents: 1, windows: 9)],
            edges: [GraphEdge(source: "AFG", target: "QAT", count: 4, documents: 1),
                    GraphEdge(source: "AFG", target: "USA", count: 7, documents: 1),
                    GraphEdge(source: "QAT", target: "USA", count: 1, documents: 1)],
            totalWindows: 3, totalDocuments: 1, options: BuildOptions())
    }

    @Test("no writer prints inf or nan, whatever the counts", arguments: Measure.allCases)
    func writersFinite(measure: Measure) {
        let g = Self.inconsistent()
        let outputs: [(String, [UInt8])] = [
            ("dot", Array(g.dot(measure: measure).utf8)), ("graphml", g.graphML(measure: measure)), ("gexf", g.gexf(measure: measure)),
            ("json", g.nodeLinkJSON(measure: measure)), ("csv nodes", g.csvNodes(measure: measure)), ("csv edges", g.csvEdges(measure: measure)),
            ("graph", GraphFile.encode(g)),
        ]
        for (name, bytes) in outputs {
            let text = String(decoding: bytes, as: UTF8.self).lowercased()
            for bad in ["inf", "nan"] {
                // As a value, not inside a word ("Afghanistan" holds "nan"): delimited by quotes, commas or ends.
                let found = text.components(separatedBy: CharacterSet(charactersIn: "\"',;=<> \r\n\t[]{}:")).contains { $0 == bad || $0 == "-" + bad }
                #expect(!found, "\(name) under \(measure) prints \(bad):\n\(text)")
            }
        }
        for e in g.edges { #expect(measure.weight(e, in: g).isFinite) }
        for n in g.neighbors(of: "AFG", measure: measure, top: 5) { #expect(CooccurrenceGraph.format(n.weight) != "inf") }
    }

    @Test("the reader refuses such a graph, naming the file and the edge")
    func inconsistentRefused() {
        let error = #expect(throws: InputError.self) { try GraphFile.decode(GraphFile.encode(Self.inconsistent()), file: "edited.json") }
        #expect(error?.file == "edited.json")
        #expect(error?.description.hasPrefix("edited.json: is not a valid graph file: ") == true)
        #expect(error?.message.contains("node 3 (\"USA\") is in 9 windows, more than the 3 windows in \"totals\"") == true, "\(String(describing: error))")
    }

    @Test("a day of an actor past the day's windows, or of an edge past its actors' windows that day, is refused")
    func daysRefused() {
        let d1 = Day("2021-07-18")!, d2 = Day("2021-07-19")!
        var g = CooccurrenceGraph(
            nodes: [GraphNode(id: "AFG", name: "Afghanistan", type: .country, mentions: 2, documents: 2, windows: 2, days: [d1: 1, d2: 1]),
                    GraphNode(id: "QAT", name: "Qatar", type: .country, mentions: 2, documents: 2, windows: 2, days: [d1: 1, d2: 1])],
            edges: [GraphEdge(source: "AFG", target: "QAT", count: 2, documents: 2, days: [d1: 2])],
            totalWindows: 4, totalDocuments: 2, options: BuildOptions(), dayTotals: [d1: .init(windows: 2, documents: 1), d2: .init(windows: 2, documents: 1)])
        var error = #expect(throws: InputError.self) { try GraphFile.decode(GraphFile.encode(g), file: "g.json") }
        #expect(error?.message.contains("has count 2 on 2021-07-18, more than the windows of \"AFG\" (1) and \"QAT\" (1) on that day allow") == true,
                "\(String(describing: error))")
        g.edges[0].days = [d1: 1, d2: 1]
        #expect(throws: Never.self) { try GraphFile.decode(GraphFile.encode(g), file: "g.json") }
        g.dayTotals[d2] = .init(windows: 0, documents: 0)
        error = #expect(throws: InputError.self) { try GraphFile.decode(GraphFile.encode(g), file: "g.json") }
        #expect(error?.message.contains("node 1 (\"AFG\") is in 1 windows on 2021-07-19, more than the 0 windows of that day") == true,
                "\(String(describing: error))")
    }
}
