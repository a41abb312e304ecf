import Foundation
import Testing

@Suite("actorgraph on the Examples corpus")
struct CLIExampleTests {
    @Test("extract prints JSON Lines whose code-point slices equal their text")
    func extract() throws {
        let r = try CLIHarness.run(["extract", CLIHarness.examples, "--format", "jsonl"])
        #expect(r.status == 0, "\(r.stderr)")
        let records = try CLIHarness.jsonLines(r.stdout)
        #expect(records.count > 100)
        var texts: [String: [Unicode.Scalar]] = [:]
        for rec in records {
            let doc = rec["doc"] as! String
            if texts[doc] == nil {
                let data = try Data(contentsOf: URL(fileURLWithPath: CLIHarness.examples + "/" + doc + ".txt"))
                texts[doc] = Array(String(decoding: data, as: UTF8.self).unicodeScalars)
            }
            let start = rec["start"] as! Int, end = rec["end"] as! Int
            let slice = String(String.UnicodeScalarView(texts[doc]![start..<end]))
            #expect(slice == rec["text"] as! String)
            #expect(["person", "country", "organization"].contains(rec["type"] as! String))
            #expect(!(rec["actor"] as! String).isEmpty && !(rec["name"] as! String).isEmpty)
        }
        let actors = Set(records.map { $0["actor"] as! String })
        for id in ["QAT", "AFG", "USA", "PAK", "TJK", "RUS"] { #expect(actors.contains(id), "missing \(id)") }
    }

    @Test("extract --format tsv has a header and one row per mention")
    func extractTSV() throws {
        let r = try CLIHarness.run(["extract", CLIHarness.examples, "--format", "tsv"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "doc\tstart\tend\ttext\ttype\tactor\tname")
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 7 })
    }

    @Test("extract --format tsv keeps a row on one line when a field holds a tab, a CR LF or a lone line feed")
    func extractTSVControlCharacters() throws {
        let r = try CLIHarness.run(["extract", "-", "--format", "tsv"],
                                   stdin: "{\"id\": \"a\\tb\\r\\nc\\nd\", \"text\": \"Qatar met Pakistan.\"}\n")
        #expect(r.status == 0, "\(r.stderr)")
        // Split at line-feed bytes: a CR LF left in a field would be one Character, not a "\n".
        let lines = Array(r.stdout.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        #expect(lines.count == 4 && lines[3].isEmpty, "\(lines)")
        let rows = lines.dropFirst().dropLast().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.map(\.count) == [7, 7])
        #expect(rows.map { String($0[0]) } == ["a b  c d", "a b  c d"])
        #expect(rows.map { String($0[5]) } == ["QAT", "PAK"])
    }

