import ArgumentParser
import ActorGraph
import ActorRecognition

extension ActorGraphCommand {
    /// `actorgraph export`: the graph in a file format for other tools.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the graph in a format other tools read.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case dot, json }

        @Argument(help: "A corpus or a graph file.")
        var input: String

        @Option(help: "The export format (json is the actorgraph graph file).")
        var format: Format = .dot

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
        var output: String?

        @OptionGroup var weights: WeightOptions
        @OptionGroup var recognition: RecognitionOptions
        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var build: GraphBuildOptions

        func run() throws {
            try CLI.run {
                var g = try GraphSource.graph(input, recognition: recognition, corpus: corpusOptions, build: build)
                if let types = try weights.typeSet() { g = g.filtered(types: types) }
                switch format {
                case .dot: try emit(Array(g.dot(measure: weights.weight).utf8), to: output)
                case .json: try emit(GraphFile.encode(g), to: output)
                }
            }
        }
    }
}
