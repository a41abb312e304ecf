/// In-document coreference of people: a later surname or partial name ("Mohib", "Al Qahtani") is the full
/// person named elsewhere in the document. A partial name that fits two people stays unlinked.
enum Coreference {
    static let maxPartTokens = 3

    static func link(_ chosen: [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>,
                     _ gazetteer: Gazetteer, _ text: inout CandidateText) -> [Candidate] {
        func key(_ range: Range<Int>) -> String {
            var out: [UInt8] = []
            for k in range {
                if !out.isEmpty { out.append(0x20) }
                TokenKey.append(b, tokens[k].range, to: &out)
            }
            return String(decoding: out, as: UTF8.self)
        }
        // Partial names (word suffixes) of every person named with two or more words.
        var owners: [String: Set<String>] = [:]
        var actorOf: [String: Candidate] = [:]
        var fullNames = Set<String>()
        for c in chosen where c.type == .person && c.length >= 2 {
            let id = text.actorID(c, gazetteer)
            actorOf[id] = c
            fullNames.insert(key(c.start..<c.end))
            var s = c.end - 1
            while s > c.start && c.end - s <= maxPartTokens {
                if tokens[s].isWord && tokens[s].shape.contains(.capitalized) {
                    owners[key(s..<c.end), default: []].insert(id)
                }
                s -= 1
            }
        }
        var result: [Candidate] = []
        // Relink single-name people already found (a pattern hit on "Mr. Atmar").
        for var c in chosen {
            if c.type == .person, c.actor < 0, let ids = owners[key(c.start..<c.end)], ids.count == 1,
               let full = actorOf[ids.first!], !fullNames.contains(key(c.start..<c.end)) {
                c.actor = full.actor
                c.name = full.name
                let before = text.reason(c.reason), name = text.canonicalName(full, gazetteer)
                c.reason = text.addReason { "\(before); linked to \(name) named in the document" }
            }
            result.append(c)
        }
        // A one-word name found by a pattern ("President Clinton") also names later bare mentions.
        for c in result where c.type == .person && c.length == 1 {
            let k = key(c.start..<c.end)
            let id = text.actorID(c, gazetteer)
            if owners[k] == nil { owners[k] = [id]; actorOf[id] = c }
        }
        if owners.isEmpty { return chosen }
        // A one-word country, demonym or capital that is the surname of a person named here is that person
        // ("Trevor Holland … Holland was moved", "Bill Jordan … Jordan said").
        var taken = [Bool](repeating: false, count: tokens.count)
        result.removeAll { c in
            guard c.type == .country, c.length == 1, let ids = owners[key(c.start..<c.end)], ids.count == 1 else { return false }
            return !(actorOf[ids.first!]?.type == .country)
        }
        for c in result { for k in c.start..<c.end { taken[k] = true } }
        // Every partial name ends with its person's last word: only tokens whose key hashes like one of those
        // can end a partial name, which spares building strings for the others.
        var lastWords = Set<UInt64>()
        for key in owners.keys {
            let last = key.split(separator: " ").last.map { Array($0.utf8) } ?? []
            lastWords.insert(TokenKey.hash(key: last))
        }
        func mayEndName(_ t: Int) -> Bool { lastWords.contains(TokenKey.hash(b, tokens[t].range)) }
        // Find partial names nothing else claimed.
        var k = 0
        while k < tokens.count {
            guard !taken[k], tokens[k].isWord, tokens[k].shape.contains(.capitalized) else { k += 1; continue }
            var linked = false
            for len in stride(from: maxPartTokens, through: 1, by: -1) where k + len <= tokens.count {
                let range = k..<(k + len)
                if !mayEndName(k + len - 1) || range.contains(where: { taken[$0] }) { continue }
                // The partial name must end at a word boundary: not followed by another capitalized word.
                if k + len < tokens.count, !taken[k + len], tokens[k + len].isWord,
                   tokens[k + len].shape.contains(.capitalized), !tokens[k + len].shape.contains(.lineStart) { continue }
                guard let ids = owners[key(range)], ids.count == 1, let full = actorOf[ids.first!] else { continue }
                let name = text.canonicalName(full, gazetteer)
                var partial = full.relocated(k, k + len, reason: text.addReason { "partial name of \(name) named in the document" })
                partial.priority = 1
                partial.pattern = -1
                partial.alias = -1
                result.append(partial)
                for j in range { taken[j] = true }
                k += len
                linked = true
                break
            }
            if !linked { k += 1 }
        }
        result.sort { $0.start < $1.start }
        return result
    }
}
