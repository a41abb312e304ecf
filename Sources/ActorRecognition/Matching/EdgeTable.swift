/// The trie's edges, (node, word id) -> child, in an open-addressing table with a multiplicative hash: the
/// standard library's `Dictionary` hashes with SipHash, several times slower on this hot path.
struct EdgeTable: Sendable {
    fileprivate var keys: [UInt64]
    fileprivate var values: [Int32]
    fileprivate var mask: Int
    private(set) var count = 0
    static let empty = UInt64.max

    init() {
        keys = Array(repeating: EdgeTable.empty, count: 1024)
        values = Array(repeating: -1, count: 1024)
        mask = 1023
    }

    @inline(__always)
    static func key(_ node: Int32, _ word: Int32) -> UInt64 { UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: word)) }

    @inline(__always)
    static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E3779B97F4A7C15) >> 29) & mask
    }

    /// The child of `node` under `word`, or nil.
    @inline(__always)
    func child(_ node: Int32, _ word: Int32) -> Int32? {
        let k = EdgeTable.key(node, word)
        var s = EdgeTable.slot(k, mask)
        while true {
            let found = keys[s]
            if found == k { return values[s] }
            if found == EdgeTable.empty { return nil }
            s = (s + 1) & mask
        }
    }

    /// Makes room for `edges` edges in all, so that inserting them never rehashes.
    mutating func reserve(_ edges: Int) {
        var size = keys.count
        while size < edges * 2 { size *= 2 }
        guard size > keys.count else { return }
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: EdgeTable.empty, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k != EdgeTable.empty {
            insert(Int32(bitPattern: UInt32(truncatingIfNeeded: k >> 32)), Int32(bitPattern: UInt32(truncatingIfNeeded: k)), v)
        }
    }

    /// Sets the child of `node` under `word`.
    mutating func insert(_ node: Int32, _ word: Int32, _ child: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = EdgeTable.key(node, word)
        var s = EdgeTable.slot(k, mask)
        while keys[s] != EdgeTable.empty && keys[s] != k { s = (s + 1) & mask }
        if keys[s] == EdgeTable.empty { count += 1 }
        keys[s] = k
        values[s] = child
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: EdgeTable.empty, count: oldKeys.count * 2)
        values = Array(repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k != EdgeTable.empty {
            insert(Int32(bitPattern: UInt32(truncatingIfNeeded: k >> 32)), Int32(bitPattern: UInt32(truncatingIfNeeded: k)), v)
        }
    }
}

extension EdgeTable {
    /// The table frozen for lookups from many threads.
    func frozen() -> FrozenEdgeTable {
        FrozenEdgeTable(keys: FrozenBuffer(keys), values: FrozenBuffer(values), mask: mask)
    }
}

/// An `EdgeTable` that no longer grows, looked up through plain buffers.
struct FrozenEdgeTable: Sendable {
    fileprivate let keys: FrozenBuffer<UInt64>
    fileprivate let values: FrozenBuffer<Int32>
    fileprivate let mask: Int

    /// The child of `node` under `word`, or -1.
    @inline(__always)
    func child(_ node: Int32, _ word: Int32) -> Int32 {
        let k = EdgeTable.key(node, word)
        let keys = self.keys.buffer
        var s = EdgeTable.slot(k, mask)
        while true {
            let found = keys[s]
            if found == k { return values.buffer[s] }
            if found == EdgeTable.empty { return -1 }
            s = (s + 1) & mask
        }
    }
}
