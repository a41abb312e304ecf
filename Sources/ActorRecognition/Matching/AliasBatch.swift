/// A run of aliases made ready for `AliasTrieBuilder`: tokenized, with each word's folded key, hash and
/// case rule. Reading a batch needs nothing but the aliases, so the next batch can be read on another thread
/// while the builder adds the current one to the trie (see `GazetteerMatcher`).
struct AliasBatch: Sendable {
    /// How many aliases a batch holds.
    static let size = 4096

    /// Word w's folded key is `keys[keyEnd[w - 1]..<keyEnd[w]]` (from 0 for the first), with its
    /// `TokenKey.hash` and first eight bytes (`TokenKey.prefix`).
    private(set) var keys: [UInt8] = []
    private(set) var keyEnd: [Int32] = []
    private(set) var hashes: [UInt64] = []
    private(set) var prefixes: [UInt64] = []
    /// Whether the word counts in its alias's name key (a word or a number, not punctuation).
    private(set) var named: [Bool] = []
    /// The case rule of each word; `.exact` rules point into `exactBytes`.
    private(set) var rules: [GazetteerMatcher.CaseRule] = []
    private(set) var exactBytes: [UInt8] = []
    /// Where each alias's words end.
    private(set) var aliasEnd: [Int32] = []

    /// An empty batch with room for `AliasBatch.size` aliases of about three words each.
    init() {
        let words = 3 * AliasBatch.size
        keys.reserveCapacity(8 * words)
        keyEnd.reserveCapacity(words)
        hashes.reserveCapacity(words)
        prefixes.reserveCapacity(words)
        named.reserveCapacity(words)
        rules.reserveCapacity(words)
        aliasEnd.reserveCapacity(AliasBatch.size)
    }

    /// Reads `aliases` in place of what the batch held, keeping its arrays' memory (so that a batch reused on
    /// another thread allocates nothing there, which would grow that thread's own malloc arena).
    mutating func read(_ aliases: ArraySlice<Gazetteer.Alias>) {
        keys.removeAll(keepingCapacity: true)
        keyEnd.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        prefixes.removeAll(keepingCapacity: true)
        named.removeAll(keepingCapacity: true)
        rules.removeAll(keepingCapacity: true)
        exactBytes.removeAll(keepingCapacity: true)
        aliasEnd.removeAll(keepingCapacity: true)
        aliases.withUnsafeBufferPointer { aliases in
            for a in aliases.indices {
                let exactCase = aliases[a].exactCase
                // The text is read in place (a native string's UTF-8 is contiguous): copying the alias out of
                // the array would retain and release its string and its source once per alias.
                if aliases[a].text.utf8.withContiguousStorageIfAvailable({ add($0, exactCase: exactCase) }) == nil {
                    var text = aliases[a].text
                    text.withUTF8 { add($0, exactCase: exactCase) }
                }
            }
        }
    }

    /// Adds one alias, written `b`.
    private mutating func add(_ b: UnsafeBufferPointer<UInt8>, exactCase: Bool) {
        // The alias's tokens live on the stack, room for one per byte.
        withUnsafeTemporaryAllocation(of: Token.self, capacity: max(1, b.count)) { buffer in
            var out = Tokenizer.Output(base: buffer.baseAddress!)
            Tokenizer.tokenize(b, into: &out)
            for t in UnsafeBufferPointer(rebasing: buffer[0..<out.count]) {
                let (hash, _, prefix) = TokenKey.hashAndPrefix(b, t.range)
                TokenKey.append(b, t.range, to: &keys)
                keyEnd.append(Int32(keys.count))
                hashes.append(hash)
                prefixes.append(prefix)
                named.append(t.kind == .word || t.kind == .number)
                rules.append(rule(t, b, exactCase: exactCase))
            }
        }
        aliasEnd.append(Int32(hashes.count))
    }

    /// How token `t` of an alias must be written in the text.
    private mutating func rule(_ t: Token, _ b: UnsafeBufferPointer<UInt8>, exactCase: Bool) -> GazetteerMatcher.CaseRule {
        if t.kind != .word { return .init(kind: .any) }
        if exactCase {
            defer { exactBytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[t.range])) }
            return .init(kind: .exact, allowAllCaps: t.shape.contains(.capitalized) && !t.shape.contains(.allCaps),
                         offset: Int32(exactBytes.count), length: Int32(t.end - t.start))
        }
        return .init(kind: t.shape.contains(.capitalized) ? .capitalized : .any)
    }

    /// The key of word `w`, in `keys`.
    func key(_ w: Int, in keys: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: keys[(w == 0 ? 0 : Int(keyEnd[w - 1]))..<Int(keyEnd[w])])
    }
}
