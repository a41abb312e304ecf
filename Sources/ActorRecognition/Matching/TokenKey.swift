#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The matching key of a token: what the gazetteer and patterns compare, case folded.
///
/// ASCII letters are lower-cased; curly apostrophes become `'`, curly double quotes `"`, en and em dashes `-`.
/// Other bytes are kept as they are.
enum TokenKey {
    /// Appends the key of `b[range]` to `out`.
    @inline(__always)
    static func append(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: inout [UInt8]) {
        var i = range.lowerBound
        while i < range.upperBound {
            let c = b[i]
            if c < 0x80 {
                out.append(UTF8Classes.isASCIIUpper(c) ? c | 0x20 : c)
                i += 1
                continue
            }
            if c == 0xE2, i + 2 < range.upperBound, b[i + 1] == 0x80 {
                switch b[i + 2] {
                case 0x98, 0x99: out.append(UInt8(ascii: "'")); i += 3; continue
                case 0x9C, 0x9D: out.append(UInt8(ascii: "\"")); i += 3; continue
                case 0x93, 0x94: out.append(UInt8(ascii: "-")); i += 3; continue
                default: break
                }
            }
            out.append(c)
            i += 1
        }
    }

    /// The hash of the key of `b[range]`, computed without building it. It equals `hash(key:)` of the key.
    ///
    /// ASCII tokens (nearly all) are folded and hashed eight bytes at a time; others are folded into a
    /// scratch buffer first.
    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        hashAndPrefix(b, range).hash
    }

    /// The hash of the key of `b[range]` (as `hash`), with the key's length and its first eight bytes as a
    /// little-endian word (zero-padded), which identify a key of up to eight bytes exactly.
    @inline(__always)
    static func hashAndPrefix(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (hash: UInt64, length: Int, prefix: UInt64) {
        let n = range.count
        guard let base = b.baseAddress else { return (hashFolded(nil, 0), 0, 0) }
        let p = base + range.lowerBound
        var h = seed(n)
        var i = 0
        var prefix: UInt64 = 0
        while i < n {
            let word: UInt64
            let take = min(8, n - i)
            if range.lowerBound + i + 8 <= b.count {
                word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & lowMask(take)
            } else {
                var w: UInt64 = 0
                for j in 0..<take { w |= UInt64(p[i + j]) << UInt64(8 * j) }
                word = w
            }
            if word & 0x8080_8080_8080_8080 != 0 { return hashSlow(b, range) }
            let folded = lowercased(word)
            if i == 0 { prefix = folded }
            h = mix(h, folded)
            i += 8
        }
        return (finish(h), n, prefix)
    }

    /// The first eight bytes of `key` as a little-endian word, zero-padded (the `prefix` of `hashAndPrefix`).
    static func prefix(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var w: UInt64 = 0
        for j in 0..<min(8, key.count) { w |= UInt64(key[j]) << UInt64(8 * j) }
        return w
    }

    /// Whether `key` is the key of `b[range]`, folding the token's bytes as `append` does.
    static func isKey(_ key: UnsafeBufferPointer<UInt8>, of b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var k = 0
        let whole = forEachFoldedByte(b, range) { c in
            guard k < key.count, key[k] == c else { return false }
            k += 1
            return true
        }
        return whole && k == key.count
    }

    /// Calls `body` with each byte of the key of `b[range]`, in order, until it returns false.
    /// - Returns: Whether every byte was taken.
    @inline(__always)
    private static func forEachFoldedByte(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: (UInt8) -> Bool) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            var c = b[i]
            if c < 0x80 {
                if UTF8Classes.isASCIIUpper(c) { c |= 0x20 }
                i += 1
            } else if c == 0xE2, i + 2 < range.upperBound, b[i + 1] == 0x80, let folded = foldedPunctuation(b[i + 2]) {
                c = folded
                i += 3
            } else {
                i += 1
            }
            if !body(c) { return false }
        }
        return true
    }

    /// The hash of a key (already folded).
    static func hash(key: [UInt8]) -> UInt64 {
        key.withUnsafeBufferPointer { hashFolded($0.baseAddress, $0.count) }
    }

    /// Folds a token with non-ASCII bytes into a scratch buffer and hashes that.
    private static func hashSlow(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (hash: UInt64, length: Int, prefix: UInt64) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count) { out in
            var n = 0
            _ = forEachFoldedByte(b, range) { c in
                out[n] = c
                n += 1
                return true
            }
            return (hashFolded(out.baseAddress, n), n, prefix(UnsafeBufferPointer(rebasing: out[0..<n])))
        }
    }

    /// The hash of `n` folded bytes at `p`, in eight-byte little-endian words (the last padded with zeros).
    private static func hashFolded(_ p: UnsafePointer<UInt8>?, _ n: Int) -> UInt64 {
        var h = seed(n)
        var i = 0
        while i < n {
            var w: UInt64 = 0
            for j in 0..<min(8, n - i) { w |= UInt64(p![i + j]) << UInt64(8 * j) }
            h = mix(h, w)
            i += 8
        }
        return finish(h)
    }

    @inline(__always) private static func seed(_ n: Int) -> UInt64 { 0x243F_6A88_85A3_08D3 ^ (UInt64(n) &* 0x9E37_79B9_7F4A_7C15) }
    @inline(__always) private static func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
        let x = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
        return x ^ (x >> 31)
    }
    @inline(__always) private static func finish(_ h: UInt64) -> UInt64 {
        let x = (h ^ (h >> 30)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }
    /// The low `bytes` bytes of a word set.
    @inline(__always) private static func lowMask(_ bytes: Int) -> UInt64 { bytes >= 8 ? ~0 : (UInt64(1) << UInt64(8 * bytes)) &- 1 }

    /// Eight ASCII bytes with `A`–`Z` lower-cased.
    @inline(__always) static func lowercased(_ w: UInt64) -> UInt64 {
        let atLeastA = w &+ 0x3F3F_3F3F_3F3F_3F3F   // high bit set where byte >= 0x41
        let pastZ = w &+ 0x2525_2525_2525_2525      // high bit set where byte >= 0x5B
        let upper = atLeastA & ~pastZ & 0x8080_8080_8080_8080
        return w | (upper >> 2)
    }

    @inline(__always)
    static func foldedPunctuation(_ third: UInt8) -> UInt8? {
        switch third {
        case 0x98, 0x99: return UInt8(ascii: "'")
        case 0x9C, 0x9D: return UInt8(ascii: "\"")
        case 0x93, 0x94: return UInt8(ascii: "-")
        default: return nil
        }
    }

}

