// Fuzz target: the graph-file reader. Any bytes give a graph or one InputError naming the file; a graph
// that reads must encode and decode to the same bytes, and every export and measure must handle it, every
// weight a finite number.
import ActorRecognition
import ActorGraph

runFuzzer { data in
    let bytes = Array(data)
    _ = GraphFile.looksLikeGraph(bytes)
    let g: CooccurrenceGraph
    do {
        g = try GraphFile.decode(bytes, file: "fuzz.json")
    } catch let error as InputError {
        check(error.file == "fuzz.json" && !error.message.isEmpty, "a bad error: \(error)")
        if let line = error.line {
            check(line >= 1 && line <= bytes.filter { $0 == 0x0A }.count + 1, "the error names line \(line)")
        }
        return
    } catch {
        check(false, "an error that is not an InputError: \(error)")
        return
    }
    let encoded = GraphFile.encode(g)
    check(GraphFile.looksLikeGraph(encoded), "an encoded graph does not look like a graph file")
    let again: CooccurrenceGraph
    do { again = try GraphFile.decode(encoded, file: "again.json") } catch {
        check(false, "an encoded graph does not decode: \(error)\n\(String(decoding: encoded, as: UTF8.self))")
        return
    }
    check(GraphFile.encode(again) == encoded, "encode(decode(encode(g))) differs from encode(g)")
    check(again.nodes.map(\.id) == g.nodes.map(\.id) && again.edges.count == g.edges.count, "nodes or edges changed in the round trip")
    // Everything the CLI does with a graph file it has read.
    for measure in Measure.allCases {
        for e in g.edges {
            let w = measure.weight(e, in: g)
            check(w.isFinite, "\(measure) of \(e.source)–\(e.target) is \(w)")
        }
        let dot = g.dot(measure: measure)
        check(!dot.contains("weight=\"inf\"") && !dot.contains("weight=\"nan\"") && !dot.contains("weight=\"-inf\""), "DOT prints a weight that is not finite")
        _ = g.graphML(measure: measure)
        _ = g.gexf(measure: measure)
        _ = g.nodeLinkJSON(measure: measure)
        _ = g.csvNodes(measure: measure)
        _ = g.csvEdges(measure: measure)
        if let first = g.nodes.first {
            _ = g.neighbors(of: first.id, measure: measure, top: 5)
            if let last = g.nodes.last { _ = g.strongestPath(from: first.id, to: last.id, measure: measure) }
        }
    }
    _ = g.filtered(GraphFilter(minCount: 1, topEdges: 3, backbone: 0.5))
    if let first = g.nodes.first {
        _ = g.ego(first.id, depth: 2)
        _ = g.timeline(first.id, by: .month)
    }
}
