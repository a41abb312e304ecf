import Testing
@testable import ActorRecognition

/// A small gazetteer written for these specifications.
let specGazetteer = """
country USA = United States
  alias: US; U.S.; United States of America; America
  demonym: American; Americans
  capital: Washington
country QAT = Qatar
  demonym: Qatari; Qataris
  capital: Doha
country AFG = Afghanistan
  alias: Islamic Republic of Afghanistan
  demonym: Afghan; Afghans
  capital: Kabul
country PAK = Pakistan
  demonym: Pakistani
  capital: Islamabad
country TUR = Turkey
  exact: Turkey
country JOR = Jordan
  exact: Jordan
person = Joe Biden
  alias: Biden; Joseph R. Biden
  country: USA
person = Hamdullah Mohib
organization = Taliban
organization = North Atlantic Treaty Organization
  acronym: NATO
organization = United States Central Command
  alias: US Central Command; U.S. Central Command
  acronym: CENTCOM
"""

func recognize(_ text: String, patterns: String = "") -> [Mention] {
    let (g, problems) = GazetteerParser.parse(specGazetteer, file: "spec.gazetteer")
    precondition(problems.isEmpty, "\(problems)")
    let (p, pp) = PatternParser.parse(patterns, file: "spec.patterns")
    precondition(pp.isEmpty, "\(pp)")
    return Recognizer(gazetteer: g, patterns: p).recognize(Document(id: "d", text: DocumentText(text), source: "spec")).mentions
}

func spans(_ text: String, patterns: String = "") -> [String] {
    recognize(text, patterns: patterns).map { "\($0.text)=\($0.actor)" }
}

@Suite("Gazetteer matcher")
struct MatcherTests {
    @Test("the longest alias wins over a shorter one inside it")
    func longestMatch() {
        #expect(spans("The Islamic Republic of Afghanistan said") == ["Islamic Republic of Afghanistan=AFG"])
        #expect(spans("US Central Command reported") == ["US Central Command=organization:united-states-central-command"])
    }

    @Test("short all-capital aliases match with exact case only")
    func shortCapitals() {
        #expect(spans("US troops left") == ["US=USA"])
        #expect(spans("let us go") == [])
        #expect(spans("Nato and NATO") == ["NATO=organization:north-atlantic-treaty-organization"])
    }

    @Test("ordinary names match in any case but need a capital first letter")
    func ordinaryCase() {
        #expect(spans("AFGHANISTAN and Afghanistan") == ["AFGHANISTAN=AFG", "Afghanistan=AFG"])
        #expect(spans("afghanistan") == [])
        #expect(spans("a turkey dinner in Turkey") == ["Turkey=TUR"])
    }

    @Test("a possessive is not part of the mention", arguments: ["Qatar's", "Qatar’s"])
    func possessive(form: String) {
        let m = recognize("\(form) envoy")
        #expect(m.map(\.text) == ["Qatar"])
    }

    @Test("demonyms resolve to their country, also after a hyphen")
    func demonyms() {
        #expect(spans("intra-Afghan talks with Qatari and Americans") == ["Afghan=AFG", "Qatari=QAT", "Americans=USA"])
    }

    @Test("U.S. and US are the same actor; dotted acronym in the gazetteer")
    func dotted() {
        #expect(spans("the U.S. said") == ["U.S.=USA"])
    }

    @Test("overlapping aliases: the later declared one wins a tie of equal length")
    func overrides() {
        var (g, _) = GazetteerParser.parse(specGazetteer, file: "a")
        let (ext, problems) = GazetteerParser.parse("person = Michael Jordan\n  alias: Jordan\n", file: "b")
        #expect(problems.isEmpty)
        g.merge(ext)
        let m = Recognizer(gazetteer: g).recognize(Document(id: "d", text: DocumentText("Jordan scored"), source: "t")).mentions
        #expect(m.map(\.actor) == ["person:michael-jordan"])
    }

    @Test("capitals count only where they stand for the government")
    func metonymy() {
        #expect(spans("Washington credits Islamabad for its help.") == ["Washington=USA", "Islamabad=PAK"])
        #expect(spans("Doha’s Special Envoy met them.") == ["Doha=QAT"])
        #expect(spans("the deal Washington signed") == ["Washington=USA"])
        #expect(spans("talks in Doha ended. A visit to Kabul.") == [])
        #expect(spans("ISLAMABAD – Talks resume") == [])
        #expect(spans("the Qatari capital, Doha.") == ["Qatari=QAT"])
    }

