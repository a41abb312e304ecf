extension CooccurrenceGraph {
    /// Betweenness centrality by actor id: for each actor, the share of shortest paths between other pairs
    /// of actors that pass through it (Brandes' algorithm with Dijkstra, on the undirected graph).
    ///
    /// A tie of weight w has length 1/w, so strong ties are short and a path along strong ties is "shorter"
    /// than one weak tie. Ties of weight 0 (and negative weights, which count as 0) are never walked.
    /// Every shortest path counts: when several paths between a pair are equally short, each carries an
    /// equal share. Path lengths are float sums, so two paths of the same length can differ in the last bits
    /// depending on the order of their ties; lengths within a relative 1e-12 of each other count as equal.
    ///
    /// With `normalized`, values are divided by (n − 1)(n − 2), the number of ordered pairs of other
    /// actors, as `networkx.betweenness_centrality(G, weight="distance", normalized=True)` does with
    /// distance = 1/weight; otherwise each unordered pair counts once.
    /// - Complexity: O(V · E log V) time, O(V + E) memory.
    public func betweenness(measure: Measure = .count, normalized: Bool = true) -> [String: Double] {
        let adjacency = WeightedAdjacency(self, measure: measure)
        return adjacency.byID(adjacency.betweenness(normalized: normalized))
    }
}

extension WeightedAdjacency {
    /// Betweenness by node index. `tolerance` is the relative difference under which two path lengths are
    /// equal; 0 compares them exactly, as NetworkX does.
    func betweenness(normalized: Bool, tolerance: Double = 1e-12) -> [Double] {
        let n = count
        guard n > 2 else { return [Double](repeating: 0, count: n) }
        // The V Dijkstra runs dominate everything; they work on raw buffers because arrays cost a function
        // call per access in debug builds, which made 1,200 actors take 13 s instead of 1.
        var scratch = BrandesScratch(self)
        defer { scratch.deallocate() }
        for s in 0..<n { scratch.accumulate(from: s, tolerance: tolerance) }
        // Each unordered pair was counted from both ends.
        let scale = normalized ? 1 / (Double(n - 1) * Double(n - 2)) : 0.5
        return (0..<n).map { scratch.centrality[$0] * scale }
    }
}

/// The graph and the per-source state of Brandes' algorithm in raw buffers, allocated once for all sources.
private struct BrandesScratch {
    let n: Int
    let offsets: UnsafeMutablePointer<Int>
    let neighbors: UnsafeMutablePointer<Int>
    /// 1/weight per slot; infinity for ties of weight 0, which are never walked.
    let length: UnsafeMutablePointer<Double>
    let centrality: UnsafeMutablePointer<Double>
    /// Per source: distance, settle position (-1 while unsettled), number of shortest paths, dependency.
    let dist: UnsafeMutablePointer<Double>
    let position: UnsafeMutablePointer<Int>
    let sigma: UnsafeMutablePointer<Double>
    let delta: UnsafeMutablePointer<Double>
    /// Settled nodes in order; the k-th one's predecessors are `preds[predStart[k]..<predStart[k + 1]]`.
    let order: UnsafeMutablePointer<Int>
    let predStart: UnsafeMutablePointer<Int>
    let preds: UnsafeMutablePointer<Int>
    var heap: DistanceHeap

    init(_ a: WeightedAdjacency) {
        n = a.count
        let slots = a.neighbors.count
        offsets = .allocate(capacity: n + 1)
        offsets.initialize(from: a.offsets, count: n + 1)
        neighbors = .allocate(capacity: max(slots, 1))
        neighbors.initialize(from: a.neighbors, count: slots)
        length = .allocate(capacity: max(slots, 1))
        length.initialize(from: a.weights.map { $0 > 0 ? 1 / $0 : .infinity }, count: slots)
        centrality = .allocate(capacity: n)
        centrality.initialize(repeating: 0, count: n)
        dist = .allocate(capacity: n)
        dist.initialize(repeating: .infinity, count: n)
        position = .allocate(capacity: n)
        position.initialize(repeating: -1, count: n)
        sigma = .allocate(capacity: n)
        sigma.initialize(repeating: 0, count: n)
        delta = .allocate(capacity: n)
        delta.initialize(repeating: 0, count: n)
        order = .allocate(capacity: n)
        predStart = .allocate(capacity: n + 1)
        preds = .allocate(capacity: max(slots, 1))
        // A node is pushed at most once per tie into it, plus the source.
        heap = DistanceHeap(capacity: slots + 1)
    }

