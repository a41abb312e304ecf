import Foundation
import Testing
@testable import ActorGraph

/// A graph from (source, target, count) triples; nodes are the ids named, plus `isolated`.
private func analyticsGraph(_ ties: [(String, String, Int)], isolated: [String] = []) -> CooccurrenceGraph {
    let byID: (String, String) -> Bool = { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    let ids = Set(ties.flatMap { [$0.0, $0.1] } + isolated).sorted(by: byID)
    let nodes = ids.map { GraphNode(id: $0, name: $0, type: .country, mentions: 1, documents: 1, windows: 1) }
    let edges = ties.map { a, b, count in
        let (s, t) = byID(a, b) ? (a, b) : (b, a)
        return GraphEdge(source: s, target: t, count: count, documents: 1)
    }.sorted { $0.source != $1.source ? byID($0.source, $1.source) : byID($0.target, $1.target) }
    return CooccurrenceGraph(nodes: nodes, edges: edges, totalWindows: 100, totalDocuments: 1, options: BuildOptions())
}

/// Whether every value of `actual` is within `tolerance` of `expected`, with the same keys.
private func analyticsClose(_ actual: [String: Double], _ expected: [String: Double], tolerance: Double = 1e-9) -> Bool {
    actual.keys.sorted() == expected.keys.sorted() && expected.allSatisfy { abs(actual[$0.key]! - $0.value) <= tolerance }
}

@Suite("Analytics")
struct AnalyticsTests {
    // a - b - c, every tie of weight 1.
    let path = analyticsGraph([("a", "b", 1), ("b", "c", 1)])
    // hub - l1..l4; the tie to l4 has weight 3.
    let star = analyticsGraph([("hub", "l1", 1), ("hub", "l2", 1), ("hub", "l3", 1), ("hub", "l4", 3)])
    // Triangles a-b-c and d-e-f joined by the bridge c-d.
    let bridged = analyticsGraph([("a", "b", 1), ("a", "c", 1), ("b", "c", 1), ("c", "d", 1),
                                  ("d", "e", 1), ("d", "f", 1), ("e", "f", 1)])

    @Test("degree counts neighbours, strength adds tie weights")
    func degreeAndStrength() {
        #expect(path.degree() == ["a": 1, "b": 2, "c": 1])
        #expect(star.degree() == ["hub": 4, "l1": 1, "l2": 1, "l3": 1, "l4": 1])
        #expect(star.strength() == ["hub": 6, "l1": 1, "l2": 1, "l3": 1, "l4": 3])
    }

    @Test("negative weights (PMI below chance) count as 0")
    func negativeWeightsClamped() {
        // n(ab) = 1, n(a) = n(b) = 50, N = 100: PMI = log2(1·100 / 2500) < 0. x and y: PMI = log2(100) > 0.
        var g = analyticsGraph([("a", "b", 1), ("x", "y", 1)])
        for i in g.nodes.indices { g.nodes[i].windows = g.nodes[i].id < "x" ? 50 : 1 }
        #expect(Measure.pmi.weight(g.edges[0], in: g) < 0)
        let strength = g.strength(measure: .pmi)
        #expect(strength["a"] == 0 && strength["b"] == 0)
        #expect(abs(strength["x"]! - log2(100)) < 1e-12)
        #expect(g.degree()["a"] == 1)
        // a and b carry no weight: PageRank treats them as dangling, betweenness never walks their tie.
        let rank = g.pageRank(measure: .pmi)
        #expect(abs(rank["a"]! - rank["b"]!) < 1e-12)
        #expect(abs(rank.values.reduce(0, +) - 1) < 1e-9)
    }

    // Path of 3: a = 0.05 + 0.85·b/2 and b = 0.05 + 0.85·(a + c), so a = c = 19/74, b = 18/37.
    // Star of 5 with equal ties: leaf = 0.03 + 0.85·hub/4, hub = 0.03 + 0.85·4·leaf, so leaf = 97/740.
    @Test("PageRank against hand-solved equations")
    func pageRankHandComputed() {
        #expect(analyticsClose(path.pageRank(), ["a": 19.0 / 74, "b": 18.0 / 37, "c": 19.0 / 74]))
        let equalStar = analyticsGraph([("hub", "l1", 1), ("hub", "l2", 1), ("hub", "l3", 1), ("hub", "l4", 1)])
        let leaf = 97.0 / 740
        #expect(analyticsClose(equalStar.pageRank(), ["hub": 1 - 4 * leaf, "l1": leaf, "l2": leaf, "l3": leaf, "l4": leaf]))
    }

    // a - b and an isolated c, whose rank is spread uniformly: c = 0.05 + 0.85·c/3, so c = 3/43, a = b = 20/43.
    @Test("PageRank spreads a dangling actor's rank uniformly")
    func pageRankDangling() {
        let g = analyticsGraph([("a", "b", 2)], isolated: ["c"])
        #expect(analyticsClose(g.pageRank(), ["a": 20.0 / 43, "b": 20.0 / 43, "c": 3.0 / 43]))
    }

    @Test("PageRank follows tie weights")
    func pageRankWeighted() {
        let rank = star.pageRank()
        #expect(rank["l4"]! > rank["l1"]!)
        #expect(abs(rank["l1"]! - rank["l2"]!) < 1e-12)
        #expect(abs(rank.values.reduce(0, +) - 1) < 1e-12)
    }

    // Normalized by (n − 1)(n − 2) ordered pairs: path, b is on the one pair (a, c) → 2/2; star, the hub is on
    // all C(4, 2) leaf pairs → 12/12; bridged, c and d are on the 3 × 3 − 3 = 6 pairs across → 12/20.
    @Test("betweenness of a path, a star and the bridge between two triangles")
    func betweennessHandComputed() {
        #expect(analyticsClose(path.betweenness(), ["a": 0, "b": 1, "c": 0]))
        #expect(analyticsClose(star.betweenness(), ["hub": 1, "l1": 0, "l2": 0, "l3": 0, "l4": 0]))
        #expect(analyticsClose(bridged.betweenness(), ["a": 0, "b": 0, "c": 0.6, "d": 0.6, "e": 0, "f": 0]))
        #expect(analyticsClose(bridged.betweenness(normalized: false), ["a": 0, "b": 0, "c": 6, "d": 6, "e": 0, "f": 0]))
    }

    @Test("strong ties are short: two strong ties beat one weak one")
    func betweennessStrongTiesShort() {
        // a-b has length 1, a-c-b has length 1/4 + 1/4.
        let g = analyticsGraph([("a", "b", 1), ("a", "c", 4), ("b", "c", 4)])
        #expect(analyticsClose(g.betweenness(), ["a": 0, "b": 0, "c": 1]))
    }

    @Test("equally short paths share the credit")
    func betweennessEqualPaths() {
        // A square: a and c are joined through b and through d, each path carrying half.
        let square = analyticsGraph([("a", "b", 2), ("b", "c", 2), ("c", "d", 2), ("a", "d", 2)])
        let sixth = 1.0 / 6
        #expect(analyticsClose(square.betweenness(), ["a": sixth, "b": sixth, "c": sixth, "d": sixth]))
    }

    // A ring s-p1-p2-p3-t-q3-q2-q1-s with ties 1, 1, 2, 6 | 1, 6, 2, 1. Both halves from s to t are 8/3 long,
    // but as float sums in path order the p-half is 2.6666666666666665 from either end and the q-half
    // 2.666666666666667. NetworkX, comparing exactly, would give s-t to the p-half; both halves count here.
    @Test("equal lengths count as equal even when their float sums differ in the last bit")
    func betweennessFloatTies() {
        let ring = ["s", "p1", "p2", "p3", "t", "q3", "q2", "q1"]
        let counts = [1, 1, 2, 6, 1, 6, 2, 1]
        let g = analyticsGraph((0..<8).map { (ring[$0], ring[($0 + 1) % 8], counts[$0]) })
        // The reference in exact arithmetic: lengths 6/count are integers. On a ring each pair goes the
        // shorter way round; when both ways are equally long each carries half.
        let length = counts.map { 6 / $0 }
        var expected = [String: Double](uniqueKeysWithValues: ring.map { ($0, 0) })
        for a in 0..<8 {
            for b in (a + 1)..<8 {
                let forward = (a..<b).reduce(0) { $0 + length[$1] }
                let backward = length.reduce(0, +) - forward
                let share = forward == backward ? 0.5 : 1
                if forward <= backward { for k in (a + 1)..<b { expected[ring[k], default: 0] += share } }
                if backward <= forward { for k in (b + 1)..<(a + 8) { expected[ring[k % 8], default: 0] += share } }
            }
        }
        #expect(analyticsClose(g.betweenness(normalized: false), expected, tolerance: 1e-12))
        #expect(expected["s"] == 2.5 && expected["t"] == 6.5)
        // Compared exactly, as NetworkX compares them, each tied pair goes one way only: s-t along the p-half,
        // p1-q3 (also tied) through s rather than t. NetworkX gives the same 3 and 6.
        let exact = WeightedAdjacency(g, measure: .count).betweenness(normalized: false, tolerance: 0)
        #expect(exact[g.nodeIndex(id: "s")!] == 3 && exact[g.nodeIndex(id: "t")!] == 6)
    }

    @Test("components of a disconnected graph, largest first, then by first id")
    func components() {
        let g = analyticsGraph([("c", "b", 1), ("b", "a", 1), ("f", "g", 1), ("d", "e", 2)], isolated: ["h"])
        #expect(g.connectedComponents() == [["a", "b", "c"], ["d", "e"], ["f", "g"], ["h"]])
        #expect(analyticsGraph([]).connectedComponents() == [])
    }

    // m = 7; each triangle holds 3 of it and has strength 7: Q = 2 · (3/7 − (7/14)²) = 5/14.
    @Test("Louvain finds the two triangles; their modularity is 5/14")
    func louvainTriangles() {
        let communities = bridged.louvainCommunities()
        #expect(communities == [["a", "b", "c"], ["d", "e", "f"]])
        #expect(abs(bridged.modularity(of: communities) - 5.0 / 14) < 1e-12)
        #expect(abs(bridged.modularity(of: [["a", "b", "c", "d", "e", "f"]])) < 1e-12)
    }

    @Test("modularity of singletons, and of actors left out (each counts alone)")
    func modularitySingletons() {
        // Singletons: no tie inside, Q = −Σ (k_i / 2m)² = −(4·(2/14)² + 2·(3/14)²) = −34/196.
        let expected = -34.0 / 196
        #expect(abs(bridged.modularity(of: bridged.nodes.map { [$0.id] }) - expected) < 1e-12)
        #expect(abs(bridged.modularity(of: []) - expected) < 1e-12)
        #expect(bridged.modularity(of: [["zz"]]) == bridged.modularity(of: []))
    }

    @Test("Louvain merges across levels: two cliques joined by a weak tie")
    func louvainLevels() {
        var ties: [(String, String, Int)] = []
        for group in ["p", "q", "r", "s"] {
            for i in 0..<6 { for j in (i + 1)..<6 { ties.append(("\(group)\(i)", "\(group)\(j)", 3)) } }
        }
        ties += [("p0", "q0", 1), ("q1", "r1", 1), ("r2", "s2", 1), ("s3", "p3", 1)]
        let g = analyticsGraph(ties)
        let communities = g.louvainCommunities()
        #expect(communities.map { Set($0.map(\.first!)) } == [["p"], ["q"], ["r"], ["s"]])
        #expect(g.modularity(of: communities) > 0.7)
    }

    @Test("a graph without weighted ties: singletons, modularity 0")
    func louvainEmpty() {
        let g = analyticsGraph([], isolated: ["a", "b"])
        #expect(g.louvainCommunities() == [["a"], ["b"]])
        #expect(g.modularity(of: [["a", "b"]]) == 0)
        #expect(g.pageRank() == ["a": 0.5, "b": 0.5])
        #expect(g.betweenness() == ["a": 0, "b": 0])
    }

    @Test("analytics attributes for export")
    func attributes() {
        let a = path.analyticsAttributes()
        #expect(a["b"] == ["degree": "2", "strength": "2", "pagerank": CooccurrenceGraph.format(18.0 / 37),
                           "betweenness": "1", "component": "0", "community": "0"])
        #expect(a["a"]?["pagerank"] == "0.256757")
        let b = bridged.analyticsAttributes()
        #expect(Set(["a", "b", "c"].map { b[$0]!["community"]! }) == ["0"])
        #expect(Set(["d", "e", "f"].map { b[$0]!["community"]! }) == ["1"])
    }

    @Test("the same graph gives the same answers")
    func determinism() {
        let g = plantedGraph(nodes: 300, groups: 10, seed: 7)
        #expect(g.louvainCommunities() == g.louvainCommunities())
        #expect(g.pageRank() == g.pageRank())
        #expect(g.betweenness() == g.betweenness())
        #expect(g.analyticsAttributes() == g.analyticsAttributes())
        #expect(g.louvainCommunities(seed: 2).count > 1)
    }

    @Test("NetworkX agrees on a 1,200-actor graph (scripts/crosscheck_networkx.py)", .timeLimit(.minutes(5)))
    func crossCheckNetworkX() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let python = ProcessInfo.processInfo.environment["ACTORGRAPH_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
            ?? root.appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record("No Python at \(python): run `make pydeps` (it creates .venv with NetworkX) or set ACTORGRAPH_PYTHON.")
            return
        }
        let g = plantedGraph(nodes: 1_200, groups: 30, seed: 2024)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-analytics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let graphFile = folder.appendingPathComponent("graph.json")
        let analyticsFile = folder.appendingPathComponent("analytics.json")
        try Data(GraphFile.encode(g)).write(to: graphFile)
        try Data(analyticsJSON(g).utf8).write(to: analyticsFile)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [root.appendingPathComponent("scripts/crosscheck_networkx.py").path, graphFile.path, analyticsFile.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "crosscheck_networkx.py exited \(process.terminationStatus):\n\(text)")
        #expect(text.contains("crosscheck: 5 passed, 0 failed"), "\(text)")
    }
}

