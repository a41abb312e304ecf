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

    /// FNV-1a hash of the key of `b[range]`, computed without building it.
    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        var i = range.lowerBound
        while i < range.upperBound {
            var c = b[i]
            if c < 0x80 {
                if UTF8Classes.isASCIIUpper(c) { c |= 0x20 }
                i += 1
            } else if c == 0xE2, i + 2 < range.upperBound, b[i + 1] == 0x80,
                      let folded = foldedPunctuation(b[i + 2]) {
                c = folded
                i += 3
            } else {
                i += 1
            }
            h = (h ^ UInt64(c)) &* 0x100000001b3
        }
        return h
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

    static func hash(key: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for c in key { h = (h ^ UInt64(c)) &* 0x100000001b3 }
        return h
    }
}

/// Interned token keys, looked up straight from text bytes with no allocation.
struct TokenVocabulary: Sendable {
    private var pool: [UInt8] = []
    private var offsets: [Int32] = [0]
    private var hashes: [UInt64] = []
    private var slots: [Int32] = Array(repeating: -1, count: 1024)
    private var mask = 1023

    var count: Int { hashes.count }

    /// The id of `key`, adding it when new.
    mutating func intern(_ key: [UInt8]) -> Int32 {
        let h = TokenKey.hash(key: key)
        var s = Int(truncatingIfNeeded: h) & mask
        while slots[s] >= 0 {
            let id = Int(slots[s])
            if hashes[id] == h, pool[Int(offsets[id])..<Int(offsets[id + 1])].elementsEqual(key) { return Int32(id) }
            s = (s + 1) & mask
        }
        let id = Int32(hashes.count)
        hashes.append(h)
        pool.append(contentsOf: key)
        offsets.append(Int32(pool.count))
        slots[s] = id
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for (id, h) in hashes.enumerated() {
            var s = Int(truncatingIfNeeded: h) & mask
            while slots[s] >= 0 { s = (s + 1) & mask }
            slots[s] = Int32(id)
        }
    }

    /// The id of the token `b[range]`, or -1 when no alias uses it.
    @inline(__always)
    func lookup(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32 {
        let h = TokenKey.hash(b, range)
        var s = Int(truncatingIfNeeded: h) & mask
        return pool.withUnsafeBufferPointer { p in
            while true {
                let id = slots[s]
                if id < 0 { return -1 }
                if hashes[Int(id)] == h, keyEquals(p, Int(id), b, range) { return id }
                s = (s + 1) & mask
            }
        }
    }

    @inline(__always)
    private func keyEquals(_ p: UnsafeBufferPointer<UInt8>, _ id: Int, _ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var k = Int(offsets[id])
        let end = Int(offsets[id + 1])
        var i = range.lowerBound
        while i < range.upperBound {
            var c = b[i]
            if c < 0x80 {
                if UTF8Classes.isASCIIUpper(c) { c |= 0x20 }
                i += 1
            } else if c == 0xE2, i + 2 < range.upperBound, b[i + 1] == 0x80, let f = TokenKey.foldedPunctuation(b[i + 2]) {
                c = f
                i += 3
            } else {
                i += 1
            }
            if k >= end || p[k] != c { return false }
            k += 1
        }
        return k == end
    }
}
