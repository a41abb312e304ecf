import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// Hostile input for the built binary: every case checks the exit status, the one `error:` or `warning:` line
// (naming the file and line or document, and the problem), and that no partial output is left behind while a
// previous output file stays intact. CLITests.swift has the first bad-input tests; these add the rest.
//
// The 100 MB line, the 200 MB document and the million tiny documents run on a release binary (a debug build
// recognizes about 0.3 MB/s): ACTORGRAPH_RELEASE_BIN, else .build/release/actorgraph, else one built here.

// MARK: - Helpers

private let previousOutput = "previous output, which a failed run must leave alone\n"

/// What a case writes into its folder before it runs.
enum HostileFile: Sendable {
    case text(String)
    case bytes([UInt8])
    case folder
}

/// One row of the matrix.
struct HostileCase: Sendable, CustomTestStringConvertible {
    var name: String
    var files: [String: HostileFile]
    /// The arguments; `$D` stands for the case's folder.
    var arguments: [String]
    var status: Int32
    /// `error`, `warning` or nil (no such line at all).
    var kind: String?
    /// What the one error or warning line must contain (`$D` replaced).
    var message: [String] = []
    /// The output file (relative to the folder): it must hold the previous content after a failure and exist
    /// after a success.
    var output: String?
    var verify: (@Sendable (CLIResult, URL) throws -> Void)?

    var testDescription: String { name }
}

private func write(_ files: [String: HostileFile], into dir: URL) throws {
    for (path, content) in files.sorted(by: { $0.key < $1.key }) {
        let url = dir.appendingPathComponent(path)
        switch content {
        case .folder:
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        case .text(let s):
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(s.utf8).write(to: url)
        case .bytes(let b):
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(b).write(to: url)
        }
    }
}

private func contents(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
}

/// Files a failed or interrupted write could leave: AtomicFile's `.NAME.XXXXXX` temporaries.
private func leftovers(in dir: URL) -> [String] {
    let items = (try? FileManager.default.subpathsOfDirectory(atPath: dir.path)) ?? []
    return items.filter { ($0 as NSString).lastPathComponent.hasPrefix(".") }
}

/// The `error:` and `warning:` lines of stderr.
private func diagnostics(_ stderr: String) -> [Substring] {
    stderr.split(separator: "\n").filter { $0.hasPrefix("error:") || $0.hasPrefix("warning:") }
}

/// Checks the stderr contract: exactly one line of `kind` holding every part of `message`, or none at all.
private func expectOneDiagnostic(_ r: CLIResult, kind: String?, message: [String], _ context: String,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
    let lines = diagnostics(r.stderr)
    guard let kind else {
        #expect(lines.isEmpty, "\(context): unexpected diagnostics:\n\(r.stderr)", sourceLocation: sourceLocation)
        return
    }
    #expect(lines.count == 1, "\(context): expected one \(kind) line, got:\n\(r.stderr)", sourceLocation: sourceLocation)
    guard let line = lines.first else { return }
    #expect(line.hasPrefix("\(kind): "), "\(context): \(line)", sourceLocation: sourceLocation)
    for part in message {
        #expect(line.contains(part), "\(context): '\(part)' is missing from: \(line)", sourceLocation: sourceLocation)
    }
}

/// Runs `executable` with `arguments`, output captured through files.
private func runProgram(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> CLIResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    if let environment { p.environment = environment }
    let dir = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let outURL = dir.appendingPathComponent("stdout"), errURL = dir.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    try out.close()
    try err.close()
    return CLIResult(status: p.terminationStatus, stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                     stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}

private func graphObject(_ path: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
}

/// Every mention record's code-point slice of its document equals its text; returns the records.
@discardableResult
private func expectConsistentOffsets(_ jsonl: String, documents: [String: [UInt8]],
                                     sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
    let records = try CLIHarness.jsonLines(jsonl)
    for rec in records {
        let doc = try #require(rec["doc"] as? String)
        let bytes = try #require(documents[doc], "no text for document \(doc)")
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        let start = rec["start"] as! Int, end = rec["end"] as! Int
        #expect(start >= 0 && start < end && end <= scalars.count, "\(rec)", sourceLocation: sourceLocation)
        guard start >= 0, start < end, end <= scalars.count else { continue }
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == rec["text"] as? String, "\(rec)", sourceLocation: sourceLocation)
    }
    return records
}

