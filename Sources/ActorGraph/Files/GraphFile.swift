import ActorRecognition

/// The graph file: JSON whose first key is `"format": "actorgraph-graph"`, then `"version"`. Documented in
/// `Docs/graph-format.md`. The same graph always gives the same bytes.
public enum GraphFile {
    public static let format = "actorgraph-graph"
    public static let version = 1

    /// Whether `bytes` start like a graph file (the first key is `"format": "actorgraph-graph"`).
    /// A UTF-8 byte-order mark (which an editor may add on save) is allowed before it.
    public static func looksLikeGraph(_ bytes: some Collection<UInt8>) -> Bool {
        let head = Array(withoutByteOrderMark(Array(bytes.prefix(203))).filter { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 })
        return head.starts(with: Array("{\"format\":\"\(format)\"".utf8))
    }

    /// `bytes` after a leading UTF-8 byte-order mark, if there is one.
    static func withoutByteOrderMark(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        ByteOrderMark.starts(bytes) ? bytes[ByteOrderMark.bytes.count...] : bytes[...]
    }

    /// Serializes a graph.
    public static func encode(_ g: CooccurrenceGraph) -> [UInt8] {
        var o: [UInt8] = []
        // Literal text, quoted strings and integers are appended as bytes: no string is built per field.
        func s(_ t: StaticString) { JSONText.appendLiteral(t, to: &o) }
        func raw(_ t: String) { o.append(contentsOf: t.utf8) }
        func q(_ t: String) { JSONText.appendString(t, to: &o) }
        func n(_ v: Int) { JSONText.appendInteger(v, to: &o) }
        func day(_ d: Day) { o.append(UInt8(ascii: "\"")); raw(d.description); o.append(UInt8(ascii: "\"")) }
        func appendDays(_ days: [Day: Int]) {
            s("{")
            for (j, d) in days.keys.sorted().enumerated() {
                if j > 0 { s(", ") }
                day(d); s(": "); n(days[d]!)
            }
            s("}")
        }
        raw("{\"format\": \"\(format)\", \"version\": \(version),\n")
        raw(" \"options\": {\"window\": \"\(g.options.window)\", \"count\": \"\(g.options.count.rawValue)\", \"evidence\": \(g.options.evidencePerEdge)},\n")
        s(" \"totals\": {\"windows\": "); n(g.totalWindows); s(", \"documents\": "); n(g.totalDocuments)
        if !g.dayTotals.isEmpty {
            s(", \"days\": {")
            for (j, d) in g.dayTotals.keys.sorted().enumerated() {
                if j > 0 { s(", ") }
                day(d); s(": ["); n(g.dayTotals[d]!.windows); s(", "); n(g.dayTotals[d]!.documents); s("]")
            }
            s("}")
        }
        s("},\n")
        s(" \"nodes\": [")
        for (k, node) in g.nodes.enumerated() {
            s(k == 0 ? "\n  " : ",\n  ")
            s("{\"id\": "); q(node.id)
            s(", \"name\": "); q(node.name)
            s(", \"type\": \""); raw(node.type.rawValue)
            s("\", \"mentions\": "); n(node.mentions)
            s(", \"documents\": "); n(node.documents)
            s(", \"windows\": "); n(node.windows)
            if !node.attributes.isEmpty {
                s(", \"attributes\": {")
                for (j, key) in node.attributes.keys.sorted().enumerated() {
                    if j > 0 { s(", ") }
                    q(key); s(": "); q(node.attributes[key]!)
                }
                s("}")
            }
            if !node.days.isEmpty { s(", \"days\": "); appendDays(node.days) }
            s("}")
        }
        s("\n ],\n \"edges\": [")
        for (k, e) in g.edges.enumerated() {
            s(k == 0 ? "\n  " : ",\n  ")
            s("{\"source\": "); q(e.source)
            s(", \"target\": "); q(e.target)
            s(", \"count\": "); n(e.count)
            s(", \"documents\": "); n(e.documents)
            if e.weight != Double(e.count) { s(", \"weight\": "); raw(JSONText.number(e.weight)) }
            if !e.days.isEmpty { s(", \"days\": "); appendDays(e.days) }
            s(", \"evidence\": [")
            for (j, ev) in e.evidence.enumerated() {
                if j > 0 { s(", ") }
                s("{\"doc\": "); q(ev.document)
                if let d = ev.date { s(", \"date\": "); day(d) }
                s(", \"start\": "); n(ev.start)
                s(", \"end\": "); n(ev.end)
                s(", \"text\": "); q(ev.text)
                s(", \"source_span\": ["); n(ev.sourceSpan.lowerBound); s(", "); n(ev.sourceSpan.upperBound)
                s("], \"target_span\": ["); n(ev.targetSpan.lowerBound); s(", "); n(ev.targetSpan.upperBound); s("]}")
            }
            s("]}")
        }
        s("\n ]\n}\n")
        return o
    }

    static func decodeDays(_ value: JSONValue?, what: String, _ fail: (String) -> InputError) throws(InputError) -> [Day: Int] {
        var days: [Day: Int] = [:]
        guard let value else { return days }
        guard case .object(let members) = value else { throw fail("\(what) has \"days\" that is not an object") }
        for (key, v) in members {
            guard let d = Day(key), let c = v.intValue, c >= 0 else { throw fail("\(what) has a bad day entry \"\(key)\"") }
            days[d] = c
        }
        return days
    }

