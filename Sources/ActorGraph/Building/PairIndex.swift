/// Edge numbers by packed (source, target) node indices, in an open-addressing table with a multiplicative
/// hash: the builder asks it once per co-occurring pair, and `Dictionary`'s SipHash costs several times more.
struct PairIndex: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0
    private static let empty = UInt64.max

    init() {
        keys = Array(repeating: PairIndex.empty, count: 256)
        values = Array(repeating: -1, count: 256)
        mask = 255
    }

    @inline(__always)
    static func key(_ source: Int32, _ target: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: source)) << 32 | UInt64(UInt32(bitPattern: target))
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29) & mask
    }

    /// The edge of the pair, if it has one.
    @inline(__always)
    subscript(key: UInt64) -> Int32? {
        var s = PairIndex.slot(key, mask)
        while true {
            let found = keys[s]
            if found == key { return values[s] }
            if found == PairIndex.empty { return nil }
            s = (s + 1) & mask
        }
    }

    /// Records the edge of a pair that has none yet.
    mutating func insert(_ key: UInt64, _ edge: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        var s = PairIndex.slot(key, mask)
        while keys[s] != PairIndex.empty { s = (s + 1) & mask }
        keys[s] = key
        values[s] = edge
        count += 1
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: PairIndex.empty, count: oldKeys.count * 2)
        values = Array(repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k != PairIndex.empty { insert(k, v) }
    }
}
