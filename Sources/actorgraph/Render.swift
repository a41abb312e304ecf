import ArgumentParser
import ActorGraph
import ActorGraphRendering
import ActorRecognition

extension LayoutEngine: ExpressibleByArgument {}
extension LayoutChoice: ExpressibleByArgument {}
extension RenderFormat: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension NodeColoring: ExpressibleByArgument {}

extension ActorGraphCommand {
    /// `actorgraph render`: lay out and draw with libgvc, in-process.
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw the graph as SVG, PNG or PDF through Graphviz's library, or as an interactive HTML page.",
            discussion: """
                The page (.html) is one self-contained file that works offline: pan and zoom, search, \
                neighbours and evidence on click, and a filter on the edge measure. See Docs/rendering.md.
                """
        )

        @Argument(help: "A corpus or a graph file.")
        var input: String

        @Option(name: .shortAndLong, help: ArgumentHelp("The file to write; its extension (.svg, .png, .pdf, .html, or .gv for the styled Graphviz source) picks the format.", valueName: "file"))
        var output: String

        @Option(help: "The Graphviz layout engine; auto picks one by the graph's size and says which on stderr.")
        var layout: LayoutChoice = .auto

        @Option(help: "The output format, when the file extension does not say.")
        var format: OutputFormat?

        @Option(help: "The title drawn above the graph (default: from the input's name, the window and the measure).")
        var title: String?

        @Option(help: "What node colour shows: the actor's type, or its community under --weight.")
        var color: NodeColoring = .type

        @Option(help: ArgumentHelp("Graphs with more nodes than this name only the N most central actors; the rest carry a tooltip.", valueName: "n"))
        var labels: Int = 60

        @OptionGroup var weights: WeightOptions
        @OptionGroup var recognition: RecognitionOptions
        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var build: GraphBuildOptions

        /// The format named by --format, else by the output's extension.
        var outputFormat: OutputFormat? {
            if let format { return format }
            guard let dot = output.lastIndex(of: "."), !output[dot...].contains("/") else { return nil }
            return OutputFormat(fileExtension: String(output[output.index(after: dot)...]))
        }

        func validate() throws {
            if outputFormat == nil {
                throw ValidationError("cannot tell the format of '\(output)' from its extension; use .svg, .png, .pdf, .html or .gv, or --format.")
            }
            if labels < 0 { throw ValidationError("--labels must be 0 or more, not \(labels).") }
        }

        func run() throws {
            try CLI.run {
                let g = try GraphSource.graph(input, recognition: recognition, corpus: corpusOptions, build: build, filter: weights.filter())
                let engine: LayoutEngine
                do {
                    engine = try LayoutPolicy.engine(for: layout, nodes: g.nodes.count, edges: g.edges.count)
                } catch let refusal as LayoutRefusal {
                    CLI.printError(refusal.description)
                    throw ExitCode(1)
                }
                if layout == .auto {
                    CLI.note("layout auto chose \(engine.rawValue) for \(g.nodes.count) node\(g.nodes.count == 1 ? "" : "s")")
                }
                let style = GraphStyle(
                    measure: weights.weight,
                    title: title ?? GraphStyle.defaultTitle(input: input, graph: g, measure: weights.weight),
                    labelLimit: labels, coloring: color
                )
                let bytes = try style.render(g, engine: engine, format: outputFormat!)
                try emit(bytes, to: output)
            }
        }
    }
}
