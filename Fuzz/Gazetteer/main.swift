// Fuzz target: the gazetteer parser. Any bytes give problems (each with a line and column inside the file)
// or a gazetteer; a gazetteer written back by GazetteerWriter must read back to the same actors and
// aliases, and writing that again must give the same text. A good gazetteer must also build a matcher
// that recognizes a fixed text without crashing.
import ActorRecognition

let sample = DocumentText("Qatar's foreign ministry said the U.S. envoy met Afghan officials in Doha; NATO and Mr. Smith agreed.\nUS-Taliban talks.")

/// What an actor is called, for comparison (origins, which name lines, differ between the two texts).
func aliases(of g: Gazetteer) -> [String: [String]] {
    var out: [String: [String]] = [:]
    for a in g.aliases { out[g.actors[a.actor].id, default: []].append("\(a.kind.rawValue)|\(a.exactCase)|\(a.text)") }
    return out.mapValues { $0.sorted() }
}

func checkProblems(_ problems: [InputError], lines: Int, file: String) {
    for p in problems {
        check(p.file == file, "a problem names \(p.file), not \(file)")
        check(!p.message.isEmpty, "a problem without a message")
        if let l = p.line { check(l >= 1 && l <= lines, "a problem on line \(l) of \(lines): \(p)") }
        if let c = p.column { check(c >= 1 && p.line != nil, "a problem at column \(c): \(p)") }
    }
}

runFuzzer { data in
    let text = String(decoding: Array(data), as: UTF8.self)
    let lines = Array(data).split(separator: 0x0A, omittingEmptySubsequences: false).count
    let (g, problems) = GazetteerParser.parse(text, file: "fuzz.gazetteer")
    checkProblems(problems, lines: lines, file: "fuzz.gazetteer")
    guard problems.isEmpty else { return }

    let written = GazetteerWriter.text(of: g)
    let (g2, problems2) = GazetteerParser.parse(written, file: "written.gazetteer")
    check(problems2.isEmpty, "the written gazetteer has problems: \(problems2)\n--- input\n\(text.debugDescription)\n--- written\n\(written)")
    check(g.actors == g2.actors, "actors changed in the round trip:\n\(g.actors)\n\(g2.actors)\n--- written\n\(written)")
    check(aliases(of: g) == aliases(of: g2), "aliases changed in the round trip:\n\(aliases(of: g))\n\(aliases(of: g2))\n--- written\n\(written)")
    check(GazetteerWriter.text(of: g2) == written, "writing the read-back gazetteer gives other text")

    var merged = Gazetteer()
    merged.merge(g)
    check(merged.actors == g.actors, "merging into an empty gazetteer changed the actors")
    let recognizer = Recognizer(gazetteer: g)
    let result = recognizer.recognize(Document(id: "sample", text: sample, source: "sample"))
    for m in result.mentions { check(g.actor(id: m.actor) != nil, "a mention of \(m.actor), which is not in the gazetteer") }
}
