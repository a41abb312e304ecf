/// Builds the alias trie of a `GazetteerMatcher`, one `AliasBatch` at a time: each alias's words are
/// interned into the vocabulary and walked down the trie from the root, adding the nodes that are missing.
///
/// A large gazetteer's vocabulary table is far bigger than the cache, so nearly every lookup of a rare word
/// is a cache miss. The batch's hashes are known in advance, so each word's slot is read a few words ahead of
/// its lookup, and those misses overlap instead of being waited for one by one.
struct AliasTrieBuilder {
    /// The edges below the root.
    var edges = EdgeTable()
    /// The root's children by word id (-1: none). Every alias starts at the root, so its first word is found
    /// with one read of this small array rather than a probe into the large edge table, which then holds only
    /// the edges below the root.
    var roots: [Int32]
    /// Nodes made so far; node 0 is the root.
    private(set) var nodeCount: Int32 = 1
    /// The case rule of every alias word, in order.
    var rules: [GazetteerMatcher.CaseRule] = []
    /// The bytes that `.exact` rules compare with.
    var exactBytes: [UInt8] = []
    /// The current batch's vocabulary ids.
    private var ids: [Int32] = []

    /// How many words ahead of its lookup a word's slot is read.
    private static let lookahead = 16

    /// - Parameters:
    ///   - words: The vocabulary's size before the first alias.
    ///   - aliases: How many aliases will be added (tables are sized for about two words each).
    init(words: Int, aliases: Int) {
        roots = [Int32](repeating: -1, count: words)
        roots.reserveCapacity(words + aliases)
        edges.reserve(2 * aliases)
    }

    /// Interns the batch's words into `vocabulary` and adds its aliases to the trie, in order.
    /// - Parameters:
    ///   - ends: Receives, per alias, the node it ends at (-1 when it has no token).
    ///   - nameKeys: Receives, per alias, its `PatternSet.nameKey`.
    mutating func add(_ batch: AliasBatch, to vocabulary: inout TokenVocabulary, ends: inout [Int32], nameKeys: inout [UInt64]) {
        let words = batch.hashes.count
        let ahead = AliasTrieBuilder.lookahead
        var sink: UInt64 = 0
        // The words' ids, each word's slot read a few words ahead of its lookup.
        ids.removeAll(keepingCapacity: true)
        for w in 0..<min(ahead, words) { sink &+= vocabulary.firstSlot(batch.hashes[w]) }
        batch.keys.withUnsafeBufferPointer { keys in
            for w in 0..<words {
                if w + ahead < words { sink &+= vocabulary.firstSlot(batch.hashes[w + ahead]) }
                ids.append(vocabulary.intern(key: batch.key(w, in: keys), hash: batch.hashes[w], prefix: batch.prefixes[w]))
            }
        }
        AliasTrieBuilder.keep(sink)
        // The walks down the trie. (Reading the edge below each alias's first word a few aliases ahead made no
        // measurable difference: most edges hang from nodes made by the same walk.)
        var w = 0
        for end in batch.aliasEnd {
            var node: Int32 = 0
            var nameKey = PatternSet.nameKeySeed
            let first = w
            while w < Int(end) {
                if batch.named[w] { nameKey = PatternSet.nameKey(nameKey, adding: batch.hashes[w]) }
                node = child(of: node, ids[w])
                w += 1
            }
            ends.append(w == first ? -1 : node)
            nameKeys.append(nameKey)
        }
        let base = Int32(exactBytes.count)
        for var rule in batch.rules {
            if rule.kind == .exact { rule.offset += base }
            rules.append(rule)
        }
        exactBytes.append(contentsOf: batch.exactBytes)
    }

    /// Takes what the look-ahead reads add up to, in a function the optimizer leaves alone, so that the reads
    /// (whose values are otherwise unused) are not removed.
    @inline(never) @_optimize(none)
    private static func keep(_ sum: UInt64) {}

    /// The child of `node` under `word`, made when missing.
    private mutating func child(of node: Int32, _ word: Int32) -> Int32 {
        if node == 0 {
            let w = Int(word)
            if w >= roots.count { roots.append(contentsOf: repeatElement(-1, count: w + 1 - roots.count)) }
            if roots[w] >= 0 { return roots[w] }
            roots[w] = nodeCount
        } else {
            if let child = edges.child(node, word) { return child }
            edges.insert(node, word, nodeCount)
        }
        nodeCount += 1
        return nodeCount - 1
    }

    /// The root's children for a vocabulary of `words` words.
    func rootChildren(words: Int) -> [Int32] {
        roots.count < words ? roots + repeatElement(-1, count: words - roots.count) : roots
    }
}
