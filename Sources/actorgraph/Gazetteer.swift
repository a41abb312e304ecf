import ArgumentParser
import ActorRecognition

extension ActorGraphCommand {
    /// `actorgraph gazetteer`: inspect and check gazetteers.
    struct GazetteerCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gazetteer",
            abstract: "Export or check gazetteers.",
            subcommands: [ExportGazetteer.self, Lint.self])
    }

    struct ExportGazetteer: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Print the effective gazetteer (defaults plus extensions).")

        @Flag(help: "Print one alias per line (alias, actor id, type, kind) instead of the gazetteer format.")
        var aliases = false

        @OptionGroup var recognition: RecognitionOptions

        func run() throws {
            try CLI.run {
                let g = try recognition.gazetteer()
                if aliases {
                    StandardOutput.shared.write("alias\tactor\ttype\tkind\n")
                    for a in g.aliases {
                        let actor = g.actors[a.actor]
                        StandardOutput.shared.write("\(a.text)\t\(actor.id)\t\(actor.type.rawValue)\t\(a.kind.rawValue)\n")
                    }
                } else {
                    StandardOutput.shared.write(GazetteerWriter.text(of: g))
                }
            }
        }
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check gazetteer or pattern files; print each problem as FILE:LINE:COLUMN: message.")

        @Argument(help: "Gazetteer files (.gazetteer) or pattern files (.patterns).")
        var files: [String]

        func run() throws {
            try CLI.run {
                var count = 0
                for file in files {
                    let text = try RecognitionResources.text(of: file)
                    let problems = file.hasSuffix(".patterns") ? PatternParser.parse(text, file: file).1 : GazetteerParser.parse(text, file: file).1
                    for p in problems { StandardOutput.shared.write(p.description + "\n") }
                    count += problems.count
                }
                StandardOutput.shared.flush()
                if count > 0 {
                    CLI.printError("\(count) problem(s) found")
                    throw ExitCode(1)
                }
            }
        }
    }
}
