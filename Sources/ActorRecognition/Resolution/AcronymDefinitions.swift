/// Acronyms defined in the text — "Central Command [CENTCOM]", "Ministry of Foreign Affairs (MOFA)" — become
/// aliases of the actor just named, for the rest of the document (the bracketed acronym itself included).
///
/// An acronym is an all-capitals word of 2 to 8 letters in brackets right after a mention, whose letters appear
/// in order in the actor's name or the mention's text; brackets are not part of any mention.
enum AcronymDefinitions {
    static func apply(_ chosen: [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>,
                      _ gazetteer: Gazetteer, _ text: inout CandidateText) -> [Candidate] {
        func word(_ k: Int) -> [UInt8] { Array(b[tokens[k].range]) }
        func isOneOf(_ k: Int, _ x: UInt8, _ y: UInt8) -> Bool {
            tokens[k].end - tokens[k].start == 1 && (b[Int(tokens[k].start)] == x || b[Int(tokens[k].start)] == y)
        }
        // Every definition of each acronym, in text order: a use means the nearest definition before it.
        var defined: [[UInt8]: [Candidate]] = [:]
        var taken = [Bool](repeating: false, count: tokens.count)
        for c in chosen { for k in c.start..<c.end { taken[k] = true } }
        var result = chosen
        for c in chosen where c.type != .country {
            let open = c.end, inside = c.end + 1, close = c.end + 2
            guard close < tokens.count, !taken[inside],
                  tokens[inside].kind == .word, tokens[inside].shape.contains(.allCaps), (2...8).contains(tokens[inside].range.count),
                  isOneOf(open, UInt8(ascii: "("), UInt8(ascii: "[")), isOneOf(close, UInt8(ascii: ")"), UInt8(ascii: "]")) else { continue }
            let acronym = word(inside)
            let lo = Int(tokens[c.start].start), hi = Int(tokens[c.end - 1].end)
            let source = Array(text.canonicalName(c, gazetteer).utf8) + [0x20] + Array(b[lo..<hi])
            guard isSubsequence(acronym, of: source) else { continue }
            defined[acronym, default: []].append(c)
        }
        guard !defined.isEmpty else { return chosen }
        for k in tokens.indices where !taken[k] && tokens[k].kind == .word && tokens[k].shape.contains(.allCaps) {
            guard let owner = defined[word(k)]?.last(where: { $0.end <= k }) else { continue }
            let name = text.canonicalName(owner, gazetteer)
            result.append(owner.relocated(k, k + 1, reason: text.addReason { "acronym defined after '\(name)' in the document" }))
            taken[k] = true
        }
        result.sort { $0.start < $1.start }
        return result
    }

    /// Whether the letters of `acronym` appear in order among the letters of `text`, ignoring case.
    static func isSubsequence(_ acronym: [UInt8], of text: [UInt8]) -> Bool {
        var i = 0
        for c in text where i < acronym.count {
            let u = UTF8Classes.isASCIILower(c) ? c & ~0x20 : c
            if u == acronym[i] { i += 1 }
        }
        return i == acronym.count
    }
}
