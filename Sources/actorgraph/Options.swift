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

    func recognizer() throws(InputError) -> Recognizer {
        Recognizer(gazetteer: try gazetteer(), patterns: try patterns())
    }
}

/// How a corpus is read.
struct CorpusOptions: ParsableArguments {
    @Flag(help: "Skip JSON Lines lines that are not valid records, counting them, instead of stopping.")
    var skipBadLines = false

    @Flag(name: .customLong("strict-utf8"), help: "Stop at invalid UTF-8 instead of replacing it with U+FFFD and warning.")
    var strictUTF8 = false

    func corpus(_ path: String) throws(InputError) -> Corpus {
        var c = try Corpus(path: path)
        c.skipBadLines = skipBadLines
        c.strictUTF8 = strictUTF8
        return c
    }
}

/// How a graph is built from a corpus.
struct GraphBuildOptions: ParsableArguments {
    @Option(help: "The co-occurrence window.")
    var window: Window = .sentence

    @Option(name: .customLong("evidence"), help: ArgumentHelp("Example sentences kept per edge.", valueName: "k"))
    var evidence = 5

    func validate() throws {
        if evidence < 0 { throw ValidationError("--evidence must be 0 or more, not \(evidence).") }
    }

    var options: BuildOptions { BuildOptions(window: window, evidencePerEdge: evidence) }
}

/// Filters and the measure applied when a graph is ranked, drawn or exported.
struct WeightOptions: ParsableArguments {
    @Option(help: "The association measure that ranks, filters and draws edges.")
    var weight: Measure = .count

    @Option(help: ArgumentHelp("Only these actor types (comma-separated: person,country,organization).", valueName: "types"))
    var types: String?

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
}

extension Window: ExpressibleByArgument {}
extension Measure: ExpressibleByArgument {}
