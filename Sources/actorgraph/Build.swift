import ArgumentParser
import ActorGraph
import ActorRecognition

extension ActorGraphCommand {
    /// `actorgraph build`: corpus -> graph file.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Build the co-occurrence graph of a corpus and write it as a graph file.")

        @Argument(help: "The corpus (or a graph file, which is filtered and rewritten).")
        var input: String

        @Option(name: .shortAndLong, help: ArgumentHelp("The graph file to write (atomically); stdout when omitted.", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("Also write one graph per period: -o NAME.json gives NAME.<first day>.json per slice.", valueName: "day|week|month"))
        var slice: TimeBucket?

        @Option(help: ArgumentHelp("Stream every tie's location (JSON Lines: source, target, doc, date, spans) to this file as it is found.", valueName: "file"))
        var occurrences: String?

        @OptionGroup var weights: WeightOptions
        @OptionGroup var recognition: RecognitionOptions
        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var build: GraphBuildOptions

        func validate() throws {
            if slice != nil, output == nil || output == "-" { throw ValidationError("--slice needs -o NAME.json to name the slice files.") }
        }

        func run() throws {
            try CLI.run {
                let filter = try weights.filter()
                if let g = try GraphSource.readGraphFile(input) {
                    try emit(GraphFile.encode(g.filtered(filter)), to: output)
                    return
                }
                if slice == nil && occurrences == nil {
                    // The plain case counts on every thread (ParallelGraphBuilder); slices and the occurrence
                    // stream need every tie in corpus order, so they count on one.
                    let g = try GraphSource.graph(input, recognition: recognition, corpus: corpusOptions, build: build, filter: filter)
                    try emit(GraphFile.encode(g), to: output)
                    return
                }
                let recognizer = try recognition.recognizer(jobs: corpusOptions.jobs)
                var whole = GraphBuilder(options: build.options)
                var slices: [Day: GraphBuilder] = [:]
                let occurrenceFile = try occurrences.map { path throws(InputError) in try AtomicFileWriter(path: path) }
                var undated = 0
                let report = try corpusOptions.forEachRecognized(input, recognizer: recognizer, include: { filter.admits($0.date) }) { result in
                    if let occurrenceFile {
                        var out: [UInt8] = []
                        for o in whole.addReturningOccurrences(result) { OccurrenceRecord.append(o, to: &out) }
                        try occurrenceFile.write(out)
                    } else {
                        whole.add(result)
                    }
                    if let slice {
                        guard let d = result.date else { undated += 1; return }
                        slices[slice.start(of: d), default: GraphBuilder(options: build.options)].add(result)
                    }
                }
                GraphSource.finish(report, input)
                var rest = filter
                rest.since = nil
                rest.until = nil
                // Nothing replaces a previous file until every output is written: the occurrences and the graph
                // are staged in temporary files (a full disk shows here), and only then renamed into place.
                // Slices are written (each atomically) before either is renamed.
                try occurrenceFile?.prepare()
                if let output, slice != nil {
                    let base = output.hasSuffix(".json") ? String(output.dropLast(5)) : output
                    for day in slices.keys.sorted() {
                        try AtomicFile.write(GraphFile.encode(slices[day]!.graph().filtered(rest)), to: "\(base).\(day).json")
                    }
                    if undated > 0 { CLI.warn("\(undated) undated document(s) are in the whole graph but in no slice") }
                }
                let graphBytes = GraphFile.encode(whole.graph().filtered(rest))
                if let output, output != "-" {
                    let graphFile = try AtomicFileWriter(path: output)
                    try graphFile.write(graphBytes)
                    try graphFile.prepare()
                    try occurrenceFile?.commit()
                    try graphFile.commit()
                } else {
                    try occurrenceFile?.commit()
                    StandardOutput.shared.write(bytes: graphBytes)
                }
            }
        }
    }
}

/// `build --occurrences` records.
enum OccurrenceRecord {
    static func append(_ o: GraphBuilder.Occurrence, to out: inout [UInt8]) {
        out += Array("{\"source\": ".utf8); JSONText.appendString(o.source, to: &out)
        out += Array(", \"target\": ".utf8); JSONText.appendString(o.target, to: &out)
        out += Array(", \"doc\": ".utf8); JSONText.appendString(o.document, to: &out)
        if let d = o.date { out += Array(", \"date\": \"\(d)\"".utf8) }
        out += Array(", \"source_span\": [\(o.sourceSpan.lowerBound), \(o.sourceSpan.upperBound)], \"target_span\": [\(o.targetSpan.lowerBound), \(o.targetSpan.upperBound)]".utf8)
        if o.amount != 1 { out += Array(", \"amount\": \(JSONText.number(o.amount))".utf8) }
        out += Array("}\n".utf8)
    }
}
