import Foundation
import Testing
@testable import ActorRecognition

/// Reading a JSON Lines corpus: what a line may start with, and which bad lines `--skip-bad-lines` skips.
@Suite("JSON Lines corpus")
struct CorpusTests {
    /// Writes `bytes` to a fresh `.jsonl` file and reads it as a corpus; returns the documents and the report.
    private func read(_ bytes: [UInt8], skipBadLines: Bool = false, strictUTF8: Bool = false) throws -> (path: String, documents: [Document], report: Corpus.Report) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("c.jsonl").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var corpus = try Corpus(path: path)
        corpus.skipBadLines = skipBadLines
        corpus.strictUTF8 = strictUTF8
        var documents: [Document] = []
        let report = try corpus.forEachDocument { documents.append($0) }
        return (path, documents, report)
    }

    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    @Test("long lines among short ones are read whole, and so are the lines after them (the reader gives a long line's memory back)")
    func longLines() throws {
        // A line just over 8 MB (the reader's buffer grows to 16 MB for it, past the 8 MB at which it gives the
        // memory back), then short lines, one longer than a read (1 MB), and a last line without a line break.
        let sizes = [10, (8 << 20) + 100, 5, (1 << 20) + 7, 1]
        var file: [UInt8] = []
        for (k, n) in sizes.enumerated() {
            file += Array("{\"id\": \"d\(k)\", \"text\": \"".utf8) + [UInt8](repeating: UInt8(ascii: "a") + UInt8(k), count: n) + Array("\"}".utf8)
            if k < sizes.count - 1 { file.append(0x0A) }
        }
        let (_, documents, report) = try read(file)
        #expect(report.warnings.isEmpty)
        #expect(documents.map(\.id) == sizes.indices.map { "d\($0)" })
        #expect(documents.map(\.text.bytes.count) == sizes)
        // Each text is its own letter throughout (compared with memcmp: a byte loop is slow in a debug build).
        for (k, d) in documents.enumerated() where k < sizes.count {
            let expected = [UInt8](repeating: UInt8(ascii: "a") + UInt8(k), count: d.text.bytes.count)
            let same = d.text.bytes.withUnsafeBytes { a in expected.withUnsafeBytes { b in memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
            #expect(same, "document \(k)")
        }
    }

    @Test("a UTF-8 byte-order mark before the first line is not part of its JSON; the text is unchanged")
    func byteOrderMark() throws {
        let (_, documents, report) = try read(Self.bom + Array("{\"id\": \"a\", \"text\": \"Qatar met Pakistan.\"}\n{\"id\": \"b\", \"text\": \"Oman\"}\n".utf8))
        #expect(documents.map(\.id) == ["a", "b"])
        #expect(documents.first.map { String(decoding: $0.text.bytes, as: UTF8.self) } == "Qatar met Pakistan.")
        #expect(report.warnings.isEmpty && report.skippedLines == 0)
    }

    @Test("a byte-order mark is only skipped at the start of the file, not on a later line")
    func byteOrderMarkOnLaterLine() throws {
        let text = Array("{\"id\": \"a\", \"text\": \"Qatar\"}\n".utf8) + Self.bom + Array("{\"id\": \"b\", \"text\": \"Oman\"}\n".utf8)
        let error = #expect(throws: InputError.self) { try read(text) }
        #expect(error?.line == 2)
        #expect(error?.message.contains("not valid JSON") == true)
    }

    private static let invalidSecondLine = Array("{\"id\": \"a\", \"text\": \"Qatar\"}\n{\"id\": \"b\", \"text\": \"Oman ".utf8) + [0xFF]
        + Array("\"}\n{\"id\": \"c\", \"text\": \"Iran\"}\n".utf8)

    @Test("--strict-utf8 with --skip-bad-lines skips and counts a line with invalid UTF-8, warning with FILE:LINE")
    func strictUTF8LineSkipped() throws {
        let (path, documents, report) = try read(Self.invalidSecondLine, skipBadLines: true, strictUTF8: true)
        #expect(documents.map(\.id) == ["a", "c"])
        #expect(report.documents == 2)
        #expect(report.skippedLines == 1)
        #expect(report.warnings.map(\.description) == ["\(path):2: is not valid UTF-8: the first invalid byte is at byte offset 26; line skipped"])
    }

    @Test("--strict-utf8 alone stops at the line with invalid UTF-8, naming the file and the line")
    func strictUTF8LineError() throws {
        let error = #expect(throws: InputError.self) { try read(Self.invalidSecondLine, strictUTF8: true) }
        #expect(error?.line == 2)
        #expect(error?.file.hasSuffix("/c.jsonl") == true)
        #expect(error?.message == "is not valid UTF-8: the first invalid byte is at byte offset 26")
    }

    @Test("a line skipped for invalid UTF-8 does not take its id: a later line may use it")
    func skippedLineKeepsNoID() throws {
        let text = Array("{\"id\": \"a\", \"text\": \"x".utf8) + [0xFF] + Array("\"}\n{\"id\": \"a\", \"text\": \"Qatar\"}\n".utf8)
        let (_, documents, report) = try read(text, skipBadLines: true, strictUTF8: true)
        #expect(documents.map(\.id) == ["a"])
        #expect(report.skippedLines == 1 && report.warnings.count == 1)
    }

    @Test("without --strict-utf8 the line is read, repaired, with a warning")
    func repairedLine() throws {
        let (path, documents, report) = try read(Self.invalidSecondLine, skipBadLines: true)
        #expect(documents.map(\.id) == ["a", "b", "c"])
        #expect(report.skippedLines == 0)
        #expect(report.warnings.map(\.source) == ["\(path):2"])
    }
}
