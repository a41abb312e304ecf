import ArgumentParser
import ActorGraph
import ActorRecognition

/// Where a query command's graph comes from: `--graph FILE`, `--corpus PATH`, or a positional corpus.
struct GraphInputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A graph file written by 'build'.", valueName: "file"))
    var graph: String?

    @Option(name: .customLong("corpus"), help: ArgumentHelp("A corpus to build the graph from.", valueName: "path"))
    var corpus: String?

    func validate() throws {
        if graph != nil && corpus != nil { throw ValidationError("give either --graph FILE or --corpus PATH, not both.") }
    }
}

/// Output formats of the query commands.
enum QueryFormat: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

extension ActorGraphCommand {
    /// `actorgraph neighbors`: who an actor is tied to, how strongly, and why.
    struct Neighbors: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an actor's neighbours by descending weight.")

        @Argument(help: "The actor: an id, a name or any alias, in any case (\"qatar\", \"US\", \"Biden\").")
        var actor: String

        @Argument(help: "A corpus, when neither --graph nor --corpus is given.")
        var corpusArgument: String?

        @Option(help: "Show at most this many neighbours.")
        var top: Int?

        @Option(help: "Also list actors up to this many ties away.")
        var depth = 1

        @Option(help: "Output format.")
        var format: QueryFormat = .table

        @OptionGroup var input: GraphInputOptions
        @OptionGroup var weights: WeightOptions
        @OptionGroup var recognition: RecognitionOptions
        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var build: GraphBuildOptions

        func validate() throws {
            let sources = [input.graph, input.corpus, corpusArgument].compactMap { $0 }
            if sources.count != 1 { throw ValidationError("give exactly one of --graph FILE, --corpus PATH or a corpus argument.") }
            if let top, top < 1 { throw ValidationError("--top must be 1 or more, not \(top).") }
            if depth < 1 { throw ValidationError("--depth must be 1 or more, not \(depth).") }
        }

        func run() throws {
            try CLI.run {
                let g = try GraphSource.queryGraph(graph: input.graph, corpus: input.corpus ?? corpusArgument, recognition: recognition,
                                                   corpusOptions: corpusOptions, build: build, filter: weights.filter())
                let id = try GraphSource.actor(actor, in: g, recognition: recognition)
                let list = g.neighborhood(of: id, depth: depth, measure: weights.weight, top: top)
                let me = g.node(id: id)!
                var table = Table(header: ["name", "id", "type", "weight", "count", "documents"] + (depth > 1 ? ["depth", "via"] : []))
                for n in list {
                    table.rows.append([n.node.name, n.node.id, n.node.type.rawValue, CooccurrenceGraph.format(n.weight),
                                       n.edge.map { String($0.count) } ?? "", n.edge.map { String($0.documents) } ?? ""]
                                      + (depth > 1 ? [String(n.depth), n.via.flatMap { g.node(id: $0)?.name } ?? ""] : []))
                }
                switch format {
                case .table:
                    StandardOutput.shared.write("Neighbours of \(me.name) (\(me.type.rawValue), \(me.id)) by \(weights.weight.rawValue):\n")
                    StandardOutput.shared.write(table.text)
                case .csv:
                    StandardOutput.shared.write(table.csv)
                case .json:
                    StandardOutput.shared.write(table.json(prefix: [("actor", me.id), ("name", me.name), ("measure", weights.weight.rawValue)],
                                                           listKey: "neighbors", numeric: ["weight", "count", "documents", "depth"]))
                }
            }
        }
    }
}