    @Test("a later surname links to the full person named in the document")
    func coreference() {
        #expect(spans("Hamdullah Mohib spoke. Later Mohib left.") ==
                ["Hamdullah Mohib=person:hamdullah-mohib", "Mohib=person:hamdullah-mohib"])
    }
}

@Suite("Code-point offsets")
struct OffsetTests {
    @Test("offsets count code points, not bytes or characters", arguments: [
        "A\r\nB\r\nQatar",                    // CRLF
        "Cafe\u{301} Qatar",                  // e + combining acute
        "👍🏽👨‍👩‍👧 Qatar",                    // emoji with modifier and ZWJ sequence
        "الدوحة قطر Qatar",                   // Arabic script
        "\u{FEFF}Qatar",                      // byte-order mark stays at code point 0
    ])
    func slices(text: String) {
        let m = recognize(text)
        #expect(m.count == 1)
        let scalars = Array(text.unicodeScalars)
        let slice = String(String.UnicodeScalarView(scalars[m[0].start..<m[0].end]))
        #expect(slice == "Qatar")
        #expect(m[0].text == "Qatar")
    }

    @Test("invalid UTF-8 becomes one U+FFFD per byte and offsets stay consistent")
    func invalidBytes() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x20] + Array("Qatar".utf8)
        let text = DocumentText(utf8: bytes)
        #expect(text.firstInvalidByteOffset == 0)
        #expect(Array(text.string.unicodeScalars).count == 8)
        let (g, _) = GazetteerParser.parse(specGazetteer, file: "spec")
        let m = Recognizer(gazetteer: g).recognize(Document(id: "d", text: text, source: "t")).mentions
        #expect(m.map(\.start) == [3])
    }
}

@Suite("Gazetteer format")
struct GazetteerFormatTests {
    @Test("problems are reported with line and column", arguments: [
        ("country Qatar\n", 1, "no '='"),
        ("country = Qatar\n", 1, "ISO 3166-1 alpha-3"),
        ("planet X = Mars\n", 1, "unknown actor type"),
        ("person = A B\n  colour: red\n", 2, "unknown key"),
        ("  alias: x\n", 1, "must follow an entry header"),
        ("person = A B\n  role: Envoy | 2021-02-30 |\n", 2, "not a real day"),
        ("person = A B\n  alias: x;;y\n", 2, "empty item"),
    ])
    func problems(text: String, line: Int, message: String) {
        let (_, problems) = GazetteerParser.parse(text, file: "bad.gazetteer")
        #expect(problems.first?.line == line)
        #expect(problems.first?.description.contains(message) == true, "\(problems)")
        #expect(problems.first?.description.hasPrefix("bad.gazetteer:\(line):") == true)
    }

    @Test("the effective gazetteer prints back to the same actors and aliases")
    func roundTrip() {
        let (g, _) = GazetteerParser.parse(specGazetteer, file: "spec")
        let (again, problems) = GazetteerParser.parse(GazetteerWriter.text(of: g), file: "printed")
        #expect(problems.isEmpty)
        #expect(again.actors == g.actors)
        #expect(again.aliases.map { [$0.text, $0.kind.rawValue, "\($0.exactCase)", "\($0.actor)"] }
                == g.aliases.map { [$0.text, $0.kind.rawValue, "\($0.exactCase)", "\($0.actor)"] })
    }

    @Test("the bundled default gazetteer and patterns parse without problems")
    func defaults() throws {
        let g = try RecognitionResources.defaultGazetteer()
        #expect(g.actors.filter { $0.type == .country }.count >= 193)
        let p = try RecognitionResources.defaultPatterns()
        #expect(p.count > 0)
    }
}

@Suite("Patterns")
struct PatternTests {
    let patterns = """
    list title = President; Mr.; spokesman
    list foreignministry = foreign ministry
    pattern person-after-title -> person
      match: @title [ Cap ( Cap )* ]
    pattern foreign-ministry -> organization
      match: [ $country:c 's? @foreignministry ]
      name: Ministry of Foreign Affairs of {c}
    """

