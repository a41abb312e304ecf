import ArgumentParser
import ActorGraph
import ActorRecognition

extension ActorGraphCommand {
    /// `actorgraph ego A`: the subgraph around an actor.
    struct Ego: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the subgraph around an actor (graph file, DOT or any export format).")

        @Argument(help: "The actor.") var actor: String
        @Argument(help: "A corpus, when neither --graph nor --corpus is given.") var corpusArgument: String?
        @Option(help: "How many ties out to go.") var depth = 1
        @Option(help: "Output format (default: from the -o extension, else the graph file).") var format: Export.Format?
        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
        var output: String?

        @OptionGroup var input: GraphInputOptions
        @OptionGroup var weights: WeightOptions
        @OptionGroup var recognition: RecognitionOptions
        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var build: GraphBuildOptions

        func validate() throws {
            if [input.graph, input.corpus, corpusArgument].compactMap({ $0 }).count != 1 {
                throw ValidationError("give exactly one of --graph FILE, --corpus PATH or a corpus argument.")
            }
            if depth < 0 { throw ValidationError("--depth must be 0 or more, not \(depth).") }
        }

        func run() throws {
            try CLI.run {
                let g = try GraphSource.queryGraph(graph: input.graph, corpus: input.corpus ?? corpusArgument, recognition: recognition,
                                                   corpusOptions: corpusOptions, build: build, filter: weights.filter())
                let id = try GraphSource.actor(actor, in: g, recognition: recognition)
                let f = format ?? output.flatMap { Export.Format(extensionOf: $0) } ?? .graph
                try Export.write(g.ego(id, depth: depth), format: f, output: output, measure: weights.weight)
            }
        }
    }
}
