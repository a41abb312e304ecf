import ArgumentParser
import ActorGraph
import ActorGraphRendering
import ActorRecognition

extension LayoutEngine: ExpressibleByArgument {}
extension RenderFormat: ExpressibleByArgument {}

extension ActorGraphCommand {
    /// `actorgraph render`: lay out and draw with libgvc, in-process.
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Draw the graph as SVG, PNG or PDF through Graphviz's library.")

        @Argument(help: "A corpus or a graph file.")
        var input: String

        @Option(name: .shortAndLong, help: ArgumentHelp("The picture to write; its extension (.svg, .png, .pdf) picks the format.", valueName: "file"))
        var output: String

        @Option(help: "The Graphviz layout engine.")
        var layout: LayoutEngine = .sfdp

        @Option(help: "The output format, when the file extension does not say.")
        var format: RenderFormat?

        @Option(help: "A title drawn above the graph.")
        var title: String?

        @OptionGroup var weights: WeightOptions
        @OptionGroup var recognition: RecognitionOptions
        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var build: GraphBuildOptions

        func validate() throws {
            if format == nil, RenderFormat(fileExtension: String(output.split(separator: ".").last ?? "")) == nil {
                throw ValidationError("cannot tell the format of '\(output)' from its extension; use .svg, .png or .pdf, or --format.")
            }
        }

        func run() throws {
            try CLI.run {
                let g = try GraphSource.graph(input, recognition: recognition, corpus: corpusOptions, build: build, filter: weights.filter())
                let fmt = format ?? RenderFormat(fileExtension: String(output.split(separator: ".").last ?? ""))!
                let style = GraphStyle(measure: weights.weight, title: title)
                let bytes = try style.render(g, engine: layout, format: fmt)
                try emit(bytes, to: output)
            }
        }
    }
}