/// Interned token keys, looked up straight from text bytes with no allocation.
struct TokenVocabulary: Sendable {
    private var pool: [UInt8] = []
    private var offsets: [Int32] = [0]
    private var hashes: [UInt64] = []
    /// Open addressing, two words per slot laid out as `FrozenVocabulary`'s: a tag (28 bits of the hash and
    /// the key's length when at most eight bytes) above the id, then the key's first eight bytes. Interning
    /// a word already held (most alias words repeat) then reads one slot and, for a key of up to eight bytes,
    /// no key pool: in a large gazetteer each of those reads is a cache miss.
    private var slots: [UInt64] = Array(repeating: TokenVocabulary.emptySlot, count: 2 * 1024)
    private static let emptySlot = UInt64.max
    private var mask = 1023

    var count: Int { hashes.count }

    /// The id of `key`, adding it when new.
    mutating func intern(_ key: [UInt8]) -> Int32 {
        intern(key, hash: TokenKey.hash(key: key))
    }

    /// The id of `key`, whose `TokenKey.hash` is `h`, adding it when new.
    mutating func intern(_ key: [UInt8], hash h: UInt64) -> Int32 {
        key.withUnsafeBufferPointer { intern(key: $0, hash: h, prefix: TokenKey.prefix($0)) }
    }

    /// The id of `key` (folded), whose `TokenKey.hash` is `h` and whose first eight bytes are `prefix`
    /// (`TokenKey.prefix`), adding it when new.
    mutating func intern(key: UnsafeBufferPointer<UInt8>, hash h: UInt64, prefix: UInt64) -> Int32 {
        let (found, slot) = find(hash: h, length: key.count, prefix: prefix) { sameKey($0, key) }
        if let found { return found }
        pool.append(contentsOf: key)
        return add(hash: h, length: key.count, prefix: prefix, at: slot)
    }

