import Dispatch

/// Finds gazetteer aliases in tokenized text with a token trie: one pass, cost independent of the number of
/// aliases. See `Docs/matcher.md`.
public struct GazetteerMatcher: Sendable {
    /// How one token of an alias must be written in the text.
    struct CaseRule: Sendable {
        enum Kind: UInt8 {
            /// Any case ("of", "the").
            case any
            /// First letter upper case (all capitals allowed, for headlines).
            case capitalized
            /// Exactly the bytes `exactBytes[offset..<offset+length]`, or the same letters in all capitals when
            /// `allowAllCaps` (the alias word is capitalized).
            case exact
        }
        var kind: Kind
        var allowAllCaps = false
        var offset: Int32 = 0
        var length: Int32 = 0
    }

    /// An alias found at a token range.
    public struct Hit: Sendable, Hashable {
        /// First token.
        public var start: Int
        /// One past the last token.
        public var end: Int
        /// Index into `gazetteer.aliases`.
        public var alias: Int
        /// Index into `gazetteer.actors`.
        public var actor: Int
    }

    public let gazetteer: Gazetteer
    /// The words of every alias (and whatever was interned before them), frozen for lookups: a token's id is
    /// its index here.
    let lookup: FrozenVocabulary
    private let edges: FrozenEdgeTable
    /// The root's children by word id (-1: no alias starts with the word): most tokens start no alias, and
    /// this answers them with one array read.
    private let rootChild: FrozenBuffer<Int32>
    /// The aliases ending at each trie node, in declaration order: node n's are
    /// `terminalAliases[terminalStart[n]..<terminalStart[n + 1]]` (most nodes have none).
    private let terminalStart: FrozenBuffer<Int32>
    private let terminalAliases: FrozenBuffer<Int32>
    /// The actor of each alias.
    private let aliasActor: FrozenBuffer<Int32>
    /// The case rules of alias a, one per token: `rules[ruleStart[a]..<ruleStart[a + 1]]`.
    private let ruleStart: FrozenBuffer<Int32>
    private let rules: FrozenBuffer<CaseRule>
    private let exactBytes: FrozenBuffer<UInt8>
    /// The `GazetteerClass` bits of each alias, which patterns test (`$country`, `$person`, …).
    let aliasClasses: FrozenBuffer<UInt8>

    /// Compiles the matcher, interning the aliases' words into `vocabulary` (which may already hold other
    /// words: the recognizer shares one vocabulary between the resolution rules, the patterns and the
    /// gazetteer, so that each token is looked up once).
    /// - Parameter jobs: With 2 or more, the next batch of aliases is read (tokenized, folded, hashed) on a
    ///   second thread while the current one goes into the trie; the matcher is the same for any value.
    /// - Complexity: O(total alias length).
    public init(_ gazetteer: Gazetteer, jobs: Int = 1) {
        var vocabulary = TokenVocabulary()
        var keys: [UInt64] = []
        self.init(gazetteer, vocabulary: &vocabulary, aliasNameKeys: &keys, jobs: jobs)
    }

    /// The vocabulary is left empty afterwards: the matcher's frozen copy is the recognizer's lookup table.
    /// - Parameter aliasNameKeys: Receives each alias's `PatternSet.nameKey`, made from the hashes the
    ///   vocabulary needs anyway (so patterns resolve names to actors without tokenizing every alias again).
    init(_ gazetteer: Gazetteer, vocabulary: inout TokenVocabulary, aliasNameKeys: inout [UInt64], jobs: Int = 1) {
        self.gazetteer = gazetteer
        let count = gazetteer.aliases.count
        // Aliases have a word or two of their own each, in large gazetteers of names.
        vocabulary.reserve(vocabulary.count + count)
        var trie = AliasTrieBuilder(words: vocabulary.count, aliases: count)
        var terminalNode: [Int32] = []
        terminalNode.reserveCapacity(count)
        aliasNameKeys.removeAll()
        aliasNameKeys.reserveCapacity(count)
        var ruleStart: [Int32] = [0]
        ruleStart.reserveCapacity(count + 1)
        let batches = stride(from: 0, to: count, by: AliasBatch.size).map { $0..<min(count, $0 + AliasBatch.size) }
        func add(_ batch: AliasBatch) {
            trie.add(batch, to: &vocabulary, ends: &terminalNode, nameKeys: &aliasNameKeys)
            let base = ruleStart.last!
            for end in batch.aliasEnd { ruleStart.append(base + end) }
        }
        if jobs < 2 || batches.count < 2 {
            var batch = AliasBatch()
            for range in batches {
                batch.read(gazetteer.aliases[range])
                add(batch)
            }
        } else {
            // Reading a batch (tokenizing, folding, hashing) needs only the aliases: the next batch is read on
            // another thread while this one goes into the trie, which must be built in order. Two batches take
            // turns, each handed over whole (moved, never shared), so the reader fills memory it was given.
            let aliases = gazetteer.aliases
            func read(_ k: Int, into batch: consuming AliasBatch) -> (done: DispatchGroup, slot: ResultSlots<AliasBatch>) {
                let done = DispatchGroup(), slot = ResultSlots<AliasBatch>(count: 1), range = batches[k]
                slot.set(0, batch)
                DispatchQueue.global().async(group: done) {
                    var b = slot.take(0)
                    b.read(aliases[range])
                    slot.set(0, b)
                }
                return (done, slot)
            }
            var spare = AliasBatch()
            var next = read(0, into: AliasBatch())
            for k in batches.indices {
                next.done.wait()
                let batch = next.slot.take(0)
                if k + 1 < batches.count { next = read(k + 1, into: consume spare) }
                add(batch)
                spare = consume batch
            }
        }
        var aliasActor: [Int32] = []
        var classes: [UInt8] = []
        aliasActor.reserveCapacity(count)
        classes.reserveCapacity(count)
        let actors = gazetteer.actors
        gazetteer.aliases.withUnsafeBufferPointer { aliases in
            for a in aliases.indices {
                aliasActor.append(Int32(aliases[a].actor))
                classes.append(GazetteerClass.mask(kind: aliases[a].kind, type: actors[aliases[a].actor].type))
            }
        }
        // Each table is frozen and its building copy dropped at once, so a large gazetteer never holds both.
        let nodeCount = trie.nodeCount
        self.rootChild = FrozenBuffer(trie.rootChildren(words: vocabulary.count))
        trie.roots = []
        self.edges = trie.edges.frozen()
        trie.edges = EdgeTable()
        self.rules = FrozenBuffer(trie.rules)
        trie.rules = []
        self.exactBytes = FrozenBuffer(trie.exactBytes)
        trie.exactBytes = []
        // The vocabulary is complete: nothing is interned after the gazetteer, so the caller's copy goes too.
        self.lookup = vocabulary.frozen()
        vocabulary = TokenVocabulary()
        // Group the aliases by the node they end at, keeping declaration order within a node.
        var start = [Int32](repeating: 0, count: Int(nodeCount) + 1)
        for n in terminalNode where n >= 0 { start[Int(n) + 1] += 1 }
        for k in 0..<Int(nodeCount) { start[k + 1] += start[k] }
        var terminals = [Int32](repeating: 0, count: Int(start[Int(nodeCount)]))
        do {
            var fill = start
            for (a, n) in terminalNode.enumerated() where n >= 0 {
                terminals[Int(fill[Int(n)])] = Int32(a)
                fill[Int(n)] += 1
            }
        }
        terminalNode = []
        self.terminalStart = FrozenBuffer(start)
        start = []
        self.terminalAliases = FrozenBuffer(terminals)
        terminals = []
        self.aliasActor = FrozenBuffer(aliasActor)
        aliasActor = []
        self.ruleStart = FrozenBuffer(ruleStart)
        ruleStart = []
        self.aliasClasses = FrozenBuffer(classes)
    }

