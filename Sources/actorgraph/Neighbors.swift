import ArgumentParser
import ActorGraph
import ActorRecognition

extension ActorGraphCommand {
    /// `actorgraph neighbors`: who an actor is tied to, how strongly, and why.
    struct Neighbors: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an actor's neighbours by descending weight.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

        @Argument(help: "The actor: an id, a name or any alias, in any case (\"qatar\", \"US\", \"Biden\").")
        var actor: String

        @Argument(help: "A corpus, when --graph is not given.")
        var corpus: String?

        @Option(help: ArgumentHelp("A graph file written by 'build'.", valueName: "file"))
        var graph: String?

        @Option(name: .customLong("corpus"), help: ArgumentHelp("A corpus to build the graph from.", valueName: "path"))
        var corpusOption: String?

        @Option(help: "Show at most this many neighbours.")
        var top: Int?

        @Option(help: "Output format.")
        var format: Format = .table

        @OptionGroup var weights: WeightOptions
        @OptionGroup var recognition: RecognitionOptions
        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var build: GraphBuildOptions

        func validate() throws {
            let sources = [graph, corpus, corpusOption].compactMap { $0 }
            if sources.count != 1 { throw ValidationError("give exactly one of --graph FILE, --corpus PATH or a corpus argument.") }
            if let top, top < 1 { throw ValidationError("--top must be 1 or more, not \(top).") }
        }

        func run() throws {
            try CLI.run {
                let input = graph ?? corpusOption ?? corpus!
                let g: CooccurrenceGraph
                if graph != nil {
                    guard let read = try GraphSource.readGraphFile(input) else {
                        throw InputError(file: input, "is not a graph file (its first key must be \"format\": \"actorgraph-graph\")")
                    }
                    g = read
                } else {
                    g = try GraphSource.graph(input, recognition: recognition, corpus: corpusOptions, build: build)
                }
                let lookup = ActorLookup(graph: g, gazetteer: try? recognition.gazetteer())
                guard let id = lookup.resolve(actor) else {
                    let close = lookup.suggestions(for: actor)
                    var message = "no actor named '\(actor)' in the graph"
                    if !close.isEmpty { message += "; did you mean " + close.map { "'\($0)'" }.joined(separator: ", ") + "?" }
                    throw NotFound(description: message)
                }
                let list = g.neighbors(of: id, measure: weights.weight, types: try weights.typeSet(), top: top)
                let me = g.node(id: id)!
                switch format {
                case .table:
                    StandardOutput.shared.write("Neighbours of \(me.name) (\(me.type.rawValue), \(me.id)) by \(weights.weight.rawValue):\n")
                    let width = max(4, list.map { $0.node.name.count }.max() ?? 4)
                    StandardOutput.shared.write(pad("name", width) + "  " + pad("type", 12) + "  weight\n")
                    for n in list {
                        StandardOutput.shared.write(pad(n.node.name, width) + "  " + pad(n.node.type.rawValue, 12) + "  " + CooccurrenceGraph.format(n.weight) + "\n")
                    }
                case .json:
                    var out: [UInt8] = Array("{\"actor\": ".utf8)
                    JSONText.appendString(me.id, to: &out)
                    out += Array(", \"name\": ".utf8); JSONText.appendString(me.name, to: &out)
                    out += Array(", \"measure\": \"\(weights.weight.rawValue)\", \"neighbors\": [".utf8)
                    for (k, n) in list.enumerated() {
                        if k > 0 { out += Array(", ".utf8) }
                        out += Array("{\"id\": ".utf8); JSONText.appendString(n.node.id, to: &out)
                        out += Array(", \"name\": ".utf8); JSONText.appendString(n.node.name, to: &out)
                        out += Array(", \"type\": \"\(n.node.type.rawValue)\", \"weight\": \(CooccurrenceGraph.format(n.weight)), \"count\": \(n.edge.count), \"documents\": \(n.edge.documents)}".utf8)
                    }
                    out += Array("]}\n".utf8)
                    StandardOutput.shared.write(bytes: out)
                }
            }
        }

        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
    }
}