    @Test("a title is not part of the person's span")
    func title() {
        #expect(spans("Taliban spokesman Mohammad Naeem said", patterns: patterns) ==
                ["Taliban=organization:taliban", "Mohammad Naeem=person:mohammad-naeem"])
    }

    @Test("a country's foreign ministry is one canonical organization")
    func ministry() {
        #expect(spans("Qatar’s foreign ministry said", patterns: patterns) ==
                ["Qatar’s foreign ministry=organization:ministry-of-foreign-affairs-of-qatar"])
    }

    @Test("a pattern name resolves to the gazetteer actor of that name")
    func resolvesToGazetteer() {
        #expect(spans("President Joe Biden", patterns: patterns) == ["Joe Biden=person:joe-biden"])
    }

    @Test("a pattern that needs numbers still matches wherever its line holds enough of them")
    func numberAnchors() {
        // Every match holds three numbers, or two when it takes the "x" branch.
        let standings = """
        pattern standings -> organization
          match: [ Cap ( Cap )* ] Number ( "-" Number | Number ) ( Number | "x" )
        """
        #expect(spans("Leeds United 10 4 2", patterns: standings) == ["Leeds United=organization:leeds-united"])
        #expect(spans("Leeds United 10 - 4 2", patterns: standings) == ["Leeds United=organization:leeds-united"])
        #expect(spans("Leeds United 10 4 x", patterns: standings) == ["Leeds United=organization:leeds-united"])
        #expect(spans("Leeds United 10 4\n2", patterns: standings) == [])
        #expect(spans("Leeds United 10 and 4", patterns: standings) == [])
    }

    @Test("alternatives of one-token tests match a token that passes any of them")
    func tokenClasses() {
        let company = """
        list stop = The
        pattern company -> organization
          match: [ ( Cap!@stop | Upper | "&" | 's )+ "Ltd" ]
        """
        #expect(spans("Smith & JONES Ltd", patterns: company) == ["Smith & JONES Ltd=organization:smith-jones-ltd"])
        #expect(spans("The Smith Ltd", patterns: company) == ["Smith Ltd=organization:smith-ltd"])
        #expect(spans("THE Smith Ltd", patterns: company) == ["THE Smith Ltd=organization:the-smith-ltd"])
        #expect(spans("Smith's Ltd", patterns: company) == ["Smith's Ltd=organization:smiths-ltd"])
        #expect(spans("smith & jones Ltd", patterns: company) == [])
    }

    @Test("words with the same role in every pattern share one class, other words have their own")
    func wordClasses() {
        let (set, problems) = PatternParser.parse("""
        list title = President; Minister
        pattern after-title -> person
          match: @title [ Cap ]
        pattern company -> organization
          match: [ Cap ] "Ltd"
        """, file: "t.patterns")
        #expect(problems.isEmpty)
        var vocabulary = TokenVocabulary()
        let compiled = set.compiled(against: Gazetteer(), vocabulary: &vocabulary)
        let classes = compiled.wordClasses.classOfWord.buffer
        func classOf(_ word: String) -> UInt32 { classes[Int(vocabulary.intern(Array(word.utf8)))] }
        #expect(classOf("president") == classOf("minister"))
        #expect(classOf("president") != 0)
        #expect(classOf("ltd") != 0 && classOf("ltd") != classOf("president"))
    }

    @Test("syntax errors name line and column", arguments: [
        ("pattern p -> person\n  match: ( Cap\n", "never closed"),
        ("pattern p -> person\n  match: Foo\n", "unknown element 'Foo'"),
        ("pattern p -> thing\n  match: Cap\n", "unknown actor type"),
        ("pattern p -> person\n  match: @nolist Cap\n", "not defined"),
        ("pattern p -> person\n  match: $planet\n", "unknown gazetteer class"),
    ])
    func syntaxErrors(text: String, message: String) {
        let (_, problems) = PatternParser.parse(text, file: "bad.patterns")
        #expect(problems.first?.description.contains(message) == true, "\(problems)")
        #expect(problems.first?.description.hasPrefix("bad.patterns:") == true)
    }
}
