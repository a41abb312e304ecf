// Fuzz target: text -> tokens, sentences, mentions. Any bytes are a document (invalid UTF-8 is repaired);
// the invariants are the extract contract's: code-point offsets within the text, slices equal to the
// mention text, mentions sorted and non-overlapping, sentence ranges ordered and inside the text.
import ActorRecognition

/// A small gazetteer of every kind of entry (the bundled default is not available in the fuzz build).
let gazetteerText = """
country QAT = Qatar
  alias: State of Qatar
  demonym: Qatari; Qataris
  capital: Doha
country AFG = Afghanistan
  demonym: Afghan; Afghans
  capital: Kabul
country USA = United States
  alias: US; U.S.; USA; United States of America; America
  demonym: American; Americans
  capital: Washington
country PAK = Pakistan
  demonym: Pakistani
  capital: Islamabad
country RUS = Russia
  alias: Russian Federation
  demonym: Russian; Russians
  capital: Moscow
country TUR = Türkiye
  alias: Turkey
  exact: Turkey
  demonym: Turkish; Turk
  capital: Ankara
organization org:nato = North Atlantic Treaty Organization
  acronym: NATO
  alias: the Alliance
organization org:taliban = Taliban
  alias: Islamic Emirate of Afghanistan
organization org:un = United Nations
  acronym: UN; U.N.
person person:joe-biden = Joe Biden
  alias: Biden; President Biden
  country: USA
  role: President of the United States | 2021-01-20 |
person person:zalmay-khalilzad = Zalmay Khalilzad
  alias: Khalilzad
  country: USA
  role: Special Representative for Afghanistan Reconciliation | 2018-09-04 | 2021-10-18
person = Ashraf Ghani
  alias: Ghani
  country: AFG
person = Иван Петров
  alias: Петров
person = محمد عبد الله
"""

let (gazetteer, gazetteerProblems) = GazetteerParser.parse(gazetteerText, file: "fuzz.gazetteer")
check(gazetteerProblems.isEmpty, "the embedded gazetteer has problems: \(gazetteerProblems)")
// The default patterns, embedded by scripts/fuzz.sh at build time (EmbeddedPatterns.swift).
let (patterns, patternProblems) = PatternParser.parse(embeddedDefaultPatterns, file: "default.patterns")
check(patternProblems.isEmpty, "the embedded patterns have problems: \(patternProblems)")
let recognizer = Recognizer(gazetteer: gazetteer, patterns: patterns)

/// Whether `i` is at a code-point boundary of valid UTF-8.
func isBoundary(_ bytes: [UInt8], _ i: Int) -> Bool { i == bytes.count || (i < bytes.count && bytes[i] & 0xC0 != 0x80) }

runFuzzer { data in
    let raw = Array(data)
    let text = DocumentText(utf8: raw)
    let bytes = text.bytes
    // Repair: valid UTF-8 comes out, unchanged when it went in valid; each invalid byte is one U+FFFD.
    check(DocumentText(utf8: bytes).firstInvalidByteOffset == nil, "repaired text is still invalid UTF-8")
    if text.firstInvalidByteOffset == nil { check(bytes == raw, "valid UTF-8 was changed") }
    let scalars = Array(text.string.unicodeScalars)
    // (Not String(decoding:): it turns a cut-short sequence into one U+FFFD; DECISIONS.md wants one per byte.)
    if let bad = text.firstInvalidByteOffset {
        check(Array(bytes[..<bad]) == Array(raw[..<bad]) && bytes[bad..<(bad + 3)].elementsEqual([0xEF, 0xBF, 0xBD]),
              "the text before the first invalid byte changed, or that byte is not U+FFFD")
    }
    _ = Document.dateLine(in: raw)

    // Tokens: non-empty, in order, not overlapping, on code-point boundaries.
    let tokens = Tokenizer.tokenize(bytes)
    var previousEnd = 0
    for t in tokens {
        check(t.start >= previousEnd && t.start < t.end && Int(t.end) <= bytes.count, "token \(t.range) out of order or bounds")
        check(isBoundary(bytes, Int(t.start)) && isBoundary(bytes, Int(t.end)), "token \(t.range) splits a code point")
        previousEnd = Int(t.end)
    }

    let result = recognizer.recognize(Document(id: "fuzz", text: text, source: "fuzz"))

    // Sentences: ordered, non-empty, disjoint, inside the text, on code-point boundaries, the splitter's own.
    check(result.sentences == SentenceSplitter.sentences(bytes), "recognizer and splitter disagree on sentences")
    check(result.paragraphOfSentence.count == result.sentences.count, "one paragraph index per sentence")
    var lastEnd = 0
    for (k, s) in result.sentences.enumerated() {
        check(s.lowerBound >= lastEnd && s.lowerBound < s.upperBound && s.upperBound <= bytes.count, "sentence \(k) \(s) out of order or bounds")
        check(isBoundary(bytes, s.lowerBound) && isBoundary(bytes, s.upperBound), "sentence \(k) \(s) splits a code point")
        check(!bytes[s].contains(0x0A), "sentence \(k) spans a line break")
        if k > 0 { check(result.paragraphOfSentence[k] >= result.paragraphOfSentence[k - 1], "paragraph indices go back") }
        _ = result.sentenceText(k)
        lastEnd = s.upperBound
    }

    // Mentions: offsets within the text, slices equal the text, sorted, non-overlapping, resolvable.
    var previous: Mention?
    for m in result.mentions {
        check(m.start >= 0 && m.start < m.end && m.end <= scalars.count, "mention \(m.start)..<\(m.end) out of bounds (\(scalars.count) code points)")
        let slice = String(String.UnicodeScalarView(scalars[m.start..<m.end]))
        check(slice == m.text, "mention slice \(slice.debugDescription) != text \(m.text.debugDescription)")
        check(m.byteRange.lowerBound >= 0 && m.byteRange.upperBound <= bytes.count, "mention bytes out of bounds")
        check(String(decoding: bytes[m.byteRange], as: UTF8.self) == m.text, "mention bytes differ from its text")
        check(String(decoding: bytes[..<m.byteRange.lowerBound], as: UTF8.self).unicodeScalars.count == m.start,
              "mention start \(m.start) is not the code-point offset of byte \(m.byteRange.lowerBound)")
        check(m.text.unicodeScalars.first != "\u{FEFF}" && m.text.unicodeScalars.last != "\u{FEFF}", "a mention starts or ends with a byte-order mark")
        if let p = previous { check(p.end <= m.start && p.tokens.upperBound <= m.tokens.lowerBound, "mentions overlap or are unsorted") }
        check(m.tokens.lowerBound >= 0 && m.tokens.upperBound <= tokens.count && !m.tokens.isEmpty, "mention token range out of bounds")
        check(result.sentences.isEmpty ? m.sentence == 0 : result.sentences.indices.contains(m.sentence), "mention sentence index out of range")
        check(!m.actor.isEmpty && !m.name.isEmpty, "mention without an actor")
        check(result.actors.count == result.actorIDs.count && result.actorIDs.indices.contains(m.actorIndex)
                && result.actorIDs[m.actorIndex] == m.actor && result.actors[m.actorIndex].id == m.actor
                && result.actors[m.actorIndex].type == m.type, "mention actor \(m.actor) is missing from the document's actors")
        previous = m
    }
}