/// Mounts a tmpfs of `size` at `dir` (root only); false, with the reason, when that is not possible here.
private func mountTmpfs(_ dir: URL, options: String) -> (Bool, String) {
    guard getuid() == 0 else { return (false, "not root") }
    guard let r = try? runProgram("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir.path]) else { return (false, "cannot run mount") }
    return (r.status == 0, r.stderr)
}

private func unmount(_ dir: URL) { _ = try? runProgram("/bin/umount", [dir.path]) }

/// Realistic news text from Examples/diplomacy (date lines dropped), for the large inputs.
private func exampleText() throws -> String {
    let files = try FileManager.default.contentsOfDirectory(atPath: CLIHarness.examples).filter { $0.hasSuffix(".txt") }.sorted()
    var text = ""
    for f in files {
        let body = try contents(CLIHarness.examples + "/" + f)
        text += body.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().joined() + "\n"
    }
    return text
}

/// The release binary for the large inputs: ACTORGRAPH_RELEASE_BIN, .build/release/actorgraph, or one built
/// into .build-hostile (once per test run).
private let releaseBinary: Result<String, BuildFailure> = {
    if let bin = ProcessInfo.processInfo.environment["ACTORGRAPH_RELEASE_BIN"] { return .success(bin) }
    let existing = CLIHarness.root.appendingPathComponent(".build/release/actorgraph").path
    if FileManager.default.isExecutableFile(atPath: existing) { return .success(existing) }
    let scratch = CLIHarness.root.appendingPathComponent(".build-hostile").path
    let swift = ["/usr/bin/swift", "/opt/swift/usr/bin/swift"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/swift"
    do {
        let r = try runProgram("/usr/bin/env", ["-C", CLIHarness.root.path, swift, "build", "-c", "release",
                                                "--scratch-path", scratch, "--product", "actorgraph"])
        guard r.status == 0 else { return .failure(BuildFailure(message: r.stdout + r.stderr)) }
    } catch {
        return .failure(BuildFailure(message: "\(error)"))
    }
    return .success(scratch + "/release/actorgraph")
}()

struct BuildFailure: Error { var message: String }

// MARK: - The matrix

private let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
private let binaryBlob: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0xFF, 0xFE, 0, 1, 2, 3, 0xC3, 0x28]

private let smallGraph = """
{"format": "actorgraph-graph", "version": 1,
 "options": {"window": "sentence", "count": "windows", "evidence": 5},
 "totals": {"windows": 4, "documents": 1, "days": {"2021-07-18": [4, 1]}},
 "nodes": [
  {"id": "AFG", "name": "Afghanistan", "type": "country", "mentions": 2, "documents": 1, "windows": 2, "days": {"2021-07-18": 2}},
  {"id": "QAT", "name": "Qatar", "type": "country", "mentions": 2, "documents": 1, "windows": 2, "days": {"2021-07-18": 2}}
 ],
 "edges": [
  {"source": "AFG", "target": "QAT", "count": 2, "documents": 1, "days": {"2021-07-18": 2}, "evidence": [{"doc": "d", "date": "2021-07-18", "start": 0, "end": 24, "text": "Qatar hosted Afghanistan.", "source_span": [13, 24], "target_span": [0, 5]}]}
 ]
}

"""

/// The small graph with one textual replacement (a hand edit).
private func editedGraph(_ from: String, _ to: String) -> HostileFile {
    precondition(smallGraph.contains(from), "the edit target '\(from)' is not in the graph")
    return .text(smallGraph.replacingOccurrences(of: from, with: to))
}

private func badGraphCase(_ name: String, _ file: HostileFile, _ message: String) -> HostileCase {
    HostileCase(name: "graph file: \(name)", files: ["g.json": file], arguments: ["render", "$D/g.json", "-o", "$D/out.svg"],
                status: 1, kind: "error", message: ["$D/g.json", message], output: "out.svg")
}

let hostileCases: [HostileCase] = [
    // Text encodings and line ends.
    HostileCase(name: "a UTF-8 BOM stays code point 0; the mention after it starts at 1",
                files: ["a.txt": .bytes(bom + Array("Qatar met Pakistan.\n".utf8))],
                arguments: ["extract", "$D/a.txt", "-o", "$D/out.jsonl"], status: 0, kind: nil, output: "out.jsonl",
                verify: { _, dir in
                    let records = try expectConsistentOffsets(try contents(dir.path + "/out.jsonl"),
                                                              documents: ["a": bom + Array("Qatar met Pakistan.\n".utf8)])
                    #expect(records.map { $0["start"] as! Int } == [1, 11])
                }),
    HostileCase(name: "a BOM before the date line: the date is still read",
                files: ["c/a.txt": .bytes(bom + Array("date 2021-07-18\nQatar met Pakistan.\n".utf8))],
                arguments: ["build", "$D/c", "-o", "$D/g.json"], status: 0, kind: nil, output: "g.json",
                verify: { _, dir in
                    let g = try graphObject(dir.path + "/g.json")
                    let days = (g["totals"] as? [String: Any])?["days"] as? [String: Any]
                    #expect(days?["2021-07-18"] != nil, "\(g)")
                }),
    HostileCase(name: "NUL bytes inside a .txt are text: kept, counted, no warning",
                files: ["c/n.txt": .bytes(Array("Qatar\u{0}\u{0}met Pakistan.\u{0}".utf8))],
                arguments: ["extract", "$D/c", "-o", "$D/out.jsonl"], status: 0, kind: nil, output: "out.jsonl",
                verify: { _, dir in
                    let records = try expectConsistentOffsets(try contents(dir.path + "/out.jsonl"),
                                                              documents: ["n": Array("Qatar\u{0}\u{0}met Pakistan.\u{0}".utf8)])
                    #expect(records.map { $0["start"] as! Int } == [0, 11])
                }),
    HostileCase(name: "a binary file in a folder is skipped with a warning; other files still count",
                files: ["c/good.txt": .text("Qatar met Pakistan."), "c/blob.txt": .bytes(binaryBlob), "c/picture.png": .bytes(binaryBlob)],
                arguments: ["extract", "$D/c", "-o", "$D/out.jsonl"], status: 0, kind: "warning",
                message: ["$D/c/blob.txt", "binary", "skipped"], output: "out.jsonl",
                verify: { _, dir in
                    let records = try CLIHarness.jsonLines(try contents(dir.path + "/out.jsonl"))
                    #expect(Set(records.map { $0["doc"] as! String }) == ["good"])
                }),
    HostileCase(name: "CRLF line ends: date read, lines split, offsets count the CR",
                files: ["c/a.txt": .text("date 2021-07-18\r\nQatar met Pakistan.\r\nAfghanistan spoke.\r\n")],
                arguments: ["build", "$D/c", "-o", "$D/g.json"], status: 0, kind: nil, output: "g.json",
                verify: { _, dir in
                    let g = try graphObject(dir.path + "/g.json")
                    #expect(((g["totals"] as? [String: Any])?["days"] as? [String: Any])?["2021-07-18"] != nil)
                    let edges = (g["edges"] as! [[String: Any]]).map { "\($0["source"]!)-\($0["target"]!)" }
                    #expect(edges == ["PAK-QAT"])
                    let r = try CLIHarness.run(["extract", dir.path + "/c"])
                    let records = try expectConsistentOffsets(r.stdout, documents: ["a": Array("date 2021-07-18\r\nQatar met Pakistan.\r\nAfghanistan spoke.\r\n".utf8)])
                    #expect(records.map { $0["start"] as! Int } == [17, 27, 38])
                }),
    HostileCase(name: "lone CR line ends: offsets consistent",
                files: ["a.txt": .text("Qatar met Pakistan.\rAfghanistan spoke.\r")],
                arguments: ["extract", "$D/a.txt", "-o", "$D/out.jsonl"], status: 0, kind: nil, output: "out.jsonl",
                verify: { _, dir in
                    let records = try expectConsistentOffsets(try contents(dir.path + "/out.jsonl"),
                                                              documents: ["a": Array("Qatar met Pakistan.\rAfghanistan spoke.\r".utf8)])
                    #expect(records.map { $0["start"] as! Int } == [0, 10, 20])
                }),
    HostileCase(name: "CRLF JSON Lines: each line read, the CR is not part of the record",
                files: ["c.jsonl": .text("{\"id\": \"a\", \"text\": \"Qatar met Pakistan.\"}\r\n{\"id\": \"b\", \"text\": \"Afghanistan\"}\r\n")],
                arguments: ["extract", "$D/c.jsonl", "-o", "$D/out.jsonl"], status: 0, kind: nil, output: "out.jsonl",
                verify: { _, dir in
                    let records = try CLIHarness.jsonLines(try contents(dir.path + "/out.jsonl"))
                    #expect(records.map { $0["doc"] as! String } == ["a", "a", "b"])
                }),
    HostileCase(name: "a JSON Lines file that starts with a BOM: line 1 is read, offsets count from its text",
                files: ["c.jsonl": .bytes(bom + Array("{\"id\": \"a\", \"text\": \"Qatar met Pakistan.\"}\n{\"id\": \"b\", \"text\": \"Oman\"}\n".utf8))],
                arguments: ["extract", "$D/c.jsonl", "-o", "$D/out.jsonl"], status: 0, kind: nil, output: "out.jsonl",
                verify: { _, dir in
                    let records = try expectConsistentOffsets(try contents(dir.path + "/out.jsonl"),
                                                              documents: ["a": Array("Qatar met Pakistan.".utf8), "b": Array("Oman".utf8)])
                    #expect(records.map { $0["doc"] as! String } == ["a", "a", "b"])
                    #expect(records.map { $0["start"] as! Int } == [0, 10, 0])
                }),
    HostileCase(name: "invalid UTF-8 inside a JSON Lines string: one U+FFFD per byte, as in a .txt, with a warning",
                files: ["c.jsonl": .bytes(Array("{\"id\": \"a\", \"text\": \"Qatar ".utf8) + [0xE2, 0x80] + Array(" met ".utf8) + [0xFF]
                                          + Array(" Pakistan.\"}\n".utf8))],
                arguments: ["extract", "$D/c.jsonl", "-o", "$D/out.jsonl"], status: 0, kind: "warning",
                message: ["$D/c.jsonl:1", "invalid UTF-8 at byte offset 27", "document a"], output: "out.jsonl",
                verify: { _, dir in
                    let records = try CLIHarness.jsonLines(try contents(dir.path + "/out.jsonl"))
                    #expect(records.map { $0["start"] as! Int } == [0, 15])
                }),
    HostileCase(name: "invalid UTF-8 in JSON Lines with --strict-utf8 is an error",
                files: ["c.jsonl": .bytes(Array("{\"id\": \"a\", \"text\": \"Qatar \u{FF}".utf8) + [0xFF] + Array("\"}\n".utf8))],
                arguments: ["build", "$D/c.jsonl", "--strict-utf8", "-o", "$D/out.json"], status: 1, kind: "error",
                message: ["$D/c.jsonl:1", "not valid UTF-8", "byte offset 29"], output: "out.json"),

    // Empty input.
    HostileCase(name: "an empty .txt file is one empty document",
                files: ["empty.txt": .bytes([])],
                arguments: ["build", "$D/empty.txt", "-o", "$D/g.json"], status: 0, kind: nil, output: "g.json",
                verify: { _, dir in
                    let g = try graphObject(dir.path + "/g.json")
                    #expect((g["totals"] as? [String: Any])?["documents"] as? Int == 1)
                    #expect((g["nodes"] as? [Any])?.isEmpty == true)
                }),
    HostileCase(name: "an empty folder: success, a warning, an empty graph",
                files: ["c": .folder],
                arguments: ["build", "$D/c", "-o", "$D/g.json"], status: 0, kind: "warning",
                message: ["$D/c", "no documents"], output: "g.json",
                verify: { _, dir in
                    let g = try graphObject(dir.path + "/g.json")
                    #expect((g["totals"] as? [String: Any])?["documents"] as? Int == 0)
                    #expect((g["nodes"] as? [Any])?.isEmpty == true && (g["edges"] as? [Any])?.isEmpty == true)
                }),
    HostileCase(name: "an empty .jsonl: success, a warning, no mentions",
                files: ["c.jsonl": .bytes([])],
                arguments: ["extract", "$D/c.jsonl", "-o", "$D/out.jsonl"], status: 0, kind: "warning",
                message: ["$D/c.jsonl", "no documents"], output: "out.jsonl",
                verify: { _, dir in
                    let out = try contents(dir.path + "/out.jsonl")
                    #expect(out.isEmpty)
                }),
    HostileCase(name: "a .jsonl of blank lines is an empty corpus",
                files: ["c.jsonl": .text("\n   \r\n\t\n")],
                arguments: ["build", "$D/c.jsonl", "-o", "$D/g.json"], status: 0, kind: "warning",
                message: ["$D/c.jsonl", "no documents"], output: "g.json"),

    // Bad JSON Lines records.
    HostileCase(name: "a date that is not a real day",
                files: ["c.jsonl": .text("{\"id\": \"a\", \"text\": \"Qatar\"}\n{\"id\": \"b\", \"text\": \"Qatar\", \"date\": \"2021-02-30\"}\n")],
                arguments: ["build", "$D/c.jsonl", "-o", "$D/out.json"], status: 1, kind: "error",
                message: ["$D/c.jsonl:2:", "\"date\"", "not a real day"], output: "out.json"),
    HostileCase(name: "a date that is a number",
                files: ["c.jsonl": .text("{\"id\": \"a\", \"text\": \"Qatar\", \"date\": 20210218}\n")],
                arguments: ["extract", "$D/c.jsonl", "-o", "$D/out.jsonl"], status: 1, kind: "error",
                message: ["$D/c.jsonl:1:", "\"date\"", "YYYY-MM-DD"], output: "out.jsonl"),
    HostileCase(name: "a duplicate id",
                files: ["c.jsonl": .text("{\"id\": \"a\", \"text\": \"Qatar\"}\n{\"id\": \"b\", \"text\": \"x\"}\n{\"id\": \"a\", \"text\": \"Pakistan\"}\n")],
                arguments: ["build", "$D/c.jsonl", "-o", "$D/out.json"], status: 1, kind: "error",
                message: ["$D/c.jsonl:3:", "the id \"a\" was already used"], output: "out.json"),
    HostileCase(name: "a text that is a number",
                files: ["c.jsonl": .text("{\"id\": \"a\", \"text\": 42}\n")],
                arguments: ["extract", "$D/c.jsonl", "-o", "$D/out.jsonl"], status: 1, kind: "error",
                message: ["$D/c.jsonl:1:", "\"text\" field that is a number, not a string"], output: "out.jsonl"),
    HostileCase(name: "a text that is null",
                files: ["c.jsonl": .text("{\"id\": \"a\", \"text\": null}\n")],
                arguments: ["build", "$D/c.jsonl", "-o", "$D/out.json"], status: 1, kind: "error",
                message: ["$D/c.jsonl:1:", "\"text\" field that is null"], output: "out.json"),
    HostileCase(name: "a record that is an array",
                files: ["c.jsonl": .text("[\"Qatar\"]\n")],
                arguments: ["build", "$D/c.jsonl", "-o", "$D/out.json"], status: 1, kind: "error",
                message: ["$D/c.jsonl:1:", "is an array, not a JSON object"], output: "out.json"),
    HostileCase(name: "a numeric id too large for an integer (found by review and fuzzing; it used to trap)",
                files: ["c.jsonl": .text("{\"id\": 1e999, \"text\": \"Qatar\"}\n")],
                arguments: ["build", "$D/c.jsonl", "-o", "$D/out.json"], status: 1, kind: "error",
                message: ["$D/c.jsonl:1:", "\"id\"", "whole number"], output: "out.json"),
    HostileCase(name: "a line cut short inside a string",
                files: ["c.jsonl": .text("{\"id\": \"a\", \"text\": \"Qatar and Pak")],
                arguments: ["extract", "$D/c.jsonl", "-o", "$D/out.jsonl"], status: 1, kind: "error",
                message: ["$D/c.jsonl:1:", "not valid JSON", "not closed"], output: "out.jsonl"),
    HostileCase(name: "JSON nested 100,000 deep is refused, not a stack overflow",
                files: ["c.jsonl": .text(String(repeating: "[", count: 100_000) + "\n")],
                arguments: ["build", "$D/c.jsonl", "-o", "$D/out.json"], status: 1, kind: "error",
                message: ["$D/c.jsonl:1:", "nests deeper than"], output: "out.json"),

    // Graph files: truncated, hand-edited, another version.
    badGraphCase("truncated in the middle", .text(String(smallGraph.prefix(smallGraph.count * 3 / 5))), "truncated or hand-edited"),
    badGraphCase("a count that is a string", editedGraph("\"count\": 2,", "\"count\": \"2\","), "edge 1 lacks one of source, target, count"),
    badGraphCase("a node of an unknown type", editedGraph("\"name\": \"Qatar\", \"type\": \"country\"", "\"name\": \"Qatar\", \"type\": \"planet\""), "node 2 lacks one of"),
    badGraphCase("an edge to a node that does not exist", editedGraph("\"target\": \"QAT\"", "\"target\": \"ZZZ\""), "\"ZZZ\", but one of them is not a node"),
    badGraphCase("a node id given twice", editedGraph("\"id\": \"AFG\"", "\"id\": \"QAT\""), "the node id \"QAT\" appears twice"),
    badGraphCase("a negative weight", editedGraph("\"documents\": 1, \"days\": {\"2021-07-18\": 2}, \"evidence\"", "\"documents\": 1, \"weight\": -1, \"days\": {\"2021-07-18\": 2}, \"evidence\""), "\"weight\" that is not a non-negative number"),
    badGraphCase("a day that does not exist", editedGraph("\"windows\": 2, \"days\": {\"2021-07-18\": 2}}", "\"windows\": 2, \"days\": {\"2021-13-18\": 2}}"), "bad day entry \"2021-13-18\""),
    badGraphCase("an evidence span that ends before it starts", editedGraph("\"source_span\": [13, 24]", "\"source_span\": [24, 13]"), "evidence entry"),
    badGraphCase("an unknown window", editedGraph("\"window\": \"sentence\"", "\"window\": \"weekly\""), "\"window\" must be"),
    badGraphCase("totals missing", editedGraph("\"totals\"", "\"sums\""), "\"totals\" must hold"),
    badGraphCase("a version that is a string", editedGraph("\"version\": 1", "\"version\": \"1\""), "no \"version\" number"),
    badGraphCase("another version", editedGraph("\"version\": 1", "\"version\": 2"), "version 2, but this actorgraph reads version 1"),
    // Hand-edited counts that do not fit together (an edge count of 4 with 2 windows per actor gave Jaccard
    // 4 / (2 + 2 − 4) = inf, printed as "inf").
    badGraphCase("an edge in more windows than its actors", editedGraph("\"count\": 2, \"documents\": 1", "\"count\": 4, \"documents\": 1"),
                 "edge 1 (\"AFG\"–\"QAT\") has count 4, more than the 2 windows of \"AFG\" and 2 of \"QAT\" allow"),
    badGraphCase("a negative edge count", editedGraph("\"count\": 2, \"documents\": 1", "\"count\": -2, \"documents\": 1"),
                 "edge 1 (\"AFG\"–\"QAT\") has a negative count"),
    badGraphCase("a negative mention count", editedGraph("\"name\": \"Qatar\", \"type\": \"country\", \"mentions\": 2", "\"name\": \"Qatar\", \"type\": \"country\", \"mentions\": -2"),
                 "node 2 (\"QAT\") has a negative count"),
    badGraphCase("an actor in more windows than the corpus has", editedGraph("\"name\": \"Qatar\", \"type\": \"country\", \"mentions\": 2, \"documents\": 1, \"windows\": 2",
                                                                             "\"name\": \"Qatar\", \"type\": \"country\", \"mentions\": 2, \"documents\": 1, \"windows\": 9"),
                 "node 2 (\"QAT\") is in 9 windows, more than the 4 windows in \"totals\""),
    badGraphCase("negative totals", editedGraph("\"totals\": {\"windows\": 4", "\"totals\": {\"windows\": -4"), "\"totals\" has a negative count"),
    badGraphCase("an edge in more documents than windows", editedGraph("\"count\": 2, \"documents\": 1", "\"count\": 2, \"documents\": 3"),
                 "is in 3 documents but only 2 windows"),
    badGraphCase("a decayed weight above the count", editedGraph("\"documents\": 1, \"days\": {\"2021-07-18\": 2}, \"evidence\"", "\"documents\": 1, \"weight\": 3.5, \"days\": {\"2021-07-18\": 2}, \"evidence\""),
                 "has a \"weight\" of 3.5, more than its count 2"),
    HostileCase(name: "tokens:K counts mention pairs, which may pass both actors' windows: Jaccard is still finite (was inf)",
                files: ["t.txt": .text("Qatar met Pakistan. Qatar met Pakistan.\n")],
                arguments: ["neighbors", "qatar", "--corpus", "$D/t.txt", "--window", "tokens:10", "--weight", "jaccard", "--format", "csv"],
                status: 0, kind: nil,
                verify: { r, _ in #expect(r.stdout.split(separator: "\n").last == "Pakistan,PAK,country,1,4,1", "\(r.stdout)") }),
    HostileCase(name: "graph file: another version, through export", files: ["g.json": editedGraph("\"version\": 1", "\"version\": 3")],
                arguments: ["export", "$D/g.json", "--format", "dot", "-o", "$D/out.dot"], status: 1, kind: "error",
                message: ["$D/g.json", "version 3", "rebuild it"], output: "out.dot"),

    // Outputs that cannot be written.
    HostileCase(name: "extract into a missing folder", files: ["a.txt": .text("Qatar")],
                arguments: ["extract", "$D/a.txt", "-o", "$D/missing/out.jsonl"], status: 1, kind: "error",
                message: ["$D/missing/out.jsonl", "cannot be written", "does not exist"]),
    HostileCase(name: "render into a missing folder", files: ["g.json": .text(smallGraph)],
                arguments: ["render", "$D/g.json", "-o", "$D/missing/out.svg"], status: 1, kind: "error",
                message: ["$D/missing/out.svg", "cannot be written", "does not exist"]),
    HostileCase(name: "CSV export into a missing folder", files: ["g.json": .text(smallGraph)],
                arguments: ["export", "$D/g.json", "-o", "$D/missing/net.csv"], status: 1, kind: "error",
                message: ["$D/missing/net.nodes.csv", "cannot be written", "does not exist"]),
    HostileCase(name: "--occurrences into a missing folder", files: ["a.txt": .text("Qatar met Pakistan.")],
                arguments: ["build", "$D/a.txt", "--occurrences", "$D/missing/occ.jsonl", "-o", "$D/g.json"], status: 1, kind: "error",
                message: ["$D/missing/occ.jsonl", "cannot be written", "does not exist"], output: "g.json"),
    HostileCase(name: "--occurrences onto a folder: refused, and the graph file is not replaced either",
                files: ["a.txt": .text("Qatar met Pakistan."), "occ.jsonl/kept.txt": .text(previousOutput)],
                arguments: ["build", "$D/a.txt", "--occurrences", "$D/occ.jsonl", "-o", "$D/g.json"], status: 1, kind: "error",
                message: ["$D/occ.jsonl", "cannot be written", "is a folder"], output: "g.json",
                verify: { _, dir in
                    let kept = try contents(dir.path + "/occ.jsonl/kept.txt")
                    #expect(kept == previousOutput)
                }),
    HostileCase(name: "-o onto a folder with --occurrences: refused, and the occurrences file is not replaced either",
                files: ["a.txt": .text("Qatar met Pakistan."), "g.json/kept.txt": .text(previousOutput)],
                arguments: ["build", "$D/a.txt", "--occurrences", "$D/occ.jsonl", "-o", "$D/g.json"], status: 1, kind: "error",
                message: ["$D/g.json", "cannot be written", "is a folder"], output: "occ.jsonl",
                verify: { _, dir in
                    let kept = try contents(dir.path + "/g.json/kept.txt")
                    #expect(kept == previousOutput)
                }),
]

@Suite("Hostile input: exit status, one clear diagnostic, no partial output")
struct HostileInputTests {
    @Test("hostile input", arguments: hostileCases)
    func hostile(_ c: HostileCase) throws {
        let dir = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(c.files, into: dir)
        if let out = c.output, c.status != 0 { try Data(previousOutput.utf8).write(to: dir.appendingPathComponent(out)) }
        let r = try CLIHarness.run(c.arguments.map { $0.replacingOccurrences(of: "$D", with: dir.path) })
        #expect(r.status == c.status, "\(c.name): exit \(r.status)\n\(r.stderr)")
        expectOneDiagnostic(r, kind: c.kind, message: c.message.map { $0.replacingOccurrences(of: "$D", with: dir.path) }, c.name)
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"), "\(c.name): crashed\n\(r.stderr)")
        #expect(leftovers(in: dir).isEmpty, "\(c.name): temporary files left: \(leftovers(in: dir))")
        if let out = c.output {
            let path = dir.appendingPathComponent(out).path
            if c.status != 0 {
                #expect(try contents(path) == previousOutput, "\(c.name): the previous output was changed")
            } else {
                #expect(FileManager.default.fileExists(atPath: path), "\(c.name): no output written")
            }
        }
        try c.verify?(r, dir)
    }

    // MARK: Gazetteer and pattern files: every mistake is FILE:LINE:COLUMN.

    static let gazetteerMistakes: [(String, String, String)] = [
        ("person Someone\n", "1:1", "has no '='"),
        ("widget = W\n", "1:1", "unknown actor type 'widget'"),
        ("person a b = X\n", "1:10", "one optional id before '='"),
        ("person = \n", "1:9", "no name after '='"),
        ("country Qatar = Qatar\n", "1:9", "three capital letters"),
        ("country = Qatar\n", "1:1", "needs its ISO 3166-1 alpha-3 code"),
        ("person a;b = X\n", "1:1", "cannot contain spaces or ';'"),
        ("person p = A\nperson p = B\n", "2:1", "already used by the entry on line 1"),
        ("  alias: X\n", "1:3", "must follow an entry header"),
        ("person = A\n  alias X\n", "2:3", "must read 'KEY: VALUE'"),
        ("person = A\n  alias:\n", "2:9", "has no value"),
        ("person = A\n  demonym: Ax\n", "2:3", "only for countries"),
        ("person = A\n  alias: a;;b\n", "2:10", "empty item"),
        ("person = A\n  alias: \u{00A0}\n", "2:10", "has no letters"),
        ("person = A\n  role: | 2021-01-01\n", "2:9", "a role must read"),
        ("person = A\n  role: Chief | 2021-02-30\n", "2:9", "'2021-02-30' is not a real day"),
        ("person = A\n  role: Chief | 2021-02-01 | 2021-01-01\n", "2:9", "ends (2021-01-01) before it begins"),
        ("country QAT = Qatar\nperson = A\n  country: Qatar\n", "3:12", "names the country 'Qatar'"),
        ("person = A\r\n  colour: blue\r\n", "2:3", "unknown key 'colour'"),
        ("\u{FEFF}person = A\n  alias: B\n\twidget: x\n", "3:2", "unknown key 'widget'"),
    ]

    @Test("a gazetteer mistake gives FILE:LINE:COLUMN in lint and when used", arguments: gazetteerMistakes)
    func gazetteerMistake(_ text: String, _ place: String, _ message: String) throws {
        let dir = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("x.gazetteer").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        var r = try CLIHarness.run(["gazetteer", "lint", file])
        #expect(r.status == 1)
        let first = r.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("\(file):\(place): ") && first.contains(message), "lint: \(r.stdout)")
        expectOneDiagnostic(r, kind: "error", message: ["problem(s) found"], "lint")

        try Data("Qatar met Pakistan.".utf8).write(to: dir.appendingPathComponent("a.txt"))
        try Data(previousOutput.utf8).write(to: dir.appendingPathComponent("out.jsonl"))
        r = try CLIHarness.run(["extract", dir.path + "/a.txt", "--no-default-gazetteer", "--no-default-patterns", "--gazetteer", file,
                                "-o", dir.path + "/out.jsonl"])
        #expect(r.status == 1)
        expectOneDiagnostic(r, kind: "error", message: ["\(file):\(place): ", message], "extract --gazetteer")
        #expect(try contents(dir.path + "/out.jsonl") == previousOutput)
        #expect(leftovers(in: dir).isEmpty)
    }

    @Test("a gazetteer that is not UTF-8 names the line and column of the bad byte")
    func gazetteerNotUTF8() throws {
        let dir = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("x.gazetteer").path
        try Data(Array("person = A\n  alias: B".utf8) + [0xFF] + Array("\n".utf8)).write(to: URL(fileURLWithPath: file))
        let r = try CLIHarness.run(["gazetteer", "lint", file])
        #expect(r.status == 1)
        expectOneDiagnostic(r, kind: "error", message: ["\(file):2:11: ", "not valid UTF-8", "byte offset 21"], "lint")
    }

    static let patternMistakes: [(String, String, String)] = [
        ("list x\n", "1:1", "a list must read"),
        ("list = a\n", "1:6", "a list name must be"),
        ("pattern p person\n", "1:1", "a pattern header must read"),
        ("pattern bad name -> person\n  match: Cap\n", "1:9", "a pattern name must be"),
        ("pattern p -> widget\n", "1:1", "unknown actor type 'widget'"),
        ("stray\n", "1:1", "must start with 'list' or 'pattern'"),
        ("  match: Cap\n", "1:3", "must follow a 'pattern' header"),
        ("pattern p -> person\n  match: Cap\n  other: x\n", "3:3", "must start with 'match:' or 'name:'"),
        ("pattern p -> person\n  name: X\n", "1:1", "has no 'match:' line"),
        ("pattern p -> person\n  match: ( \"a\"\n", "2:10", "never closed"),
        ("pattern p -> person\n  match: \"abc\n", "2:10", "quoted literal is never closed"),
        ("pattern p -> person\n  match: \"\"\n", "2:10", "an empty literal"),
        ("pattern p -> person\n  match: Cap 't\n", "2:14", "only 's may follow"),
        ("pattern p -> person\n  match: @\n", "2:10", "must be followed by a list name"),
        ("pattern p -> person\n  match: $planet\n", "2:10", "unknown gazetteer class '$planet'"),
        ("pattern p -> person\n  match: Foo\n", "2:10", "unknown element 'Foo'"),
        ("pattern p -> person\n  match: Cap!x\n", "2:14", "'!' must be followed by @list"),
        ("pattern p -> person\n  match: Cap:\n", "2:14", "must be followed by a capture name"),
        ("pattern p -> person\n  match: Cap )\n", "2:14", "unexpected ')'"),
        ("pattern p -> person\n  match:\n", "2:9", "the match expression is empty"),
        ("pattern p -> person\n  match: @missing\n", "1:1", "uses the list '@missing', which is not defined"),
        ("pattern p -> person\n  match: [ Cap:a ]\n  name: {b}\n", "1:1", "uses {b}, which the match does not capture"),
        ("pattern p -> person\n  match: Cap:a Cap:b Cap:c Cap:d\n", "1:1", "at most 3 are allowed"),
        ("list a = x\nlist b = @nope\n", "2:1", "includes '@nope', which is not defined"),
        ("pattern p -> person\r\n  match: Cap\r\n  other: x\r\n", "3:3", "must start with 'match:' or 'name:'"),
    ]

    @Test("a pattern mistake gives FILE:LINE:COLUMN in lint and when used", arguments: patternMistakes)
    func patternMistake(_ text: String, _ place: String, _ message: String) throws {
        let dir = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("x.patterns").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        var r = try CLIHarness.run(["gazetteer", "lint", file])
        #expect(r.status == 1)
        let first = r.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("\(file):\(place): ") && first.contains(message), "lint: \(r.stdout)")

        try Data("Qatar met Pakistan.".utf8).write(to: dir.appendingPathComponent("a.txt"))
        try Data(previousOutput.utf8).write(to: dir.appendingPathComponent("g.json"))
        r = try CLIHarness.run(["build", dir.path + "/a.txt", "--no-default-gazetteer", "--no-default-patterns", "--patterns", file,
                                "-o", dir.path + "/g.json"])
        #expect(r.status == 1)
        expectOneDiagnostic(r, kind: "error", message: ["\(file):\(place): ", message], "build --patterns")
        #expect(try contents(dir.path + "/g.json") == previousOutput)
        #expect(leftovers(in: dir).isEmpty)
    }

    // MARK: Folders that cannot be written, full disks, signals.

    @Test("a read-only folder: a clear error, the previous output intact, nothing left behind")
    func readOnlyFolder() throws {
        let dir = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        if getuid() == 0 {
            // Root ignores permissions, but not a read-only mount.
            let (ok, why) = mountTmpfs(target, options: "size=64k")
            guard ok else { try Test.cancel("cannot mount a tmpfs here (\(why)); the read-only case needs one when running as root") }
            try Data(previousOutput.utf8).write(to: target.appendingPathComponent("g.json"))
            let remount = try runProgram("/bin/mount", ["-o", "remount,ro", target.path])
            guard remount.status == 0 else { unmount(target); try Test.cancel("cannot remount read-only: \(remount.stderr)") }
        } else {
            try Data(previousOutput.utf8).write(to: target.appendingPathComponent("g.json"))
            chmod(target.path, 0o555)
        }
        defer { if getuid() == 0 { unmount(target) } else { chmod(target.path, 0o755) } }
        for args in [["build", CLIHarness.examples, "-o", target.path + "/g.json"],
                     ["extract", CLIHarness.examples, "-o", target.path + "/m.jsonl"]] {
            let r = try CLIHarness.run(args)
            #expect(r.status == 1, "\(args): \(r.stderr)")
            expectOneDiagnostic(r, kind: "error", message: [args[3], "cannot be written"], "\(args[0])")
        }
        #expect(try contents(target.path + "/g.json") == previousOutput)
        #expect(leftovers(in: target).isEmpty)
    }

    @Test("CSV export writes its two tables as a pair: when the edge table cannot be written, the node table is not replaced")
    func csvPairIsAllOrNothing() throws {
        let dir = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(previousOutput.utf8).write(to: dir.appendingPathComponent("t.nodes.csv"))
        // A folder where the edge table should go: the second table fails, after the first could have been written.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("t.edges.csv"), withIntermediateDirectories: false)
        let r = try CLIHarness.run(["export", CLIHarness.examples, "-o", dir.path + "/t.csv"])
        #expect(r.status == 1, "\(r.stderr)")
        expectOneDiagnostic(r, kind: "error", message: ["t.edges.csv", "cannot be written", "folder"], "export")
        #expect(try contents(dir.path + "/t.nodes.csv") == previousOutput)
        #expect(leftovers(in: dir).isEmpty, "\(leftovers(in: dir))")
    }

    @Test("a full disk: a clear error, the previous output intact, no temporary file left",
          .enabled(if: getuid() == 0, "mounting a small tmpfs needs root"))
    func fullDisk() throws {
        let dir = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let disk = dir.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let (ok, why) = mountTmpfs(disk, options: "size=64k")
        guard ok else { try Test.cancel("cannot mount a 64k tmpfs here (\(why))") }
        defer { unmount(disk) }
        try Data(previousOutput.utf8).write(to: disk.appendingPathComponent("g.json"))
        try Data(previousOutput.utf8).write(to: disk.appendingPathComponent("m.jsonl"))
        try Data(previousOutput.utf8).write(to: disk.appendingPathComponent("occ.jsonl"))
        // Outputs beside the full disk, which a run that fails on the full disk must not replace either.
        let beside = dir.appendingPathComponent("beside")
        try FileManager.default.createDirectory(at: beside, withIntermediateDirectories: true)
        for name in ["g.json", "occ.jsonl"] { try Data(previousOutput.utf8).write(to: beside.appendingPathComponent(name)) }
        // Fill what is left.
        let fd = open(disk.path + "/filler", O_WRONLY | O_CREAT, 0o644)
        let block = [UInt8](repeating: 0x41, count: 4096)
        while block.withUnsafeBufferPointer({ Glibc.write(fd, $0.baseAddress!, $0.count) }) > 0 {}
        close(fd)
        let runs: [([String], String)] = [
            (["build", CLIHarness.examples, "-o", disk.path + "/g.json"], disk.path + "/g.json"),
            (["extract", CLIHarness.examples, "-o", disk.path + "/m.jsonl"], disk.path + "/m.jsonl"),
            (["build", CLIHarness.examples, "--occurrences", disk.path + "/occ.jsonl", "-o", beside.path + "/g.json"], disk.path + "/occ.jsonl"),
            (["build", CLIHarness.examples, "--occurrences", beside.path + "/occ.jsonl", "-o", disk.path + "/g.json"], disk.path + "/g.json"),
            (["render", CLIHarness.examples, "-o", disk.path + "/g.svg"], disk.path + "/g.svg"),
        ]
        for (args, path) in runs {
            let r = try CLIHarness.run(args)
            #expect(r.status == 1, "\(args): \(r.stderr)")
            expectOneDiagnostic(r, kind: "error", message: [path, "cannot be written", "No space left on device"], args[0])
            #expect(leftovers(in: disk).isEmpty, "\(args): \(leftovers(in: disk))")
        }
        for name in ["g.json", "m.jsonl", "occ.jsonl"] { #expect(try contents(disk.path + "/" + name) == previousOutput, "\(name)") }
        for name in ["g.json", "occ.jsonl"] { #expect(try contents(beside.path + "/" + name) == previousOutput, "beside/\(name)") }
        #expect(leftovers(in: beside).isEmpty, "\(leftovers(in: beside))")
        #expect(!FileManager.default.fileExists(atPath: disk.path + "/g.svg"))
    }

    @Test("SIGINT / SIGTERM during a long build: exit 130 / 143, temporary files removed, previous outputs intact",
          arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func interrupted(_ signal: Int32, _ expected: Int32) throws {
        let dir = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // About 4 MB of news: a debug build takes many seconds over it.
        let text = try exampleText()
        var corpus: [UInt8] = []
        var k = 0
        while corpus.count < 4 << 20 {
            corpus += Array("{\"id\": \"d\(k)\", \"text\": ".utf8)
            corpus += Array(String(data: try JSONSerialization.data(withJSONObject: [text]), encoding: .utf8)!.dropFirst().dropLast().utf8)
            corpus += Array("}\n".utf8)
            k += 1
        }
        try Data(corpus).write(to: dir.appendingPathComponent("c.jsonl"))
        for name in ["g.json", "occ.jsonl"] { try Data(previousOutput.utf8).write(to: dir.appendingPathComponent(name)) }

        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLIHarness.binary)
        p.arguments = ["build", dir.path + "/c.jsonl", "--occurrences", dir.path + "/occ.jsonl", "-o", dir.path + "/g.json"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // Wait for the temporary file to appear, then interrupt.
        let deadline = Date().addingTimeInterval(60)
        var sawTemporary = false
        while Date() < deadline, p.isRunning {
            if !leftovers(in: dir).isEmpty { sawTemporary = true; break }
            usleep(10_000)
        }
        #expect(sawTemporary, "the temporary occurrences file never appeared")
        usleep(200_000)
        #expect(p.isRunning, "the build finished before it could be interrupted; give it a larger corpus")
        kill(p.processIdentifier, signal)
        p.waitUntilExit()
        #expect(p.terminationReason == .exit && p.terminationStatus == expected,
                "reason \(p.terminationReason.rawValue), status \(p.terminationStatus)")
        #expect(leftovers(in: dir).isEmpty, "left behind: \(leftovers(in: dir))")
        for name in ["g.json", "occ.jsonl"] { #expect(try contents(dir.path + "/" + name) == previousOutput, "\(name) changed") }
    }

    // MARK: Injection through names and evidence: inert in DOT and SVG.

    static let hostileNames = ["\"Evil\" <script>alert(1)</script> & Co --> ]; node [", "=cmd|' /C calc'!A0",
                               "Back\\slash \\\" Quote", "Иван \"Bold\" Иванов"]

    /// Parses `path` as XML with Python's parser; returns its element tags and the text of its <title>s.
    private func parseXML(_ path: String) throws -> (tags: Set<String>, titles: [String]) {
        let script = """
        import json, sys, xml.etree.ElementTree as E
        root = E.parse(sys.argv[1]).getroot()
        tags = sorted({e.tag.split('}')[-1] for e in root.iter()})
        titles = [e.text or '' for e in root.iter() if e.tag.split('}')[-1] == 'title']
        print(json.dumps({"tags": tags, "titles": titles}))
        """
        let r = try runProgram("/usr/bin/python3", ["-c", script, path])
        try #require(r.status == 0, "not well-formed XML: \(path): \(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return (Set(obj["tags"] as! [String]), obj["titles"] as! [String])
    }

    /// The node names Graphviz's dot reads from a DOT file (clusters left out).
    private func dotNodeNames(_ path: String) throws -> [String] {
        let r = try runProgram("/usr/bin/dot", ["-Tjson", path])
        try #require(r.status == 0, "dot rejects \(path): \(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let objects = obj["objects"] as? [[String: Any]] ?? []
        return objects.filter { $0["nodes"] == nil && $0["subgraphs"] == nil }.compactMap { $0["name"] as? String }
    }

    private func checkDrawings(of graph: String, in dir: URL, ids: Set<String>) throws {
        // SVG drawn in-process, with a hostile title too.
        let svg = dir.appendingPathComponent("g.svg").path
        var r = try CLIHarness.run(["render", graph, "-o", svg, "--layout", "dot", "--title", "<script>x</script> & \"--> ]; node ["])
        #expect(r.status == 0, "render: \(r.stderr)")
        let drawn = try parseXML(svg)
        #expect(!drawn.tags.contains("script"), "the SVG has a <script> element")
        for id in ids { #expect(drawn.titles.contains(id), "no node titled \(id.debugDescription) in the SVG") }
        #expect(!(try contents(svg)).lowercased().contains("<script"))

        // DOT written by ActorGraph, read back by Graphviz's dot: the same nodes, no injected ones.
        let dot = dir.appendingPathComponent("g.dot").path
        r = try CLIHarness.run(["export", graph, "--format", "dot", "-o", dot])
        #expect(r.status == 0, "export: \(r.stderr)")
        #expect(Set(try dotNodeNames(dot)) == ids)
        let dotSVG = dir.appendingPathComponent("dot.svg").path
        let d = try runProgram("/usr/bin/dot", ["-Tsvg", dot, "-o", dotSVG])
        #expect(d.status == 0, "dot -Tsvg: \(d.stderr)")
        #expect(!(try parseXML(dotSVG)).tags.contains("script"))
    }

    @Test("hostile actor names and evidence sentences from a corpus come out inert in SVG and DOT")
    func injectionFromCorpus() throws {
        let dir = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let n = Self.hostileNames
        let gazetteer = """
        person = \(n[0])
          alias: Scripty McScript
        person = \(n[1])
          alias: Formula Person
        person = \(n[2])
          alias: Slashy Person
        person = \(n[3])
          alias: Ivan Bold

        """
        try Data(gazetteer.utf8).write(to: dir.appendingPathComponent("h.gazetteer"))
        let sentences = [
            "Scripty McScript met Formula Person and said \"</title><script>alert(1)</script> & --> ]; node [ x\".",
            "Slashy Person and Ivan Bold wrote =cmd|' /C calc'!A0 with a back\\slash.",
            "Ivan Bold joined Scripty McScript.",
        ]
        var corpus = ""
        for (k, s) in sentences.enumerated() {
            let text = String(data: try JSONSerialization.data(withJSONObject: [s]), encoding: .utf8)!.dropFirst().dropLast()
            corpus += "{\"id\": \"d\(k)\", \"text\": \(text)}\n"
        }
        try Data(corpus.utf8).write(to: dir.appendingPathComponent("c.jsonl"))
        let graph = dir.appendingPathComponent("graph.json").path
        let b = try CLIHarness.run(["build", dir.path + "/c.jsonl", "--no-default-gazetteer", "--gazetteer", dir.path + "/h.gazetteer", "-o", graph])
        try #require(b.status == 0, "\(b.stderr)")
        let g = try graphObject(graph)
        let ids = Set((g["nodes"] as! [[String: Any]]).map { $0["id"] as! String })
        let names = Set((g["nodes"] as! [[String: Any]]).map { $0["name"] as! String })
        #expect(names.isSuperset(of: Set(n)), "\(names)")
        let evidence = (g["edges"] as! [[String: Any]]).flatMap { ($0["evidence"] as! [[String: Any]]).map { $0["text"] as! String } }
        #expect(evidence.contains { $0.contains("<script>") }, "no hostile evidence sentence in \(evidence)")
        try checkDrawings(of: graph, in: dir, ids: ids)
    }

    @Test("a hand-edited graph file with newlines and control characters in names and evidence draws inert")
    func injectionFromGraphFile() throws {
        let dir = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = Self.hostileNames + ["Line\nbreak\r\nand\u{1}control\u{1B}[31m", "Non\u{FFFF}character \u{202E}reversed"]
        var nodes: [String] = []
        for (k, name) in names.enumerated() {
            nodes.append("{\"id\": \"person:n\(k)<&>\\\"\", \"name\": \(String(data: try JSONSerialization.data(withJSONObject: [name]), encoding: .utf8)!.dropFirst().dropLast()), \"type\": \"person\", \"mentions\": 1, \"documents\": 1, \"windows\": 1}")
        }
        let evidenceText = "Evidence with\na newline, <script>alert(1)</script>, & and --> ]; node [ \\\" =cmd|' /C calc'!A0"
        let evidence = String(data: try JSONSerialization.data(withJSONObject: [evidenceText]), encoding: .utf8)!.dropFirst().dropLast()
        let graphText = """
        {"format": "actorgraph-graph", "version": 1,
         "options": {"window": "sentence", "count": "windows", "evidence": 5},
         "totals": {"windows": 3, "documents": 1},
         "nodes": [\(nodes.joined(separator: ",\n"))],
         "edges": [{"source": "person:n0<&>\\"", "target": "person:n4<&>\\"", "count": 1, "documents": 1,
                    "evidence": [{"doc": "d", "start": 0, "end": 10, "text": \(evidence), "source_span": [0, 1], "target_span": [2, 3]}]}]
        }
        """
        let graph = dir.appendingPathComponent("graph.json").path
        try Data(graphText.utf8).write(to: URL(fileURLWithPath: graph))
        let ids = Set(names.indices.map { "person:n\($0)<&>\"" })
        try checkDrawings(of: graph, in: dir, ids: ids)
    }
}

// MARK: - Large inputs (once, in the plain test run, on a release binary)

@Suite("Hostile input: very large inputs", .serialized,
       .disabled(if: ProcessInfo.processInfo.environment["ACTORGRAPH_SANITIZER"].map { !$0.isEmpty } ?? false,
                 "the 100 MB line, the 200 MB document and the million documents run once, in the plain test run"))
struct HostileLargeInputTests {
    private func binary() throws -> String {
        switch releaseBinary {
        case .success(let path): return path
        case .failure(let f): throw f
        }
    }

    /// Runs a release build of `arguments` and reports how long it took (not counting building the binary,
    /// which the first call may do).
    private func timed(_ arguments: [String]) throws -> (CLIResult, Double) {
        let program = try binary()
        let start = Date()
        let r = try runProgram(program, arguments)
        let seconds = Date().timeIntervalSince(start)
        print("hostile: actorgraph \(arguments.first ?? "") took \(String(format: "%.1f", seconds)) s")
        return (r, seconds)
    }

    @Test("a 100 MB JSON Lines line is read", .timeLimit(.minutes(5)))
    func hundredMegabyteLine() throws {
        let dir = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let chunk = String(data: try JSONSerialization.data(withJSONObject: [try exampleText()]), encoding: .utf8)!.dropFirst(2).dropLast(2)
        let url = dir.appendingPathComponent("c.jsonl")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let h = try FileHandle(forWritingTo: url)
        try h.write(contentsOf: Data("{\"id\": \"huge\", \"text\": \"".utf8))
        var size = 0
        let piece = Data(chunk.utf8)
        while size < 100 << 20 { try h.write(contentsOf: piece); size += piece.count }
        try h.write(contentsOf: Data("\"}\n{\"id\": \"small\", \"text\": \"Qatar met Pakistan.\"}\n".utf8))
        try h.close()
        let (r, seconds) = try timed(["build", url.path, "-o", dir.path + "/g.json"])
        #expect(r.status == 0, "\(r.stderr)")
        expectOneDiagnostic(r, kind: nil, message: [], "100 MB line")
        let g = try graphObject(dir.path + "/g.json")
        #expect((g["totals"] as? [String: Any])?["documents"] as? Int == 2)
        _ = seconds  // reported above; speed is measured by `make bench`, not asserted in tests
    }

    @Test("a 200 MB single document is built", .timeLimit(.minutes(5)))
    func twoHundredMegabyteDocument() throws {
        let dir = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = Data(try exampleText().utf8)
        let url = dir.appendingPathComponent("big.txt")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let h = try FileHandle(forWritingTo: url)
        var size = 0
        while size < 200_000_000 { try h.write(contentsOf: text); size += text.count }
        try h.close()
        let (r, seconds) = try timed(["build", url.path, "-o", dir.path + "/g.json"])
        #expect(r.status == 0, "\(r.stderr)")
        expectOneDiagnostic(r, kind: nil, message: [], "200 MB document")
        let g = try graphObject(dir.path + "/g.json")
        #expect((g["totals"] as? [String: Any])?["documents"] as? Int == 1)
        #expect(((g["nodes"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == "QAT" })
        _ = seconds  // reported above; speed is measured by `make bench`, not asserted in tests
    }

    // A pattern that may start at every capitalized word and needs a word further on ("Bank" for
    // capitalised-org) ran from every word to the end of the line: quadratic in the line's length, so 30,000
    // such words took 4.5 s and this line would have taken hours. A match now takes at most 64 tokens.
    @Test("a line of 200,000 capitalized words is built in linear time", .timeLimit(.minutes(5)))
    func longCapitalizedLine() throws {
        let dir = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let words = ["Alpha", "Beta", "Gamma", "Delta", "Kappa", "Sigma", "Omega", "Zeta"]
        var text = ""
        text.reserveCapacity(1_400_000)
        for k in 0..<200_000 { text += words[(k * 7 + k / 8) % words.count]; text += " " }
        text += "Bank said Qatar met Pakistan.\n"
        let url = dir.appendingPathComponent("line.txt")
        try Data(text.utf8).write(to: url)
        let (r, seconds) = try timed(["build", url.path, "-o", dir.path + "/g.json"])
        #expect(r.status == 0, "\(r.stderr)")
        expectOneDiagnostic(r, kind: nil, message: [], "a long line of capitalized words")
        let g = try graphObject(dir.path + "/g.json")
        let nodes = (g["nodes"] as? [[String: Any]]) ?? []
        #expect(nodes.contains { $0["id"] as? String == "QAT" })
        #expect(nodes.contains { ($0["type"] as? String) == "organization" && (($0["name"] as? String) ?? "").hasSuffix(" Bank") })
        _ = seconds  // reported above; speed is measured by `make bench`, not asserted in tests
    }

    @Test("a million tiny documents are built", .timeLimit(.minutes(5)))
    func millionTinyDocuments() throws {
        let dir = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("c.jsonl")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(50 << 20)
        let head = Array("{\"id\": \"d".utf8), tail = Array("\", \"text\": \"Qatar met Pakistan.\"}\n".utf8)
        for k in 0..<1_000_000 {
            bytes += head
            bytes += Array(String(k).utf8)
            bytes += tail
        }
        try Data(bytes).write(to: url)
        let (r, seconds) = try timed(["build", url.path, "-o", dir.path + "/g.json"])
        #expect(r.status == 0, "\(r.stderr)")
        expectOneDiagnostic(r, kind: nil, message: [], "a million documents")
        let g = try graphObject(dir.path + "/g.json")
        #expect((g["totals"] as? [String: Any])?["documents"] as? Int == 1_000_000)
        let edge = (g["edges"] as? [[String: Any]])?.first { $0["source"] as? String == "PAK" && $0["target"] as? String == "QAT" }
        #expect(edge?["count"] as? Int == 1_000_000)
        _ = seconds  // reported above; speed is measured by `make bench`, not asserted in tests
    }
}
