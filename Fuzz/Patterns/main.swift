// Fuzz target: the pattern parser and matcher. Any bytes give problems (each with a line and column inside
// the file) or a pattern set; a good pattern set must compile against a small gazetteer and match a fixed
// text, and the input itself, without crashing and within the extract contract.
import ActorRecognition

let gazetteerText = """
country QAT = Qatar
  demonym: Qatari
  capital: Doha
country USA = United States
  alias: US; U.S.
  demonym: American
organization org:nato = North Atlantic Treaty Organization
  acronym: NATO
person person:joe-biden = Joe Biden
  alias: Biden
"""
let (gazetteer, gazetteerProblems) = GazetteerParser.parse(gazetteerText, file: "fuzz.gazetteer")
check(gazetteerProblems.isEmpty, "the embedded gazetteer has problems: \(gazetteerProblems)")
let sample = DocumentText("""
Qatar's foreign ministry said U.S. envoy Zalmay Khalilzad, 70, met Mr. John F. Smith-Jones and Gen. Austin Scott Miller in Doha.
Mansfield 0 Rochdale 2. The Qatari Embassy of the United States & Co Ltd said "NATO's chief" told Reuters.
""")

runFuzzer { data in
    let text = String(decoding: Array(data), as: UTF8.self)
    let lines = Array(data).split(separator: 0x0A, omittingEmptySubsequences: false).count
    let (set, problems) = PatternParser.parse(text, file: "fuzz.patterns")
    for p in problems {
        check(p.file == "fuzz.patterns", "a problem names \(p.file): \(p)")
        check(!p.message.isEmpty, "a problem without a message")
        if let l = p.line { check(l >= 1 && l <= lines, "a problem on line \(l) of \(lines): \(p)") }
        if let c = p.column { check(c >= 1 && p.line != nil, "a problem at column \(c): \(p)") }
    }
    guard problems.isEmpty else { return }
    check(set.names.count == set.count, "pattern names and count disagree")
    let recognizer = Recognizer(gazetteer: gazetteer, patterns: set)
    for doc in [sample, DocumentText(utf8: Array(data))] {
        let scalars = Array(doc.string.unicodeScalars)
        let result = recognizer.recognize(Document(id: "sample", text: doc, source: "sample"))
        var lastEnd = 0
        for m in result.mentions {
            check(m.start >= lastEnd && m.start < m.end && m.end <= scalars.count, "mention \(m.start)..<\(m.end) out of order or bounds")
            check(String(String.UnicodeScalarView(scalars[m.start..<m.end])) == m.text, "mention slice differs from its text")
            check(!m.name.isEmpty && !m.actor.isEmpty, "a mention without a name or actor")
            lastEnd = m.end
        }
    }
}
