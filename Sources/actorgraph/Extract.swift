import ArgumentParser
import ActorGraph
import ActorRecognition

extension ActorGraphCommand {
    /// `actorgraph extract`: one record per mention.
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every actor mention of a corpus, one record per line.",
            discussion: "JSON Lines records: {\"doc\",\"start\",\"end\",\"text\",\"type\",\"actor\",\"name\"}; start/end are Unicode code-point offsets, end exclusive.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, tsv }

        @Argument(help: "The corpus: a folder of .txt files, a .txt file, a JSON Lines file, or '-' for stdin.")
        var corpus: String

        @Option(help: "Output format.")
        var format: Format = .jsonl

        @Flag(help: "Add why each mention was found (the gazetteer entry or pattern) as a \"reason\" field.")
        var explain = false

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
        var output: String?

        @OptionGroup var recognition: RecognitionOptions
        @OptionGroup var corpusOptions: CorpusOptions

        func run() throws {
            try CLI.run {
                let recognizer = try recognition.recognizer(explains: explain, jobs: corpusOptions.jobs)
                var out: [UInt8] = []
                // A file output streams into a temporary file renamed at the end; stdout streams directly.
                let file = try output.flatMap { $0 == "-" ? nil : $0 }.map { path throws(InputError) in try AtomicFileWriter(path: path) }
                if format == .tsv {
                    out.append(contentsOf: Array("doc\tstart\tend\ttext\ttype\tactor\tname\(explain ? "\treason" : "")\n".utf8))
                }
                let format = self.format, explain = self.explain
                // Records are formatted on the recognizing threads; the bytes are written in corpus order. Each
                // record stands alone, so a long document comes a segment's mentions at a time.
                let report = try corpusOptions.forEachRecognized(self.corpus, recognizer: recognizer, inParts: true, transform: { result -> [UInt8] in
                    var bytes: [UInt8] = []
                    for m in result.mentions {
                        switch format {
                        case .jsonl: MentionRecord.appendJSON(m, doc: result.id, explain: explain, to: &bytes)
                        case .tsv: MentionRecord.appendTSV(m, doc: result.id, explain: explain, to: &bytes)
                        }
                    }
                    return bytes
                }) { bytes in
                    out.append(contentsOf: bytes)
                    if out.count > 1 << 16 {
                        if let file { try file.write(out) } else { StandardOutput.shared.write(bytes: out) }
                        out.removeAll(keepingCapacity: true)
                    }
                }
                GraphSource.finish(report, self.corpus)
                if let file {
                    try file.write(out)
                    try file.commit()
                } else {
                    StandardOutput.shared.write(bytes: out)
                }
            }
        }
    }
}

/// The extract record formats.
enum MentionRecord {
    /// One JSON Lines record, written as bytes: literal text, numbers and quoted strings (no string per line).
    static func appendJSON(_ m: Mention, doc: String, explain: Bool, to out: inout [UInt8]) {
        JSONText.appendLiteral("{\"doc\": ", to: &out); JSONText.appendString(doc, to: &out)
        JSONText.appendLiteral(", \"start\": ", to: &out); JSONText.appendInteger(m.start, to: &out)
        JSONText.appendLiteral(", \"end\": ", to: &out); JSONText.appendInteger(m.end, to: &out)
        JSONText.appendLiteral(", \"text\": ", to: &out); JSONText.appendString(m.text, to: &out)
        JSONText.appendLiteral(", \"type\": ", to: &out); JSONText.appendString(m.type.rawValue, to: &out)
        JSONText.appendLiteral(", \"actor\": ", to: &out); JSONText.appendString(m.actor, to: &out)
        JSONText.appendLiteral(", \"name\": ", to: &out); JSONText.appendString(m.name, to: &out)
        if explain { JSONText.appendLiteral(", \"reason\": ", to: &out); JSONText.appendString(m.reason, to: &out) }
        JSONText.appendLiteral("}\n", to: &out)
    }

    /// One TSV row, written as bytes. A tab, line feed or carriage return inside a field becomes a space, byte
    /// by byte (so a CRLF, one `Character`, becomes two spaces and cannot end the row).
    static func appendTSV(_ m: Mention, doc: String, explain: Bool, to out: inout [UInt8]) {
        func cell(_ s: String) {
            for c in s.utf8 { out.append(c == 0x09 || c == 0x0A || c == 0x0D ? 0x20 : c) }
        }
        func tab() { out.append(0x09) }
        cell(doc); tab()
        JSONText.appendInteger(m.start, to: &out); tab()
        JSONText.appendInteger(m.end, to: &out); tab()
        cell(m.text); tab()
        cell(m.type.rawValue); tab()
        cell(m.actor); tab()
        cell(m.name)
        if explain { tab(); cell(m.reason) }
        out.append(0x0A)
    }
}
