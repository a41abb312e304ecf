import ArgumentParser
import ActorGraph
import ActorRecognition

extension ActorGraphCommand {
    /// `actorgraph build`: corpus -> graph file.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Build the co-occurrence graph of a corpus and write it as a graph file.")

        @Argument(help: "The corpus (or a graph file, which is rewritten).")
        var input: String

        @Option(name: .shortAndLong, help: ArgumentHelp("The graph file to write (atomically); stdout when omitted.", valueName: "file"))
        var output: String?

        @OptionGroup var recognition: RecognitionOptions
        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var build: GraphBuildOptions

        func run() throws {
            try CLI.run {
                let g = try GraphSource.graph(input, recognition: recognition, corpus: corpusOptions, build: build)
                try emit(GraphFile.encode(g), to: output)
            }
        }
    }
}
