import ArgumentParser
import ActorGraph
import ActorRecognition

extension TimeBucket: ExpressibleByArgument {}

extension ActorGraphCommand {
    /// `actorgraph timeline A [B]`: how often an actor, or a pair, occurs over time.
    struct Timeline: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print how often an actor (or a pair of actors) occurs per day, week or month.")

        @Argument(help: "The actor.") var a: String
        @Argument(help: "A second actor, for the pair's timeline.") var b: String?
        @Option(help: "The time bucket.") var by: TimeBucket = .month
        @Option(help: "Output format.") var format: QueryFormat = .table

        @OptionGroup var input: GraphInputOptions
        @OptionGroup var weights: WeightOptions
        @OptionGroup var recognition: RecognitionOptions
        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var build: GraphBuildOptions

        func validate() throws {
            if [input.graph, input.corpus].compactMap({ $0 }).count != 1 {
                throw ValidationError("give exactly one of --graph FILE or --corpus PATH.")
            }
        }

        func run() throws {
            try CLI.run {
                let g = try GraphSource.queryGraph(graph: input.graph, corpus: input.corpus, recognition: recognition,
                                                   corpusOptions: corpusOptions, build: build, filter: weights.filter())
                let x = try GraphSource.actor(a, in: g, recognition: recognition)
                let y = try b.map { try GraphSource.actor($0, in: g, recognition: recognition) }
                let points = g.timeline(x, y, by: by)
                if points.isEmpty { CLI.warn("the corpus has no dated documents, so there is no timeline") }
                var table = Table(header: [by.rawValue, "count", "windows", "share"])
                for p in points {
                    table.rows.append([p.bucket.description, String(p.count), String(p.windows),
                                       CooccurrenceGraph.format(p.windows > 0 ? Double(p.count) / Double(p.windows) : 0)])
                }
                let what = y.map { "\(g.node(id: x)!.name) – \(g.node(id: $0)!.name)" } ?? g.node(id: x)!.name
                switch format {
                case .table: StandardOutput.shared.write("\(what), windows per \(by.rawValue):\n" + table.text)
                case .csv: StandardOutput.shared.write(table.csv)
                case .json: StandardOutput.shared.write(table.json(prefix: [("actor", x), ("other", y ?? ""), ("by", by.rawValue)], listKey: "timeline", numeric: ["count", "windows", "share"]))
                }
            }
        }
    }

    /// `actorgraph diff OLD NEW`: how ties changed.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List edges that appeared, vanished, strengthened or weakened between two graphs.")

        @Argument(help: "The older graph file or corpus.") var old: String
        @Argument(help: "The newer graph file or corpus.") var new: String
        @Option(help: "Show at most this many changes.") var top: Int?
        @Option(help: "Output format.") var format: QueryFormat = .table

        @OptionGroup var weights: WeightOptions
        @OptionGroup var recognition: RecognitionOptions
        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var build: GraphBuildOptions

        func run() throws {
            try CLI.run {
                let filter = try weights.filter()
                let a = try GraphSource.graph(old, recognition: recognition, corpus: corpusOptions, build: build, filter: filter)
                let b = try GraphSource.graph(new, recognition: recognition, corpus: corpusOptions, build: build, filter: filter)
                var changes = b.changes(since: a, measure: weights.weight)
                if let top { changes = Array(changes.prefix(top)) }
                func name(_ id: String) -> String { b.node(id: id)?.name ?? a.node(id: id)?.name ?? id }
                var table = Table(header: ["change", "source", "target", "old", "new"])
                for c in changes {
                    table.rows.append([c.kind.rawValue, name(c.source), name(c.target), CooccurrenceGraph.format(c.old), CooccurrenceGraph.format(c.new)])
                }
                switch format {
                case .table: StandardOutput.shared.write("\(changes.count) change(s) by \(weights.weight.rawValue):\n" + table.text)
                case .csv: StandardOutput.shared.write(table.csv)
                case .json: StandardOutput.shared.write(table.json(prefix: [("measure", weights.weight.rawValue)], listKey: "changes", numeric: ["old", "new"]))
                }
            }
        }
    }

    /// `actorgraph merge G1 G2 … -o G`: graphs of disjoint corpus parts into the graph of the whole.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Merge graphs built on disjoint parts of a corpus (in corpus order) into one.")

        @Argument(help: "Graph files or corpora, in corpus order.") var inputs: [String]
        @Option(name: .shortAndLong, help: ArgumentHelp("The merged graph file (atomically); stdout when omitted.", valueName: "file"))
        var output: String?

        @OptionGroup var recognition: RecognitionOptions
        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var build: GraphBuildOptions

        func validate() throws {
            if inputs.isEmpty { throw ValidationError("give at least one graph to merge.") }
        }

        func run() throws {
            try CLI.run {
                let parts = try inputs.map { try GraphSource.graph($0, recognition: recognition, corpus: corpusOptions, build: build) }
                try emit(GraphFile.encode(try CooccurrenceGraph.merged(parts)), to: output)
            }
        }
    }
}
