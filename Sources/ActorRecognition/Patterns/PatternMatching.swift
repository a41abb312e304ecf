extension WordShape {
    var bit: UInt8 {
        switch self {
        case .Cap: return 1
        case .Upper: return 2
        case .Initial: return 4
        case .Word: return 8
        case .Lower: return 16
        case .Number: return 32
        }
    }
}

extension GazetteerClass {
    /// The capture label of an unlabelled class element.
    var label: String {
        switch self {
        case .country: return "$country"
        case .demonym: return "$demonym"
        case .capital: return "$capital"
        case .person: return "$person"
        case .organization: return "$organization"
        }
    }

    var bit: UInt8 {
        switch self {
        case .country: return 1
        case .demonym: return 2
        case .capital: return 4
        case .person: return 8
        case .organization: return 16
        }
    }

    /// The classes an alias of an actor of `type` belongs to.
    static func mask(of alias: Gazetteer.Alias, type: ActorType) -> UInt8 {
        var m: UInt8 = 0
        if type == .country && alias.kind == .name { m |= GazetteerClass.country.bit }
        if alias.kind == .demonym { m |= GazetteerClass.demonym.bit }
        if alias.kind == .capital { m |= GazetteerClass.capital.bit }
        if type == .person { m |= GazetteerClass.person.bit }
        if type == .organization { m |= GazetteerClass.organization.bit }
        return m
    }
}

/// What the first token of a match can be: a quick test before the full match is tried at a position.
struct FirstTokens: Sendable {
    var literals: Set<Int32> = []
    var lists: [Int] = []
    /// `WordShape` bits.
    var shapes: UInt8 = 0
    var gazetteerMask: UInt8 = 0
    var possessive = false
    /// Anything can start a match (an element that can be empty leads to what follows).
    var any = false

    /// The first-token conditions of `node`, and whether it can match no token at all.
    static func of(_ node: PatternNode, lists: [String: Int], vocabulary: inout TokenVocabulary) -> (conditions: FirstTokens, nullable: Bool) {
        var f = FirstTokens()
        switch node {
        case .literal(let words):
            if let w = words.first { f.literals.insert(vocabulary.intern(w)) }
            return (f, words.isEmpty)
        case .list(let name): f.lists.append(lists[name] ?? -1); return (f, false)
        case .shape(let s, _): f.shapes |= s.bit; return (f, false)
        case .gazetteer(let g): f.gazetteerMask = g.bit; return (f, false)
        case .possessive: f.possessive = true; return (f, false)
        case .spanStart, .spanEnd: return (f, true)
        case .capture(_, let n): return of(n, lists: lists, vocabulary: &vocabulary)
        case .repeated(let n, let lo, _):
            let (c, nullable) = of(n, lists: lists, vocabulary: &vocabulary)
            return (c, nullable || lo == 0)
        case .alternatives(let options):
            var nullable = false
            for o in options {
                let (c, n) = of(o, lists: lists, vocabulary: &vocabulary)
                f.merge(c)
                nullable = nullable || n
            }
            return (f, nullable)
        case .sequence(let items):
            for item in items {
                let (c, n) = of(item, lists: lists, vocabulary: &vocabulary)
                f.merge(c)
                if !n { return (f, false) }
            }
            return (f, true)
        }
    }

    mutating func merge(_ o: FirstTokens) {
        literals.formUnion(o.literals)
        lists += o.lists
        shapes |= o.shapes
        gazetteerMask |= o.gazetteerMask
        possessive = possessive || o.possessive
        any = any || o.any
    }
}

/// Everything a pattern looks at in one document. It holds buffer pointers, not arrays, so the matcher's
/// closures copy it without reference counting; the arrays behind them outlive every match.
struct MatchContext {
    let b: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<Token>
    let ids: UnsafeBufferPointer<Int32>
    let hits: UnsafeBufferPointer<GazetteerMatcher.Hit>
    let hitAt: UnsafeBufferPointer<Int32>
    /// `GazetteerClass` bits of each hit.
    let hitClasses: UnsafeBufferPointer<UInt8>
    let lists: UnsafeBufferPointer<PatternSet.ListTable>

    func text(_ r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        let lo = Int(tokens[r.lowerBound].start), hi = Int(tokens[r.upperBound - 1].end)
        return String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
    }

    /// Whether a match could start at `pos` (a necessary condition only).
    func mayStart(_ f: FirstTokens, at pos: Int) -> Bool {
        if f.any { return true }
        let t = tokens[pos]
        let id = ids[pos]
        if id >= 0 {
            if f.literals.contains(id) { return true }
            for k in f.lists where k >= 0 && !lists[k].entriesByID[Int(id)].isEmpty { return true }
        }
        if f.shapes != 0 {
            for s in WordShape.allCases where f.shapes & s.bit != 0 && fits(s, t) { return true }
        }
        if f.gazetteerMask != 0, hitAt[pos] >= 0, hitClasses[Int(hitAt[pos])] & f.gazetteerMask != 0 { return true }
        if f.possessive && t.kind == .possessive { return true }
        return false
    }

    func fits(_ shape: WordShape, _ t: Token) -> Bool {
        if shape == .Number { return t.kind == .number }
        guard t.kind == .word else { return false }
        switch shape {
        case .Number: return false
        case .Word: return true
        case .Cap: return t.shape.contains(.capitalized) && t.shape.contains(.hasLower)
        case .Upper: return t.shape.contains(.allCaps) && t.end - t.start >= 2
        case .Initial: return t.shape.contains(.allCaps) && t.end - t.start == 1
        case .Lower: return !t.shape.contains(.capitalized)
        }
    }
}

