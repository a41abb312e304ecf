import Foundation
import ArgumentParser
import ActorGraph
import ActorRecognition

/// Where the gazetteer and patterns come from; shared by every command that recognizes.
struct RecognitionOptions: ParsableArguments {
    @Option(name: .customLong("gazetteer"), help: ArgumentHelp("A gazetteer file adding to or overriding the defaults (repeatable).", valueName: "file"))
    var gazetteers: [String] = []

    @Option(name: .customLong("patterns"), help: ArgumentHelp("A pattern file adding to or overriding the default patterns (repeatable).", valueName: "file"))
    var patternFiles: [String] = []

    @Flag(help: "Start from an empty gazetteer instead of the bundled one.")
    var noDefaultGazetteer = false

    @Flag(help: "Start from no patterns instead of the bundled ones.")
    var noDefaultPatterns = false

    /// The effective gazetteer: defaults, then each extension.
    func gazetteer() throws(InputError) -> Gazetteer {
        var g = noDefaultGazetteer ? Gazetteer() : try RecognitionResources.defaultGazetteer()
        for file in gazetteers { g.merge(try RecognitionResources.gazetteer(file: file)) }
        return g
    }

    func patterns() throws(InputError) -> PatternSet {
        var p = noDefaultPatterns ? PatternSet() : try RecognitionResources.defaultPatterns()
        for file in patternFiles { p.merge(try RecognitionResources.patterns(file: file)) }
        return p
    }

    /// The recognizer; `explains` makes it record why each mention was found, `jobs` is how many threads may
    /// build it.
    func recognizer(explains: Bool = false, jobs: Int) throws(InputError) -> Recognizer {
        Recognizer(gazetteer: try gazetteer(), patterns: try patterns(), explains: explains, jobs: jobs)
    }
}

/// How a corpus is read.
struct CorpusOptions: ParsableArguments {
    @Flag(help: "Skip JSON Lines lines that are not valid records, counting them, instead of stopping.")
    var skipBadLines = false

    @Flag(name: .customLong("strict-utf8"), help: "Stop at invalid UTF-8 instead of replacing it with U+FFFD and warning.")
    var strictUTF8 = false

    @Option(help: ArgumentHelp("Recognize on this many threads (default: all cores); output is the same for any number.", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be 1 or more, not \(jobs).") }
    }

    /// Streams the recognized documents of `path` in corpus order, recognizing on `jobs` threads.
    func forEachRecognized(_ path: String, recognizer: Recognizer, include: (Document) -> Bool = { _ in true },
                           _ body: (RecognizedDocument) throws -> Void) throws -> Corpus.Report {
        try forEachRecognized(path, recognizer: recognizer, include: include, transform: { $0 }, body)
    }

    /// The same, with `transform` applied to each recognized document on the recognizing thread.
    /// - Parameter inParts: Whether a long document may come in parts (`RecognitionBatcher.handsOverParts`).
    func forEachRecognized<T>(_ path: String, recognizer: Recognizer, include: (Document) -> Bool = { _ in true }, inParts: Bool = false,
                              transform: @escaping @Sendable (RecognizedDocument) -> T, _ body: (T) throws -> Void) throws -> Corpus.Report {
        var batcher = RecognitionBatcher(recognizer: recognizer, jobs: jobs, handsOverParts: inParts)
        let report = try corpus(path).forEachDocument(warn: { CLI.warn($0.description) }) { doc in
            if include(doc) { try batcher.add(doc, transform: transform, body) }
        }
        try batcher.flush(transform: transform, body)
        return report
    }

    func corpus(_ path: String) throws(InputError) -> Corpus {
        var c = try Corpus(path: path)
        c.skipBadLines = skipBadLines
        c.strictUTF8 = strictUTF8
        return c
    }
}

/// How a graph is built from a corpus.
struct GraphBuildOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The co-occurrence window: sentence, paragraph, document, tokens:K (mentions at most K tokens apart, K up to 1000) or decay:LAMBDA:C (sentences up to C apart, weighted e^(-LAMBDA*d), C up to 1000).", valueName: "window"))
    var window: Window = .sentence

