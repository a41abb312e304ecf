import ArgumentParser
import ActorGraph
import ActorRecognition

extension ActorGraphCommand {
    /// `actorgraph path A B`: the strongest chain of ties.
    struct PathCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "path", abstract: "Find the strongest chain of ties between two actors.",
            discussion: "A tie of weight w has length 1/w; the chain with the smallest total length wins (Dijkstra).")

        @Argument(help: "The first actor.") var a: String
        @Argument(help: "The second actor.") var b: String
        @Argument(help: "A corpus, when neither --graph nor --corpus is given.") var corpusArgument: String?
        @Option(help: "Output format.") var format: QueryFormat = .table

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
                guard let path = g.strongestPath(from: x, to: y, measure: weights.weight) else {
                    throw NotFound(description: "no chain of ties joins \(g.node(id: x)!.name) and \(g.node(id: y)!.name)")
                }
                var table = Table(header: ["step", "name", "id", "type", "weight"])
                for (k, id) in path.actors.enumerated() {
                    let n = g.node(id: id)!
                    table.rows.append([String(k), n.name, n.id, n.type.rawValue, k == 0 ? "" : CooccurrenceGraph.format(path.weights[k - 1])])
                }
                switch format {
                case .table:
                    StandardOutput.shared.write("Strongest chain by \(weights.weight.rawValue) (length \(CooccurrenceGraph.format(path.distance))):\n" + table.text)
                case .csv: StandardOutput.shared.write(table.csv)
                case .json: StandardOutput.shared.write(table.json(prefix: [("measure", weights.weight.rawValue), ("length", CooccurrenceGraph.format(path.distance))], listKey: "path", numeric: ["step", "weight"]))
                }
            }
        }
    }
}
