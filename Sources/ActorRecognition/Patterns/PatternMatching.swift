/// A pattern node with literals and list words turned into vocabulary ids.
indirect enum CompiledNode: Sendable {
    case literal([Int32])
    case list(String)
    case shape(WordShape, except: String?)
    case gazetteer(GazetteerClass)
    case possessive
    case sequence([CompiledNode])
    case alternatives([CompiledNode])
    case repeated(CompiledNode, min: Int, max: Int)
    case capture(String, CompiledNode)
    case spanStart
    case spanEnd
}

/// What a partial match has recorded: span marks and captures.
struct MatchState {
    /// One past the last token a match may use: the end of the line it starts on (no name spans lines).
    var limit: Int = 0
    var spanStart: Int?
    var spanEnd: Int?
    var captures: [(label: String, range: Range<Int>, actor: Actor?)] = []
}

/// Everything a pattern looks at in one document.
struct MatchContext {
    let b: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    let ids: [Int32]
    let hits: [GazetteerMatcher.Hit]
    let hitAt: [Int32]
    let set: PatternSet
    let gazetteer: Gazetteer

    func text(_ r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        let lo = Int(tokens[r.lowerBound].start), hi = Int(tokens[r.upperBound - 1].end)
        return String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
    }

    /// Backtracking match of `node` at token `pos`; calls `k` with every end position reached.
    func match(_ node: CompiledNode, _ pos: Int, _ state: MatchState, _ k: (Int, MatchState) -> Void) {
        switch node {
        case .literal(let words):
            guard pos + words.count <= state.limit else { return }
            for (j, w) in words.enumerated() where ids[pos + j] != w || w < 0 { return }
            k(pos + words.count, state)
        case .list(let name):
            guard pos < state.limit, ids[pos] >= 0, let entries = set.compiledLists[name]?[ids[pos]] else { return }
            for entry in entries where pos + entry.count <= state.limit {
                if entry.ids.indices.allSatisfy({ ids[pos + $0] == entry.ids[$0] && (!entry.capitalized[$0] || tokens[pos + $0].shape.contains(.capitalized)) }) {
                    k(pos + entry.count, state)
                    return  // longest entry only
                }
            }
        case .shape(let shape, let except):
            guard pos < state.limit, fits(shape, tokens[pos]) else { return }
            if let except, ids[pos] >= 0, let entries = set.compiledLists[except]?[ids[pos]],
               entries.contains(where: { $0.count == 1 }) { return }
            k(pos + 1, state)
        case .gazetteer(let cls):
            guard pos < state.limit, hitAt[pos] >= 0 else { return }
            let hit = hits[Int(hitAt[pos])]
            guard hit.end <= state.limit else { return }
            let alias = gazetteer.aliases[hit.alias]
            let actor = gazetteer.actors[alias.actor]
            let ok: Bool
            switch cls {
            case .country: ok = actor.type == .country && alias.kind == .name
            case .demonym: ok = alias.kind == .demonym
            case .capital: ok = alias.kind == .capital
            case .person: ok = actor.type == .person
            case .organization: ok = actor.type == .organization
            }
            guard ok else { return }
            var s = state
            s.captures.append(("$" + cls.rawValue, pos..<hit.end, actor))
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
                // A gazetteer class records its actor; keep it under the label.
                let actor = s.captures.last.flatMap { $0.range == pos..<end ? $0.actor : nil }
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
