import Foundation
import Testing
@testable import ActorRecognition

/// One test per problem the fuzz targets (Fuzz/) and the hostile-input review found, so none comes back.
@Suite("Regressions found by fuzzing and hostile input")
struct RegressionTests {
    // Fuzz/Gazetteer: "\r\n" is one Character in Swift, so splitting the text on the Character "\n" read a CRLF
    // gazetteer as one line (a person named "Someone\r\n  alias: …").
    @Test("a CRLF gazetteer reads line by line")
    func crlfGazetteer() {
        let (g, problems) = GazetteerParser.parse("person = Someone\r\n  alias: Some One\r\n\r\ncountry QAT = Qatar\r\n", file: "x.gazetteer")
        #expect(problems.isEmpty)
        #expect(g.actors.map(\.name) == ["Someone", "Qatar"])
        #expect(g.aliases.map(\.text) == ["Someone", "Some One", "Qatar"])
        let (_, bad) = GazetteerParser.parse("person = A\r\n  colour: blue\r\n", file: "x.gazetteer")
        #expect(bad.map(\.description) == ["x.gazetteer:2:3: unknown key 'colour'; expected one of acronym, alias, capital, country, demonym, exact, iso2, role, status or attr.NAME"])
    }

    @Test("a CRLF gazetteer round-trips through GazetteerWriter")
    func crlfGazetteerRoundTrip() {
        let (g, problems) = GazetteerParser.parse("\u{FEFF}person = Joe Biden\r\n  alias: Biden\r\n  role: President | 2021-01-20 |\r\n", file: "x")
        #expect(problems.isEmpty)
        let (again, problems2) = GazetteerParser.parse(GazetteerWriter.text(of: g), file: "y")
        #expect(problems2.isEmpty)
        #expect(again.actors == g.actors)
        #expect(again.aliases.map(\.text) == g.aliases.map(\.text))
    }

    // Fuzz/Gazetteer: a header ending "\r\r" (no final newline) kept one "\r" in the name; GazetteerWriter wrote
    // it before its "\n" and the parser then dropped it, so the round trip changed the actor.
    @Test("stray carriage returns around a value are trimmed, so the written gazetteer reads back the same")
    func strayCarriageReturn() {
        let (g, problems) = GazetteerParser.parse("\u{FEFF}person person = \rSome One\r\r", file: "x")
        #expect(problems.isEmpty)
        #expect(g.actors.map(\.name) == ["Some One"])
        let (again, problems2) = GazetteerParser.parse(GazetteerWriter.text(of: g), file: "y")
        #expect(problems2.isEmpty)
        #expect(again.actors == g.actors)
    }

    @Test("a CRLF pattern file reads line by line")
    func crlfPatterns() {
        let text = "list title = President; Envoy\r\n  Minister\r\npattern after-title -> person\r\n  match: @title [ Cap Cap ]\r\n"
        let (set, problems) = PatternParser.parse(text, file: "x.patterns")
        #expect(problems.isEmpty, "\(problems)")
        #expect(set.names == ["after-title"])
        #expect(set.lists["title"] == ["President", "Envoy", "Minister"])
    }

    // Review while writing Fuzz/JSONLines: a numeric id past Int64 (1e300) or infinite (1e999) trapped in
    // Int64(_:), killing the process.
    @Test("a numeric id too large for an integer is a clear error, not a trap", arguments: ["1e999", "-1e999", "1e300", "-9.3e18", "1.5"])
    func hugeNumericID(_ id: String) {
        let line = Array("{\"id\": \(id), \"text\": \"Qatar\"}".utf8)
        #expect(throws: InputError.self) { try JSONLinesRecord.document(line: line[...], file: "c.jsonl", lineNumber: 4) }
        do {
            _ = try JSONLinesRecord.document(line: line[...], file: "c.jsonl", lineNumber: 4)
        } catch {
            #expect(error.line == 4)
            #expect(error.message.contains("\"id\""))
        }
        let fine = Array("{\"id\": 123456789012345, \"text\": \"Qatar\"}".utf8)
        #expect((try? JSONLinesRecord.document(line: fine[...], file: "c.jsonl", lineNumber: 1))?.id == "123456789012345")
    }

