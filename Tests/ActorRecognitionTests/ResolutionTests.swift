import Testing
@testable import ActorRecognition

@Suite("Resolution passes")
struct ResolutionTests {
    let patterns = """
    list orghead = Inc; Corp; Co; SA; Ministry; Command
    list foreignministry = foreign ministry
    pattern capitalised-org -> organization
      match: [ Cap ( Cap )* @orghead ]
    pattern foreign-ministry -> organization
      match: [ $country:c 's? @foreignministry ]
      name: Ministry of Foreign Affairs of {c}
    """

    @Test("an acronym defined in brackets names the same actor for the rest of the document")
    func acronymDefinition() {
        let m = recognize("Qatar’s foreign ministry [MOFA] said so. Later MOFA denied it.", patterns: patterns)
        #expect(m.map(\.text) == ["Qatar’s foreign ministry", "MOFA", "MOFA"])
        #expect(Set(m.map(\.actor)).count == 1)
    }

    @Test("a phrase whose initials spell the bracketed acronym is an organization")
    func acronymPhrase() {
        let m = recognize("Members of the Rally for the Return of Refugees (RRR) met. The RRR said no.")
        #expect(m.map(\.text) == ["Rally for the Return of Refugees", "RRR", "RRR"])
        #expect(m.allSatisfy { $0.type == .organization && $0.actor == "organization:rally-for-the-return-of-refugees" })
    }

    @Test("a bracketed word that the initials do not spell is left alone")
    func unrelatedBrackets() {
        #expect(recognize("Shares of Big Blue Widgets (XYZ) rose.").isEmpty)
    }

    @Test("a company named with its suffix is meant by its short name elsewhere")
    func shortNames() {
        let m = recognize("Cofinec SA said profits fell. Cofinec shares dropped.", patterns: patterns)
        #expect(m.map(\.text) == ["Cofinec SA", "Cofinec"])
        #expect(m[0].actor == m[1].actor)
    }

    /// A made-up capitalized word for each number: "Bacad", "Bacaf", … (letters only, all different).
    static func word(_ k: Int, _ salt: Int) -> String {
        let consonants = Array("bcdfghjklmnprstvz"), vowels = Array("aeiou")
        var n = k * 7 + salt, out = ""
        for _ in 0..<3 { out.append(consonants[n % consonants.count]); n /= consonants.count; out.append(vowels[n % vowels.count]); n /= vowels.count }
        return out.prefix(1).uppercased() + out.dropFirst() + String(consonants[k % consonants.count])
    }

    @Test("in a document naming hundreds of people, each later surname links to its own person")
    func manyPeople() throws {
        let people = (0..<400).map { (Self.word($0, 1), Self.word($0, 2)) }
        let gazetteer = people.map { "person = \($0.0) \($0.1)" }.joined(separator: "\n")
        let (g, problems) = GazetteerParser.parse(gazetteer, file: "many.gazetteer")
        try #require(problems.isEmpty)
        let text = people.map { "\($0.0) \($0.1) arrived." }.joined(separator: " ") + "\n"
            + people.reversed().map { "Later \($0.1) spoke." }.joined(separator: " ")
        let m = Recognizer(gazetteer: g).recognize(Document(id: "d", text: DocumentText(text), source: "spec")).mentions
        #expect(m.count == 2 * people.count)
        // The surnames that did not come out linked to their own person (none should).
        let unlinked = zip(m.suffix(people.count), people.reversed()).filter { mention, person in
            mention.text != person.1 || mention.actor != Actor.derivedID(type: .person, name: "\(person.0) \(person.1)")
        }.map { $0.1.1 }
        #expect(unlinked == [])
    }

    @Test("in a document naming hundreds of companies, each later short name links to its own company")
    func manyCompanies() {
        let names = (0..<400).map { Self.word($0, 3) }
        let text = names.map { "\($0) Corp reported." }.joined(separator: " ") + "\n"
            + names.reversed().map { "Shares of \($0) fell." }.joined(separator: " ")
        let m = recognize(text, patterns: patterns)
        #expect(m.count == 2 * names.count)
        // The short names that did not come out linked to their own company (none should).
        let unlinked = zip(m.suffix(names.count), zip(names.reversed(), m.prefix(names.count).reversed())).filter { short, expected in
            short.text != expected.0 || short.actor != expected.1.actor
        }.map { $0.1.0 }
        #expect(unlinked == [])
    }

    @Test("a company suffix's period belongs to the name unless it ends the sentence")
    func suffixPeriod() {
        let m = recognize("Banc One Corp., the bank, agreed. They sold Lear Corp.", patterns: patterns)
        #expect(m.map(\.text) == ["Banc One Corp.", "Lear Corp"])
    }
}