    @Test("evidence prints a window spanning CRLF lines on one line, each line break a space")
    func evidenceAcrossCRLFLines() throws {
        let dir = try CLIHarness.temporaryFolder()
        let text = dir.appendingPathComponent("crlf.txt").path, graph = dir.appendingPathComponent("g.json").path
        try "Qatar hosted talks.\r\nPakistan sent envoys.\r\n".write(toFile: text, atomically: true, encoding: .utf8)
        var r = try CLIHarness.run(["build", text, "--window", "paragraph", "-o", graph])
        #expect(r.status == 0, "\(r.stderr)")
        r = try CLIHarness.run(["evidence", "Qatar", "Pakistan", "--graph", graph])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.utf8.contains(0x0D))
        #expect(r.stdout.contains("[[Qatar]] hosted talks. [[Pakistan]] sent envoys.\n"))
    }

    @Test("build writes a versioned graph file that neighbors, render and export read")
    func buildAndQuery() throws {
        let dir = try CLIHarness.temporaryFolder()
        let graph = dir.appendingPathComponent("g.json").path
        var r = try CLIHarness.run(["build", CLIHarness.examples, "-o", graph])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: graph, encoding: .utf8)
        #expect(text.hasPrefix("{\"format\": \"actorgraph-graph\", \"version\": 1,"))

        r = try CLIHarness.run(["neighbors", "qatar", "--graph", graph, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(obj["actor"] as? String == "QAT")
        let neighbors = obj["neighbors"] as! [[String: Any]]
        let ids = neighbors.map { $0["id"] as! String }
        #expect(ids.contains("AFG") && ids.contains("USA"))
        let weights = neighbors.map { $0["weight"] as! Double }
        #expect(weights == weights.sorted(by: >))

        r = try CLIHarness.run(["neighbors", "US", "--graph", graph, "--top", "3"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Neighbours of United States (country, USA) by count:"))
        #expect(r.stdout.split(separator: "\n").count == 5)

        r = try CLIHarness.run(["neighbors", "Biden", "--graph", graph])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Joe Biden"))

        let svg = dir.appendingPathComponent("g.svg").path
        r = try CLIHarness.run(["render", graph, "-o", svg, "--layout", "fdp"])
        #expect(r.status == 0, "\(r.stderr)")
        let svgText = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(svgText.contains("<svg"))
        #expect(svgText.contains("<title>QAT</title>"))
        #expect(svgText.contains("class=\"node actor country"))
        // The legend names every type (in the graph's heading).
        #expect(svgText.contains("> person ") && svgText.contains("> country ") && svgText.contains("> organization<"))

        let dot = dir.appendingPathComponent("g.dot").path
        r = try CLIHarness.run(["export", graph, "--format", "dot", "-o", dot])
        #expect(r.status == 0)
        // Debian's dot program reads our DOT back.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
        p.arguments = ["-Tsvg", dot, "-o", dir.appendingPathComponent("dot.svg").path]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }

    @Test("render works straight from a corpus, in every layout", arguments: ["dot", "neato", "fdp", "sfdp", "circo", "twopi"])
    func renderLayouts(layout: String) throws {
        let dir = try CLIHarness.temporaryFolder()
        let out = dir.appendingPathComponent("x.svg").path
        let r = try CLIHarness.run(["render", CLIHarness.examples, "-o", out, "--layout", layout])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("<title>AFG</title>"))
    }

    @Test("an unknown actor exits 2 and suggests the closest names")
    func unknownActor() throws {
        let r = try CLIHarness.run(["neighbors", "Qatr", "--corpus", CLIHarness.examples])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("error: no actor named 'Qatr'"))
        #expect(r.stderr.contains("'Qatar'"))
    }

    @Test("gazetteer export --aliases lists every alias with its actor")
    func gazetteerExport() throws {
        let r = try CLIHarness.run(["gazetteer", "export", "--aliases"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\nU.S.\tUSA\tcountry\tname\n"))
        #expect(r.stdout.contains("\nAfghan\tAFG\tcountry\tdemonym\n"))
    }
}

@Suite("actorgraph on bad input")
struct CLIBadInputTests {
    @Test("a missing file is a one-line error, exit 1")
    func missing() throws {
        let r = try CLIHarness.run(["extract", "/nonexistent/corpus.jsonl"])
        #expect(r.status == 1)
        #expect(r.stderr == "error: /nonexistent/corpus.jsonl: does not exist\n")
    }

    @Test("an unreadable folder is an error, exit 1")
    func unreadableFolder() throws {
        guard getuid() != 0 else { return }  // root reads everything
        let dir = try CLIHarness.temporaryFolder()
        chmod(dir.path, 0)
        defer { chmod(dir.path, 0o755) }
        let r = try CLIHarness.run(["extract", dir.path])
        #expect(r.status == 1)
    }

    @Test("a JSON Lines line that is not JSON names the file and line")
    func badJSON() throws {
        let dir = try CLIHarness.temporaryFolder()
        let file = dir.appendingPathComponent("c.jsonl")
        try "{\"id\":\"a\",\"text\":\"Qatar\"}\n{not json}\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try CLIHarness.run(["extract", file.path])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: \(file.path):2:2: is not valid JSON"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test("a line without text names the file and line; --skip-bad-lines continues")
    func missingText() throws {
        let dir = try CLIHarness.temporaryFolder()
        let file = dir.appendingPathComponent("c.jsonl")
        try "{\"id\":\"a\",\"text\":\"Qatar\"}\n{\"id\":\"b\"}\n{\"id\":\"c\",\"text\":\"Pakistan\"}\n".write(to: file, atomically: true, encoding: .utf8)
        var r = try CLIHarness.run(["extract", file.path])
        #expect(r.status == 1)
        #expect(r.stderr == "error: \(file.path):2: has no \"text\" field\n")
        r = try CLIHarness.run(["extract", file.path, "--skip-bad-lines"])
        #expect(r.status == 0)
        #expect(try CLIHarness.jsonLines(r.stdout).count == 2)
        #expect(r.stderr.contains("skipped 1 bad line"))
    }

    @Test("invalid UTF-8 is replaced with a warning; --strict-utf8 makes it an error")
    func invalidUTF8() throws {
        let dir = try CLIHarness.temporaryFolder()
        let file = dir.appendingPathComponent("a.txt")
        try Data([0x51, 0x61, 0x74, 0x61, 0x72, 0x20, 0xFF, 0x20] + Array("Pakistan".utf8)).write(to: file)
        var r = try CLIHarness.run(["extract", dir.path])
        #expect(r.status == 0)
        #expect(r.stderr.hasPrefix("warning: \(file.path): invalid UTF-8 at byte offset 6"))
        let recs = try CLIHarness.jsonLines(r.stdout)
        #expect(recs.map { $0["start"] as! Int } == [0, 8])
        r = try CLIHarness.run(["extract", dir.path, "--strict-utf8"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: \(file.path): is not valid UTF-8"))
    }

    @Test("--strict-utf8 on JSON Lines: an error naming FILE:LINE, or with --skip-bad-lines a skipped and counted line")
    func strictUTF8JSONLines() throws {
        let dir = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("c.jsonl")
        try Data(Array("{\"id\": \"a\", \"text\": \"Qatar met Pakistan.\"}\n{\"id\": \"b\", \"text\": \"Oman ".utf8) + [0xFF]
                 + Array("\"}\n{\"id\": \"c\", \"text\": \"Iran\"}\n".utf8)).write(to: file)
        var r = try CLIHarness.run(["extract", file.path, "--strict-utf8"])
        #expect(r.status == 1)
        #expect(r.stderr == "error: \(file.path):2: is not valid UTF-8: the first invalid byte is at byte offset 26\n")
        r = try CLIHarness.run(["extract", file.path, "--strict-utf8", "--skip-bad-lines"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "warning: \(file.path):2: is not valid UTF-8: the first invalid byte is at byte offset 26; line skipped\n"
                + "warning: \(file.path): skipped 1 bad line(s)\n")
        #expect(try CLIHarness.jsonLines(r.stdout).map { $0["doc"] as! String } == ["a", "a", "c"])
    }

    @Test("a tokens or decay window wider than 1,000 is a usage error (64) naming the limit", arguments: [
        ("tokens:1001", "tokens:K takes K from 1 to 1000"), ("decay:0.5:5000", "decay:LAMBDA:C takes C from 0 to 1000"),
    ])
    func tooWideWindow(window: String, message: String) throws {
        let r = try CLIHarness.run(["build", CLIHarness.examples, "--window", window, "-o", "/tmp/never-written.json"])
        #expect(r.status == 64)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written.json"))
        let ok = try CLIHarness.run(["build", CLIHarness.examples, "--window", window.hasPrefix("tokens") ? "tokens:1000" : "decay:0.5:1000"])
        #expect(ok.status == 0, "\(ok.stderr)")
    }

    @Test("an unknown layout is a usage error (64)")
    func unknownLayout() throws {
        let r = try CLIHarness.run(["render", CLIHarness.examples, "-o", "/tmp/x.svg", "--layout", "spiral"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("spiral"))
    }

    @Test("a failed run leaves no partial output and an earlier output intact")
    func noPartialOutput() throws {
        let dir = try CLIHarness.temporaryFolder()
        let bad = dir.appendingPathComponent("bad.jsonl")
        try "{\"id\":\"a\",\"text\":\"Qatar and Pakistan\"}\n{oops\n".write(to: bad, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out.svg")
        var r = try CLIHarness.run(["render", bad.path, "-o", out.path])
        #expect(r.status == 1)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        try "previous".write(to: out, atomically: true, encoding: .utf8)
        r = try CLIHarness.run(["build", bad.path, "-o", out.path])
        #expect(r.status == 1)
        #expect(try String(contentsOf: out, encoding: .utf8) == "previous")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test("output into a folder that does not exist is an error naming the path")
    func missingFolder() throws {
        let r = try CLIHarness.run(["build", CLIHarness.examples, "-o", "/nonexistent/dir/g.json"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: /nonexistent/dir/g.json: cannot be written"))
    }

    @Test("a broken graph file is a clear error")
    func brokenGraph() throws {
        let dir = try CLIHarness.temporaryFolder()
        let g = dir.appendingPathComponent("g.json")
        try "{\"format\": \"actorgraph-graph\", \"version\": 1, \"nodes\": [".write(to: g, atomically: true, encoding: .utf8)
        var r = try CLIHarness.run(["neighbors", "Qatar", "--graph", g.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("is not a readable graph file"))
        try "{\"format\": \"actorgraph-graph\", \"version\": 99}".write(to: g, atomically: true, encoding: .utf8)
        r = try CLIHarness.run(["neighbors", "Qatar", "--graph", g.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("version 99"))
    }

    @Test("a bad gazetteer extension is reported as FILE:LINE:COLUMN, never a crash")
    func badGazetteer() throws {
        let dir = try CLIHarness.temporaryFolder()
        let g = dir.appendingPathComponent("x.gazetteer")
        try "person = Someone\n  colour: blue\n".write(to: g, atomically: true, encoding: .utf8)
        var r = try CLIHarness.run(["extract", CLIHarness.examples, "--gazetteer", g.path])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: \(g.path):2:3: unknown key 'colour'"))
        r = try CLIHarness.run(["gazetteer", "lint", g.path])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("\(g.path):2:3: unknown key 'colour'"))
    }
}

@Suite("The seed articles end to end")
struct SeedTests {
    @Test("Qatar, Afghanistan, the Taliban, the United States and Joe Biden are found; Qatar–Afghanistan is an edge")
    func seeds() throws {
        let seeds = CLIHarness.shared.appendingPathComponent("seeds").path
        guard FileManager.default.fileExists(atPath: seeds) else { return }
        var r = try CLIHarness.run(["extract", seeds])
        #expect(r.status == 0, "\(r.stderr)")
        let actors = Set(try CLIHarness.jsonLines(r.stdout).map { $0["name"] as! String })
        for name in ["Qatar", "Afghanistan", "Taliban", "United States", "Joe Biden"] {
            #expect(actors.contains(name), "missing \(name)")
        }
        r = try CLIHarness.run(["neighbors", "Qatar", "--corpus", seeds, "--format", "json"])
        #expect(r.status == 0)
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect((obj["neighbors"] as! [[String: Any]]).contains { $0["id"] as? String == "AFG" })
    }
}
