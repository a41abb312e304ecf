/// Acronyms defined in the text — "Central Command [CENTCOM]", "Ministry of Foreign Affairs (MOFA)" — become
/// aliases of the actor just named, for the rest of the document (the bracketed acronym itself included).
///
/// An acronym is an all-capitals word of 2 to 8 letters in brackets right after a mention, whose letters appear
/// in order in the actor's name or the mention's text; brackets are not part of any mention.
enum AcronymDefinitions {
    static func apply(_ chosen: [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token]) -> [Candidate] {
        func text(_ k: Int) -> [UInt8] { Array(b[tokens[k].range]) }
        var defined: [[UInt8]: Candidate] = [:]
        var taken = [Bool](repeating: false, count: tokens.count)
        for c in chosen { for k in c.start..<c.end { taken[k] = true } }
        var result = chosen
        for c in chosen where c.type != .country {
            let open = c.end, word = c.end + 1, close = c.end + 2
            guard close < tokens.count, !taken[word],
                  tokens[word].kind == .word, tokens[word].shape.contains(.allCaps), (2...8).contains(tokens[word].range.count),
                  isOpening(text(open)), isClosing(text(close)) else { continue }
            let acronym = text(word)
            let lo = Int(tokens[c.start].start), hi = Int(tokens[c.end - 1].end)
            let source = Array((c.canonicalName + " " + String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)).utf8)
            guard isSubsequence(acronym, of: source) else { continue }
            defined[acronym] = c
        }
        guard !defined.isEmpty else { return chosen }
        for k in tokens.indices where !taken[k] && tokens[k].kind == .word && tokens[k].shape.contains(.allCaps) {
            guard let owner = defined[text(k)], owner.end <= k else { continue }
            var c = owner
            c.start = k
            c.end = k + 1
            c.reason = "acronym defined after '\(owner.canonicalName)' in the document"
            result.append(c)
            taken[k] = true
        }
        result.sort { $0.start < $1.start }
        return result
    }

    static func isOpening(_ t: [UInt8]) -> Bool { t == [UInt8(ascii: "(")] || t == [UInt8(ascii: "[")] }
    static func isClosing(_ t: [UInt8]) -> Bool { t == [UInt8(ascii: ")")] || t == [UInt8(ascii: "]")] }

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
