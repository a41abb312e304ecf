import ArgumentParser
import ActorGraph
import ActorGraphRendering
import ActorRecognition
import Foundation

/// The "not found" exit status (unknown actor, no path).
let notFoundExitCode: Int32 = 2

/// An actor the user named is not in the graph.
struct NotFound: Error, CustomStringConvertible {
    var description: String
}

/// Error reporting and exit codes shared by every command.
enum CLI {
    /// Runs a command body: prints `error: …` on stderr and exits 1 for bad input, 2 for not found.
    static func run(_ body: () throws -> Void) throws {
        installSignalHandlers()
        do {
            try body()
            StandardOutput.shared.flush()
        } catch let e as InputError {
            StandardOutput.shared.flush()
            printError(e.description)
            throw ExitCode(1)
        } catch let e as GraphvizError {
            StandardOutput.shared.flush()
            printError(e.description)
            throw ExitCode(1)
        } catch let e as MergeError {
            StandardOutput.shared.flush()
            printError(e.description)
            throw ExitCode(1)
        } catch let e as NotFound {
            StandardOutput.shared.flush()
            printError(e.description)
            throw ExitCode(notFoundExitCode)
        }
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("actorgraph: \(message)\n".utf8))
    }

    /// SIGINT and SIGTERM remove temporary output files and exit 130 / 143; previous outputs stay intact.
    static func installSignalHandlers() {
        signal(SIGINT) { _ in TemporaryFiles.removeAll(); _exit(130) }
        signal(SIGTERM) { _ in TemporaryFiles.removeAll(); _exit(143) }
        // A parent may start us with the two blocked (threads of Dispatch block signals, and a spawned child
        // inherits the mask): a blocked signal would wait until the run ends, and the outputs would be
        // replaced after all. Threads started later inherit this mask.
        var both = sigset_t()
        sigemptyset(&both)
        sigaddset(&both, SIGINT)
        sigaddset(&both, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &both, nil)
    }
}

/// Buffered standard output: output to stdout streams, in large writes.
final class StandardOutput: @unchecked Sendable {
    static let shared = StandardOutput()
    private var buffer: [UInt8] = []

    func write(_ s: String) { buffer.append(contentsOf: s.utf8); if buffer.count > 1 << 16 { flush() } }
    func write(bytes: [UInt8]) { buffer.append(contentsOf: bytes); if buffer.count > 1 << 16 { flush() } }

    func flush() {
        guard !buffer.isEmpty else { return }
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBufferPointer { Glibc.write(1, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { if errno == EINTR { continue }; break }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Writes to a file atomically or streams to stdout when the path is nil or `-`.
func emit(_ bytes: [UInt8], to path: String?) throws(InputError) {
    if let path, path != "-" {
        try AtomicFile.write(bytes, to: path)
    } else {
        StandardOutput.shared.write(bytes: bytes)
    }
}

/// Reads a corpus or a graph file into a graph.
enum GraphSource {
    /// The graph of `input`: decoded when it is a graph file, built when it is a corpus; then filtered.
    /// A time range on a corpus keeps only documents dated within it (exact counts); on a graph file it uses the
    /// per-day counts.
    static func graph(_ input: String, recognition: RecognitionOptions, corpus: CorpusOptions,
                      build: GraphBuildOptions, filter: GraphFilter = GraphFilter()) throws -> CooccurrenceGraph {
        if let g = try readGraphFile(input) { return g.filtered(filter) }
        let recognizer = try recognition.recognizer(jobs: corpus.jobs)
        var builder = ParallelGraphBuilder(recognizer: recognizer, options: build.options, jobs: corpus.jobs)
        let report = try corpus.corpus(input).forEachDocument(warn: { CLI.warn($0.description) }) { doc in
            if filter.admits(doc.date) { builder.add(doc) }
        }
        finish(report, input)
        var rest = filter
        rest.since = nil
        rest.until = nil
        return builder.graph().filtered(rest)
    }

    /// The graph named by `--graph FILE` or `--corpus PATH` (or a positional corpus), for the query commands.
    static func queryGraph(graph: String?, corpus: String?, recognition: RecognitionOptions, corpusOptions: CorpusOptions,
                           build: GraphBuildOptions, filter: GraphFilter) throws -> CooccurrenceGraph {
        if let graph {
            guard let g = try readGraphFile(graph) else {
                throw InputError(file: graph, "is not a graph file (its first key must be \"format\": \"actorgraph-graph\")")
            }
            return g.filtered(filter)
        }
        return try self.graph(corpus!, recognition: recognition, corpus: corpusOptions, build: build, filter: filter)
    }

    /// Resolves what the user typed to an actor id, or throws "not found" with the closest names.
    static func actor(_ query: String, in g: CooccurrenceGraph, recognition: RecognitionOptions) throws -> String {
        let lookup = ActorLookup(graph: g, gazetteer: try? recognition.gazetteer())
        if let id = lookup.resolve(query) { return id }
        let close = lookup.suggestions(for: query)
        var message = "no actor named '\(query)' in the graph"
        if !close.isEmpty { message += "; did you mean " + close.map { "'\($0)'" }.joined(separator: ", ") + "?" }
        throw NotFound(description: message)
    }

    /// The graph in `path` when the file is a graph file (told by content, not extension); nil otherwise.
    static func readGraphFile(_ path: String) throws -> CooccurrenceGraph? {
        guard path != "-", !path.hasSuffix(".txt") else { return nil }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else { return nil }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        let head = handle.readData(ofLength: 256)
        try? handle.close()
        guard GraphFile.looksLikeGraph(Array(head)) else { return nil }
        CLI.note("reading graph file \(path)")
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        return try GraphFile.decode(bytes, file: path)
    }

    static func finish(_ report: Corpus.Report, _ input: String) {
        if report.skippedLines > 0 { CLI.warn("\(input): skipped \(report.skippedLines) bad line(s)") }
        if report.documents == 0 { CLI.warn("\(input): the corpus has no documents") }
    }
}
