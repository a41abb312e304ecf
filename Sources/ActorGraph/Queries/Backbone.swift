import ActorRecognition
import Foundation

extension CooccurrenceGraph {
    /// The disparity-filter backbone (Serrano, Boguñá & Vespignani, PNAS 2009): an edge stays when, from at
    /// least one of its endpoints with two or more edges, its share p of the endpoint's strength is unlikely
    /// under a uniform split: α = (1 − p)^(k − 1) < `alpha`. Edges of actors with a single edge are judged from
    /// the other endpoint only.
    public func backbone(alpha: Double, measure: Measure) -> CooccurrenceGraph {
        var strength: [String: Double] = [:]
        var degree: [String: Int] = [:]
        let weights = edges.map { max(0, measure.weight($0, in: self)) }
        for (e, w) in zip(edges, weights) {
            strength[e.source, default: 0] += w
            strength[e.target, default: 0] += w
            degree[e.source, default: 0] += 1
            degree[e.target, default: 0] += 1
        }
        func significant(_ node: String, _ w: Double) -> Bool {
            let k = degree[node] ?? 0, s = strength[node] ?? 0
            guard k > 1, s > 0 else { return false }
            let p = w / s
            return pow1m(p, k - 1) < alpha
        }
        var g = self
        g.edges = zip(edges, weights).filter { e, w in significant(e.source, w) || significant(e.target, w) }.map(\.0)
        return g
    }

    private func pow1m(_ p: Double, _ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<n { r *= (1 - p) }
        return r
    }
}
