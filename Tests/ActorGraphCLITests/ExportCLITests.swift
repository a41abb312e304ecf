import Foundation
import Testing

/// Runs a program other than actorgraph (the read-back script, Graphviz's dot) and captures its output.
private func runTool(_ executable: String, _ arguments: [String]) throws -> CLIResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    let dir = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let outURL = dir.appendingPathComponent("stdout"), errURL = dir.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    p.standardOutput = out
    p.standardError = err
    try p.run()
    p.waitUntilExit()
    try out.close()
    try err.close()
    return CLIResult(status: p.terminationStatus,
                     stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                     stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}

/// The Python with NetworkX the read-back script runs on: `ACTORGRAPH_PYTHON`, else the project's `.venv`.
private var readbackPython: String {
    ProcessInfo.processInfo.environment["ACTORGRAPH_PYTHON"] ?? CLIHarness.root.appendingPathComponent(".venv/bin/python").path
}

private func read(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
}

/// Exports `graph` into `dir` as g.dot, g.graphml, g.gexf, g.json and g.nodes.csv / g.edges.csv, the names
/// `scripts/readback.py` expects. Half the formats are named by --format, half inferred from the extension.
private func exportAll(_ graph: String, into dir: URL, extra: [String] = []) throws {
    let runs: [[String]] = [
        ["-o", dir.appendingPathComponent("g.dot").path],
        ["--format", "graphml", "-o", dir.appendingPathComponent("g.graphml").path],
        ["-o", dir.appendingPathComponent("g.gexf").path],
        ["--format", "json", "-o", dir.appendingPathComponent("g.json").path],
        ["-o", dir.appendingPathComponent("g.csv").path],
    ]
    for args in runs {
        let r = try CLIHarness.run(["export", graph] + args + extra)
        #expect(r.status == 0, "export \(args.joined(separator: " ")): \(r.stderr)")
    }
}

@Suite("actorgraph export in every format")
struct ExportCLITests {
    @Test("every export of Examples/diplomacy reads back in NetworkX with the graph file's nodes, edges and counts")
    func readBack() throws {
        let python = readbackPython
        try #require(FileManager.default.isExecutableFile(atPath: python),
                     "no Python with NetworkX at \(python): run 'make pydeps' or set ACTORGRAPH_PYTHON")
        let dir = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let graph = dir.appendingPathComponent("graph.json").path
        let b = try CLIHarness.run(["build", CLIHarness.examples, "-o", graph])
        try #require(b.status == 0, "\(b.stderr)")
        try exportAll(graph, into: dir, extra: ["--weight", "pmi"])

        let r = try runTool(python, [CLIHarness.root.appendingPathComponent("scripts/readback.py").path, graph, dir.path])
        #expect(r.status == 0, "readback failed:\n\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains(" 0 failed"), "\(r.stdout)")
        #expect(r.stdout.contains("readback: GraphML ok"))
        #expect(r.stdout.contains("readback: GEXF ok"))
        #expect(r.stdout.contains("readback: node-link JSON ok"))
        #expect(r.stdout.contains("readback: CSV ok"))