    // Hostile-input review: JSON strings were decoded with String(decoding:), which folds a cut-short sequence
    // into one U+FFFD and says nothing, so the same bytes had other offsets in a .jsonl than in a .txt, with no
    // warning and no error under --strict-utf8 (DECISIONS.md: one U+FFFD per invalid byte, a warning).
    @Test("invalid UTF-8 in a JSON string: one U+FFFD per byte, and the first bad byte is noted")
    func invalidUTF8InJSON() throws {
        let bytes = Array("{\"id\": \"a\", \"text\": \"Qatar ".utf8) + [0xE2, 0x80] + Array(" met ".utf8) + [0xFF] + Array(" Pakistan.\"}".utf8)
        let doc = try JSONLinesRecord.document(line: bytes[...], file: "c.jsonl", lineNumber: 1)
        let fromText = DocumentText(utf8: Array("Qatar ".utf8) + [0xE2, 0x80] + Array(" met ".utf8) + [0xFF] + Array(" Pakistan.".utf8))
        #expect(doc.text.bytes == fromText.bytes)
        #expect(doc.text.string.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 3)
        #expect(doc.text.firstInvalidByteOffset == 27)
        // With an escape before it, the offset is still the raw byte's.
        let escaped = Array("[\"\\n\\u00e9 ".utf8) + [0xC3] + Array("\"]".utf8)
        let (value, bad) = try JSONValue.parseNotingInvalidUTF8(escaped)
        #expect(value == .array([.string("\n\u{E9} \u{FFFD}")]))
        #expect(bad == 11)
        // Valid text: nothing noted.
        let clean = try JSONLinesRecord.document(line: Array("{\"text\": \"Qatar \\u00e9\"}".utf8)[...], file: "c.jsonl", lineNumber: 2)
        #expect(clean.text.firstInvalidByteOffset == nil)
        #expect(clean.id == "line-2")
    }

    @Test("the corpus warns once about invalid UTF-8 in a JSON Lines document, and --strict-utf8 refuses it")
    func invalidUTF8InCorpus() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-regression-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("c.jsonl").path
        try Data(Array("{\"id\": \"a\", \"text\": \"x \u{FF}".utf8) + [0xFF, 0xFE] + Array("\"}\n".utf8)).write(to: URL(fileURLWithPath: path))
        var warnings: [InputWarning] = []
        var corpus = try Corpus(path: path)
        let report = try corpus.forEachDocument(warn: { warnings.append($0) }) { _ in }
        #expect(report.documents == 1)
        #expect(warnings.map(\.description) == ["\(path):1: invalid UTF-8 at byte offset 25 (document a); invalid bytes were replaced with U+FFFD"])
        corpus.strictUTF8 = true
        #expect(throws: InputError.self) { _ = try corpus.forEachDocument { _ in } }
    }

    // Hostile-input review: these problems named only the file, though every gazetteer and pattern problem is
    // to be FILE:LINE:COLUMN; and problems with lists came in a dictionary's order, which changes between runs.
    @Test("a gazetteer's bad country cross-reference names the line and column")
    func countryCrossReference() {
        let (_, problems) = GazetteerParser.parse("country QAT = Qatar\nperson = A\n  country: Qatar\n", file: "x.gazetteer")
        #expect(problems.map(\.description) == ["x.gazetteer:3:12: the actor 'person:a' names the country 'Qatar', which is not an ISO alpha-3 code"])
    }

    @Test("a list including an undefined list names its line, and such problems come in file order")
    func undefinedListInclude() {
        let text = "list zeta = @nope\nlist alpha = x\nlist mid = @gone\n  @missing\n"
        for _ in 0..<5 {
            let (_, problems) = PatternParser.parse(text, file: "x.patterns")
            #expect(problems.map(\.description) == [
                "x.patterns:1:1: the list 'zeta' includes '@nope', which is not defined",
                "x.patterns:3:1: the list 'mid' includes '@gone', which is not defined",
                "x.patterns:3:1: the list 'mid' includes '@missing', which is not defined",
            ])
        }
    }

    @Test("a gazetteer or pattern file that is not UTF-8 names the line and column of the first bad byte")
    func notUTF8() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-regression-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("x.gazetteer").path
        try Data(Array("person = A\n  alias: B".utf8) + [0xFF] + Array("\n".utf8)).write(to: URL(fileURLWithPath: path))
        #expect(throws: InputError(file: path, line: 2, column: 11, "is not valid UTF-8 (the first invalid byte is at byte offset 21)")) {
            _ = try RecognitionResources.gazetteer(file: path)
        }
    }
}
