/// Finds gazetteer aliases in tokenized text with a token trie: one pass, cost independent of the number of
/// aliases. See `Docs/matcher.md`.
public struct GazetteerMatcher: Sendable {
    /// How one token of an alias must be written in the text.
    enum CaseRule: Sendable {
        /// Any case ("of", "the").
        case any
        /// First letter upper case (all capitals allowed, for headlines).
        case capitalized
        /// Exactly these bytes, or the same letters in all capitals when the alias word is capitalized.
        case exact([UInt8], allowAllCaps: Bool)
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
    var vocabulary = TokenVocabulary()
    private var edges = EdgeTable()
    private var nodeCount: Int32 = 1
    /// For each trie node, the aliases that end there (most nodes have none).
    private var terminals: [[Int32]] = [[]]
    /// The actor of each alias.
    private var aliasActor: [Int] = []
    private var rules: [[CaseRule]] = []

    /// Compiles the matcher.
    /// - Complexity: O(total alias length).
    public init(_ gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        rules.reserveCapacity(gazetteer.aliases.count)
        var key: [UInt8] = []
        for (index, alias) in gazetteer.aliases.enumerated() {
            let bytes = Array(alias.text.utf8)
            let tokens = Tokenizer.tokenize(bytes)
            var node: Int32 = 0
            var aliasRules: [CaseRule] = []
            bytes.withUnsafeBufferPointer { b in
                for t in tokens {
                    key.removeAll(keepingCapacity: true)
                    TokenKey.append(b, t.range, to: &key)
                    let id = vocabulary.intern(key)
                    if let child = edges.child(node, id) {
                        node = child
                    } else {
                        edges.insert(node, id, nodeCount)
                        node = nodeCount
                        nodeCount += 1
                        terminals.append([])
                    }
                    if t.kind != .word {
                        aliasRules.append(.any)
                    } else if alias.exactCase {
                        aliasRules.append(.exact(Array(b[t.range]), allowAllCaps: t.shape.contains(.capitalized) && !t.shape.contains(.allCaps)))
                    } else if t.shape.contains(.capitalized) {
                        aliasRules.append(.capitalized)
                    } else {
                        aliasRules.append(.any)
                    }
                }
            }
            rules.append(aliasRules)
            if !tokens.isEmpty { terminals[Int(node)].append(Int32(index)) }
            aliasActor.append(alias.actor)
        }
    }

    /// The vocabulary id of each token (-1 for a token no alias uses).
    public func tokenIDs(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token]) -> [Int32] {
        tokens.map { vocabulary.lookup(b, $0.range) }
    }

    /// The longest alias starting at each token, where one matches (case rules applied). On equal length, the
    /// alias declared last wins.
    /// - Complexity: O(tokens × longest alias length).
    public func hits(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], ids: [Int32]) -> [Hit] {
        var hits: [Hit] = []
        for start in tokens.indices where ids[start] >= 0 {
            var node: Int32 = 0
            var best: Hit? = nil
            var k = start
            while k < tokens.count, ids[k] >= 0 {
                guard let child = edges.child(node, ids[k]) else { break }
                node = child
                k += 1
                let ends = terminals[Int(node)]
                if !ends.isEmpty {
                    for alias in ends.reversed() where accepts(Int(alias), b, tokens, from: start) {
                        best = Hit(start: start, end: k, alias: Int(alias), actor: aliasActor[Int(alias)])
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
            guard ids[k] >= 0, let child = edges.child(node, ids[k]) else { return [] }
            node = child
        }
        return terminals[Int(node)].reversed().map(Int.init).filter { accepts($0, b, tokens, from: start) }
    }

    @inline(__always)
    private func accepts(_ alias: Int, _ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], from start: Int) -> Bool {
        for (offset, rule) in rules[alias].enumerated() {
            let t = tokens[start + offset]
            switch rule {
            case .any:
                continue
            case .capitalized:
                if !t.shape.contains(.capitalized) { return false }
            case let .exact(bytes, allowAllCaps):
                if allowAllCaps && t.shape.contains(.allCaps) { continue }
                if !b[t.range].elementsEqual(bytes) { return false }
            }
        }
        return true
    }
}
