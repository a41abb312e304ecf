/// Every compiled word list of a pattern set in flat arrays, looked up by list and first word.
///
/// Entries are word ids plus, per word, whether the text must capitalise it (those capitalised in the entry:
/// the gazetteer's case rule, so "Forces" does not match "forces" but "spokesman" matches any case). For list
/// `l` and first word `w`, the entries are `firstEntry[l * wordCount + w] ..< firstEntry[l * wordCount + w + 1]`,
/// longest first.
struct PatternLists: Sendable {
    /// One entry while compiling.
    struct Entry {
        var ids: [Int32]
        var capitalized: [Bool]
    }

    /// The words of each list's entries while compiling, by list index then first word id.
    private(set) var entriesByFirst: [[Int32: [Entry]]] = []
    private(set) var wordCount = 0

    private var firstEntry = FrozenBuffer<Int32>([0])
    private var entryStart = FrozenBuffer<Int32>([])
    private var entryLength = FrozenBuffer<Int32>([])
    private var entryWords = FrozenBuffer<Int32>([])
    private var entryCapitalized = FrozenBuffer<Bool>([])
    /// Whether word w alone is an entry of list l, at `l * wordCount + w`.
    private var single = FrozenBuffer<Bool>([])

    init() {}

    var count: Int { entriesByFirst.count }

    /// Adds a list and returns its index.
    mutating func add(_ entries: [Entry]) -> Int {
        var table: [Int32: [Entry]] = [:]
        for e in entries {
            guard let f = e.ids.first else { continue }
            table[f, default: []].append(e)
        }
        for k in table.keys { table[k]!.sort { $0.ids.count > $1.ids.count } }
        entriesByFirst.append(table)
        return entriesByFirst.count - 1
    }

    /// The first words of list `index`'s entries.
    func firstWords(_ index: Int) -> Dictionary<Int32, [Entry]>.Keys { entriesByFirst[index].keys }

    /// Freezes the lists once every word id is below `wordCount`.
    mutating func freeze(wordCount: Int) {
        self.wordCount = wordCount
        var first: [Int32] = []
        var starts: [Int32] = [], lengths: [Int32] = [], words: [Int32] = [], caps: [Bool] = []
        var singles = [Bool](repeating: false, count: count * wordCount)
        first.reserveCapacity(count * wordCount + 1)
        for (l, table) in entriesByFirst.enumerated() {
            // A list's first words in order, so that the words no entry starts with (nearly all) cost no
            // dictionary look-up.
            let firstWords = table.keys.sorted()
            var next = 0
            for w in 0..<wordCount {
                first.append(Int32(starts.count))
                while next < firstWords.count, firstWords[next] < Int32(w) { next += 1 }
                guard next < firstWords.count, firstWords[next] == Int32(w) else { continue }
                next += 1
                for e in table[Int32(w)]! {
                    starts.append(Int32(words.count))
                    lengths.append(Int32(e.ids.count))
                    words += e.ids
                    caps += e.capitalized
                    if e.ids.count == 1 { singles[l * wordCount + w] = true }
                }
            }
        }
        first.append(Int32(starts.count))
        firstEntry = FrozenBuffer(first)
        entryStart = FrozenBuffer(starts)
        entryLength = FrozenBuffer(lengths)
        entryWords = FrozenBuffer(words)
        entryCapitalized = FrozenBuffer(caps)
        single = FrozenBuffer(singles)
    }

    /// The buffers the matching machine reads.
    var view: View {
        View(wordCount: wordCount, firstEntry: firstEntry.buffer, entryStart: entryStart.buffer, entryLength: entryLength.buffer,
             entryWords: entryWords.buffer, entryCapitalized: entryCapitalized.buffer, single: single.buffer)
    }

    /// Plain pointers into frozen lists (valid while the `PatternLists` lives).
    struct View {
        let wordCount: Int
        let firstEntry: UnsafeBufferPointer<Int32>
        let entryStart: UnsafeBufferPointer<Int32>
        let entryLength: UnsafeBufferPointer<Int32>
        let entryWords: UnsafeBufferPointer<Int32>
        let entryCapitalized: UnsafeBufferPointer<Bool>
        let single: UnsafeBufferPointer<Bool>

        /// Whether the word `id` alone is an entry of list `list`.
        @inline(__always)
        func isSingle(_ list: Int, _ id: Int32) -> Bool { single[list * wordCount + Int(id)] }

        /// Whether some entry of `list` starts with word `id`.
        @inline(__always)
        func hasEntries(_ list: Int, _ id: Int32) -> Bool {
            let k = list * wordCount + Int(id)
            return firstEntry[k] != firstEntry[k + 1]
        }

        /// The length of the longest entry of `list` at `pos` whose words and case rules hold, or nil.
        @inline(__always)
        func longestMatch(_ list: Int, at pos: Int, limit: Int, ids: UnsafeBufferPointer<Int32>,
                          tokens: UnsafeBufferPointer<Token>) -> Int? {
            let id = ids[pos]
            guard id >= 0 else { return nil }
            let k = list * wordCount + Int(id)
            var e = Int(firstEntry[k])
            let end = Int(firstEntry[k + 1])
            while e < end {
                let n = Int(entryLength[e]), s = Int(entryStart[e])
                if pos + n <= limit {
                    var ok = true
                    var j = 0
                    while j < n {
                        if ids[pos + j] != entryWords[s + j]
                            || (entryCapitalized[s + j] && !tokens[pos + j].shape.contains(.capitalized)) { ok = false; break }
                        j += 1
                    }
                    if ok { return n }
                }
                e += 1
            }
            return nil
        }
    }
}