    @Option(help: "Count every window, or each pair at most once per document.")
    var count: CountUnit = .windows

    @Option(name: .customLong("evidence"), help: ArgumentHelp("Example sentences kept per edge.", valueName: "k"))
    var evidence = 5

    /// The widest `tokens:K` and `decay:λ:C` windows: their counts are pairs of mentions or sentences, so a
    /// window wider than any article reaches makes a long document's work grow with the square of its length.
    static let widestWindow = 1_000

    func validate() throws {
        if evidence < 0 { throw ValidationError("--evidence must be 0 or more, not \(evidence).") }
        switch window {
        case .tokens(let k) where k > GraphBuildOptions.widestWindow:
            throw ValidationError("--window tokens:K takes K from 1 to \(GraphBuildOptions.widestWindow) tokens, not \(k): it counts pairs of mentions, and a wider reach makes the work grow with the square of a document's length.")
        case .decay(_, let c) where c > GraphBuildOptions.widestWindow:
            throw ValidationError("--window decay:LAMBDA:C takes C from 0 to \(GraphBuildOptions.widestWindow) sentences, not \(c): it counts pairs of sentences, and a wider reach makes the work grow with the square of a document's length.")
        default:
            break
        }
    }

    var options: BuildOptions { BuildOptions(window: window, count: count, evidencePerEdge: evidence) }
}

/// The measure and the filters applied when a graph is ranked, drawn or exported.
struct WeightOptions: ParsableArguments {
    @Option(help: "The association measure that ranks, filters and draws edges.")
    var weight: Measure = .count

    @Option(help: ArgumentHelp("Only these actor types (comma-separated: person,country,organization).", valueName: "types"))
    var types: String?

    @Option(help: ArgumentHelp("Keep edges seen in at least this many windows.", valueName: "n"))
    var minCount: Int?

    @Option(help: ArgumentHelp("Keep edges seen in at least this many documents.", valueName: "n"))
    var minDocs: Int?

    @Option(help: ArgumentHelp("Keep only the N strongest edges under --weight.", valueName: "n"))
    var topEdges: Int?

    @Option(help: ArgumentHelp("Keep the disparity-filter backbone at this significance level (e.g. 0.05).", valueName: "alpha"))
    var backbone: Double?

    @Option(help: ArgumentHelp("Only documents dated on or after this day.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(help: ArgumentHelp("Only documents dated on or before this day.", valueName: "YYYY-MM-DD"))
    var until: String?

    func validate() throws {
        _ = try typeSet()
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, Day(value) == nil { throw ValidationError("\(name) must be a real day written YYYY-MM-DD, not '\(value)'.") }
        }
        if let b = backbone, !(b > 0 && b < 1) { throw ValidationError("--backbone must be between 0 and 1, not \(b).") }
        for (name, value) in [("--min-count", minCount), ("--min-docs", minDocs), ("--top-edges", topEdges)] {
            if let value, value < 0 { throw ValidationError("\(name) must be 0 or more, not \(value).") }
        }
    }

    func typeSet() throws -> Set<ActorType>? {
        guard let types else { return nil }
        var out = Set<ActorType>()
        for part in types.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let t = ActorType(rawValue: name) else {
                throw ValidationError("--types: '\(name)' is not an actor type; use person, country or organization.")
            }
            out.insert(t)
        }
        return out
    }

    /// The filter these options describe.
    func filter() throws -> GraphFilter {
        GraphFilter(types: try typeSet(), minCount: minCount, minDocuments: minDocs, topEdges: topEdges, backbone: backbone,
                    since: since.flatMap { Day($0) }, until: until.flatMap { Day($0) }, measure: weight)
    }
}

extension Window: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public var defaultValueDescription: String { description }
}
extension CountUnit: ExpressibleByArgument {}
extension Measure: ExpressibleByArgument {}
