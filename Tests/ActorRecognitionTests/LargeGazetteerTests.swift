import Testing
@testable import ActorRecognition

/// A gazetteer big enough to span several `AliasBatch`es, with every kind of alias word in every batch:
/// short and long (more than eight bytes) words, accented and curly-quoted ones, and exact-case acronyms.
private func largeGazetteer(actors: Int) -> (text: String, names: [String], acronyms: [String]) {
    let syllables = ["ka", "zo", "mi", "ler", "vant", "su", "rho", "dal", "ë", "tor", "quin", "ab"]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int(truncatingIfNeeded: state >> 33) % n
    }
    func word() -> String {
        let w = (0..<(1 + next(5))).map { _ in syllables[next(syllables.count)] }.joined()
        return w.prefix(1).uppercased() + w.dropFirst()
    }
    var text = "", names: [String] = [], acronyms: [String] = []
    for k in 0..<actors {
        let name = "\(word()) \(word()) \(word())\(k % 7 == 0 ? "’s Front" : "")"
        names.append(name)
        text += "organization org\(k) = \(name)\n"
        if k % 50 == 0 {
            // "Q" and k in base 26 written with the letters A-Z: unique, all capitals.
            var acronym = "", n = k
            repeat {
                acronym = String(UnicodeScalar(UInt8(ascii: "A") + UInt8(n % 26))) + acronym
                n /= 26
            } while n > 0
            acronym = "Q" + acronym
            acronyms.append(acronym)
            text += "  acronym: \(acronym)\n"
        }
    }
    return (text, names, acronyms)
}

@Suite("Large gazetteers")
struct LargeGazetteerTests {
    @Test("a gazetteer of several alias batches is matched the same when built on one thread and on two")
    func batchesAndThreads() throws {
        let (text, names, acronyms) = largeGazetteer(actors: 3 * AliasBatch.size + 100)
        let (g, problems) = GazetteerParser.parse(text, file: "large.gazetteer")
        #expect(problems.isEmpty, "\(problems.prefix(3))")
        #expect(g.aliases.count > 3 * AliasBatch.size)
        let one = Recognizer(gazetteer: g, jobs: 1), two = Recognizer(gazetteer: g, jobs: 2)
        // Names from every batch, the acronyms as written and in a case they must not match in.
        let picked = stride(from: 0, to: names.count, by: 97).map { names[$0] }
        let sentences = picked.map { "Officials of \($0) met on Monday." }
            + acronyms.map { "The \($0) said so, not the \($0.lowercased().capitalized)." }
        let document = Document(id: "d", text: DocumentText(sentences.joined(separator: " ")), source: "t")
        let a = one.recognize(document).mentions, b = two.recognize(document).mentions
        #expect(a.map { "\($0.start) \($0.end) \($0.actor)" } == b.map { "\($0.start) \($0.end) \($0.actor)" })
        #expect(one.matcher.lookup.count == two.matcher.lookup.count)
        // Every picked name is found whole, and every acronym once: as written, not in the other case.
        let found = Set(a.map(\.text))
        for name in picked { #expect(found.contains(name), "\(name)") }
        for acronym in acronyms { #expect(a.filter { $0.text == acronym }.count == 1, "\(acronym)") }
        #expect(!a.contains { $0.text == acronyms.last!.lowercased().capitalized })
    }
}
