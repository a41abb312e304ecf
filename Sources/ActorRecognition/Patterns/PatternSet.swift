/// Declarative patterns over tokens that find actors the gazetteer does not list: people after titles,
/// government bodies ("Qatar's foreign ministry"), organizations ending in a head noun. See `Docs/patterns.md`.
public struct PatternSet: Sendable {
    /// Named word lists.
    public var lists: [String: [String]] = [:]
    var patterns: [Pattern] = []

    // Compiled state (after `compiled(against:vocabulary:)`).
    /// Word ids below this count are the ones the patterns know; the shared vocabulary goes on with the
    /// gazetteer's words, which patterns treat as unknown.
    private(set) var wordCount = 0
    var listTables = PatternLists()
    /// For each compiled pattern, what its first token can be, inverted: which patterns may start at a token.
    var starts = StartIndex()
    /// The same for the token after the start, for patterns whose first element is one token; the others
    /// are in its `always` set. A pattern runs at a start only when both indexes allow it.
    var seconds = StartIndex()
    /// Words each pattern needs somewhere in the line.
    var anchors = LineAnchors()
    /// The pattern words grouped by what the three indexes above say of them, which the indexes are tables of.
    private(set) var wordClasses = PatternWordClasses()
    /// Every pattern's program, back to back (`codeRanges`), with literal operands indexing `literals`.
    private var code = FrozenBuffer<PatternProgram.Instruction>([])
    private var codeRanges: [Range<Int>] = []
    /// The most tokens a pattern match takes (context included). No name is that long, and the bound keeps
    /// matching linear in the length of a line: on a line of thousands of capitalized words, a pattern that
    /// may start at every word would otherwise run to the line's end from every word.
    public static let maxMatchTokens = 64
    /// The machine's working memory, one per thread at a time, kept from document to document.
    private var scratchPool = ScratchPool { PatternScratch(longestProgram: 0) }
    private var literals = FrozenBuffer<Int32>([])
    /// Capture labels of each program, whether each captures a gazetteer class, and each name template.
    private var captureIsGazetteer: [[Bool]] = []
    private var templates: [NameTemplate?] = []
    /// Canonical names of gazetteer actors (matching key) -> actor index, so a pattern hit resolves to a
    /// listed actor.
    /// Keyed by `nameKey`: the hash of the name's words and numbers (case folded), so that a gazetteer of a
    /// million aliases builds the table without a string per alias.
    private var actorsByName: [UInt64: Int32] = [:]

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

    /// Prepares the patterns for matching, interning their words into `vocabulary` (the recognizer's, shared
    /// with the gazetteer matcher so that each token is looked up once).
    func compiled(against gazetteer: Gazetteer, vocabulary: inout TokenVocabulary) -> PatternSet {
        var c = self
        c.listTables = PatternLists()
        var listIndex: [String: Int] = [:]
        for name in lists.keys.sorted() {
            let entries = expandedList(name).map { e -> PatternLists.Entry in
                let (ids, caps) = PatternSet.internWithCase(e, &vocabulary)
                return PatternLists.Entry(ids: ids, capitalized: caps)
            }
            listIndex[name] = c.listTables.add(entries)
        }
        var code: [PatternProgram.Instruction] = []
        var literals: [Int32] = []
        var firstTokens: [FirstTokens] = []
        var secondTokens: [FirstTokens] = []
        c.codeRanges = []
        c.captureIsGazetteer = []
        c.templates = []
        for p in patterns {
            let program = PatternProgram(p.node, lists: listIndex, vocabulary: &vocabulary)
            let base = Int32(literals.count)
            c.codeRanges.append(code.count..<(code.count + program.code.count))
            code += program.code.map { ins in
                var ins = ins
                if ins.op == .literal || ins.op == .tokenClass { ins.a += base }
                return ins
            }
            literals += program.literals
            c.captureIsGazetteer.append(program.captureIsGazetteer)
            c.templates.append(p.template.map { NameTemplate($0, labels: program.captureLabels) })
            firstTokens.append(FirstTokens.of(p.node, lists: listIndex, vocabulary: &vocabulary).conditions)
            var anything = FirstTokens()
            anything.any = true
            secondTokens.append(FirstTokens.second(of: p.node, lists: listIndex, vocabulary: &vocabulary) ?? anything)
        }
        c.code = FrozenBuffer(code)
        c.literals = FrozenBuffer(literals)
        c.starts = StartIndex(firstTokens, lists: c.listTables)
        c.seconds = StartIndex(secondTokens, lists: c.listTables)
        c.anchors = LineAnchors(patterns.map(\.node), lists: listIndex, tables: c.listTables, vocabulary: &vocabulary)
        // The patterns' words are all interned: switch every per-word lookup to arrays indexed by word id.
        c.wordCount = vocabulary.count
        c.listTables.freeze(wordCount: c.wordCount)
        c.wordClasses = PatternWordClasses(wordCount: c.wordCount, starts: c.starts, seconds: c.seconds, anchors: c.anchors)
        c.starts.freeze(representatives: c.wordClasses.representatives)
        c.seconds.freeze(representatives: c.wordClasses.representatives)
        c.anchors.freeze(representatives: c.wordClasses.representatives)
        let longest = c.codeRanges.reduce(0) { max($0, $1.count) }
        c.scratchPool = ScratchPool { PatternScratch(longestProgram: longest) }
        return c
    }

