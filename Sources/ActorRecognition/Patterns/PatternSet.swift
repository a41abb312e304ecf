/// Declarative patterns over tokens that find actors the gazetteer does not list: people after titles,
/// government bodies ("Qatar's foreign ministry"), organizations ending in a head noun. See `Docs/patterns.md`.
public struct PatternSet: Sendable {
    /// Named word lists.
    public var lists: [String: [String]] = [:]
    var patterns: [Pattern] = []

    // Compiled state (after `compiled(against:)`).
    var vocabulary = TokenVocabulary()
    /// Compiled lists, referred to by index from compiled patterns.
    var listTables: [ListTable] = []
    /// For each compiled pattern, what its first token can be (to skip hopeless start positions quickly).
    var firstTokens: [FirstTokens] = []
    /// The same, inverted: which patterns may start at a token, as bit sets of pattern indices.
    var starts = StartIndex()
    /// Words each pattern needs somewhere in the line.
    var anchors = LineAnchors()

    /// One compiled word list: entries by first word id (longest first), and the one-word entries as a set.
    struct ListTable: Sendable {
        var byFirst: [Int32: [ListEntry]] = [:]
        var singles: Set<Int32> = []
        /// Dense forms indexed by word id (filled once the vocabulary is final): the entries starting with
        /// the word, and whether the word alone is an entry.
        var entriesByID: [[ListEntry]] = []
        var singleByID: [Bool] = []

        mutating func densify(_ vocabularyCount: Int) {
            entriesByID = Array(repeating: [], count: vocabularyCount)
            singleByID = Array(repeating: false, count: vocabularyCount)
            for (id, entries) in byFirst { entriesByID[Int(id)] = entries }
            for id in singles { singleByID[Int(id)] = true }
        }
    }

    /// A list entry as word ids, with which words must be capitalised in the text (those capitalised in the
    /// entry: the gazetteer's case rule, so "Forces" does not match "forces" but "spokesman" matches any case).
    struct ListEntry: Sendable {
        var ids: [Int32]
        var capitalized: [Bool]
        var count: Int { ids.count }
    }
    var programs: [PatternProgram] = []
    /// Canonical names of gazetteer actors (matching key) -> actor, so a pattern hit resolves to a listed actor.
    var actorsByName: [String: Actor] = [:]

    public init() {}

    /// The number of patterns.
    public var count: Int { patterns.count }
    /// Pattern names in order.
    public var names: [String] { patterns.map(\.name) }

    /// Adds the lists and patterns of `other`; a pattern with a known name replaces the earlier one.
    public mutating func merge(_ other: PatternSet) {
        for (name, entries) in other.lists { lists[name] = entries }
        for p in other.patterns {
            if let k = patterns.firstIndex(where: { $0.name == p.name }) { patterns[k] = p } else { patterns.append(p) }
        }
    }

    /// Prepares the patterns for matching.
    func compiled(against gazetteer: Gazetteer) -> PatternSet {
        var c = self
        c.vocabulary = TokenVocabulary()
        c.listTables = []
        var listIndex: [String: Int] = [:]
        for name in lists.keys.sorted() {
            var table = ListTable()
            for e in expandedList(name) {
                let (ids, caps) = c.internWithCase(e)
                guard let f = ids.first else { continue }
                table.byFirst[f, default: []].append(ListEntry(ids: ids, capitalized: caps))
                if ids.count == 1 { table.singles.insert(f) }
            }
            for k in table.byFirst.keys { table.byFirst[k]!.sort { $0.count > $1.count } }
            listIndex[name] = c.listTables.count
            c.listTables.append(table)
        }
        c.programs = []
        c.firstTokens = []
        for p in patterns {
            c.programs.append(PatternProgram(p.node, lists: listIndex, vocabulary: &c.vocabulary))
            c.firstTokens.append(FirstTokens.of(p.node, lists: listIndex, vocabulary: &c.vocabulary).conditions)
        }
        c.starts = StartIndex(c.firstTokens, lists: c.listTables)
        c.anchors = LineAnchors(patterns.map(\.node), lists: listIndex, tables: c.listTables, vocabulary: &c.vocabulary)
        // The vocabulary is final: switch every per-word lookup to arrays indexed by word id.
        let n = c.vocabulary.count
        for k in c.listTables.indices { c.listTables[k].densify(n) }
        c.starts.densify(n)
        c.anchors.densify(n)
        c.actorsByName = [:]
        // Only pattern hits are looked up by name; with no patterns the (large) table is not needed.
        if patterns.isEmpty { return c }
        c.actorsByName.reserveCapacity(gazetteer.actors.count)
        for actor in gazetteer.actors { c.actorsByName[PatternSet.nameKey(actor.name)] = actor }
        for alias in gazetteer.aliases where alias.kind == .name {
            let key = PatternSet.nameKey(alias.text)
            if c.actorsByName[key] == nil { c.actorsByName[key] = gazetteer.actors[alias.actor] }
        }
        return c
    }

    /// A list's entries with `@other` entries replaced by the other list's entries (cycles are cut).
    func expandedList(_ name: String, visiting: Set<String> = []) -> [String] {
        guard let entries = lists[name], !visiting.contains(name) else { return [] }
        return entries.flatMap { e -> [String] in
            e.hasPrefix("@") ? expandedList(String(e.dropFirst()), visiting: visiting.union([name])) : [e]
        }
    }