    /// The id of the key with this hash, length and prefix, or the empty slot where it goes. Keys of up to
    /// eight bytes are told apart by the slot alone; a longer one is confirmed by `same(id)`.
    @inline(__always)
    private func find(hash h: UInt64, length: Int, prefix: UInt64, _ same: (Int) -> Bool) -> (id: Int32?, slot: Int) {
        let tag = UInt64(FrozenVocabulary.tag(h, length: length))
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let entry = slots[2 * s]
            if entry == TokenVocabulary.emptySlot { return (nil, s) }
            if entry >> 32 == tag, slots[2 * s + 1] == prefix {
                let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF)
                if length <= 8 || same(id) { return (Int32(id), s) }
            }
            s = (s + 1) & mask
        }
    }

    /// Adds the key just appended to the pool, in the empty `slot` that `find` gave.
    private mutating func add(hash h: UInt64, length: Int, prefix: UInt64, at slot: Int) -> Int32 {
        let id = Int32(hashes.count)
        hashes.append(h)
        offsets.append(Int32(pool.count))
        slots[2 * slot] = UInt64(FrozenVocabulary.tag(h, length: length)) << 32 | UInt64(UInt32(id))
        slots[2 * slot + 1] = prefix
        if hashes.count * 2 > slots.count / 2 { grow() }
        return id
    }

    /// The first word of the slot where a key hashing to `h` is looked for first. Reading it ahead of
    /// `intern` brings that slot into the cache, so the cache misses of the lookups of a run of words overlap.
    @inline(__always)
    func firstSlot(_ h: UInt64) -> UInt64 { slots[2 * (Int(truncatingIfNeeded: h) & mask)] }

    private func sameKey(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = Int(offsets[id]), hi = Int(offsets[id + 1])
        guard hi - lo == key.count else { return false }
        return pool.withUnsafeBufferPointer { p in
            key.count == 0 || memcmp(p.baseAddress! + lo, key.baseAddress!, key.count) == 0
        }
    }

    /// Makes room for `words` words in all, so that interning them never rehashes.
    mutating func reserve(_ words: Int) {
        var size = slots.count / 2
        while size < words * 2 { size *= 2 }
        guard size > slots.count / 2 else { return }
        hashes.reserveCapacity(words)
        offsets.reserveCapacity(words + 1)
        rehash(size)
    }

    private mutating func grow() { rehash(slots.count) }

    private mutating func rehash(_ size: Int) {
        slots = Array(repeating: TokenVocabulary.emptySlot, count: 2 * size)
        mask = size - 1
        pool.withUnsafeBufferPointer { keys in
            for (id, h) in hashes.enumerated() {
                let start = Int(offsets[id]), end = Int(offsets[id + 1])
                var s = Int(truncatingIfNeeded: h) & mask
                while slots[2 * s] != TokenVocabulary.emptySlot { s = (s + 1) & mask }
                slots[2 * s] = UInt64(FrozenVocabulary.tag(h, length: end - start)) << 32 | UInt64(UInt32(id))
                slots[2 * s + 1] = TokenKey.prefix(UnsafeBufferPointer(rebasing: keys[start..<end]))
            }
        }
    }

    /// The vocabulary frozen for lookups from many threads.
    func frozen() -> FrozenVocabulary {
        // `reserve` sized the table for words that did not come (most alias words repeat): the frozen table is
        // the smallest power of two at least 1.5 times the words, so that it stays in cache; its probes seldom
        // leave a cache line of four slots.
        var size = 16
        while size < count + count / 2 { size *= 2 }
        let mask = size - 1
        var slots = [UInt64](repeating: FrozenVocabulary.emptySlot, count: 2 * size)
        pool.withUnsafeBufferPointer { keys in
            for (id, h) in hashes.enumerated() {
                let start = Int(offsets[id]), end = Int(offsets[id + 1])
                var s = Int(truncatingIfNeeded: h) & mask
                while slots[2 * s] != FrozenVocabulary.emptySlot { s = (s + 1) & mask }
                slots[2 * s] = UInt64(FrozenVocabulary.tag(h, length: end - start)) << 32 | UInt64(UInt32(id))
                slots[2 * s + 1] = TokenKey.prefix(UnsafeBufferPointer(rebasing: keys[start..<end]))
            }
        }
        var filter = [UInt64](repeating: 0, count: FrozenVocabulary.filterWords)
        for h in hashes { let bit = FrozenVocabulary.filterBit(h); filter[bit >> 6] |= UInt64(1) << UInt64(bit & 63) }
        // Eight bytes of padding, so the last key can be read a whole word at a time.
        return FrozenVocabulary(pool: FrozenBuffer(pool + [UInt8](repeating: 0, count: 8)), offsets: FrozenBuffer(offsets),
                                slots: FrozenBuffer(slots), mask: mask, filter: FrozenBuffer(filter))
    }
}