    /// Reads a graph file, checking its format, version and every field.
    public static func decode(_ bytes: [UInt8], file: String) throws(InputError) -> CooccurrenceGraph {
        let root: JSONValue
        let body = withoutByteOrderMark(bytes)
        do {
            root = try JSONValue.parse(body)
        } catch {
            let line = body.prefix(error.offset).filter { $0 == 0x0A }.count + 1
            throw InputError(file: file, line: line, "is not a readable graph file: \(error.message) (the file may be truncated or hand-edited)")
        }
        func fail(_ m: String) -> InputError { InputError(file: file, "is not a valid graph file: \(m)") }
        guard case .object = root, root["format"]?.stringValue == format else {
            throw fail("its first key must be \"format\": \"\(format)\"")
        }
        guard let v = root["version"]?.intValue else { throw fail("it has no \"version\" number") }
        guard v == version else {
            throw InputError(file: file, "is a graph file of version \(v), but this actorgraph reads version \(version); rebuild it with 'actorgraph build'")
        }
        guard let windowName = root["options"]?["window"]?.stringValue, let window = Window(windowName) else {
            throw fail("\"options\".\"window\" must be sentence, paragraph, document, tokens:K or decay:LAMBDA:C")
        }
        guard let countUnit = CountUnit(rawValue: root["options"]?["count"]?.stringValue ?? "windows") else {
            throw fail("\"options\".\"count\" must be windows or documents")
        }
        let evidenceK = root["options"]?["evidence"]?.intValue ?? 5
        guard let windows = root["totals"]?["windows"]?.intValue, let documents = root["totals"]?["documents"]?.intValue else {
            throw fail("\"totals\" must hold the numbers \"windows\" and \"documents\"")
        }
        var dayTotals: [Day: CooccurrenceGraph.DayTotal] = [:]
        if case .object(let members)? = root["totals"]?["days"] {
            for (key, v) in members {
                guard let d = Day(key), let pair = v.arrayValue, pair.count == 2, let w = pair[0].intValue, let dc = pair[1].intValue else {
                    throw fail("\"totals\".\"days\" has a bad entry \"\(key)\" (expected \"YYYY-MM-DD\": [windows, documents])")
                }
                dayTotals[d] = .init(windows: w, documents: dc)
            }
        }
        guard let nodeValues = root["nodes"]?.arrayValue, let edgeValues = root["edges"]?.arrayValue else {
            throw fail("it must have the arrays \"nodes\" and \"edges\"")
        }
        var nodes: [GraphNode] = []
        var ids = Set<String>()
        for (k, n) in nodeValues.enumerated() {
            guard let id = n["id"]?.stringValue, let name = n["name"]?.stringValue,
                  let typeName = n["type"]?.stringValue, let type = ActorType(rawValue: typeName),
                  let mentions = n["mentions"]?.intValue, let docs = n["documents"]?.intValue, let w = n["windows"]?.intValue else {
                throw fail("node \(k + 1) lacks one of id, name, type (person, country or organization), mentions, documents, windows")
            }
            guard ids.insert(id).inserted else { throw fail("the node id \"\(id)\" appears twice") }
            var attributes: [String: String] = [:]
            if case .object(let members)? = n["attributes"] {
                for (key, value) in members { attributes[key] = value.stringValue ?? "" }
            }
            let days = try decodeDays(n["days"], what: "node \(k + 1)", fail)
            nodes.append(GraphNode(id: id, name: name, type: type, mentions: mentions, documents: docs, windows: w,
                                   attributes: attributes, days: days))
        }
        var edges: [GraphEdge] = []
        for (k, e) in edgeValues.enumerated() {
            guard let s = e["source"]?.stringValue, let t = e["target"]?.stringValue,
                  let count = e["count"]?.intValue, let docs = e["documents"]?.intValue else {
                throw fail("edge \(k + 1) lacks one of source, target, count, documents")
            }
            guard ids.contains(s), ids.contains(t) else { throw fail("edge \(k + 1) joins \"\(s)\" and \"\(t)\", but one of them is not a node") }
            let days = try decodeDays(e["days"], what: "edge \(k + 1)", fail)
            var weight: Double? = nil
            if let wv = e["weight"] {
                guard let x = wv.numberValue, x.isFinite, x >= 0 else { throw fail("edge \(k + 1) has a \"weight\" that is not a non-negative number") }
                weight = x
            }
            var evidence: [Evidence] = []
            for ev in e["evidence"]?.arrayValue ?? [] {
                guard let doc = ev["doc"]?.stringValue, let start = ev["start"]?.intValue, let end = ev["end"]?.intValue,
                      let text = ev["text"]?.stringValue,
                      let ss = ev["source_span"]?.arrayValue, ss.count == 2, let s0 = ss[0].intValue, let s1 = ss[1].intValue, s0 <= s1,
                      let ts = ev["target_span"]?.arrayValue, ts.count == 2, let t0 = ts[0].intValue, let t1 = ts[1].intValue, t0 <= t1 else {
                    throw fail("edge \(k + 1) has an evidence entry without doc, start, end, text, source_span and target_span")
                }
                evidence.append(Evidence(document: doc, date: ev["date"]?.stringValue.flatMap { Day($0) }, start: start, end: end,
                                         text: text, sourceSpan: s0..<s1, targetSpan: t0..<t1))
            }
            edges.append(GraphEdge(source: s, target: t, count: count, documents: docs, days: days, evidence: evidence, weight: weight))
        }
        let options = BuildOptions(window: window, count: countUnit, evidencePerEdge: evidenceK)
        try checkCounts(nodes: nodes, edges: edges, totalWindows: windows, totalDocuments: documents, dayTotals: dayTotals,
                        options: options, fail)
        let byID: (String, String) -> Bool = { $0.utf8Precedes($1) }
        nodes.sort { byID($0.id, $1.id) }
        edges.sort { $0.source != $1.source ? byID($0.source, $1.source) : byID($0.target, $1.target) }
        return CooccurrenceGraph(nodes: nodes, edges: edges, totalWindows: windows, totalDocuments: documents,
                                 options: options, dayTotals: dayTotals)
    }
}
