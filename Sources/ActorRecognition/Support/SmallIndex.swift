/// The position of each key in a list that only grows, for lists that are almost always short.
///
/// A document names a dozen actors or so: scanning that few keys is cheaper than hashing a string into a
/// dictionary that is built, grown and dropped for every document. Past `scanLimit` keys a dictionary takes
/// over, so a document with thousands of actors stays linear.
struct SmallIndex<Key: Hashable> {
    /// The keys, in the order they were appended.
    private(set) var keys: [Key] = []
    private var table: [Key: Int]? = nil
    static var scanLimit: Int { 24 }

    /// The position of `key`, or nil.
    @inline(__always)
    func position(of key: Key) -> Int? {
        if let table { return table[key] }
        for k in keys.indices where keys[k] == key { return k }
        return nil
    }

    /// Appends `key` (which is not in the list yet) and returns its position.
    @discardableResult
    mutating func append(_ key: Key) -> Int {
        if keys.isEmpty { keys.reserveCapacity(8) }
        keys.append(key)
        let position = keys.count - 1
        if table != nil {
            table![key] = position
        } else if keys.count > Self.scanLimit {
            var t = [Key: Int](minimumCapacity: keys.count * 2)
            for k in keys.indices where t[keys[k]] == nil { t[keys[k]] = k }
            table = t
        }
        return position
    }
}