/// A `TokenVocabulary` that no longer grows, looked up through plain buffers.
struct FrozenVocabulary: Sendable {
    fileprivate let pool: FrozenBuffer<UInt8>
    fileprivate let offsets: FrozenBuffer<Int32>
    /// Open addressing, two words per slot. The first holds a tag (28 bits of the word's hash and its key's
    /// length when that is at most eight bytes, else 0) above the word's id, all ones when empty; the second
    /// the key's first eight bytes. A key of up to eight bytes (most words) is thus identified by the slot
    /// alone, with no read of the key pool; a longer one is compared with the pool.
    fileprivate let slots: FrozenBuffer<UInt64>
    fileprivate let mask: Int
    /// One bit per word hash (`filterBit`), 16 KB that stay in cache: most tokens that are no word of the
    /// vocabulary are told so here, without the cache miss of a probe into the larger slot table.
    fileprivate let filter: FrozenBuffer<UInt64>

    fileprivate static let filterWords = 2048
    @inline(__always)
    fileprivate static func filterBit(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h >> 47) }

    fileprivate static let emptySlot = UInt64.max

    /// The tag of a word in its slot: 28 bits of its hash and the length of its key when at most 8 bytes.
    @inline(__always)
    static func tag(_ h: UInt64, length: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: h >> 36) << 4 | UInt32(length <= 8 ? length : 0)
    }

    var count: Int { offsets.count - 1 }

    /// The id of the token `b[range]`, or -1 when the vocabulary does not hold it.
    @inline(__always)
    func lookup(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32 {
        var h: UInt64 = 0
        return lookup(b, range, hash: &h)
    }

    /// The same, also giving the hash of the token's key (`TokenKey.hash`), which identifies the word when the
    /// vocabulary does not hold it.
    @inline(__always)
    func lookup(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hash: inout UInt64) -> Int32 {
        let (h, length, prefix) = TokenKey.hashAndPrefix(b, range)
        hash = h
        let bit = FrozenVocabulary.filterBit(h)
        guard filter.buffer[bit >> 6] & (UInt64(1) << UInt64(bit & 63)) != 0 else { return -1 }
        let slots = self.slots.buffer
        let tag = UInt64(FrozenVocabulary.tag(h, length: length))
        let short = length <= 8
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let entry = slots[2 * s]
            if entry == FrozenVocabulary.emptySlot { return -1 }
            if entry >> 32 == tag, slots[2 * s + 1] == prefix {
                let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF)
                // Same length (at most 8) and same bytes: the same key. A longer key is compared in full.
                if short || keyEquals(id, b, range) { return Int32(id) }
            }
            s = (s + 1) & mask
        }
    }

    @inline(__always)
    private func keyEquals(_ id: Int, _ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let p = pool.buffer, offsets = self.offsets.buffer
        let k = Int(offsets[id])
        let end = Int(offsets[id + 1])
        // An ASCII token folds to a key of its own length: compare eight bytes at a time.
        let n = range.count
        if end - k == n, let text = b.baseAddress, let key = p.baseAddress, range.lowerBound + ((n + 7) & ~7) <= b.count {
            var i = 0
            var ascii = true
            while i < n {
                let take = min(8, n - i)
                let mask: UInt64 = take >= 8 ? ~0 : (UInt64(1) << UInt64(8 * take)) &- 1
                let w = UnsafeRawPointer(text + range.lowerBound + i).loadUnaligned(as: UInt64.self) & mask
                if w & 0x8080_8080_8080_8080 != 0 { ascii = false; break }
                if TokenKey.lowercased(w) != UnsafeRawPointer(key + k + i).loadUnaligned(as: UInt64.self) & mask { return false }
                i += 8
            }
            if ascii { return true }
        }
        return TokenKey.isKey(UnsafeBufferPointer(rebasing: p[k..<end]), of: b, range)
    }
}
