import Testing
@testable import ActorRecognition

@Suite("Gazetteer parser and model")
struct GazetteerParserTests {
    // The value column pointed at the space after ':' (one character early).
    @Test("a value's problem points at the value's first character", arguments: [
        ("person = A\n  alias: a;;b\n", "2:10"),
        ("person = A\n  alias:   a;;b\n", "2:12"),
        ("person = A\n\talias:\ta;;b\n", "2:9"),
        ("person = A\n  role: Chief | 2021-02-30\n", "2:9"),
        ("person = A\n  alias:\n", "2:9"),          // no value: just after the ':'
        ("person = A\n  alias:   \r\n", "2:9"),
        ("country QAT = Qatar\nperson = A\n  country: Qatar\n", "3:12"),
    ])
    func valueColumn(text: String, place: String) {
        let (_, problems) = GazetteerParser.parse(text, file: "x")
        #expect(problems.first.map { "\($0.line!):\($0.column!)" } == place, "\(problems)")
    }

    @Test("columns count code points: an accent, a combining mark, an emoji and a tab are one column each; a BOM none")
    func codePointColumns() {
        let cases: [(String, String)] = [
            ("person Café b c = X\n", "1:13"),
            ("person Cafe\u{301} b c = X\n", "1:14"),
            ("person 👍🏽 b c = X\n", "1:11"),
            ("\u{FEFF}person a b c = X\n", "1:10"),
            ("person = Ünal\n  alias: Ü;;x\n", "2:10"),
        ]
        for (text, place) in cases {
            let (_, problems) = GazetteerParser.parse(text, file: "x")
            #expect(problems.first.map { "\($0.line!):\($0.column!)" } == place, "\(text.debugDescription): \(problems)")
        }
    }

    @Test("every alias's origin is its entry's header line, in CRLF files too")
    func origins() {
        let (g, problems) = GazetteerParser.parse("# c\r\nperson = A\r\n  alias: B; C\r\n\r\nperson = D\r\n  alias: E\r\n", file: "dir/x.gazetteer")
        #expect(problems.isEmpty)
        #expect(g.aliases.map(\.origin) == ["dir/x.gazetteer:2", "dir/x.gazetteer:2", "dir/x.gazetteer:2", "dir/x.gazetteer:5", "dir/x.gazetteer:5"])
    }

    @Test("add keeps the origin text it is given")
    func addOrigin() {
        var g = Gazetteer()
        for origin in ["f:3", "f", "a:b:12", "f:0", "f:07", "f:", ""] {
            g.add(Actor(id: "x\(origin)", name: "X", type: .person), aliases: [("X", .name, false)], origin: origin)
            #expect(g.aliases.last?.origin == origin)
        }
    }

    @Test("a repeated id is a problem, and the later entry replaces the earlier in its place with only its own aliases")
    func repeatedID() {
        let text = "person p = A\n  alias: A1\nperson q = B\nperson p = C\n  alias: C1\nperson p = D\n"
        let (g, problems) = GazetteerParser.parse(text, file: "x")
        #expect(problems.map(\.description) == ["x:4:1: the id 'p' is already used by the entry on line 1",
                                                 "x:6:1: the id 'p' is already used by the entry on line 4"])
        #expect(g.actors.map(\.name) == ["D", "B"])
        #expect(g.aliases.map(\.text) == ["B", "D"])
        #expect(g.actor(id: "p")?.name == "D")
    }

    @Test("merge: new actors follow, a known id is replaced in place, and the extension's aliases come last")
    func merge() {
        var (g, _) = GazetteerParser.parse("person p = A\n  alias: A1\nperson q = B\n", file: "base")
        let (ext, _) = GazetteerParser.parse("person r = R\nperson p = P\n  alias: B\n", file: "ext")
        g.merge(ext)
        #expect(g.actors.map(\.name) == ["P", "B", "R"])
        #expect(g.aliases.map { "\($0.text)@\($0.actor)@\($0.origin)" } == ["B@1@base:3", "R@2@ext:1", "P@0@ext:2", "B@0@ext:2"])
        #expect(g.actor(id: "r")?.name == "R" && g.actor(id: "q")?.name == "B")
        var empty = Gazetteer()
        empty.merge(ext)
        #expect(empty.actors == ext.actors && empty.aliases == ext.aliases)
    }

    @Test("the id index finds every actor of a large gazetteer, and ids that differ only by normalization are one id")
    func index() {
        var g = Gazetteer()
        for k in 0..<5000 { g.add(Actor(id: "id\(k)", name: "N", type: .person), aliases: [], origin: "f:1") }
        #expect((0..<5000).allSatisfy { g.actor(id: "id\($0)") != nil })
        #expect(g.actor(id: "id5000") == nil)
        g.add(Actor(id: "caf\u{E9}", name: "A", type: .person), aliases: [], origin: "f:1")
        g.add(Actor(id: "cafe\u{301}", name: "B", type: .person), aliases: [], origin: "f:2")
        #expect(g.actors.count == 5001 && g.actor(id: "caf\u{E9}")?.name == "B")
    }

    // The parser skips the tokenizer for an alias that starts with an ASCII character other than a space.
    @Test("every ASCII character but a space makes a token, so such an alias always has one")
    func asciiTokens() {
        for c in UInt8(0x21)..<0x7F {
            #expect(!Tokenizer.tokenize([c]).isEmpty, "\(c)")
        }
    }

    @Test("slugs of ASCII names (the byte loop) are those of the general loop")
    func asciiSlug() {
        #expect(Actor.slug("O'Brien  Jr. -- 2nd") == "obrien-jr-2nd")
        #expect(Actor.slug("  --Joe Biden!") == "joe-biden")
        #expect(Actor.slug("") == "" && Actor.slug("'!") == "")
        #expect(Actor.derivedID(type: .organization, name: "North Atlantic Treaty Organization") == "organization:north-atlantic-treaty-organization")
        #expect(Actor.slug("Ünal O’Brien") == "unal-obrien")
    }
}