    /// The vocabulary id of each token (-1 for a token no alias uses).
    public func tokenIDs(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token]) -> [Int32] {
        tokens.map { lookup.lookup(b, $0.range) }
    }

    /// The longest alias starting at each token, where one matches (case rules applied). On equal length, the
    /// alias declared last wins.
    /// - Parameter ids: Each token's id in the vocabulary this matcher was built with.
    /// - Complexity: O(tokens × longest alias length).
    public func hits(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], ids: [Int32]) -> [Hit] {
        tokens.withUnsafeBufferPointer { tp in ids.withUnsafeBufferPointer { ip in hits(b, tp, ids: ip) } }
    }

    func hits(_ b: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>, ids: UnsafeBufferPointer<Int32>) -> [Hit] {
        var hits: [Hit] = []
        hits.reserveCapacity(tokens.count / 8)
        let terminalStart = self.terminalStart.buffer, terminalAliases = self.terminalAliases.buffer
        let roots = rootChild.buffer
        for start in 0..<tokens.count where ids[start] >= 0 && roots[Int(ids[start])] >= 0 {
            var node: Int32 = 0
            var best: Hit? = nil
            var k = start
            while k < tokens.count, ids[k] >= 0 {
                let child = node == 0 ? roots[Int(ids[k])] : edges.child(node, ids[k])
                if child < 0 { break }
                node = child
                k += 1
                var t = Int(terminalStart[Int(node) + 1])
                let first = Int(terminalStart[Int(node)])
                while t > first {
                    t -= 1
                    let alias = Int(terminalAliases[t])
                    if accepts(alias, b, tokens, from: start) {
                        best = Hit(start: start, end: k, alias: alias, actor: Int(aliasActor.buffer[alias]))
                        break
                    }
                }
            }
            if let best { hits.append(best) }
        }
        return hits
    }

    /// All aliases that match exactly the tokens `start..<end`, latest declared first.
    public func aliases(matching b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], ids: [Int32], _ start: Int, _ end: Int) -> [Int] {
        var node: Int32 = 0
        for k in start..<end {
            guard ids[k] >= 0 else { return [] }
            node = node == 0 ? rootChild.buffer[Int(ids[k])] : edges.child(node, ids[k])
            if node < 0 { return [] }
        }
        let lo = Int(terminalStart.buffer[Int(node)]), hi = Int(terminalStart.buffer[Int(node) + 1])
        return tokens.withUnsafeBufferPointer { tp in
            (lo..<hi).reversed().map { Int(terminalAliases.buffer[$0]) }.filter { accepts($0, b, tp, from: start) }
        }
    }

    @inline(__always)
    private func accepts(_ alias: Int, _ b: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>, from start: Int) -> Bool {
        let lo = Int(ruleStart.buffer[alias]), hi = Int(ruleStart.buffer[alias + 1])
        let rules = self.rules.buffer
        for r in lo..<hi {
            let rule = rules[r]
            let t = tokens[start + r - lo]
            switch rule.kind {
            case .any:
                continue
            case .capitalized:
                if !t.shape.contains(.capitalized) { return false }
            case .exact:
                if rule.allowAllCaps && t.shape.contains(.allCaps) { continue }
                let n = Int(rule.length)
                guard Int(t.end - t.start) == n else { return false }
                let exact = exactBytes.buffer
                for j in 0..<n where b[Int(t.start) + j] != exact[Int(rule.offset) + j] { return false }
            }
        }
        return true
    }
}
