/// A small, fixed set of byte strings ("Inc", "Corp", "of"), tested against a slice of a text buffer without
/// making an array for the slice: the matcher's rules ask it once per token, so a `Set<[UInt8]>` lookup, which
/// needs the slice copied into an array first, would allocate on every token.
struct ByteStringSet: Sendable {
    /// Every entry's bytes, back to back, entries sorted by length.
    private var pool: [UInt8] = []
    /// Entry `k` is `pool[offsets[k]..<offsets[k] + length]`, where entries of length L are
    /// `firstOfLength[L]..<firstOfLength[L + 1]`.
    private var offsets: [Int] = []
    private var firstOfLength: [Int] = [0]

    init<S: Sequence>(_ words: S) where S.Element == String {
        let sorted = Set(words.map { Array($0.utf8) }).sorted { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
        let longest = sorted.last?.count ?? 0
        firstOfLength = Array(repeating: 0, count: longest + 2)
        for w in sorted {
            offsets.append(pool.count)
            pool.append(contentsOf: w)
        }
        var k = 0
        for length in 0...(longest + 1) {
            while k < sorted.count, sorted[k].count < length { k += 1 }
            firstOfLength[length] = k
        }
    }

    /// Whether `b[range]` is one of the entries (bytes compared exactly).
    /// - Complexity: O(entries of that length × length).
    @inline(__always)
    func contains(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let length = range.count
        guard length + 1 < firstOfLength.count else { return false }
        let lo = firstOfLength[length], hi = firstOfLength[length + 1]
        if lo == hi { return false }
        return pool.withUnsafeBufferPointer { p in
            for k in lo..<hi {
                let o = offsets[k]
                var same = true
                for j in 0..<length where p[o + j] != b[range.lowerBound + j] { same = false; break }
                if same { return true }
            }
            return false
        }
    }

    /// Whether `bytes` is one of the entries.
    func contains(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { contains($0, 0..<$0.count) }
    }
}
