import ArgumentParser
import ActorGraph
import ActorRecognition

extension ActorGraphCommand {
    /// `actorgraph stats`: who matters most, by several measures of centrality.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the top actors by degree, strength, PageRank and betweenness, and the components and communities.",
            discussion: "Betweenness uses path length 1/weight (strong ties are short); communities are Louvain's, deterministic. See Docs/analytics.md.")

        @Argument(help: "A corpus or a graph file.") var input: String
        @Option(help: "How many actors per measure.") var top = 10
        @Option(help: "Output format.") var format: QueryFormat = .table

        @OptionGroup var weights: WeightOptions
        @OptionGroup var recognition: RecognitionOptions
        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var build: GraphBuildOptions

        func validate() throws {
            if top < 1 { throw ValidationError("--top must be 1 or more, not \(top).") }
        }

        func run() throws {
            try CLI.run {
                let g = try GraphSource.graph(input, recognition: recognition, corpus: corpusOptions, build: build, filter: weights.filter())
                let m = weights.weight
                let degree = g.degree().mapValues(Double.init)
                let measures: [(String, [String: Double])] = [
                    ("degree", degree), ("strength", g.strength(measure: m)),
                    ("pagerank", g.pageRank(measure: m)), ("betweenness", g.betweenness(measure: m)),
                ]
                let communities = g.louvainCommunities(measure: m)
                let components = g.connectedComponents()
                var table = Table(header: ["measure", "rank", "name", "id", "type", "value"])
                for (name, values) in measures {
                    let ranked = g.nodes.sorted { a, b in
                        let x = values[a.id] ?? 0, y = values[b.id] ?? 0
                        return x != y ? x > y : a.name < b.name
                    }
                    for (k, n) in ranked.prefix(top).enumerated() {
                        table.rows.append([name, String(k + 1), n.name, n.id, n.type.rawValue, CooccurrenceGraph.format(values[n.id] ?? 0)])
                    }
                }
                switch format {
                case .table:
                    StandardOutput.shared.write("\(g.nodes.count) actors, \(g.edges.count) ties, \(components.count) component(s), \(communities.count) communit\(communities.count == 1 ? "y" : "ies") (modularity \(CooccurrenceGraph.format(g.modularity(of: communities, measure: m)))); weights by \(m.rawValue)\n\n")
                    StandardOutput.shared.write(table.text)
                    StandardOutput.shared.write("\nCommunities (largest first):\n")
                    let strength = measures[1].1
                    for (k, c) in communities.prefix(top).enumerated() {
                        let names = c.compactMap { g.node(id: $0) }.sorted { (strength[$0.id] ?? 0, $1.name) > (strength[$1.id] ?? 0, $0.name) }.prefix(6).map(\.name)
                        StandardOutput.shared.write("  \(k + 1). \(c.count) actors: \(names.joined(separator: ", "))\(c.count > 6 ? ", …" : "")\n")
                    }
                case .csv: StandardOutput.shared.write(table.csv)
                case .json:
                    StandardOutput.shared.write(table.json(prefix: [("measure", m.rawValue), ("actors", String(g.nodes.count)), ("ties", String(g.edges.count)),
                                                                    ("components", String(components.count)), ("communities", String(communities.count))],
                                                           listKey: "top", numeric: ["rank", "value"]))
                }
            }
        }
    }
}
