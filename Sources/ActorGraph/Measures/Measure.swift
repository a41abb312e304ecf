import Foundation

/// An association measure: how strongly two actors are tied, derived from the raw counts at query time.
/// See `Docs/measures.md`.
public enum Measure: String, Sendable, CaseIterable {
    /// Windows in which both occur.
    case count
    /// Documents in which both occur in one window.
    case docs
    /// Pointwise mutual information, log2(P(ab) / (P(a) P(b))) over windows.
    case pmi
    /// PMI normalized to [-1, 1] by -log2 P(ab).
    case npmi
    /// 2 n(ab) / (n(a) + n(b)).
    case dice
    /// n(ab) / (n(a) + n(b) - n(ab)).
    case jaccard
    /// Dunning's log-likelihood ratio G² of the 2×2 window table.
    case g2

    /// The edge's weight under this measure: always a finite number.
    public func weight(_ edge: GraphEdge, in graph: CooccurrenceGraph) -> Double {
        let nab = edge.weight
        switch self {
        case .count: return nab
        case .docs: return Double(edge.documents)
        default: break
        }
        let na = Double(graph.node(id: edge.source)?.windows ?? 0)
        let nb = Double(graph.node(id: edge.target)?.windows ?? 0)
        let n = Double(max(graph.totalWindows, 1))
        return Measure.associate(self, nab: nab, na: na, nb: nb, n: n)
    }

    /// The measure from the counts; 0 when a count is 0 and, as a last guard, whenever the arithmetic does not
    /// give a finite number (no writer may print `inf` or `nan`).
    ///
    /// The measures other than count and docs read the counts as a 2×2 table of windows, where the joint count
    /// cannot exceed either actor's count. Under `tokens:K` and `decay:λ:C` n(ab) counts mention or sentence
    /// pairs and can (two mentions each, all close: n(ab) = 4 = n(a) + n(b), a Jaccard denominator of 0), so it
    /// is taken as at most min(n(a), n(b)); for the other windows that changes nothing.
    static func associate(_ m: Measure, nab: Double, na: Double, nb: Double, n: Double) -> Double {
        guard nab > 0, na > 0, nb > 0 else { return 0 }
        let value = table(m, nab: m == .count || m == .docs ? nab : min(nab, na, nb), na: na, nb: nb, n: n)
        return value.isFinite ? value : 0
    }

    private static func table(_ m: Measure, nab: Double, na: Double, nb: Double, n: Double) -> Double {
        switch m {
        case .pmi:
            return log2(nab * n / (na * nb))
        case .npmi:
            let pab = nab / n
            if pab >= 1 { return 1 }
            return log2(nab * n / (na * nb)) / -log2(pab)
        case .dice:
            return 2 * nab / (na + nb)
        case .jaccard:
            return nab / (na + nb - nab)
        case .g2:
            let k11 = nab, k12 = na - nab, k21 = nb - nab, k22 = n - na - nb + nab
            func term(_ k: Double, _ row: Double, _ col: Double) -> Double {
                guard k > 0 else { return 0 }
                return k * log(k * n / (row * col))
            }
            let g = 2 * (term(k11, k11 + k12, k11 + k21) + term(k12, k11 + k12, k12 + k22)
                         + term(k21, k21 + k22, k11 + k21) + term(k22, k21 + k22, k12 + k22))
            return max(0, g)
        case .count, .docs:
            return nab
        }
    }
}
