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

    /// What the second token of a match can be, for patterns whose first element is always exactly one token
    /// ("Cap", "Cap!@notname", a one-word literal, alternatives of those): nil when that is not known. A
    /// condition with `any` set holds everywhere.
    static func second(of node: PatternNode, lists: [String: Int], vocabulary: inout TokenVocabulary) -> FirstTokens? {
        var items: [PatternNode] = []
        flatten(node, into: &items)
        guard let k = items.firstIndex(where: { !isEmptyWidth($0) }), isOneToken(items[k]) else { return nil }
        let (f, nullable) = of(.sequence(Array(items[(k + 1)...])), lists: lists, vocabulary: &vocabulary)
        return nullable ? nil : f
    }

    /// A sequence's elements with nested sequences and captures opened up (captures consume nothing).
    private static func flatten(_ node: PatternNode, into items: inout [PatternNode]) {
        switch node {
        case .sequence(let parts): for p in parts { flatten(p, into: &items) }
        case .capture(_, let inner): flatten(inner, into: &items)
        default: items.append(node)
        }
    }

    private static func isEmptyWidth(_ node: PatternNode) -> Bool {
        if case .spanStart = node { return true }
        if case .spanEnd = node { return true }
        return false
    }

    /// Whether every match of `node` is exactly one token.
    private static func isOneToken(_ node: PatternNode) -> Bool {
        switch node {
        case .shape, .possessive: return true
        case .literal(let words): return words.count == 1
        case .capture(_, let inner): return isOneToken(inner)
        case .alternatives(let options): return !options.isEmpty && options.allSatisfy(isOneToken)
        case .sequence(let parts):
            let consuming = parts.filter { !isEmptyWidth($0) }
            return consuming.count == 1 && isOneToken(consuming[0])
        default: return false
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

/// Which patterns may start at a token, looked up by the token's word id, shape and gazetteer hit instead of
/// testing every pattern at every token. Pattern sets are bit sets, `words` 64-bit words each.
struct StartIndex: Sendable {
    var words = 0
    private var byID: [Int32: [UInt64]] = [:]
    /// `byID` as one flat array: `words` masks per word class (`PatternWordClasses`); class 0 has none.
    private var dense = FrozenBuffer<UInt64>([])
    /// Masks by set of `WordShape` bits and by set of `GazetteerClass` bits (a token's `shapes` byte, a hit's
    /// class byte), 256 × `words` each: one read per token instead of one per bit.
    private var byShapes = FrozenBuffer<UInt64>([])
    private var byGazetteerClasses = FrozenBuffer<UInt64>([])
    private var possessive = FrozenBuffer<UInt64>([])
    private var always = FrozenBuffer<UInt64>([])

    init() {}

    init(_ first: [FirstTokens], lists: PatternLists) {
        words = (first.count + 63) / 64
        let zero = [UInt64](repeating: 0, count: words)
        var shape = [UInt64](repeating: 0, count: 8 * words), gazetteer = shape
        var possessive = zero, always = zero
        for (p, f) in first.enumerated() {
            let w = p / 64, bit = UInt64(1) << UInt64(p % 64)
            if f.any { always[w] |= bit }
            for id in f.literals { byID[id, default: zero][w] |= bit }
            for k in f.lists where k >= 0 { for id in lists.firstWords(k) { byID[id, default: zero][w] |= bit } }
            for s in 0..<8 where f.shapes & (1 << s) != 0 { shape[s * words + w] |= bit }
            for g in 0..<8 where f.gazetteerMask & (1 << g) != 0 { gazetteer[g * words + w] |= bit }
            if f.possessive { possessive[w] |= bit }
        }
        byShapes = FrozenBuffer(StartIndex.bySet(shape, words: words))
        byGazetteerClasses = FrozenBuffer(StartIndex.bySet(gazetteer, words: words))
        self.possessive = FrozenBuffer(possessive)
        self.always = FrozenBuffer(always)
    }

    /// From masks by bit (8 × `words`), the masks of every set of bits: the union of its bits' masks.
    private static func bySet(_ byBit: [UInt64], words: Int) -> [UInt64] {
        var out = [UInt64](repeating: 0, count: 256 * words)
        for set in 0..<256 {
            for bit in 0..<8 where set & (1 << bit) != 0 {
                for w in 0..<words { out[set * words + w] |= byBit[bit * words + w] }
            }
        }
        return out
    }

    /// The words that start some pattern, before `freeze`.
    var startWords: Dictionary<Int32, [UInt64]>.Keys { byID.keys }

    /// The masks of word `id`, before `freeze` (zeros for a word that starts nothing).
    func masks(of id: Int32) -> [UInt64] { byID[id] ?? [UInt64](repeating: 0, count: words) }

    /// Freezes the per-word masks into one row per word class; `representatives[c]` is a word of class `c`
    /// (-1 for class 0, the words no index mentions).
    mutating func freeze(representatives: [Int32]) {
        var flat = [UInt64](repeating: 0, count: representatives.count * words)
        for (c, id) in representatives.enumerated() where id >= 0 {
            for (w, m) in masks(of: id).enumerated() { flat[c * words + w] = m }
        }
        dense = FrozenBuffer(flat)
        byID = [:]
    }

    /// Word `w` of the set of patterns that hold anywhere (`FirstTokens.any`).
    @inline(__always)
    func alwaysPatterns(word w: Int) -> UInt64 { always.buffer[w] }

    /// Word `w` of the set of patterns that may start at `pos`. Asked one word at a time, so that with up to
    /// 64 patterns (one word) the whole set stays in a register.
    @inline(__always)
    func patterns(at pos: Int, _ ctx: MatchContext, word w: Int) -> UInt64 {
        var mask = always.buffer[w] | dense.buffer[Int(ctx.wordClasses[pos]) * words + w]
            | byShapes.buffer[Int(ctx.shapes[pos]) * words + w]
        let hit = ctx.hitAt[pos]
        if hit >= 0 { mask |= byGazetteerClasses.buffer[Int(ctx.hitClasses[Int(hit)]) * words + w] }
        if ctx.tokens[pos].kind == .possessive { mask |= possessive.buffer[w] }
        return mask
    }
}

/// Words a pattern cannot match without: every match of `capitalised-org` holds a word of `@orghead`, every
/// match of `person-with-country` a "(", every match of `standings-team` four numbers. A line that lacks one
/// of a pattern's anchors is skipped for that pattern before any start position is tried.
struct LineAnchors: Sendable {
    /// For each word id, the anchor groups it satisfies (bit k = group k).
    private var groupsByID: [Int32: UInt64] = [:]
    /// `groupsByID` by word class (`PatternWordClasses`).
    private var dense = FrozenBuffer<UInt64>([])
    /// For each pattern, the groups it needs (all of them).
    private(set) var needed: [UInt64] = []
    /// For each pattern, how many number tokens every match holds at least.
    private(set) var numbersNeeded: [Int] = []

    init() {}

    init(_ patterns: [PatternNode], lists: [String: Int], tables: PatternLists, vocabulary: inout TokenVocabulary) {
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
                    if let t = lists[name] { for id in tables.firstWords(t) { groupsByID[id, default: 0] |= bit } }
                }
            }
            needed.append(need)
            numbersNeeded.append(LineAnchors.minimumNumbers(node))
        }
    }

    /// The fewest number tokens a match of `node` can hold.
    static func minimumNumbers(_ node: PatternNode) -> Int {
        switch node {
        case .shape(.Number, _): return 1
        case .sequence(let items): return items.reduce(0) { $0 + minimumNumbers($1) }
        case .capture(_, let n): return minimumNumbers(n)
        case .repeated(let n, let lo, _): return lo * minimumNumbers(n)
        case .alternatives(let options): return options.map(minimumNumbers).min() ?? 0
        default: return 0
        }
    }

    /// The groups word `id` satisfies, before `freeze`.
    func groups(of id: Int32) -> UInt64 { groupsByID[id] ?? 0 }

    /// The words that satisfy some group, before `freeze`.
    var anchorWords: Dictionary<Int32, UInt64>.Keys { groupsByID.keys }

    /// Freezes the per-word groups into one entry per word class (see `StartIndex.freeze`).
    mutating func freeze(representatives: [Int32]) {
        dense = FrozenBuffer(representatives.map { $0 >= 0 ? groups(of: $0) : 0 })
        groupsByID = [:]
    }

    enum Anchor {
        /// Any of these one-token words (first token of each literal).
        case words([[UInt8]])
        case list(String)
    }

    /// The word anchors every match of `node` must contain (found in required, non-optional positions); the
    /// numbers it must contain are `minimumNumbers`.
    static func anchors(of node: PatternNode) -> [Anchor] {
        switch node {
        case .literal(let keys): return keys.first.map { [.words([$0])] } ?? []
        case .list(let name): return [.list(name)]
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

    /// The anchor groups present in `tokens[range]`, and how many of its tokens are numbers.
    @inline(__always)
    func satisfiedGroups(_ ctx: MatchContext, _ range: Range<Int>) -> (groups: UInt64, numbers: Int) {
        var have: UInt64 = 0
        var numbers = 0
        let dense = self.dense.buffer
        for k in range {
            if ctx.tokens[k].kind == .number { numbers += 1 }
            have |= dense[Int(ctx.wordClasses[k])]
        }
        return (have, numbers)
    }
}
