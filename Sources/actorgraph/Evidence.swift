import ArgumentParser
import ActorGraph
import ActorRecognition

extension ActorGraphCommand {
    /// `actorgraph evidence A B`: the sentences that tie two actors.
    struct EvidenceCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "evidence", abstract: "Print the sentences that tie two actors, with both mentions marked.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: "The first actor (id, name or alias).")
        var a: String
        @Argument(help: "The second actor.")
        var b: String
        @Argument(help: "A corpus, when neither --graph nor --corpus is given.")
        var corpusArgument: String?

        @Option(help: "Show at most this many sentences.")
        var top: Int?
        @Option(help: "Output format.")
        var format: Format = .text

        @OptionGroup var input: GraphInputOptions
        @OptionGroup var weights: WeightOptions
        @OptionGroup var recognition: RecognitionOptions
        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var build: GraphBuildOptions

        func validate() throws {
            if [input.graph, input.corpus, corpusArgument].compactMap({ $0 }).count != 1 {
                throw ValidationError("give exactly one of --graph FILE, --corpus PATH or a corpus argument.")
            }
        }

        func run() throws {
            try CLI.run {
                let g = try GraphSource.queryGraph(graph: input.graph, corpus: input.corpus ?? corpusArgument, recognition: recognition,
                                                   corpusOptions: corpusOptions, build: build, filter: weights.filter())
                let x = try GraphSource.actor(a, in: g, recognition: recognition)
                let y = try GraphSource.actor(b, in: g, recognition: recognition)
                let (s, t) = x.utf8.lexicographicallyPrecedes(y.utf8) ? (x, y) : (y, x)
                guard let edge = g.edges.first(where: { $0.source == s && $0.target == t }) else {
                    throw NotFound(description: "\(g.node(id: x)!.name) and \(g.node(id: y)!.name) never occur together")
                }
                let items = top.map { Array(edge.evidence.prefix($0)) } ?? edge.evidence
                switch format {
                case .text:
                    StandardOutput.shared.write("\(g.node(id: s)!.name) – \(g.node(id: t)!.name): \(edge.count) window(s) in \(edge.documents) document(s); \(items.count) shown\n")
                    for ev in items {
                        StandardOutput.shared.write("\n[\(ev.document)\(ev.date.map { " \($0)" } ?? "")]\n  \(EvidenceText.marked(ev))\n")
                    }
                case .json:
                    var out: [UInt8] = Array("{\"source\": ".utf8)
                    JSONText.appendString(s, to: &out)
                    out += Array(", \"target\": ".utf8); JSONText.appendString(t, to: &out)
                    out += Array(", \"count\": \(edge.count), \"documents\": \(edge.documents), \"evidence\": [".utf8)
                    for (k, ev) in items.enumerated() {
                        out += Array((k == 0 ? "\n  {\"doc\": " : ",\n  {\"doc\": ").utf8); JSONText.appendString(ev.document, to: &out)
                        if let d = ev.date { out += Array(", \"date\": \"\(d)\"".utf8) }
                        out += Array(", \"start\": \(ev.start), \"end\": \(ev.end), \"text\": ".utf8); JSONText.appendString(ev.text, to: &out)
                        out += Array(", \"source_span\": [\(ev.sourceSpan.lowerBound), \(ev.sourceSpan.upperBound)], \"target_span\": [\(ev.targetSpan.lowerBound), \(ev.targetSpan.upperBound)]}".utf8)
                    }
                    out += Array("\n]}\n".utf8)
                    StandardOutput.shared.write(bytes: out)
                }
            }
        }
    }
}

/// Evidence sentences with the two mentions marked `[[…]]`.
enum EvidenceText {
    static func marked(_ ev: Evidence) -> String {
        var scalars = Array(ev.text.unicodeScalars)
        let spans = [ev.sourceSpan, ev.targetSpan].sorted { $0.lowerBound > $1.lowerBound }
        for span in spans where span.upperBound <= scalars.count && span.lowerBound >= 0 {
            scalars.insert(contentsOf: "]]".unicodeScalars, at: span.upperBound)
            scalars.insert(contentsOf: "[[".unicodeScalars, at: span.lowerBound)
        }
        // Line breaks become one space each run, found among scalars: a CR LF is one Character, neither "\r"
        // nor "\n", and would stay inside the line.
        let marked = String.UnicodeScalarView(scalars)
        return marked.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { String(Substring($0)) }.joined(separator: " ")
    }
}
