/// In-document coreference of people: a later surname or partial name ("Mohib", "Al Qahtani") is the full
/// person named elsewhere in the document. A partial name that fits two people stays unlinked.
///
/// Names are compared as sequences of token keys (case folded), each token known by the 64-bit hash of its
/// key that the vocabulary lookup already computed: two word sequences are the same name when they have the
/// same length and every token's hash agrees. No string is built to compare names.
enum Coreference {
    static let maxPartTokens = 3

    /// The people a name (a word sequence) may stand for.
    private struct Owners {
        /// One place where the name occurs, to confirm a hash match token by token.
        var sample: Range<Int>
        /// The first person (an index into the people named in the document), and whether another person
        /// has the same name.
        var person: Int
        var ambiguous = false
    }

    static func link(_ chosen: [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>,
                     _ tokenHashes: UnsafeBufferPointer<UInt64>, _ gazetteer: Gazetteer,
                     _ text: inout CandidateText) -> [Candidate] {
        // Sized once from the people found (a few names each), instead of grown from empty in every document.
        let people = chosen.reduce(0) { $0 + ($1.type == .person ? 1 : 0) }
        var names = Names(tokenHashes, people: people)
        // Partial names (word suffixes) of every person named with two or more words.
        var fullNames = HashedTable<Range<Int>>(minimumCapacity: people)
        for c in chosen where c.type == .person && c.length >= 2 {
            let p = names.person(c, gazetteer, &text)
            let h = names.hash(c.start..<c.end)
            if fullNames[h] == nil { fullNames[h] = c.start..<c.end }
            var s = c.end - 1
            while s > c.start && c.end - s <= maxPartTokens {
                if tokens[s].isWord && tokens[s].shape.contains(.capitalized) { names.addOwner(s..<c.end, p) }
                s -= 1
            }
        }
        func isFullName(_ range: Range<Int>) -> Bool { fullNames[names.hash(range)].map { names.same($0, range) } ?? false }
        var result: [Candidate] = []
        result.reserveCapacity(chosen.count)
        // Relink single-name people already found (a pattern hit on "Mr. Atmar").
        for var c in chosen {
            if c.type == .person, c.actor < 0, !names.owners.isEmpty, let full = names.soleOwner(c.start..<c.end),
               !isFullName(c.start..<c.end) {
                c.actor = full.actor
                c.name = full.name
                let before = text.reason(c.reason), name = text.canonicalName(full, gazetteer)
                c.reason = text.addReason { "\(before); linked to \(name) named in the document" }
            }
            result.append(c)
        }
        // A one-word name found by a pattern ("President Clinton") also names later bare mentions.
        for c in result where c.type == .person && c.length == 1 {
            let range = c.start..<c.end
            if names.owner(range) == nil && names.owners[names.hash(range)] == nil {
                let p = names.person(c, gazetteer, &text)
                names.owners[names.hash(range)] = Owners(sample: range, person: p)
            }
        }
        if names.owners.isEmpty { return chosen }
        // A one-word country, demonym or capital that is the surname of a person named here is that person
        // ("Trevor Holland … Holland was moved", "Bill Jordan … Jordan said").
        result.removeAll { c in
            guard c.type == .country, c.length == 1, let o = names.owner(c.start..<c.end), !o.ambiguous else { return false }
            return names.actorOf[o.person].type != .country
        }
        var taken = [Bool](repeating: false, count: tokens.count)
        for c in result { for k in c.start..<c.end { taken[k] = true } }
        // Every partial name ends with its person's last word: only tokens with one of those keys can end one.
        let lastWords = HashSet(names.owners.values.map { tokenHashes[$0.sample.upperBound - 1] })
        // Find partial names nothing else claimed.
        let sortedBefore = result.count
        var k = 0
        while k < tokens.count {
            guard !taken[k], tokens[k].isWord, tokens[k].shape.contains(.capitalized) else { k += 1; continue }
            var linked = false
            for len in stride(from: maxPartTokens, through: 1, by: -1) where k + len <= tokens.count {
                let range = k..<(k + len)
                if !lastWords.contains(tokenHashes[k + len - 1]) || range.contains(where: { taken[$0] }) { continue }
                // The partial name must end at a word boundary: not followed by another capitalized word.
                if k + len < tokens.count, !taken[k + len], tokens[k + len].isWord,
                   tokens[k + len].shape.contains(.capitalized), !tokens[k + len].shape.contains(.lineStart) { continue }
                guard let full = names.soleOwner(range) else { continue }
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
        if result.count > sortedBefore { result.sort { $0.start < $1.start } }
        return result
    }

    /// The names of the people of one document, as word sequences known by their tokens' hashes, and the
    /// people they may stand for.
    private struct Names {
        let tokenHashes: UnsafeBufferPointer<UInt64>
        var owners: HashedTable<Owners>
        /// The people named in the document, by actor id; the last candidate of each stands for it.
        var personIndex = SmallIndex()
        var actorOf: [Candidate] = []

        init(_ tokenHashes: UnsafeBufferPointer<UInt64>, people: Int) {
            self.tokenHashes = tokenHashes
            owners = HashedTable(minimumCapacity: 2 * people)
        }

        func hash(_ range: Range<Int>) -> UInt64 {
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(range.count + 1)
            for k in range { h = (h ^ tokenHashes[k]) &* 0xBF58_476D_1CE4_E5B9; h ^= h >> 31 }
            return h
        }

        func same(_ x: Range<Int>, _ y: Range<Int>) -> Bool {
            guard x.count == y.count else { return false }
            for k in 0..<x.count where tokenHashes[x.lowerBound + k] != tokenHashes[y.lowerBound + k] { return false }
            return true
        }

        func owner(_ range: Range<Int>) -> Owners? {
            guard let o = owners[hash(range)], same(o.sample, range) else { return nil }
            return o
        }

        mutating func addOwner(_ range: Range<Int>, _ person: Int) {
            let h = hash(range)
            if var o = owners[h] {
                if o.person != person || !same(o.sample, range) { o.ambiguous = true; owners[h] = o }
            } else {
                owners[h] = Owners(sample: range, person: person)
            }
        }

        func soleOwner(_ range: Range<Int>) -> Candidate? {
            guard let o = owner(range), !o.ambiguous else { return nil }
            return actorOf[o.person]
        }

        /// The index of the person `c` names, added when new; `c` then stands for that person.
        mutating func person(_ c: Candidate, _ gazetteer: Gazetteer, _ text: inout CandidateText) -> Int {
            let id = text.actorID(c, gazetteer)
            if let p = personIndex.position(of: id) { actorOf[p] = c; return p }
            actorOf.append(c)
            return personIndex.append(id)
        }
    }

    /// A table keyed by 64-bit hashes (already mixed, so their low bits pick the slot), for the few names of
    /// one document: open addressing in one array, no hashing again and no per-entry allocation.
    private struct HashedTable<Value> {
        private var entries: [(key: UInt64, value: Value?)]
        private var mask: Int
        private(set) var count = 0

        init(minimumCapacity: Int) {
            var size = 8
            while size < 2 * minimumCapacity { size *= 2 }
            entries = Array(repeating: (0, nil), count: size)
            mask = size - 1
        }

        var isEmpty: Bool { count == 0 }

        /// The values, in no particular order.
        var values: [Value] { entries.compactMap(\.value) }

        private func slot(of key: UInt64) -> Int {
            var s = Int(truncatingIfNeeded: key) & mask
            while entries[s].value != nil && entries[s].key != key { s = (s + 1) & mask }
            return s
        }

        subscript(key: UInt64) -> Value? {
            get { entries[slot(of: key)].value }
            set {
                guard let newValue else { preconditionFailure("entries are never removed") }
                let s = slot(of: key)
                if entries[s].value == nil { count += 1 }
                entries[s] = (key, newValue)
                if count * 2 > mask { grow() }
            }
        }

        private mutating func grow() {
            let old = entries
            entries = Array(repeating: (0, nil), count: 2 * old.count)
            mask = entries.count - 1
            for e in old where e.value != nil { entries[slot(of: e.key)] = e }
        }
    }

    /// The 64-bit hashes of the last words of a document's names, asked about once per capitalized token of
    /// the document. A bit filter of at least 8 bits per value (256 at the least) answers most "no"s without
    /// hashing again (the values are hashes already); a binary search of the sorted values answers the rest.
    /// (A scanned list with a fixed filter made a 200 MB document quadratic: its segments name thousands of
    /// people, and every capitalized token scanned them all.)
    private struct HashSet {
        private var filter: [UInt64]
        private let bitMask: UInt64
        private let values: [UInt64]

        init(_ values: some Sequence<UInt64>) {
            self.values = Array(values).sorted()
            var bits = 256
            while bits < 8 * self.values.count { bits *= 2 }
            bitMask = UInt64(bits - 1)
            filter = [UInt64](repeating: 0, count: bits / 64)
            for v in self.values { filter[Int((v & bitMask) >> 6)] |= UInt64(1) << (v & 63) }
        }

        @inline(__always)
        func contains(_ v: UInt64) -> Bool {
            guard filter[Int((v & bitMask) >> 6)] & (UInt64(1) << (v & 63)) != 0 else { return false }
            var lo = 0, hi = values.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if values[mid] < v { lo = mid + 1 } else { hi = mid }
            }
            return lo < values.count && values[lo] == v
        }
    }
}
