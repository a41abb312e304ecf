import Foundation
import Testing
@testable import ActorGraph
@testable import ActorRecognition

@Suite("Windows and counting")
struct WindowTests {
    // Sentences: s0 "Qatar met Pakistan." s1 "Afghanistan waited." s2 (new paragraph) "Pakistan and Afghanistan talked."
    let text = "Qatar met Pakistan. Afghanistan waited.\n\nPakistan and Afghanistan talked."

    func counts(_ window: Window, count: CountUnit = .windows) -> [String: Double] {
        let g = buildGraph([("d", text, nil)], window: window, count: count)
        return Dictionary(uniqueKeysWithValues: g.edges.map { ("\($0.source)|\($0.target)", $0.weight) })
    }

    @Test("sentence window")
    func sentence() { #expect(counts(.sentence) == ["PAK|QAT": 1, "AFG|PAK": 1]) }

    @Test("paragraph window")
    func paragraph() { #expect(counts(.paragraph) == ["PAK|QAT": 1, "AFG|PAK": 2, "AFG|QAT": 1]) }

    @Test("document window")
    func document() { #expect(counts(.document) == ["PAK|QAT": 1, "AFG|PAK": 1, "AFG|QAT": 1]) }

    @Test("±k tokens counts mention pairs at most k tokens apart")
    func tokens() {
        // Tokens: Qatar(0) met(1) Pakistan(2) .(3) Afghanistan(4) … Pakistan(7) and(8) Afghanistan(9)
        #expect(counts(.tokens(1)) == ["PAK|QAT": 1, "AFG|PAK": 2])
        #expect(counts(.tokens(3)) == ["PAK|QAT": 1, "AFG|PAK": 3, "AFG|QAT": 1])
    }

    @Test("sentence-distance decay weighs pairs e^(−λd) up to c sentences apart")
    func decay() {
        let w = counts(.decay(lambda: 1, maxDistance: 1))
        // s0{Q,P} s1{A} s2{P,A}: d=0: Q-P 1, P-A 1 (s2). d=1: s0-s1: Q-A e^-1, P-A e^-1; s1-s2: A-P e^-1.
        // Weights are kept to 1e-9 (summed as integer billionths, so the order of additions cannot matter).
        #expect(abs(w["PAK|QAT"]! - 1) < 1e-9)
        #expect(abs(w["AFG|QAT"]! - exp(-1)) < 1e-9)
        #expect(abs(w["AFG|PAK"]! - (1 + 2 * exp(-1))) < 1e-9)
    }

    @Test("--count documents caps each pair at one per document")
    func perDocument() {
        let g = buildGraph([("d1", "Qatar and Pakistan. Qatar and Pakistan.", nil), ("d2", "Qatar and Pakistan.", nil)], count: .documents)
        #expect(g.edges.map(\.count) == [2])
        #expect(g.totalWindows == 2)
        #expect(g.node(id: "QAT")!.windows == 2)
    }

    @Test("window names parse and print back", arguments: ["sentence", "paragraph", "document", "tokens:5", "decay:0.5:3"])
    func names(text: String) { #expect(Window(text)?.description == text) }

    @Test("bad window names are refused", arguments: ["tokens", "tokens:0", "decay:x:1", "decay:1", "line"])
    func badNames(text: String) { #expect(Window(text) == nil) }
}

@Suite("Merging shards")
struct MergeTests {
    /// A generated corpus: sentences of random actors from a fixed list, with dates.
    static func corpus(seed: UInt64, documents: Int) -> [(String, String, String?)] {
        var state = seed
        func next() -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) }
        let names = ["Qatar", "Pakistan", "Afghanistan", "the Taliban"]
        return (0..<documents).map { d in
            var sentences: [String] = []
            for _ in 0..<(1 + next() % 5) {
                let k = 1 + next() % 3
                sentences.append((0..<k).map { _ in names[next() % names.count] }.joined(separator: " and ") + " met.")
                if next() % 4 == 0 { sentences.append("\n") }
            }
            let date = next() % 3 == 0 ? nil : "2021-0\(1 + next() % 9)-1\(next() % 10)"
            return ("doc\(d)", sentences.joined(separator: " "), date)
        }
    }

    @Test("merging the graphs of any split equals the graph of the whole, for every window", arguments: [
        Window.sentence, .paragraph, .document, .tokens(2), .decay(lambda: 0.5, maxDistance: 2),
    ])
    func property(window: Window) throws {
        for seed in 1...12 as ClosedRange<UInt64> {
            let docs = MergeTests.corpus(seed: seed, documents: 30)
            let whole = buildGraph(docs, window: window)
            var cuts = [0, docs.count]
            var s = seed
            for _ in 0..<(1 + Int(seed % 4)) { s = s &* 2862933555777941757 &+ 3037000493; cuts.append(Int(s >> 40) % docs.count) }
            cuts = Array(Set(cuts)).sorted()
            let parts = zip(cuts, cuts.dropFirst()).map { buildGraph(Array(docs[$0..<$1]), window: window) }
            let merged = try CooccurrenceGraph.merged(parts)
            #expect(merged.nodes == whole.nodes)
            #expect(merged.edges.count == whole.edges.count)
            for (a, b) in zip(merged.edges, whole.edges) {
                #expect(a.source == b.source && a.target == b.target && a.count == b.count && a.documents == b.documents)
                #expect(abs(a.weight - b.weight) < 1e-9)
                #expect(a.days == b.days && a.evidence == b.evidence)
            }
            #expect(merged.totalWindows == whole.totalWindows && merged.dayTotals == whole.dayTotals)
            for m in Measure.allCases {
                for (a, b) in zip(merged.edges, whole.edges) {
                    #expect(abs(m.weight(a, in: merged) - m.weight(b, in: whole)) < 1e-9)
                }
            }
        }
    }

    @Test("graphs built with different windows do not merge")
    func mismatch() {
        let a = buildGraph([("d", "Qatar and Pakistan.", nil)], window: .sentence)
        let b = buildGraph([("e", "Qatar and Pakistan.", nil)], window: .document)
        #expect(throws: MergeError.self) { try CooccurrenceGraph.merged([a, b]) }
    }
}

@Suite("Queries, filters and time")
struct QueryTests {
    let docs: [(String, String, String?)] = [
        ("d1", "Qatar and Pakistan. Qatar and Pakistan. Pakistan and Afghanistan.", "2021-01-05"),
        ("d2", "Afghanistan and the Taliban. Qatar and Afghanistan.", "2021-02-10"),
        ("d3", "Qatar and the Taliban.", "2021-02-20"),
    ]

    @Test("the strongest chain prefers strong ties (length 1/w)")
    func path() {
        let g = buildGraph(docs)
        let p = g.strongestPath(from: "PAK", to: "organization:taliban", measure: .count)!
        // PAK–QAT (2) then QAT–Taliban (1): 1/2 + 1 = 1.5; PAK–AFG (1) then AFG–Taliban (1): 2.
        #expect(p.actors == ["PAK", "QAT", "organization:taliban"])
        #expect(abs(p.distance - 1.5) < 1e-12)
    }

    @Test("ego graph of depth 1")
    func ego() {
        let g = buildGraph(docs).ego("PAK", depth: 1)
        #expect(g.nodes.map(\.id) == ["AFG", "PAK", "QAT"])
    }

    @Test("since/until keep only windows in range")
    func timeRange() {
        let g = buildGraph(docs).restricted(since: Day("2021-02-01"), until: nil)
        #expect(g.edges.map { "\($0.source)|\($0.target)" } == ["AFG|QAT", "AFG|organization:taliban", "QAT|organization:taliban"])
        #expect(g.totalWindows == 3)
    }

    @Test("timeline by month includes both months")
    func timeline() {
        let t = buildGraph(docs).timeline("QAT", by: .month)
        #expect(t.map(\.bucket.description) == ["2021-01-01", "2021-02-01"])
        #expect(t.map(\.count) == [2, 2])
    }

    @Test("weeks start on Monday")
    func weeks() {
        #expect(TimeBucket.week.start(of: Day("2021-06-01")!).description == "2021-05-31")  // a Tuesday
        #expect(TimeBucket.week.start(of: Day("2021-05-31")!).description == "2021-05-31")
        #expect(Day(ordinal: Day("2024-02-29")!.ordinal) == Day("2024-02-29"))
    }

    @Test("min-count and top-edges filters")
    func filters() {
        let g = buildGraph(docs)
        #expect(g.filtered(GraphFilter(minCount: 2)).edges.map(\.count) == [2])
        #expect(g.filtered(GraphFilter(topEdges: 1)).edges.count == 1)
    }

    @Test("diff lists appeared, vanished and changed edges")
    func diff() {
        let old = buildGraph(Array(docs.prefix(1)))
        let new = buildGraph(docs)
        let kinds = Dictionary(uniqueKeysWithValues: new.changes(since: old, measure: .count).map { ("\($0.source)|\($0.target)", $0.kind) })
        #expect(kinds["AFG|QAT"] == .appeared)
        #expect(kinds["PAK|QAT"] == nil)
        let vanished = old.changes(since: new, measure: .count).filter { $0.kind == .vanished }
        #expect(vanished.count == 3)
    }

    @Test("disparity backbone keeps the dominant tie of a hub")
    func backbone() {
        var docs: [(String, String, String?)] = (0..<20).map { ("q\($0)", "Qatar and Pakistan.", nil) }
        docs += [("a", "Qatar and Afghanistan.", nil), ("b", "Qatar and the Taliban.", nil), ("c", "Pakistan and Afghanistan.", nil)]
        let g = buildGraph(docs).backbone(alpha: 0.2, measure: .count)
        #expect(g.edges.contains { $0.source == "PAK" && $0.target == "QAT" })
        #expect(!g.edges.contains { $0.source == "QAT" && $0.target == "organization:taliban" })
    }
}

@Suite("Parallel building")
struct ParallelBuildTests {
    @Test("a graph built on several threads is the one-thread graph, for every window", arguments: [
        Window.sentence, .paragraph, .document, .tokens(2), .decay(lambda: 0.5, maxDistance: 2),
    ])
    func sameGraph(window: Window) throws {
        let (g, _) = GazetteerParser.parse(graphGazetteer, file: "spec")
        let recognizer = Recognizer(gazetteer: g)
        let docs = MergeTests.corpus(seed: 7, documents: 200).map {
            Document(id: $0.0, text: DocumentText($0.1), date: $0.2.flatMap { Day($0) }, source: $0.0)
        }
        var one = GraphBuilder(options: BuildOptions(window: window, evidencePerEdge: 3))
        for d in docs { one.add(recognizer.recognize(d)) }
        for jobs in [2, 3, 5] {
            var many = ParallelGraphBuilder(recognizer: recognizer, options: BuildOptions(window: window, evidencePerEdge: 3),
                                            jobs: jobs, batchBytes: 2_000)
            for d in docs { many.add(d) }
            #expect(GraphFile.encode(many.graph()) == GraphFile.encode(one.graph()))
        }
    }
}
