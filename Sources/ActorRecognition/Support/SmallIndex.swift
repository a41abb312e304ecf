/// The position of each string in a list that only grows, for lists that are almost always short (a
/// document's actor ids).
///
/// A document names a dozen actors or so: scanning that few keys is cheaper than hashing a string into a
/// dictionary that is built, grown and dropped for every document. Each key is scanned by a 64-bit
/// fingerprint of its bytes first, so a look-up compares one integer per key and the strings only on a
/// fingerprint match (ids often share their first bytes, `organization:…`). Past `scanLimit` keys a
/// dictionary takes over, so a document with thousands of actors stays linear.
struct SmallIndex {
    /// The keys, in the order they were appended.
    private(set) var keys: [String] = []
    private var fingerprints: [UInt64] = []
    private var table: [String: Int]? = nil
    static var scanLimit: Int { 24 }

    /// The position of `key`, or nil.
    @inline(__always)
    func position(of key: String) -> Int? {
        if let table { return table[key] }
        let f = SmallIndex.fingerprint(key)
        for k in fingerprints.indices where fingerprints[k] == f && keys[k] == key { return k }
        return nil
    }

    /// Appends `key` (which is not in the list yet) and returns its position.
    @discardableResult
    mutating func append(_ key: String) -> Int {
        if keys.isEmpty { keys.reserveCapacity(8); fingerprints.reserveCapacity(8) }
        keys.append(key)
        let position = keys.count - 1
        if table != nil {
            table![key] = position
        } else if keys.count > Self.scanLimit {
            var t = [String: Int](minimumCapacity: keys.count * 2)
            for k in keys.indices where t[keys[k]] == nil { t[keys[k]] = k }
            table = t
            fingerprints = []
        } else {
            fingerprints.append(SmallIndex.fingerprint(key))
        }
        return position
    }

    /// The byte count and bytes of `s` mixed into 64 bits (equal strings, equal fingerprints).
    static func fingerprint(_ s: String) -> UInt64 {
        var h = UInt64(truncatingIfNeeded: s.utf8.count) &* 0x9E37_79B9_7F4A_7C15
        if let done = s.utf8.withContiguousStorageIfAvailable({ b -> UInt64 in
            var x = h
            for c in b { x = (x ^ UInt64(c)) &* 0x0000_0100_0000_01B3 }
            return x
        }) { h = done } else {
            for c in s.utf8 { h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3 }
        }
        return h
    }
}
