import ArgumentParser

@main
struct ActorGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actorgraph",
        abstract: "Turn news text into a graph of who deals with whom.",
        discussion: """
        A corpus is a folder of .txt files, a .txt file, a JSON Lines file ({"id","text","date"}) or '-' for \
        JSON Lines on standard input. A graph file written by 'build' can stand in for a corpus.
        Exit status: 0 success, 1 bad input or I/O, 2 actor not found, 64 usage, 130/143 interrupted.
        """,
        version: "0.1.0",
        subcommands: [Extract.self, Build.self, Render.self, Export.self, Neighbors.self, EvidenceCommand.self, PathCommand.self,
                      Ego.self, Timeline.self, Diff.self, Merge.self, Stats.self, GazetteerCommand.self]
    )
}