    /// Lets pattern hits resolve to gazetteer actors by name: each actor's name, then each `name` alias not
    /// already taken. `aliasNameKeys` holds each alias's `nameKey` (the matcher makes them while compiling).
    mutating func linkNames(to gazetteer: Gazetteer, aliasNameKeys: [UInt64]) {
        actorsByName = [:]
        // Only pattern hits are looked up by name; with no patterns the (large) table is not needed.
        guard !patterns.isEmpty else { return }
        actorsByName.reserveCapacity(gazetteer.actors.count)
        // An actor's name is usually its first alias, whose key is known already.
        var firstAlias = [Int32](repeating: -1, count: gazetteer.actors.count)
        for (k, alias) in gazetteer.aliases.enumerated() where firstAlias[alias.actor] < 0 { firstAlias[alias.actor] = Int32(k) }
        var tokens: [Token] = []
        for (k, actor) in gazetteer.actors.enumerated() {
            let a = Int(firstAlias[k])
            let key = a >= 0 && gazetteer.aliases[a].text == actor.name ? aliasNameKeys[a] : PatternSet.nameKey(actor.name, &tokens)
            actorsByName[key] = Int32(k)
        }
        for (k, alias) in gazetteer.aliases.enumerated() where alias.kind == .name {
            if actorsByName[aliasNameKeys[k]] == nil { actorsByName[aliasNameKeys[k]] = Int32(alias.actor) }
        }
    }

    /// A list's entries with `@other` entries replaced by the other list's entries (cycles are cut).
    func expandedList(_ name: String, visiting: Set<String> = []) -> [String] {
        guard let entries = lists[name], !visiting.contains(name) else { return [] }
        return entries.flatMap { e -> [String] in
            e.hasPrefix("@") ? expandedList(String(e.dropFirst()), visiting: visiting.union([name])) : [e]
        }
    }

    /// The matching key of a name: a hash of its words and numbers (each by `TokenKey.hash`, so case folded),
    /// in order. Names with the same words in the same case-folded spelling have the same key; punctuation
    /// and spacing do not count ("J. Smith" is "J Smith").
    static func nameKey(_ ctx: MatchContext, _ range: Range<Int>) -> UInt64 {
        var h = nameKeySeed
        for k in range where ctx.tokens[k].kind == .word || ctx.tokens[k].kind == .number {
            h = nameKey(h, adding: TokenKey.hash(ctx.b, ctx.tokens[k].range))
        }
        return h
    }

    /// `nameKey` of a name given as a string (`tokens` is scratch space).
    static func nameKey(_ s: String, _ tokens: inout [Token]) -> UInt64 {
        var s = s
        return s.withUTF8 { b in
            tokens.removeAll(keepingCapacity: true)
            Tokenizer.tokenize(b, into: &tokens)
            return tokens.withUnsafeBufferPointer { tp in
                var h = nameKeySeed
                for t in tp where t.kind == .word || t.kind == .number { h = nameKey(h, adding: TokenKey.hash(b, t.range)) }
                return h
            }
        }
    }

