import ActorRecognition
import Foundation

/// A chain of ties between two actors.
public struct ActorPath: Sendable {
    /// Actor ids from the start to the end.
    public var actors: [String]
    /// The weight of each tie along the chain.
    public var weights: [Double]
    /// The sum of 1/weight along the chain: smaller is stronger.
    public var distance: Double
}

extension CooccurrenceGraph {
    /// The strongest chain of ties from `a` to `b`: the shortest path when a tie of weight w has length 1/w
    /// (Dijkstra), so a chain of strong ties beats a single weak one. Ties with weight ≤ 0 are not used.
    /// Among equally short chains, the one whose actor ids come first wins. Nil when no chain exists.
    public func strongestPath(from a: String, to b: String, measure: Measure) -> ActorPath? {
        let adjacency = weightedAdjacencyList(measure: measure)
        guard let s = nodeIndex(id: a), let t = nodeIndex(id: b) else { return nil }
        var dist = [Double](repeating: .infinity, count: nodes.count)
        var previous = [Int](repeating: -1, count: nodes.count)
        var done = [Bool](repeating: false, count: nodes.count)
        dist[s] = 0
        var heap = MinHeap()
        heap.push((0, s))
        while let (d, u) = heap.pop() {
            if done[u] { continue }
            done[u] = true
            if u == t { break }
            for (v, w) in adjacency[u] where w > 0 {
                let nd = d + 1 / w
                if nd < dist[v] - 1e-12 || (abs(nd - dist[v]) <= 1e-12 && !done[v] && u < previous[v]) {
                    dist[v] = nd
                    previous[v] = u
                    heap.push((nd, v))
                }
            }
        }
        guard dist[t].isFinite else { return nil }
        var chain = [t]
        while chain.last! != s { chain.append(previous[chain.last!]) }
        chain.reverse()
        var weights: [Double] = []
        for k in 1..<max(chain.count, 1) {
            weights.append(adjacency[chain[k - 1]].first { $0.0 == chain[k] }!.1)
        }
        return ActorPath(actors: chain.map { nodes[$0].id }, weights: weights, distance: dist[t])
    }

    /// For each node index, its neighbours' indices and the edge weight under `measure`.
    func weightedAdjacencyList(measure: Measure) -> [[(Int, Double)]] {
        var adj = [[(Int, Double)]](repeating: [], count: nodes.count)
        for e in edges {
            guard let i = nodeIndex(id: e.source), let j = nodeIndex(id: e.target) else { continue }
            let w = measure.weight(e, in: self)
            adj[i].append((j, w))
            adj[j].append((i, w))
        }
        return adj
    }

    /// The subgraph of actors at most `depth` ties from `id`, with every edge among them.
    public func ego(_ id: String, depth: Int) -> CooccurrenceGraph {
        guard let start = nodeIndex(id: id) else { return self }
        let adj = weightedAdjacencyList(measure: .count)
        var level = [start]
        var seen: Set<Int> = [start]
        for _ in 0..<max(0, depth) {
            var next: [Int] = []
            for u in level { for (v, _) in adj[u] where seen.insert(v).inserted { next.append(v) } }
            level = next
        }
        let keep = Set(seen.map { nodes[$0].id })
        var g = self
        g.nodes = nodes.filter { keep.contains($0.id) }
        g.edges = edges.filter { keep.contains($0.source) && keep.contains($0.target) }
        return g
    }
}

/// A binary min-heap of (distance, node) pairs; ties broken by node index for determinism.
struct MinHeap {
    private var items: [(Double, Int)] = []

    mutating func push(_ x: (Double, Int)) {
        items.append(x)
        var i = items.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            if less(items[i], items[p]) { items.swapAt(i, p); i = p } else { break }
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < items.count, less(items[l], items[m]) { m = l }
            if r < items.count, less(items[r], items[m]) { m = r }
            if m == i { break }
            items.swapAt(i, m)
            i = m
        }
        return top
    }

    private func less(_ a: (Double, Int), _ b: (Double, Int)) -> Bool { a.0 != b.0 ? a.0 < b.0 : a.1 < b.1 }
}
