import ArgumentParser
import ActorGraph
import ActorRecognition
import Foundation

extension ActorGraphCommand {
    /// `actorgraph export`: the graph in a file format for other tools.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the graph in a format other tools read.",
            discussion: """
            Formats: dot (Graphviz), graphml (yEd, Cytoscape, NetworkX), gexf (Gephi; dated corpora get a \
            timeline), json (node-link JSON with "links", for D3 and NetworkX), csv (two tables, NAME.nodes.csv \
            and NAME.edges.csv) and graph (the actorgraph graph file). Without --format, the extension of -o \
            decides: .dot .gv .graphml .gexf .json .csv.
            """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case dot, graphml, gexf, json, csv, graph

            /// The format a file name's extension stands for.
            init?(extensionOf path: String) {
                guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
                switch path[path.index(after: dot)...].lowercased() {
                case "dot", "gv": self = .dot
                case "graphml": self = .graphml
                case "gexf": self = .gexf
                case "json": self = .json
                case "csv": self = .csv
                default: return nil
                }
            }
        }

        @Argument(help: "A corpus or a graph file.")
        var input: String

        @Option(help: "The export format; inferred from the -o extension when omitted (json is node-link JSON; graph is the actorgraph graph file).")
        var format: Format?

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of stdout; for csv, NAME.csv writes NAME.nodes.csv and NAME.edges.csv.", valueName: "file"))
        var output: String?

        @OptionGroup var weights: WeightOptions
        @OptionGroup var recognition: RecognitionOptions
        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var build: GraphBuildOptions

        /// The format asked for, or the one the output's extension stands for.
        var effectiveFormat: Format? {
            if let format { return format }
            guard let output, output != "-" else { return nil }
            return Format(extensionOf: output)
        }

        func validate() throws {
            guard let f = effectiveFormat else {
                let known = Format.allCases.map(\.rawValue).joined(separator: ", ")
                if let output, output != "-" {
                    throw ValidationError("Cannot tell the export format from '\(output)'; give --format (\(known)) or an -o file ending in .dot, .gv, .graphml, .gexf, .json or .csv.")
                }
                throw ValidationError("Give --format (\(known)) when writing to stdout.")
            }
            if f == .csv, output == nil || output == "-" {
                throw ValidationError("CSV export writes two files (NAME.nodes.csv and NAME.edges.csv), so it cannot go to stdout; give -o NAME.csv.")
            }
            // `export g.json -o g.json` used to rewrite the graph file; now .json means node-link JSON and would
            // replace the graph the user exported from.
            if let output, output != "-", f != .csv, Self.samePath(output, input) {
                throw ValidationError("-o '\(output)' is the input graph itself; write the export to another file.")
            }
        }

        /// Whether two paths name the same file (after `.`, `..` and symbolic links).
        static func samePath(_ a: String, _ b: String) -> Bool {
            func resolved(_ p: String) -> String { URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path }
            return resolved(a) == resolved(b)
        }

        /// The two CSV paths for `-o`: `NAME.csv` (or `NAME.nodes.csv`, `NAME.edges.csv`, or `NAME` alone) gives
        /// `NAME.nodes.csv` and `NAME.edges.csv`.
        static func csvPaths(_ output: String) -> (nodes: String, edges: String) {
            var base = Substring(output)
            for suffix in [".nodes.csv", ".edges.csv", ".csv"] where base.lowercased().hasSuffix(suffix) {
                base = base.dropLast(suffix.count)
                break
            }
            return ("\(base).nodes.csv", "\(base).edges.csv")
        }

        func run() throws {
            try CLI.run {
                let g = try GraphSource.graph(input, recognition: recognition, corpus: corpusOptions, build: build, filter: weights.filter())
                try Self.write(g, format: effectiveFormat!, output: output, measure: weights.weight)
            }
        }

        /// Writes `g` in `format` to `output` (stdout when nil or `-`; CSV needs a file name).
        static func write(_ graph: CooccurrenceGraph, format: Format, output: String?, measure: Measure) throws {
            // Exports for other tools carry the analytics as node attributes; the graph file keeps raw counts only.
            let g = format == .graph ? graph : graph.withAnalytics(measure: measure)
            switch format {
            case .dot: try emit(Array(g.dot(measure: measure).utf8), to: output)
            case .graphml: try emit(g.graphML(measure: measure), to: output)
            case .gexf: try emit(g.gexf(measure: measure), to: output)
            case .json: try emit(g.nodeLinkJSON(measure: measure), to: output)
            case .graph: try emit(GraphFile.encode(g), to: output)
            case .csv:
                guard let output, output != "-" else {
                    throw ValidationError("CSV export writes two files (NAME.nodes.csv and NAME.edges.csv), so it cannot go to stdout; give -o NAME.csv.")
                }
                let paths = Self.csvPaths(output)
                // Both tables are written and synced before either is renamed into place, so a failure on the
                // second (a full disk) leaves the previous pair as it was rather than a new node table beside an
                // old edge table.
                let nodes = try AtomicFileWriter(path: paths.nodes)
                let edges = try AtomicFileWriter(path: paths.edges)
                try nodes.write(g.csvNodes(measure: measure))
                try edges.write(g.csvEdges(measure: measure))
                try nodes.prepare()
                try edges.prepare()
                try nodes.commit()
                try edges.commit()
            }
        }
    }
}