/// What scripts/crosscheck_networkx.py compares: full-precision numbers, not the 6 decimals of `format`, and
/// betweenness a second time with path lengths compared exactly, as NetworkX compares them.
private func analyticsJSON(_ g: CooccurrenceGraph) -> String {
    func object(_ values: [String: Double]) -> String {
        "{" + values.keys.sorted().map { "\"\($0)\": \(values[$0]!)" }.joined(separator: ", ") + "}"
    }
    let communities = g.louvainCommunities()
    let lists = communities.map { "[" + $0.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
    let adjacency = WeightedAdjacency(g, measure: .count)
    let floatEquality = adjacency.byID(adjacency.betweenness(normalized: true, tolerance: 0))
    return """
    {"pagerank": \(object(g.pageRank())),
     "betweenness": \(object(g.betweenness())),
     "betweenness_float_equality": \(object(floatEquality)),
     "communities": [\(lists.joined(separator: ", "))],
     "modularity": \(g.modularity(of: communities))}

    """
}

/// A 64-bit linear congruential generator (Knuth's MMIX constants): the same numbers on every platform.
private struct AnalyticsLCG {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
    /// A number in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) < p * 1_000_000 }
}

/// A graph with planted communities: `groups` groups of about equal size, ties inside a group with
/// probability 0.2 and counts 1–6, and about one tie of count 1–2 per actor to another group.
private func plantedGraph(nodes n: Int, groups: Int, seed: UInt64) -> CooccurrenceGraph {
    var random = AnalyticsLCG(state: seed)
    let ids = (0..<n).map { "actor\(String(1_000_000 + $0).dropFirst())" }
    let group = (0..<n).map { $0 % groups }
    var ties: [Int: Int] = [:]  // i * n + j, i < j → count
    for i in 0..<n {
        for j in (i + 1)..<n where group[i] == group[j] && random.chance(0.2) {
            ties[i * n + j] = 1 + random.below(6)
        }
    }
    for i in 0..<n {
        let j = random.below(n)
        guard group[i] != group[j] else { continue }
        ties[min(i, j) * n + max(i, j)] = 1 + random.below(2)
    }
    return analyticsGraph(ties.keys.sorted().map { (ids[$0 / n], ids[$0 % n], ties[$0]!) })
}
