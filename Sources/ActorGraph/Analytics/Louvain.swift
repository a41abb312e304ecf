extension CooccurrenceGraph {
    /// Communities found by the Louvain method: actors are moved one at a time to the neighbouring
    /// community that raises modularity most, until no move helps; each community then becomes one node of a
    /// smaller graph and the moves repeat there, level after level, until a level no longer raises
    /// modularity. Negative weights count as 0; an actor without weighted ties stays alone.
    ///
    /// The result is deterministic: nodes are visited in an order shuffled by a generator seeded with
    /// `seed` (SplitMix64 with a Fisher–Yates shuffle, both written out here, so the order does not depend
    /// on the standard library's shuffle). Each community is sorted by id; the communities by size, largest
    /// first, then by their first id.
    ///
    /// - Parameters:
    ///   - measure: the tie weights.
    ///   - resolution: above 1 favours smaller communities, below 1 larger ones (γ in `modularity(of:)`).
    ///   - seed: the seed of the visiting order.
    /// - Complexity: about O(E) per pass over the nodes; a few passes per level, a few levels.
    public func louvainCommunities(measure: Measure = .count, resolution: Double = 1, seed: UInt64 = 1) -> [[String]] {
        let adjacency = WeightedAdjacency(self, measure: measure)
        return adjacency.communities(membership: adjacency.louvain(resolution: resolution, seed: seed))
    }
}

extension WeightedAdjacency {
    /// A community label per node index (labels are 0..<k).
    func louvain(resolution: Double, seed: UInt64) -> [Int] {
        var membership = Array(0..<count)
        let m = totalWeight
        guard m > 0 else { return membership }
        var generator = SplitMix64(seed: seed)
        var level = LouvainLevel(self)
        var quality = modularity(membership: membership, resolution: resolution)
        while true {
            guard let (labels, communityCount) = level.moveNodes(m: m, resolution: resolution, using: &generator) else { break }
            membership = membership.map { labels[$0] }
            let q = modularity(membership: membership, resolution: resolution)
            // NetworkX stops below 1e-7; a smaller threshold costs at most one more cheap level.
            if q - quality <= 1e-10 { break }
            quality = q
            level = level.aggregated(labels: labels, communityCount: communityCount)
        }
        return membership
    }

    /// Labels per node index as sorted groups of actor ids.
    func communities(membership: [Int]) -> [[String]] {
        var groups = [[Int]](repeating: [], count: (membership.max() ?? -1) + 1)
        for (i, label) in membership.enumerated() { groups[label].append(i) }
        return sortedGroups(groups)
    }
}

/// One level of the Louvain method: a weighted graph whose nodes are the previous level's communities.
private struct LouvainLevel {
    var offsets: [Int]
    var neighbors: [Int]
    var weights: [Double]
    /// Weight of the ties inside each node (the self-loop an aggregated community carries).
    var inside: [Double]
    /// Each node's strength, its inside weight counted twice.
    var strength: [Double]

    var count: Int { inside.count }

    init(_ adjacency: WeightedAdjacency) {
        offsets = adjacency.offsets
        neighbors = adjacency.neighbors
        weights = adjacency.weights
        inside = [Double](repeating: 0, count: adjacency.count)
        strength = adjacency.strengths
    }

    init(offsets: [Int], neighbors: [Int], weights: [Double], inside: [Double], strength: [Double]) {
        self.offsets = offsets
        self.neighbors = neighbors
        self.weights = weights
        self.inside = inside
        self.strength = strength
    }

    /// Local moves until none raises modularity. Returns the community of each node, relabelled 0..<k in
    /// order of first appearance, and k; nil when no node moved.
    func moveNodes(m: Double, resolution: Double, using generator: inout SplitMix64) -> ([Int], Int)? {
        let n = count
        var community = Array(0..<n)
        var total = strength
        var order = Array(0..<n)
        generator.shuffle(&order)
        var weightTo = [Double](repeating: 0, count: n)
        var mark = [Int](repeating: -1, count: n)
        var touched: [Int] = []
        let twoMSquared = 2 * m * m
        // Gains below this are float noise (moving a node back into its own community "gains" ~1e-17).
        let minimumGain = 1e-13
        var movedAny = false
        var stamp = 0
        var passes = 0
        var moves = 1
        while moves > 0 && passes < 1_000 {
            moves = 0
            passes += 1
            for u in order {
                stamp += 1
                touched.removeAll(keepingCapacity: true)
                for slot in offsets[u]..<offsets[u + 1] {
                    let c = community[neighbors[slot]]
                    if mark[c] != stamp {
                        mark[c] = stamp
                        weightTo[c] = 0
                        touched.append(c)
                    }
                    weightTo[c] += weights[slot]
                }
                let own = community[u]
                let k = strength[u]
                total[own] -= k
                let ownWeight = mark[own] == stamp ? weightTo[own] : 0
                let removeCost = -ownWeight / m + resolution * total[own] * k / twoMSquared
                var best = own
                var bestGain = minimumGain
                for c in touched where c != own {
                    let gain = removeCost + weightTo[c] / m - resolution * total[c] * k / twoMSquared
                    if gain > bestGain {
                        bestGain = gain
                        best = c
                    }
                }
                total[best] += k
                if best != own {
                    community[u] = best
                    moves += 1
                    movedAny = true
                }
            }
        }
        guard movedAny else { return nil }
        var relabel = [Int](repeating: -1, count: n)
        var next = 0
        for u in 0..<n where relabel[community[u]] < 0 {
            relabel[community[u]] = next
            next += 1
        }
        return (community.map { relabel[$0] }, next)
    }

    /// The graph of communities: ties between two communities add up, ties inside one become its inside
    /// weight. Neighbour lists stay sorted.
    func aggregated(labels: [Int], communityCount k: Int) -> LouvainLevel {
        var members = [[Int]](repeating: [], count: k)
        for (u, c) in labels.enumerated() { members[c].append(u) }
        var newOffsets = [0]
        newOffsets.reserveCapacity(k + 1)
        var newNeighbors: [Int] = []
        var newWeights: [Double] = []
        var newInside = [Double](repeating: 0, count: k)
        var newStrength = [Double](repeating: 0, count: k)
        var weightTo = [Double](repeating: 0, count: k)
        var mark = [Int](repeating: -1, count: k)
        var touched: [Int] = []
        for c in 0..<k {
            touched.removeAll(keepingCapacity: true)
            for u in members[c] {
                newInside[c] += inside[u]
                newStrength[c] += strength[u]
                for slot in offsets[u]..<offsets[u + 1] {
                    let v = neighbors[slot]
                    let d = labels[v]
                    if d == c {
                        if u < v { newInside[c] += weights[slot] }
                        continue
                    }
                    if mark[d] != c {
                        mark[d] = c
                        weightTo[d] = 0
                        touched.append(d)
                    }
                    weightTo[d] += weights[slot]
                }
            }
            touched.sort()
            for d in touched {
                newNeighbors.append(d)
                newWeights.append(weightTo[d])
            }
            newOffsets.append(newNeighbors.count)
        }
        return LouvainLevel(offsets: newOffsets, neighbors: newNeighbors, weights: newWeights, inside: newInside,
                            strength: newStrength)
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny seeded generator, so the Louvain visiting order is the same
/// on every platform and toolchain.
private struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Fisher–Yates, from the back.
    mutating func shuffle(_ items: inout [Int]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            items.swapAt(i, j)
        }
    }
}