        // Dated documents give Gephi a timeline.
        let gexf = try read(dir.appendingPathComponent("g.gexf").path)
        #expect(gexf.contains("mode=\"dynamic\" timeformat=\"date\""))
        #expect(gexf.contains("<spell start=\"2021-"))
    }

    @Test("--format graph writes the graph file itself; --format json is node-link JSON")
    func graphVersusJSON() throws {
        let dir = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let graph = dir.appendingPathComponent("graph.json").path
        try #require(try CLIHarness.run(["build", CLIHarness.examples, "-o", graph]).status == 0)
        let again = dir.appendingPathComponent("again.json").path
        var r = try CLIHarness.run(["export", graph, "--format", "graph", "-o", again])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try read(again) == read(graph))
        r = try CLIHarness.run(["export", graph, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(obj["links"] is [Any])
        #expect(obj["directed"] as? Bool == false)
    }

    @Test("the format is inferred from the -o extension", arguments: [
        ("g.dot", "graph \"actorgraph\" {"), ("g.gv", "graph \"actorgraph\" {"), ("g.graphml", "<?xml"), ("g.GEXF", "<?xml"),
        ("g.json", "{\"directed\": false"),
    ])
    func inferred(file: String, prefix: String) throws {
        let dir = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent(file).path
        let r = try CLIHarness.run(["export", CLIHarness.examples, "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try read(out).hasPrefix(prefix))
    }

    @Test("CSV: -o NAME.csv writes NAME.nodes.csv and NAME.edges.csv and nothing else")
    func csvPair() throws {
        let dir = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIHarness.run(["export", CLIHarness.examples, "-o", dir.appendingPathComponent("net.csv").path])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == ["net.edges.csv", "net.nodes.csv"])
        #expect(try read(dir.appendingPathComponent("net.nodes.csv").path).hasPrefix("id,name,type,mentions,documents,windows"))
        #expect(try read(dir.appendingPathComponent("net.edges.csv").path).hasPrefix("source,target,weight,count,documents\r\n"))
    }

    @Test("usage errors: no format and no extension, an unknown extension, CSV to stdout", arguments: [
        (["export", "EXAMPLES"], "--format"),
        (["export", "EXAMPLES", "-o", "/tmp/actorgraph-out.txt"], "'/tmp/actorgraph-out.txt'"),
        (["export", "EXAMPLES", "--format", "csv"], "cannot go to stdout"),
        (["export", "EXAMPLES", "-o", "-", "--format", "csv"], "cannot go to stdout"),
        (["export", "EXAMPLES", "--format", "xlsx"], "xlsx"),
    ])
    func usage(arguments: [String], mention: String) throws {
        let r = try CLIHarness.run(arguments.map { $0 == "EXAMPLES" ? CLIHarness.examples : $0 })
        #expect(r.status == 64)
        #expect(r.stderr.contains(mention), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/actorgraph-out.txt"))
    }

    @Test("exporting a graph file over itself is refused and leaves it intact")
    func overwriteInput() throws {
        let dir = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let graph = dir.appendingPathComponent("g.json").path
        try #require(try CLIHarness.run(["build", CLIHarness.examples, "-o", graph]).status == 0)
        let before = try read(graph)
        let r = try CLIHarness.run(["export", graph, "-o", dir.path + "/./g.json"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("is the input graph itself"), "\(r.stderr)")
        #expect(try read(graph) == before)
    }

    @Test("hostile names from a gazetteer extension come out inert in every format")
    func hostileNames() throws {
        let dir = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let gazetteer = dir.appendingPathComponent("hostile.gazetteer")
        try """
        person = "Evil" <script>alert(1)</script> & Co --> ]; node [
          alias: Scripty McScript
          attr.motto: =HYPERLINK("http://x")
          attr.score: 1.
        person = =cmd|' /C calc'!A0
          alias: Formula Person
          attr.score: -2.5
        person = Иван "Bold" \\ Иванов, عبد الله
          alias: Ivan Bold

        """.write(to: gazetteer, atomically: true, encoding: .utf8)
        let corpus = dir.appendingPathComponent("c.jsonl")
        try """
        {"id": "d1", "date": "2021-07-18", "text": "Scripty McScript met Formula Person. Ivan Bold joined Scripty McScript and Formula Person later."}
        {"id": "d2", "date": "2021-07-19", "text": "Formula Person and Ivan Bold spoke again."}

        """.write(to: corpus, atomically: true, encoding: .utf8)
        let graph = dir.appendingPathComponent("graph.json").path
        let b = try CLIHarness.run(["build", corpus.path, "--gazetteer", gazetteer.path, "-o", graph])
        try #require(b.status == 0, "\(b.stderr)")
        try exportAll(graph, into: dir)
        func file(_ name: String) throws -> String { try read(dir.appendingPathComponent(name).path) }

        for name in ["g.graphml", "g.gexf"] {
            let xml = try file(name)
            #expect(!xml.contains("<script>"), "\(name) holds raw <script>")
            #expect(!xml.contains("-->"), "\(name) holds a raw comment end")
            #expect(xml.contains("&quot;Evil&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co --&gt; ]; node ["), "\(name)")
            #expect(xml.contains("=cmd|&apos; /C calc&apos;!A0"), "\(name)")
            #expect(xml.contains("Иван &quot;Bold&quot; \\ Иванов, عبد الله"), "\(name)")
        }
        let json = try file("g.json")
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"))
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let names = Set((obj["nodes"] as! [[String: Any]]).map { $0["name"] as! String })
        #expect(names.isSuperset(of: ["\"Evil\" <script>alert(1)</script> & Co --> ]; node [", "=cmd|' /C calc'!A0",
                                      "Иван \"Bold\" \\ Иванов, عبد الله"]))

        let nodesCSV = try file("g.nodes.csv")
        #expect(nodesCSV.contains(",'=cmd|' /C calc'!A0,person,"))
        #expect(nodesCSV.contains(",\"'=HYPERLINK(\"\"http://x\"\")\",1.,"))
        #expect(nodesCSV.contains(",\"\"\"Evil\"\" <script>alert(1)</script> & Co --> ]; node [\",person,"))
        #expect(!nodesCSV.split(separator: "\r\n").contains { $0.split(separator: ",").contains { $0.hasPrefix("=") } })

        // A numeric attribute is typed as one, and its negative value is not mistaken for a formula.
        #expect(try file("g.graphml").contains("attr.name=\"attr.score\" attr.type=\"double\""))
        #expect(try file("g.gexf").contains("title=\"attr.score\" type=\"double\""))
        #expect(nodesCSV.contains(",-2.5,"))

        let dot = try file("g.dot")
        #expect(dot.contains("label=\"\\\"Evil\\\" <script>alert(1)</script> & Co --> ]; node [\""))

        // The read-back script agrees on every name, when NetworkX is at hand.
        try #require(FileManager.default.isExecutableFile(atPath: readbackPython), "no Python at \(readbackPython); run 'make pydeps'")
        let r = try runTool(readbackPython, [CLIHarness.root.appendingPathComponent("scripts/readback.py").path, graph, dir.path])
        #expect(r.status == 0, "readback failed:\n\(r.stdout)\(r.stderr)")
        // Graphviz itself reads the DOT (attribute keys such as `attr.motto` are quoted).
        let dotRun = try runTool("/usr/bin/dot", ["-Tcanon", dir.appendingPathComponent("g.dot").path])
        #expect(dotRun.status == 0, "dot: \(dotRun.stderr)")
    }
}
