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
        // The keys live on the stack (or in a temporary buffer when there are many): only the order is kept.
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: max(1, candidates.count)) { keys -> [Int]? in
            for (i, c) in candidates.enumerated() {
                guard c.start >= 0, c.start <= maxStart, c.length >= 0, c.length <= maxLength,
                      c.priority >= 0, c.priority <= maxPriority else { return nil }
                // Larger length and priority sort first: store their complements.
                var key = UInt64(maxLength - c.length)
                key = key << priorityBits | UInt64(maxPriority - c.priority)
                key = key << startBits | UInt64(c.start)
                key = key << indexBits | UInt64(i)
                keys[i] = key
            }
            var sorted = UnsafeMutableBufferPointer(rebasing: keys[0..<candidates.count])
            sorted.sort()
            let mask = (UInt64(1) << indexBits) - 1
            return sorted.map { Int($0 & mask) }
        }
    }

    /// The candidates at `picked`, sorted by start, keeping the given order among equal starts.
    static func sortedByStart(_ picked: [Int], _ candidates: [Candidate]) -> [Candidate] {
        let maxStart = (1 << startBits) - 1
        guard picked.count <= (1 << indexBits) - 1,
              picked.allSatisfy({ candidates[$0].start >= 0 && candidates[$0].start <= maxStart }) else {
            return picked.enumerated().sorted { (candidates[$0.element].start, $0.offset) < (candidates[$1.element].start, $1.offset) }
                .map { candidates[$0.element] }
        }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: max(1, picked.count)) { keys in
            for (r, i) in picked.enumerated() { keys[r] = UInt64(candidates[i].start) << indexBits | UInt64(r) }
            var sorted = UnsafeMutableBufferPointer(rebasing: keys[0..<picked.count])
            sorted.sort()
            let mask = (UInt64(1) << indexBits) - 1
            return sorted.map { candidates[picked[Int($0 & mask)]] }
        }
    }
}
