/// Decides whether a capital city stands for its country's government ("Washington credits Islamabad",
/// "Doha's Special Envoy") or is only a place ("talks in Doha", an "ISLAMABAD –" dateline).
///
/// A capital is a mention when a verb of saying or doing follows it, or when it is a possessor of something
/// other than a place noun; it is never one after a place preposition or in a dateline.
enum MetonymyRule {
    static let placeWords: Set<String> = [
        "in", "to", "from", "at", "into", "near", "for", "via", "outside", "around", "across", "toward", "towards",
        "through", "between", "within", "inside", "visit", "visited", "visiting", "left", "reached", "arrived",
        "landed", "flew", "fled", "capital", "city", "of", "over", "above", "below", "entered", "leave", "leaving",
        "outskirts", "north", "south", "east", "west", "downtown", "central", "return", "returned", "on",
        "until", "till", "airport", "base",
    ]
    static let verbs: Set<String> = [
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
    static let objectVerbs: Set<String> = [
        "credits", "credited", "thanked", "thanks", "accused", "accuses", "blamed", "blames", "urged", "urges",
        "warned", "warns", "criticized", "criticised", "praised", "praises", "pressed", "pressured", "asked",
        "told", "joined", "backed", "supported", "condemned", "sanctioned", "lobbied", "persuaded",
    ]
    static let placeNouns: Set<String> = [
        "airport", "streets", "street", "residents", "outskirts", "center", "centre", "suburbs", "mayor",
        "population", "citizens", "skies", "people", "districts", "neighborhoods", "neighbourhoods", "hotels",
        "hospitals", "university", "markets", "embassy", "weather", "governor", "police",
    ]

    /// Whether the capital at tokens `start..<end` acts as its government.
    static func isMetonymic(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], start: Int, end: Int) -> Bool {
        func word(_ k: Int) -> String? {
            guard k >= 0, k < tokens.count else { return nil }
            var key: [UInt8] = []
            TokenKey.append(b, tokens[k].range, to: &key)
            return String(decoding: key, as: UTF8.self)
        }
        func isQuote(_ k: Int) -> Bool {
            guard let w = word(k) else { return false }
            return w == "\"" || w == "'"
        }
        // A dateline: ALL CAPS at the start of a line, followed by a dash or a comma.
        let first = tokens[start]
        if first.shape.contains(.allCaps), first.shape.contains(.lineStart) || start == 0 {
            return false
        }
        var before = start - 1
        while before >= 0, isQuote(before) { before -= 1 }
        if let w = word(before), placeWords.contains(w) { return false }
        if before >= 0, tokens[before].kind == .punctuation, word(before) == "," {
            return false  // "the Qatari capital, Doha"
        }
        // The object of a verb of dealing: "Washington credits Islamabad", "thanked Doha".
        if let w = word(before), objectVerbs.contains(w) { return true }
        var after = end
        while after < tokens.count, isQuote(after) { after += 1 }
        guard after < tokens.count else { return false }
        if tokens[after].kind == .possessive {
            if let next = word(after + 1), placeNouns.contains(next) { return false }
            return true
        }
        if let w = word(after), tokens[after].kind == .word, verbs.contains(w) {
            return true
        }
        return false
    }
}