    static let nameKeySeed: UInt64 = 0x6A09_E667_F3BC_C908

    /// The name key `h` with one more word, whose `TokenKey.hash` is `word`.
    @inline(__always)
    static func nameKey(_ h: UInt64, adding word: UInt64) -> UInt64 {
        let x = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
        return x ^ (x >> 31)
    }

    static func internWithCase(_ text: String, _ vocabulary: inout TokenVocabulary) -> ([Int32], [Bool]) {
        let bytes = Array(text.utf8)
        var ids: [Int32] = []
        var caps: [Bool] = []
        var key: [UInt8] = []
        bytes.withUnsafeBufferPointer { b in
            for t in Tokenizer.tokenize(bytes) {
                key.removeAll(keepingCapacity: true)
                TokenKey.append(b, t.range, to: &key)
                ids.append(vocabulary.intern(key))
                caps.append(t.kind == .word && t.shape.contains(.capitalized))
            }
        }
        return (ids, caps)
    }

    /// Adds a candidate for the longest match of each pattern at each token. Candidates are not named yet
    /// (`name(_:_:_:)` names the ones that survive overlap resolution).
    /// - Parameter lineEnd: For each token, the index of the first token of the next line: no match crosses a
    ///   line break.
    func candidates(_ context: MatchContext, lineEnd: UnsafeBufferPointer<Int32>, into out: inout [Candidate]) {
        let tokens = context.tokens
        guard !patterns.isEmpty, !tokens.isEmpty else { return }
        scratchPool.withScratch { scratch in
            candidates(context, lineEnd: lineEnd, scratch: scratch, into: &out)
            scratch.trim()
        }
    }

    private func candidates(_ context: MatchContext, lineEnd: UnsafeBufferPointer<Int32>, scratch: PatternScratch,
                            into out: inout [Candidate]) {
        let tokens = context.tokens
        let words = starts.words
        // Patterns whose anchors the current line lacks are off for the whole line.
        let allowed = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
        defer { allowed.deallocate() }
        let code = self.code.buffer, literals = self.literals.buffer
        let needed = anchors.needed, numbersNeeded = anchors.numbersNeeded
        var lineStop = 0
        for start in 0..<tokens.count {
            if start >= lineStop {
                lineStop = Int(lineEnd[start])
                let (have, numbers) = anchors.satisfiedGroups(context, start..<lineStop)
                for w in 0..<words { allowed[w] = 0 }
                for p in 0..<needed.count where needed[p] & have == needed[p] && numbers >= numbersNeeded[p] {
                    allowed[p / 64] |= UInt64(1) << UInt64(p % 64)
                }
            }
            for w in 0..<words {
                var bits = allowed[w]
                if bits == 0 { continue }
                bits &= starts.patterns(at: start, context, word: w)
                if bits == 0 { continue }
                bits &= start + 1 < lineStop ? seconds.patterns(at: start + 1, context, word: w) : seconds.alwaysPatterns(word: w)
                while bits != 0 {
                    let p = w * 64 + bits.trailingZeroBitCount
                    bits &= bits - 1
                    let program = UnsafeBufferPointer(rebasing: code[codeRanges[p]])
                    let limit = min(lineStop, start + PatternSet.maxMatchTokens)
                    guard let (end, slots) = context.run(program, literals: literals, start: start, limit: limit, scratch: scratch),
                          end > start else { continue }
                    let lo = slots[0] >= 0 ? Int(slots[0]) : start
                    let hi = slots[1] >= 0 ? Int(slots[1]) : end
                    guard hi > lo, hasName(p, slots) else { continue }
                    out.append(Candidate(start: lo, end: hi, type: patterns[p].type, priority: 1, actor: -1,
                                         pattern: Int32(p), slots: slots))
                }
            }
        }
    }

    /// Whether a match of pattern `p` with `slots` gives a name that is not empty.
    private func hasName(_ p: Int, _ slots: Slots) -> Bool {
        guard let template = templates[p], !template.hasText else { return true }
        for k in template.captures where slots[2 + 2 * k] >= 0 && slots[3 + 2 * k] > slots[2 + 2 * k] { return true }
        return false
    }