    func deallocate() {
        for p in [offsets, neighbors, position, order, predStart, preds] { p.deallocate() }
        for p in [length, centrality, dist, sigma, delta] { p.deallocate() }
        heap.deallocate()
    }

    /// Adds the dependencies of source `s` to `centrality`.
    mutating func accumulate(from s: Int, tolerance: Double) {
        // Dijkstra: final distances and the order nodes are settled in.
        var settled = 0
        dist[s] = 0
        heap.push(0, s)
        while heap.count > 0 {
            let (d, u) = heap.pop()
            if position[u] >= 0 { continue }
            position[u] = settled
            order[settled] = u
            settled += 1
            var slot = offsets[u]
            let end = offsets[u + 1]
            while slot < end {
                let v = neighbors[slot]
                if position[v] < 0 {
                    let candidate = d + length[slot]
                    if candidate < dist[v] {
                        dist[v] = candidate
                        heap.push(candidate, v)
                    }
                }
                slot += 1
            }
        }

        // Predecessors and path counts in settle order: v precedes w on a shortest path when v settled
        // first and dist(v) + len(v, w) equals dist(w).
        var predCount = 0
        sigma[s] = 1
        predStart[0] = 0
        var k = 1
        while k < settled {
            predStart[k] = predCount
            let w = order[k]
            let dw = dist[w]
            var paths = 0.0
            var slot = offsets[w]
            let end = offsets[w + 1]
            while slot < end {
                let v = neighbors[slot]
                let pv = position[v]
                if pv >= 0 && pv < k {
                    let through = dist[v] + length[slot]
                    if through == dw || abs(through - dw) <= tolerance * dw {
                        preds[predCount] = v
                        predCount += 1
                        paths += sigma[v]
                    }
                }
                slot += 1
            }
            sigma[w] = paths
            k += 1
        }
        predStart[settled] = predCount

        // Dependencies, farthest first; then clear what this source touched.
        k = settled - 1
        while k >= 0 {
            let w = order[k]
            let coefficient = (1 + delta[w]) / sigma[w]
            var p = predStart[k]
            let end = predStart[k + 1]
            while p < end {
                let v = preds[p]
                delta[v] += sigma[v] * coefficient
                p += 1
            }
            if w != s { centrality[w] += delta[w] }
            k -= 1
        }
        k = 0
        while k < settled {
            let v = order[k]
            dist[v] = .infinity
            position[v] = -1
            sigma[v] = 0
            delta[v] = 0
            k += 1
        }
    }
}

/// A binary min-heap of (distance, node) pairs for Dijkstra, ordered by distance and then node index, in a
/// fixed-size buffer.
private struct DistanceHeap {
    private let keys: UnsafeMutablePointer<Double>
    private let values: UnsafeMutablePointer<Int>
    private let capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        keys = .allocate(capacity: capacity)
        values = .allocate(capacity: capacity)
    }

    func deallocate() {
        keys.deallocate()
        values.deallocate()
    }

    mutating func push(_ key: Double, _ value: Int) {
        precondition(count < capacity, "DistanceHeap overflow")
        var i = count
        count += 1
        // Sift up, moving parents down into the hole.
        while i > 0 {
            let parent = (i - 1) / 2
            let pk = keys[parent]
            guard key < pk || (key == pk && value < values[parent]) else { break }
            keys[i] = pk
            values[i] = values[parent]
            i = parent
        }
        keys[i] = key
        values[i] = value
    }

    /// The smallest pair; the heap must not be empty.
    mutating func pop() -> (Double, Int) {
        let top = (keys[0], values[0])
        count -= 1
        guard count > 0 else { return top }
        let key = keys[count], value = values[count]
        // Sift down the last element from the root.
        var i = 0
        while true {
            var child = 2 * i + 1
            if child >= count { break }
            let right = child + 1
            if right < count && (keys[right] < keys[child] || (keys[right] == keys[child] && values[right] < values[child])) {
                child = right
            }
            let ck = keys[child]
            guard ck < key || (ck == key && values[child] < value) else { break }
            keys[i] = ck
            values[i] = values[child]
            i = child
        }
        keys[i] = key
        values[i] = value
        return top
    }
}
