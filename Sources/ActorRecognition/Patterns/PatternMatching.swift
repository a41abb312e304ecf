/// A pattern node with literals and list words turned into vocabulary ids and lists into table indices.
indirect enum CompiledNode: Sendable {
    case literal([Int32])
    case list(Int)
    case shape(WordShape, except: Int?)
    case gazetteer(GazetteerClass)
    case possessive
    case sequence([CompiledNode])
    case alternatives([CompiledNode])
    case repeated(CompiledNode, min: Int, max: Int)
    case capture(String, CompiledNode)
    case spanStart
    case spanEnd
}

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
    static func of(_ node: CompiledNode) -> (conditions: FirstTokens, nullable: Bool) {
        var f = FirstTokens()
        switch node {
        case .literal(let words):
            if let w = words.first { f.literals.insert(w) }
            return (f, words.isEmpty)
        case .list(let k): f.lists.append(k); return (f, false)
        case .shape(let s, _): f.shapes |= s.bit; return (f, false)
        case .gazetteer(let g): f.gazetteerMask = g.bit; return (f, false)
        case .possessive: f.possessive = true; return (f, false)
        case .spanStart, .spanEnd: return (f, true)
        case .capture(_, let n): return of(n)
        case .repeated(let n, let lo, _):
            let (c, nullable) = of(n)
            return (c, nullable || lo == 0)
        case .alternatives(let options):
            var nullable = false
            for o in options {
                let (c, n) = of(o)
                f.merge(c)
                nullable = nullable || n
            }
            return (f, nullable)
        case .sequence(let items):
            for item in items {
                let (c, n) = of(item)
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

/// What a partial match has recorded: span marks and captures.
struct MatchState {
    /// One past the last token a match may use: the end of the line it starts on (no name spans lines).
    var limit: Int = 0
    var spanStart: Int?
    var spanEnd: Int?
    /// Captured ranges; `actor` is the gazetteer actor index for a gazetteer class, else -1.
    var captures: [(label: String, range: Range<Int>, actor: Int32)] = []
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
            for k in f.lists where k >= 0 && lists[k].byFirst[id] != nil { return true }
        }
        if f.shapes != 0 {
            for s in WordShape.allCases where f.shapes & s.bit != 0 && fits(s, t) { return true }
        }
        if f.gazetteerMask != 0, hitAt[pos] >= 0, hitClasses[Int(hitAt[pos])] & f.gazetteerMask != 0 { return true }
        if f.possessive && t.kind == .possessive { return true }
        return false
    }

    /// Backtracking match of `node` at token `pos`; calls `k` with every end position reached.
    func match(_ node: CompiledNode, _ pos: Int, _ state: MatchState, _ k: (Int, MatchState) -> Void) {
        switch node {
        case .literal(let words):
            guard pos + words.count <= state.limit else { return }
            for (j, w) in words.enumerated() where ids[pos + j] != w || w < 0 { return }
            k(pos + words.count, state)
        case .list(let index):
            guard index >= 0, pos < state.limit, ids[pos] >= 0, let entries = lists[index].byFirst[ids[pos]] else { return }
            for entry in entries where pos + entry.count <= state.limit {
                if entry.ids.indices.allSatisfy({ ids[pos + $0] == entry.ids[$0] && (!entry.capitalized[$0] || tokens[pos + $0].shape.contains(.capitalized)) }) {
                    k(pos + entry.count, state)
                    return  // longest entry only
                }
            }
        case .shape(let shape, let except):
            guard pos < state.limit, fits(shape, tokens[pos]) else { return }
            if let except, except >= 0, ids[pos] >= 0, lists[except].singles.contains(ids[pos]) { return }
            k(pos + 1, state)
        case .gazetteer(let cls):
            guard pos < state.limit, hitAt[pos] >= 0 else { return }
            let h = Int(hitAt[pos])
            let hit = hits[h]
            guard hit.end <= state.limit, hitClasses[h] & cls.bit != 0 else { return }
            var s = state
            s.captures.append((cls.label, pos..<hit.end, -1))
            k(hit.end, s)
        case .possessive:
            guard pos < state.limit, tokens[pos].kind == .possessive else { return }
            k(pos + 1, state)
        case .sequence(let items):
            matchSequence(items, 0, pos, state, k)
        case .alternatives(let options):
            for o in options { match(o, pos, state, k) }
        case .repeated(let inner, let lo, let hi):
            matchRepeat(inner, lo, hi, 0, pos, state, k)
        case .capture(let label, let inner):
            match(inner, pos, state) { end, s in
                var s2 = s
                // A gazetteer class records its actor under the label.
                var actor: Int32 = -1
                if case .gazetteer = inner, hitAt[pos] >= 0 { actor = Int32(hits[Int(hitAt[pos])].actor) }
                s2.captures.append((label, pos..<end, actor))
                k(end, s2)
            }
        case .spanStart:
            var s = state
            s.spanStart = pos
            k(pos, s)
        case .spanEnd:
            var s = state
            s.spanEnd = pos
            k(pos, s)
        }
    }

    func matchSequence(_ items: [CompiledNode], _ i: Int, _ pos: Int, _ state: MatchState, _ k: (Int, MatchState) -> Void) {
        if i == items.count { k(pos, state); return }
        match(items[i], pos, state) { end, s in matchSequence(items, i + 1, end, s, k) }
    }

    func matchRepeat(_ inner: CompiledNode, _ lo: Int, _ hi: Int, _ count: Int, _ pos: Int, _ state: MatchState, _ k: (Int, MatchState) -> Void) {
        if count < hi {
            match(inner, pos, state) { end, s in
                if end > pos { matchRepeat(inner, lo, hi, count + 1, end, s, k) }
            }
        }
        if count >= lo { k(pos, state) }
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
