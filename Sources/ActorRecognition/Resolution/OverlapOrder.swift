/// The orders `Recognizer.resolveOverlaps` sorts candidates in, as one integer per candidate.
///
/// A candidate is a large value (its pattern slots alone are 32 bytes); sorting the indices of a document's
/// candidates by one packed integer each is several times cheaper than a closure comparing four fields.
enum OverlapOrder {
    private static let indexBits: UInt64 = 24, startBits: UInt64 = 24, priorityBits: UInt64 = 4, lengthBits: UInt64 = 12

    /// Candidate indices, most preferred first: longer, then higher priority, then earlier start, then
    /// earlier index. Nil when a field does not fit its bits (then the caller compares fields).
    static func preference(_ candidates: [Candidate]) -> [Int]? {
        let maxIndex = (1 << indexBits) - 1, maxStart = (1 << startBits) - 1
        let maxPriority = (1 << priorityBits) - 1, maxLength = (1 << lengthBits) - 1
        guard candidates.count <= maxIndex else { return nil }
        var keys: [UInt64] = []
        keys.reserveCapacity(candidates.count)
        for (i, c) in candidates.enumerated() {
            guard c.start >= 0, c.start <= maxStart, c.length >= 0, c.length <= maxLength,
                  c.priority >= 0, c.priority <= maxPriority else { return nil }
            // Larger length and priority sort first: store their complements.
            var key = UInt64(maxLength - c.length)
            key = key << priorityBits | UInt64(maxPriority - c.priority)
            key = key << startBits | UInt64(c.start)
            key = key << indexBits | UInt64(i)
            keys.append(key)
        }
        keys.sort()
        let mask = (UInt64(1) << indexBits) - 1
        return keys.map { Int($0 & mask) }
    }

    /// Sorts candidate indices by their candidates' start, keeping the given order among equal starts.
    static func sortByStart(_ picked: inout [Int], _ candidates: [Candidate]) {
        let maxStart = (1 << startBits) - 1
        guard picked.count <= (1 << indexBits) - 1,
              picked.allSatisfy({ candidates[$0].start >= 0 && candidates[$0].start <= maxStart }) else {
            picked = picked.enumerated().sorted { (candidates[$0.element].start, $0.offset) < (candidates[$1.element].start, $1.offset) }
                .map(\.element)
            return
        }
        let keys = picked.enumerated().map { r, i in UInt64(candidates[i].start) << indexBits | UInt64(r) }.sorted()
        let mask = (UInt64(1) << indexBits) - 1
        let before = picked
        for (k, key) in keys.enumerated() { picked[k] = before[Int(key & mask)] }
    }
}