    static func nameKey(_ s: String) -> String {
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        bytes.withUnsafeBufferPointer { b in
            for t in Tokenizer.tokenize(bytes) where t.kind == .word || t.kind == .number {
                if !out.isEmpty { out.append(0x20) }
                TokenKey.append(b, t.range, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func internWithCase(_ text: String) -> ([Int32], [Bool]) {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokenize(bytes)
        return (intern(text), tokens.map { $0.kind == .word && $0.shape.contains(.capitalized) })
    }

    mutating func intern(_ text: String) -> [Int32] {
        let bytes = Array(text.utf8)
        var ids: [Int32] = []
        bytes.withUnsafeBufferPointer { b in
            for t in Tokenizer.tokenize(bytes) {
                var key: [UInt8] = []
                TokenKey.append(b, t.range, to: &key)
                ids.append(vocabulary.intern(key))
            }
        }
        return ids
    }

    /// Adds a candidate for the longest match of each pattern at each token.
    func candidates(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], hits: [GazetteerMatcher.Hit],
                    matcher: GazetteerMatcher, into out: inout [Candidate]) {
        guard !patterns.isEmpty, !tokens.isEmpty else { return }
        var hitAt = [Int32](repeating: -1, count: tokens.count)
        var hitClasses = [UInt8](repeating: 0, count: hits.count)
        let gazetteer = matcher.gazetteer
        for (k, h) in hits.enumerated() {
            hitAt[h.start] = Int32(k)
            hitClasses[k] = GazetteerClass.mask(of: gazetteer.aliases[h.alias], type: gazetteer.actors[gazetteer.aliases[h.alias].actor].type)
        }
        let ids = tokens.map { vocabulary.lookup(b, $0.range) }
        // The end of each token's line: no match crosses a line break.
        var lineEnd = [Int](repeating: tokens.count, count: tokens.count)
        var next = tokens.count
        for k in stride(from: tokens.count - 1, through: 0, by: -1) {
            lineEnd[k] = next
            if tokens[k].shape.contains(.lineStart) { next = k }
        }
        tokens.withUnsafeBufferPointer { tp in
        ids.withUnsafeBufferPointer { ip in
        hits.withUnsafeBufferPointer { hp in
        hitAt.withUnsafeBufferPointer { ap in
        hitClasses.withUnsafeBufferPointer { cp in
        listTables.withUnsafeBufferPointer { lp in
            let context = MatchContext(b: b, tokens: tp, ids: ip, hits: hp, hitAt: ap, hitClasses: cp, lists: lp)
            matchAll(context, lineEnd, gazetteer, into: &out)
        }}}}}}
    }

    private func matchAll(_ context: MatchContext, _ lineEnd: [Int], _ gazetteer: Gazetteer, into out: inout [Candidate]) {
        let tokens = context.tokens
        var scratch = PatternScratch()
        var mask = [UInt64](repeating: 0, count: starts.words)
        // Patterns whose anchors the current line lacks are off for the whole line.
        var allowed = [UInt64](repeating: 0, count: starts.words)
        var lineStop = 0
        for start in 0..<tokens.count {
            if start >= lineStop {
                lineStop = lineEnd[start]
                let have = anchors.satisfiedGroups(context, start..<lineStop)
                for w in allowed.indices { allowed[w] = 0 }
                for p in patterns.indices where anchors.needed[p] & have == anchors.needed[p] {
                    allowed[p / 64] |= UInt64(1) << UInt64(p % 64)
                }
            }
            starts.patterns(at: start, context, into: &mask)
            for w in 0..<mask.count {
                var bits = mask[w] & allowed[w]
                while bits != 0 {
                    let p = w * 64 + bits.trailingZeroBitCount
                    bits &= bits - 1
                    let found = programs[p].code.withUnsafeBufferPointer { code in
                        programs[p].literals.withUnsafeBufferPointer { literals in
                            context.run(code, literals: literals, start: start, limit: lineEnd[start], scratch: &scratch)
                        }
                    }
                    guard let (end, slots) = found, end > start else { continue }
                    let lo = slots[0] >= 0 ? Int(slots[0]) : start
                    let hi = slots[1] >= 0 ? Int(slots[1]) : end
                    if hi > lo, let c = candidate(patterns[p], programs[p], lo, hi, slots, context, gazetteer) {
                        out.append(c)
                    }
                }
            }
        }
    }

    func candidate(_ pattern: Pattern, _ program: PatternProgram, _ lo: Int, _ hi: Int, _ slots: Slots, _ ctx: MatchContext,
                   _ gazetteer: Gazetteer) -> Candidate? {
        var name: String
        if let template = pattern.template {
            name = ""
            var rest = Substring(template)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                name += rest[..<open]
                let label = String(rest[rest.index(after: open)..<close])
                if let k = program.captureLabels.firstIndex(of: label), slots[2 + 2 * k] >= 0, slots[3 + 2 * k] >= 0 {
                    let range = Int(slots[2 + 2 * k])..<Int(slots[3 + 2 * k])
                    if program.captureIsGazetteer[k], ctx.hitAt[range.lowerBound] >= 0 {
                        name += gazetteer.actors[ctx.hits[Int(ctx.hitAt[range.lowerBound])].actor].name
                    } else {
                        name += ctx.text(range)
                    }
                }
                rest = rest[rest.index(after: close)...]
            }
            name += rest
        } else {
            name = ctx.text(lo..<hi)
        }
        name = PatternSet.collapseSpaces(name)
        if name.isEmpty { return nil }
        let actor = actorsByName[PatternSet.nameKey(name)].flatMap { $0.type == pattern.type ? $0 : nil }
        return Candidate(start: lo, end: hi, type: pattern.type, actor: actor, canonicalName: actor?.name ?? name,
                         reason: "pattern \(pattern.name) (\(pattern.origin))", priority: 1)
    }

    static func collapseSpaces(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
    }
}