    /// Names a pattern candidate that survived: its canonical name from the template or the matched text, and
    /// the gazetteer actor of that name when there is one of the pattern's type.
    func name(_ c: inout Candidate, _ context: MatchContext, _ gazetteer: Gazetteer, _ text: inout CandidateText) {
        let p = Int(c.pattern)
        var name: String
        if let template = templates[p] {
            name = ""
            for part in template.parts {
                switch part {
                case .text(let s): name += s
                case .capture(let k):
                    guard c.slots[2 + 2 * k] >= 0, c.slots[3 + 2 * k] >= 0 else { continue }
                    let range = Int(c.slots[2 + 2 * k])..<Int(c.slots[3 + 2 * k])
                    if captureIsGazetteer[p][k], !range.isEmpty, context.hitAt[range.lowerBound] >= 0 {
                        name += gazetteer.actors[context.hits[Int(context.hitAt[range.lowerBound])].actor].name
                    } else {
                        name += PatternSet.text(context, range)
                    }
                }
            }
            name = PatternSet.collapseSpaces(name)
        } else {
            name = PatternSet.collapsedText(context, c.start..<c.end)
        }
        var scratch: [Token] = []
        let key = templates[p] == nil ? PatternSet.nameKey(context, c.start..<c.end) : PatternSet.nameKey(name, &scratch)
        if let k = actorsByName[key], gazetteer.actors[Int(k)].type == c.type {
            c.actor = k
        } else {
            c.name = text.addName(name)
        }
        let pattern = patterns[p]
        c.reason = text.addReason { "pattern \(pattern.name) (\(pattern.origin))" }
    }

    static func text(_ ctx: MatchContext, _ r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        let lo = Int(ctx.tokens[r.lowerBound].start), hi = Int(ctx.tokens[r.upperBound - 1].end)
        return String(decoding: UnsafeBufferPointer(rebasing: ctx.b[lo..<hi]), as: UTF8.self)
    }

    /// `collapseSpaces(text(ctx, r))`, made in one pass when the tokens are apart by spaces and tabs only.
    static func collapsedText(_ ctx: MatchContext, _ r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        let tokens = ctx.tokens, b = ctx.b
        for k in r.dropFirst() {
            for g in Int(tokens[k - 1].end)..<Int(tokens[k].start) where b[g] != 0x20 && b[g] != 0x09 {
                return collapseSpaces(text(ctx, r))
            }
        }
        // The tokens joined by one space, written straight into the string's storage.
        return String(unsafeUninitializedCapacity: Int(tokens[r.upperBound - 1].end - tokens[r.lowerBound].start)) { out in
            var n = 0
            for k in r {
                let t = tokens[k]
                if k > r.lowerBound && tokens[k - 1].end < t.start { out[n] = 0x20; n += 1 }
                for i in Int(t.start)..<Int(t.end) { out[n] = b[i]; n += 1 }
            }
            return n
        }
    }

    static func collapseSpaces(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
    }
}

/// A pattern's `name:` template cut into literal text and captures.
struct NameTemplate: Sendable {
    enum Part: Sendable {
        case text(String)
        /// The capture with this index in the program's labels.
        case capture(Int)
    }

    var parts: [Part] = []
    /// The captures the template uses.
    var captures: [Int] = []
    /// Whether the literal text has more than white space (then no name it makes is empty).
    var hasText = false

    init(_ template: String, labels: [String]) {
        var rest = Substring(template)
        func literal(_ s: Substring) {
            guard !s.isEmpty else { return }
            parts.append(.text(String(s)))
            if s.contains(where: { $0 != " " && $0 != "\n" && $0 != "\r" && $0 != "\t" }) { hasText = true }
        }
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            literal(rest[..<open])
            let label = String(rest[rest.index(after: open)..<close])
            if let k = labels.firstIndex(of: label) {
                parts.append(.capture(k))
                captures.append(k)
            }
            rest = rest[rest.index(after: close)...]
        }
        literal(rest)
    }
}
