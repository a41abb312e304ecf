// Fuzz target: the JSON Lines reader. Any bytes are written to a .jsonl file and read through `Corpus`
// (ByteLineReader, JSONValue.parse, the record rules, duplicate ids, --skip-bad-lines, --strict-utf8): it
// must give documents or one InputError naming the file and line, never crash. Each line that parses as
// JSON must also survive a write-and-parse round trip.
import ActorRecognition
import Foundation
#if canImport(Glibc)
import Glibc
#endif

let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
let path = "\(folder)/actorgraph-fuzz-jsonlines-\(getpid()).jsonl"
atexit { unlink(path) }

/// JSON text of a value, written back the way ActorGraph writes strings and numbers.
func write(_ v: JSONValue, to out: inout [UInt8]) {
    switch v {
    case .null: out += Array("null".utf8)
    case .bool(let b): out += Array((b ? "true" : "false").utf8)
    case .number(let d): out += Array((d.isFinite ? JSONText.number(d) : d < 0 ? "-1e999" : "1e999").utf8)
    case .string(let s): JSONText.appendString(s, to: &out)
    case .array(let items):
        out.append(UInt8(ascii: "["))
        for (k, item) in items.enumerated() { if k > 0 { out.append(UInt8(ascii: ",")) }; write(item, to: &out) }
        out.append(UInt8(ascii: "]"))
    case .object(let members):
        out.append(UInt8(ascii: "{"))
        for (k, m) in members.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendString(m.key, to: &out)
            out.append(UInt8(ascii: ":"))
            write(m.value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }
}

runFuzzer { data in
    let bytes = Array(data)
    // Every line on its own: parse, and when it parses, write it back and parse again to the same value.
    var lineCount = 0
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
        lineCount += 1
        guard let v = try? JSONValue.parse(line) else { continue }
        var out: [UInt8] = []
        write(v, to: &out)
        do {
            let again = try JSONValue.parse(out)
            check(again == v, "round trip changed \(v) into \(again)")
        } catch {
            check(false, "written JSON does not parse: \(error) in \(String(decoding: out, as: UTF8.self).debugDescription)")
        }
    }
    if bytes.last == 0x0A { lineCount -= 1 }

    // The whole input as a corpus file; the first byte picks the options.
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    check(fd >= 0, "cannot create \(path)")
    var written = 0
    while written < bytes.count {
        let n = bytes.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
        check(n > 0, "cannot write \(path)")
        written += n
    }
    close(fd)
    var corpus: Corpus
    do { corpus = try Corpus(path: path) } catch { check(false, "Corpus(path:) failed: \(error)"); return }
    check(corpus.kind == .jsonLines, "a .jsonl file is read as \(corpus.kind)")
    corpus.skipBadLines = (bytes.first ?? 0) & 1 == 1
    corpus.strictUTF8 = (bytes.first ?? 0) & 2 == 2
    var ids = Set<String>()
    var documents = 0
    do {
        let report = try corpus.forEachDocument { doc in
            documents += 1
            check(ids.insert(doc.id).inserted, "duplicate id \(doc.id) was let through")
            // Text is repaired (firstInvalidByteOffset only says the input had a bad byte, and where).
            check(DocumentText(utf8: doc.text.bytes).firstInvalidByteOffset == nil, "a JSON string gave invalid UTF-8 text")
            if let bad = doc.text.firstInvalidByteOffset { check(bad >= 0 && bad < bytes.count, "a bad byte offset \(bad)") }
            if corpus.strictUTF8 { check(doc.text.firstInvalidByteOffset == nil, "--strict-utf8 let invalid UTF-8 through in \(doc.source)") }
            check(doc.source.hasPrefix(path + ":"), "document source \(doc.source) does not name the file and line")
        }
        check(report.documents == documents, "report counts \(report.documents) documents, saw \(documents)")
        check(report.skippedLines <= lineCount + 1, "more skipped lines than lines")
        if !corpus.skipBadLines { check(report.skippedLines == 0, "lines skipped without --skip-bad-lines") }
        for w in report.warnings { check(w.source.hasPrefix(path), "a warning does not name the file: \(w)") }
    } catch let e as InputError {
        // (An error about one document names its source, FILE:LINE, as its file.)
        check(e.file == path || e.file.hasPrefix(path + ":"), "the error names \(e.file), not the file")
        check(!e.message.isEmpty, "an empty error message")
        if let line = e.line { check(line >= 1 && line <= lineCount + 1, "the error names line \(line) of \(lineCount)") }
        // --skip-bad-lines skips every error about one line (bad JSON, bad fields, a duplicate id, invalid UTF-8
        // under --strict-utf8).
        if corpus.skipBadLines { check(e.line == nil, "--skip-bad-lines stopped at a bad line: \(e)") }
        if let column = e.column { check(column >= 1, "the error names column \(column)") }
    } catch {
        check(false, "an error that is not an InputError: \(error)")
    }
}
