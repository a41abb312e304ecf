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

    @Test("a company suffix's period belongs to the name unless it ends the sentence")
    func suffixPeriod() {
        let m = recognize("Banc One Corp., the bank, agreed. They sold Lear Corp.", patterns: patterns)
        #expect(m.map(\.text) == ["Banc One Corp.", "Lear Corp"])
    }
}
