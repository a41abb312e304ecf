import ActorRecognition

/// A time bucket for timelines.
public enum TimeBucket: String, Sendable, CaseIterable {
    case day, week, month

    /// The first day of the bucket that holds `d` (weeks start on Monday, ISO 8601).
    public func start(of d: Day) -> Day {
        switch self {
        case .day: return d
        case .month: return Day(String(d.description.prefix(8)) + "01")!
        case .week:
            let n = d.ordinal
            let weekday = n % 7  // 0 = Monday: 0001-01-01 was a Monday in the proleptic Gregorian calendar
            return Day(ordinal: n - weekday)
        }
    }
}

/// One point of a timeline.
public struct TimelinePoint: Sendable, Hashable {
    public var bucket: Day
    /// Windows holding the actor (one actor) or both actors (a pair).
    public var count: Int
    /// All windows in the bucket.
    public var windows: Int
}

extension CooccurrenceGraph {
    /// How often an actor (or, with `other`, a pair) occurs per bucket, from dated windows. Every bucket from
    /// the first to the last dated day appears, zeros included.
    public func timeline(_ a: String, _ other: String? = nil, by bucket: TimeBucket) -> [TimelinePoint] {
        let source: [Day: Int]
        if let other {
            let (x, y) = a.utf8.lexicographicallyPrecedes(other.utf8) ? (a, other) : (other, a)
            source = edges.first { $0.source == x && $0.target == y }?.days ?? [:]
        } else {
            source = node(id: a)?.days ?? [:]
        }
        var counts: [Day: Int] = [:]
        var totals: [Day: Int] = [:]
        for (d, c) in source { counts[bucket.start(of: d), default: 0] += c }
        for (d, t) in dayTotals { totals[bucket.start(of: d), default: 0] += t.windows }
        guard let first = totals.keys.min(), let last = totals.keys.max() else { return [] }
        var out: [TimelinePoint] = []
        var d = first
        while d <= last {
            out.append(TimelinePoint(bucket: d, count: counts[d] ?? 0, windows: totals[d] ?? 0))
            switch bucket {
            case .day: d = Day(ordinal: d.ordinal + 1)
            case .week: d = Day(ordinal: d.ordinal + 7)
            case .month: d = d.month == 12 ? Day(year: d.year + 1, month: 1, day: 1) : Day(year: d.year, month: d.month + 1, day: 1)
            }
        }
        return out
    }
}

/// How an edge changed between two graphs.
public struct EdgeChange: Sendable, Hashable {
    public enum Kind: String, Sendable { case appeared, vanished, strengthened, weakened }
    public var kind: Kind
    public var source: String
    public var target: String
    public var old: Double
    public var new: Double
}

extension CooccurrenceGraph {
    /// Edges that appeared, vanished, strengthened or weakened from `old` to `self` under `measure`, the
    /// largest changes first.
    public func changes(since old: CooccurrenceGraph, measure: Measure) -> [EdgeChange] {
        var before: [String: (GraphEdge, Double)] = [:]
        for e in old.edges { before[e.source + "\u{0}" + e.target] = (e, measure.weight(e, in: old)) }
        var out: [EdgeChange] = []
        var seen = Set<String>()
        for e in edges {
            let key = e.source + "\u{0}" + e.target
            seen.insert(key)
            let w = measure.weight(e, in: self)
            if let (_, v) = before[key] {
                if w > v { out.append(EdgeChange(kind: .strengthened, source: e.source, target: e.target, old: v, new: w)) }
                if w < v { out.append(EdgeChange(kind: .weakened, source: e.source, target: e.target, old: v, new: w)) }
            } else {
                out.append(EdgeChange(kind: .appeared, source: e.source, target: e.target, old: 0, new: w))
            }
        }
        for (key, (e, v)) in before where !seen.contains(key) {
            out.append(EdgeChange(kind: .vanished, source: e.source, target: e.target, old: v, new: 0))
        }
        out.sort { a, b in
            let x = abs(a.new - a.old), y = abs(b.new - b.old)
            return x != y ? x > y : (a.source, a.target) < (b.source, b.target)
        }
        return out
    }
}
