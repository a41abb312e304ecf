/// Organizations named in full once and by a short form afterwards.
///
/// - A bracketed acronym after a capitalised phrase whose initials spell it — "Rally for the Return of Refugees
///   and Democracy in Rwanda (RDR)" — makes the phrase an organization (the acronym then becomes its alias
///   through `AcronymDefinitions`).
/// - A company named with its legal suffix — "Cofinec S.A.", "Magna International Inc" — is also meant by the
///   name without the suffix elsewhere in the document ("Cofinec", "Magna").
enum OrganizationShortNames {
    /// Legal and corporate suffixes that a short name drops.
    static let suffixes = ByteStringSet(["Inc", "Corp", "Co", "Ltd", "SA", "SpA", "AG", "NV", "Plc", "PLC", "plc", "GmbH",
                                         "Group", "Holdings", "Corporation", "Company", "International", "Bhd", "AB",
                                         "ASA", "BV", "Cos", "LLC", "Limited", "Incorporated"])
    /// Lower-case words allowed inside an organization's name.
    static let connectors = ByteStringSet(["of", "for", "the", "and", "in", "on", "de", "des", "du", "la", "le", "el", "al", "del", "di", "y", "et", "für", "und"])

    static func expandAcronymPhrases(_ chosen: [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>,
                                     _ text: inout CandidateText) -> [Candidate] {
        func isByte(_ k: Int, _ c: UInt8) -> Bool { tokens[k].end - tokens[k].start == 1 && b[Int(tokens[k].start)] == c }
        var result = chosen
        var owner = [Int](repeating: -1, count: tokens.count)
        for (i, c) in chosen.enumerated() { for k in c.start..<c.end { owner[k] = i } }
        var removed = Set<Int>()
        var k = 1
        while k + 2 < tokens.count {
            defer { k += 1 }
            guard isByte(k, UInt8(ascii: "(")), isByte(k + 2, UInt8(ascii: ")")), owner[k + 1] < 0 || chosen[owner[k + 1]].type != .country,
                  tokens[k + 1].kind == .word, tokens[k + 1].shape.contains(.allCaps), (2...8).contains(tokens[k + 1].range.count) else { continue }
            // Already defined by a candidate right before the bracket: AcronymDefinitions handles it.
            if owner[k - 1] >= 0, chosen[owner[k - 1]].type != .country { continue }
            let acronym = b[tokens[k + 1].range].filter { UTF8Classes.isASCIIUpper($0) }
            // Walk back over the capitalised phrase.
            var s = k
            while s > 0 {
                let t = tokens[s - 1]
                if t.shape.contains(.lineStart) && s - 1 < k - 1 { if t.kind == .word && t.shape.contains(.capitalized) { s -= 1 }; break }
                if t.kind == .word && t.shape.contains(.capitalized) { s -= 1; continue }
                if t.kind == .word && connectors.contains(b, t.range) { s -= 1; continue }
                if isByte(s - 1, UInt8(ascii: "&")) || isByte(s - 1, UInt8(ascii: "-")) { s -= 1; continue }
                break
            }
            // Choose the latest start whose capitalised initials spell the acronym (first letters equal).
            var start: Int? = nil
            var candidateStart = k - 1
            while candidateStart >= s {
                let t = tokens[candidateStart]
                if t.kind == .word && t.shape.contains(.capitalized), b[Int(t.start)] == acronym.first {
                    let initials = (candidateStart..<k).filter { tokens[$0].kind == .word && tokens[$0].shape.contains(.capitalized) }.map { b[Int(tokens[$0].start)] }
                    if AcronymDefinitions.isSubsequence(acronym, of: initials) && initials.count >= acronym.count - 1 && initials.count >= 2 {
                        start = candidateStart
                    }
                }
                candidateStart -= 1
            }
            guard let lo = start else { continue }
            // The phrase may swallow candidates wholly inside it (a country in the name), never cut one.
            let inside = Set((lo..<k).map { owner[$0] }.filter { $0 >= 0 })
            if inside.contains(where: { chosen[$0].start < lo || chosen[$0].end > k }) { continue }
            removed.formUnion(inside)
            let loB = Int(tokens[lo].start), hiB = Int(tokens[k - 1].end)
            let name = String(decoding: UnsafeBufferPointer(rebasing: b[loB..<hiB]), as: UTF8.self)
            result.append(Candidate(start: lo, end: k, type: .organization, priority: 1, actor: -1, name: text.addName(name),
                                    reason: text.addReason { "name spelled out before its acronym (\(String(decoding: acronym, as: UTF8.self)))" }))
            for j in lo..<k { owner[j] = chosen.count + 1_000_000 }
        }
        if removed.isEmpty && result.count == chosen.count { return chosen }
        result = result.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
        result.sort { $0.start < $1.start }
        return result
    }

    /// - Parameter tokenHashes: Each token's key hash (`TokenKey.hash`), which buckets the short names by
    ///   their first word.
    static func linkShortNames(_ chosen: [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>,
                               _ tokenHashes: UnsafeBufferPointer<UInt64>, _ gazetteer: Gazetteer,
                               _ text: inout CandidateText) -> [Candidate] {
        func word(_ k: Int) -> [UInt8] { Array(b[tokens[k].range]) }
        func isSuffix(_ k: Int) -> Bool { suffixes.contains(b, tokens[k].range) }
        // Short forms: the words before a legal suffix, one or two capitalised words, compared in place with the
        // text (no array is made per capitalised token). They are found by their first word's key hash (case
        // folded, so a bucket may hold other casings; the bytes decide): most documents have a few, but a long
        // one may have thousands, and every capitalised token asks.
        var short: [(words: [[UInt8]], full: Candidate)] = []
        var shortByFirstWord: [UInt64: [Int]] = [:]
        func shortName(at range: Range<Int>) -> Candidate? {
            guard let entries = shortByFirstWord[tokenHashes[range.lowerBound]] else { return nil }
            return entries.first { e in
                short[e].words.count == range.count && zip(short[e].words, range).allSatisfy { w, k in
                    w.elementsEqual(UnsafeBufferPointer(rebasing: b[tokens[k].range]))
                }
            }.map { short[$0].full }
        }
        for c in chosen where c.type == .organization && c.length >= 2 {
            var end = c.end
            if tokens[end - 1].end - tokens[end - 1].start == 1, b[Int(tokens[end - 1].start)] == UInt8(ascii: ".") { end -= 1 }
            guard end - c.start >= 2, isSuffix(end - 1) else { continue }
            var stem = end - 1
            while stem > c.start + 1, isSuffix(stem - 1) { stem -= 1 }
            guard stem - c.start <= 2, (c.start..<stem).allSatisfy({ tokens[$0].kind == .word && tokens[$0].shape.contains(.capitalized) }) else { continue }
            if shortName(at: c.start..<stem) == nil {
                shortByFirstWord[tokenHashes[c.start], default: []].append(short.count)
                short.append(((c.start..<stem).map(word), c))
            }
        }
        guard !short.isEmpty else { return chosen }
        var taken = [Bool](repeating: false, count: tokens.count)
        for c in chosen { for k in c.start..<c.end { taken[k] = true } }
        var result = chosen
        var k = 0
        while k < tokens.count {
            defer { k += 1 }
            guard !taken[k], tokens[k].kind == .word, tokens[k].shape.contains(.capitalized) else { continue }
            for len in [2, 1] where k + len <= tokens.count {
                let range = k..<(k + len)
                guard !range.contains(where: { taken[$0] }), let full = shortName(at: range) else { continue }
                // Not the start of a longer capitalised name.
                if k + len < tokens.count, tokens[k + len].kind == .word, tokens[k + len].shape.contains(.capitalized),
                   !tokens[k + len].shape.contains(.lineStart) { continue }
                let name = text.canonicalName(full, gazetteer)
                result.append(full.relocated(k, k + len, reason: text.addReason { "short name of \(name) named in the document" }))
                for j in range { taken[j] = true }
                break
            }
        }
        result.sort { $0.start < $1.start }
        return result
    }
}