/// Which patterns may start at a token, looked up by the token's word id, shape and gazetteer hit instead of
/// testing every pattern at every token.
struct StartIndex: Sendable {
    /// 64-bit words per pattern set.
    var words = 0
    var byID: [Int32: [UInt64]] = [:]
    /// `byID` as one flat array: `words` masks per word id.
    var dense: [UInt64] = []
    var byShape: [[UInt64]] = []
    var byGazetteerBit: [[UInt64]] = []
    var possessive: [UInt64] = []
    var always: [UInt64] = []

    init() {}

    init(_ first: [FirstTokens], lists: [PatternSet.ListTable]) {
        words = (first.count + 63) / 64
        let zero = [UInt64](repeating: 0, count: words)
        byShape = Array(repeating: zero, count: 8)
        byGazetteerBit = Array(repeating: zero, count: 8)
        possessive = zero
        always = zero
        for (p, f) in first.enumerated() {
            let w = p / 64, bit = UInt64(1) << UInt64(p % 64)
            if f.any { always[w] |= bit }
            for id in f.literals { byID[id, default: zero][w] |= bit }
            for k in f.lists where k >= 0 { for id in lists[k].byFirst.keys { byID[id, default: zero][w] |= bit } }
            for s in 0..<8 where f.shapes & (1 << s) != 0 { byShape[s][w] |= bit }
            for g in 0..<8 where f.gazetteerMask & (1 << g) != 0 { byGazetteerBit[g][w] |= bit }
            if f.possessive { possessive[w] |= bit }
        }
    }

    mutating func densify(_ vocabularyCount: Int) {
        dense = Array(repeating: 0, count: vocabularyCount * words)
        for (id, m) in byID { for w in 0..<words { dense[Int(id) * words + w] = m[w] } }
    }

    /// The patterns that may start at `pos`, into `mask`.
    func patterns(at pos: Int, _ ctx: MatchContext, into mask: inout [UInt64]) {
        for w in 0..<words { mask[w] = always[w] }
        let t = ctx.tokens[pos]
        let id = ctx.ids[pos]
        if id >= 0 { let base = Int(id) * words; for w in 0..<words { mask[w] |= dense[base + w] } }
        for s in WordShape.allCases where ctx.fits(s, t) {
            let k = s.bit.trailingZeroBitCount
            for w in 0..<words { mask[w] |= byShape[k][w] }
        }
        if ctx.hitAt[pos] >= 0 {
            let c = ctx.hitClasses[Int(ctx.hitAt[pos])]
            for g in 0..<8 where c & (1 << g) != 0 { for w in 0..<words { mask[w] |= byGazetteerBit[g][w] } }
        }
        if t.kind == .possessive { for w in 0..<words { mask[w] |= possessive[w] } }
    }
}

/// Words a pattern cannot match without: every match of `capitalised-org` holds a word of `@orghead`, every
/// match of `person-with-country` a "(". A line that lacks one of a pattern's anchors is skipped for that
/// pattern before any start position is tried.
struct LineAnchors: Sendable {
    /// For each word id, the anchor groups it satisfies (bit k = group k).
    var groupsByID: [Int32: UInt64] = [:]
    var dense: [UInt64] = []
    /// Groups satisfied by any number token.
    var numberGroups: UInt64 = 0
    /// For each pattern, the groups it needs (all of them).
    var needed: [UInt64] = []

    init() {}

    init(_ patterns: [PatternNode], lists: [String: Int], tables: [PatternSet.ListTable], vocabulary: inout TokenVocabulary) {
        var groupCount = 0
        for node in patterns {
            var need: UInt64 = 0
            for anchor in LineAnchors.anchors(of: node) where groupCount < 64 {
                let bit = UInt64(1) << UInt64(groupCount)
                groupCount += 1
                need |= bit
                switch anchor {
                case .words(let keys):
                    for k in keys { groupsByID[vocabulary.intern(k), default: 0] |= bit }
                case .list(let name):
                    if let t = lists[name] { for id in tables[t].byFirst.keys { groupsByID[id, default: 0] |= bit } }
                case .number:
                    numberGroups |= bit
                }
            }
            needed.append(need)
        }
    }

    mutating func densify(_ vocabularyCount: Int) {
        dense = Array(repeating: 0, count: vocabularyCount)
        for (id, g) in groupsByID { dense[Int(id)] = g }
    }

    enum Anchor {
        /// Any of these one-token words (first token of each literal).
        case words([[UInt8]])
        case list(String)
        case number
    }

    /// The anchors every match of `node` must contain (found in required, non-optional positions).
    static func anchors(of node: PatternNode) -> [Anchor] {
        switch node {
        case .literal(let keys): return keys.first.map { [.words([$0])] } ?? []
        case .list(let name): return [.list(name)]
        case .shape(.Number, _): return [.number]
        case .sequence(let items): return items.flatMap { anchors(of: $0) }
        case .capture(_, let n): return anchors(of: n)
        case .repeated(let n, let lo, _): return lo > 0 ? anchors(of: n) : []
        case .alternatives(let options):
            // Usable only when every option starts with a literal: then any of those words will do.
            var words: [[UInt8]] = []
            for o in options {
                guard case .literal(let keys) = o, let first = keys.first else { return [] }
                words.append(first)
            }
            return [.words(words)]
        default: return []
        }
    }

    /// The patterns (bit set over at most 64 patterns per word) whose anchors all occur in `tokens[range]`.
    func satisfiedGroups(_ ctx: MatchContext, _ range: Range<Int>) -> UInt64 {
        var have: UInt64 = 0
        for k in range {
            if ctx.tokens[k].kind == .number { have |= numberGroups }
            let id = ctx.ids[k]
            if id >= 0 { have |= dense[Int(id)] }
        }
        return have
    }
}
