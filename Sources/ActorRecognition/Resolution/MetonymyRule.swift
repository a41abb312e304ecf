/// Decides whether a capital city stands for its country's government ("Washington credits Islamabad",
/// "Doha's Special Envoy") or is only a place ("talks in Doha", an "ISLAMABAD –" dateline).
///
/// A capital is a mention when a verb of saying or doing follows it, or when it is a possessor of something
/// other than a place noun; it is never one after a place preposition or in a dateline.
enum MetonymyRule {
    static let placeWords: [String] = [
        "in", "to", "from", "at", "into", "near", "for", "via", "outside", "around", "across", "toward", "towards",
        "through", "between", "within", "inside", "visit", "visited", "visiting", "left", "reached", "arrived",
        "landed", "flew", "fled", "capital", "city", "of", "over", "above", "below", "entered", "leave", "leaving",
        "outskirts", "north", "south", "east", "west", "downtown", "central", "return", "returned", "on",
        "until", "till", "airport", "base",
    ]
    static let verbs: [String] = [
        "says", "said", "say", "credits", "credited", "signed", "signs", "sign", "has", "have", "had", "will",
        "would", "wants", "wanted", "warned", "warns", "accused", "accuses", "insisted", "insists", "announced",
        "announces", "rejected", "rejects", "welcomed", "welcomes", "demanded", "demands", "urged", "urges",
        "agreed", "agrees", "denied", "denies", "condemned", "condemns", "brokered", "blamed", "blames", "hopes",
        "hoped", "believes", "believed", "fears", "feared", "expects", "expected", "is", "was", "did", "does",
        "must", "should", "could", "may", "might", "sent", "sends", "backed", "backs", "supports", "supported",
        "imposed", "imposes", "threatened", "threatens", "called", "calls", "pledged", "pledges", "approved",
        "opposed", "opposes", "recognized", "recognised", "responded", "retaliated", "refused", "declined",
        "criticized", "criticised", "praised", "praises", "thanked", "thanks", "asked", "asks", "told", "tells",
        "insisted", "argued", "argues", "decided", "decides", "offered", "offers", "promised", "promises",
        "helped", "helps", "facilitated", "hosted", "hosts", "mediated", "negotiated", "struck", "reached",
    ]
    static let objectVerbs: [String] = [
        "credits", "credited", "thanked", "thanks", "accused", "accuses", "blamed", "blames", "urged", "urges",
        "warned", "warns", "criticized", "criticised", "praised", "praises", "pressed", "pressured", "asked",
        "told", "joined", "backed", "supported", "condemned", "sanctioned", "lobbied", "persuaded",
    ]
    static let placeNouns: [String] = [
        "airport", "streets", "street", "residents", "outskirts", "center", "centre", "suburbs", "mayor",
        "population", "citizens", "skies", "people", "districts", "neighborhoods", "neighbourhoods", "hotels",
        "hospitals", "university", "markets", "embassy", "weather", "governor", "police",
    ]

    /// Whether the capital at tokens `start..<end` acts as its government.
    /// - Parameters:
    ///   - ids: The vocabulary id of each token (-1 for words no list has).
    ///   - words: The rule words' flags by id.
    static func isMetonymic(_ tokens: UnsafeBufferPointer<Token>, _ ids: UnsafeBufferPointer<Int32>, _ words: ResolutionWords,
                            start: Int, end: Int) -> Bool {
        func flags(_ k: Int) -> ResolutionWords.Flags { k >= 0 && k < tokens.count ? words.flags(ids[k]) : [] }
        // A dateline: ALL CAPS at the start of a line, followed by a dash or a comma.
        let first = tokens[start]
        if first.shape.contains(.allCaps), first.shape.contains(.lineStart) || start == 0 {
            return false
        }
        var before = start - 1
        while before >= 0, flags(before).contains(.quote) { before -= 1 }
        if flags(before).contains(.place) { return false }
        if before >= 0, tokens[before].kind == .punctuation, flags(before).contains(.comma) {
            return false  // "the Qatari capital, Doha"
        }
        // The object of a verb of dealing: "Washington credits Islamabad", "thanked Doha".
        if flags(before).contains(.objectVerb) { return true }
        var after = end
        while after < tokens.count, flags(after).contains(.quote) { after += 1 }
        guard after < tokens.count else { return false }
        if tokens[after].kind == .possessive {
            if flags(after + 1).contains(.placeNoun) { return false }
            return true
        }
        if tokens[after].kind == .word, flags(after).contains(.verb) {
            return true
        }
        return false
    }
}
