import Foundation
import Testing
import ActorRecognition
@testable import ActorGraph

@Suite("Exports: node-link JSON")
struct ExportTestsNodeLink {
    let graph = ExportFixture.graph()

    func parsed(_ measure: Measure = .count) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(graph.nodeLinkJSON(measure: measure))) as? [String: Any])
    }

    @Test("the D3/NetworkX shape: undirected, not a multigraph, nodes and links")
    func shape() throws {
        let obj = try parsed(.npmi)
        #expect(obj["directed"] as? Bool == false)
        #expect(obj["multigraph"] as? Bool == false)
        #expect(obj["edges"] == nil)
        let meta = try #require(obj["graph"] as? [String: Any])
        #expect(meta["window"] as? String == "sentence")
        #expect(meta["weight_measure"] as? String == "npmi")
        #expect(meta["windows"] as? Int == 10)
        let links = try #require(obj["links"] as? [[String: Any]])
        #expect(links.count == graph.edges.count)
        for (l, e) in zip(links, graph.edges) {
            #expect(l["source"] as? String == e.source)
            #expect(l["target"] as? String == e.target)
            #expect(l["count"] as? Int == e.count)
            #expect(l["documents"] as? Int == e.documents)
            let w = try #require(l["weight"] as? Double)
            #expect(abs(w - Measure.npmi.weight(e, in: graph)) < 1e-6)
        }
        #expect((links[0]["days"] as? [String: Int]) == ["2021-07-18": 2, "2021-08-15": 1])
        #expect(links[1]["days"] == nil)
    }

    @Test("nodes: every name exact, attributes flat, numbers as numbers, a shadowing key renamed")
    func nodes() throws {
        let nodes = try #require(try parsed()["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["id"] as! String } == graph.nodes.map(\.id))
        for (j, n) in zip(nodes, graph.nodes) {
            #expect(j["name"] as? String == n.name, "name of \(n.id)")  // JSON holds every character
            #expect(j["type"] as? String == n.type.rawValue)
            #expect(j["mentions"] as? Int == n.mentions)
            #expect(j["windows"] as? Int == n.windows)
        }
        let afg = nodes[0]
        #expect(afg["pagerank"] as? Double == 0.25)
        #expect(afg["community"] as? Int == 3)
        #expect(afg["code"] as? String == "004")
        #expect(afg["type"] as? String == "country")
        #expect(afg["attr.type"] as? String == "shadow")
        #expect(nodes[1]["pagerank"] as? Double == -0.0015)
        #expect(nodes[2]["pagerank"] == nil)
        #expect(nodes[1]["strength"] as? Int == 3)  // `3.` is not JSON: rewritten as 3
    }

    @Test("strings are inert in HTML: no raw < > & anywhere")
    func inert() {
        let text = ExportFixture.text(graph.nodeLinkJSON(measure: .count))
        #expect(!text.contains("<"))
        #expect(!text.contains(">"))
        #expect(!text.contains("&"))
        #expect(text.contains("\\u003cscript\\u003e"))
    }
}

/// A strict RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes.
enum CSVReader {
    struct Malformed: Error {}

    static func rows(_ bytes: [UInt8]) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var i = 0
        var quoted = false
        func endField() { row.append(String(decoding: field, as: UTF8.self)); field = [] }
        while i < bytes.count {
            let c = bytes[i]
            if quoted {
                if c == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") { field.append(c); i += 2; continue }
                    quoted = false
                } else {
                    field.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case UInt8(ascii: "\""):
                guard field.isEmpty else { throw Malformed() }
                quoted = true
            case UInt8(ascii: ","): endField()
            case 0x0D:
                guard i + 1 < bytes.count, bytes[i + 1] == 0x0A else { throw Malformed() }
                endField(); rows.append(row); row = []
                i += 1
            case 0x0A: throw Malformed()  // a bare LF outside quotes is not RFC 4180
            default: field.append(c)
            }
            i += 1
        }
        guard !quoted, field.isEmpty, row.isEmpty else { throw Malformed() }
        return rows
    }

    /// Undoes the formula defence (`ExportText.appendCSVText`).
    static func unguard(_ cell: String) -> String {
        let rest = cell.drop { $0 == "'" }
        if rest.count < cell.count, let f = rest.unicodeScalars.first, ExportText.startsFormula(f) { return String(cell.dropFirst()) }
        return cell
    }
}

@Suite("Exports: CSV")
struct ExportTestsCSV {
    let graph = ExportFixture.graph()

    @Test("nodes: a header, one row per node, every name back exactly after quoting and the formula defence")
    func nodes() throws {
        let rows = try CSVReader.rows(graph.csvNodes(measure: .count))
        #expect(rows[0] == ["id", "name", "type", "mentions", "documents", "windows",
                            "code", "community", "iso2", "note", "pagerank", "roles", "status", "strength", "attr.type"])
        #expect(rows.count == graph.nodes.count + 1)
        for (row, n) in zip(rows.dropFirst(), graph.nodes) {
            #expect(row.count == rows[0].count)
            #expect(CSVReader.unguard(row[0]) == n.id)
            #expect(CSVReader.unguard(row[1]) == n.name, "name of \(n.id)")
            #expect(row[2] == n.type.rawValue)
            #expect(row[5] == String(n.windows))
        }
        let byID = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0) })
        #expect(byID["person:formula"]![1] == "'=cmd|' /C calc'!A0")
        #expect(byID["person:quoted"]![1] == "''=already quoted")
        #expect(byID["AFG"]![9] == "'-5 apples")     // text column: prefixed
        #expect(byID["RUS"]![9] == "'+7 (495)")
        #expect(byID["RUS"]![10] == "-1.5e-3")       // number column: never prefixed
        #expect(byID["AFG"]![6] == "004")
        #expect(byID["SAU"]![10] == "")              // absent attribute: empty cell
        #expect(byID["RUS"]![13] == "3.")            // numbers are copied as they are
        #expect(byID["AFG"]![14] == "shadow")
    }

    @Test("edges: weight under the measure, raw counts, negative numbers stay numbers")
    func edges() throws {
        let rows = try CSVReader.rows(graph.csvEdges(measure: .pmi))
        #expect(rows[0] == ["source", "target", "weight", "count", "documents"])
        #expect(rows.count == graph.edges.count + 1)
        for (row, e) in zip(rows.dropFirst(), graph.edges) {
            #expect(row[0] == e.source && row[1] == e.target)
            let w = try #require(Double(row[2]))
            #expect(abs(w - Measure.pmi.weight(e, in: graph)) < 1e-6)
            #expect(row[3] == String(e.count) && row[4] == String(e.documents))
        }
        #expect(rows.last![2].hasPrefix("-"))  // log2(10/64)
        #expect(rows.last![2] == "-2.678072")
    }

    @Test("raw bytes: CRLF records; cells with a comma, quote or line break are quoted")
    func raw() {
        let text = ExportFixture.text(graph.csvNodes(measure: .count))
        #expect(text.hasPrefix("id,name,type,"))
        #expect(text.contains("\r\nperson:evil,\"He said \"\"hi\"\" \\ back\\slash\nline two: <b>&amp;</b> ]; node [ <script>alert('x')</script> -->\",person,"))
        #expect(text.contains("\r\nRUS,\"Россия, «Москва»\",country,"))
        #expect(text.contains("\r\nSAU,\(ExportFixture.arabic),country,"))
    }
}
