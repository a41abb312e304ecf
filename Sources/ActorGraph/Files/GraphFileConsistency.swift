import ActorRecognition

extension GraphFile {
    /// Checks that the counts of a graph file fit together, as every graph `build`, `merge` and the filters write
    /// does. A hand-edited file can hold any numbers, and the association measures divide by and take
    /// logarithms of them: an edge seen in more windows than one of its actors, for one, gives Jaccard a
    /// denominator of 0 or less.
    ///
    /// What holds for every window: no count is negative; an actor is in at most `totals.windows` windows; an
    /// edge's documents are at most its count, and its weight (the decayed sum) at most its count; the counts by
    /// day add up to at most the totals, and an actor's windows on a day are at most that day's windows. Where
    /// a tie is one window holding both actors (sentence, paragraph, document, or `--count documents`), an
    /// edge's count is at most either actor's windows, on the whole and on each day; under `tokens:K` and
    /// `decay:λ:C` it counts pairs, at most the product of the two. (Counts by day are optional: a day is
    /// compared with the actors' or the totals' counts by day only where those are given.)
    /// Document counts are not compared with `totals.documents`: after a time range they are bounded loosely.
    /// - Parameters:
    ///   - nodes: the nodes in file order (`node K` in messages is the K-th).
    ///   - edges: the edges in file order.
    ///   - fail: makes the error, naming the file.
    static func checkCounts(nodes: [GraphNode], edges: [GraphEdge], totalWindows: Int, totalDocuments: Int,
                            dayTotals: [Day: CooccurrenceGraph.DayTotal], options: BuildOptions,
                            _ fail: (String) -> InputError) throws(InputError) {
        let hint = " (the counts do not fit together; was the file edited by hand?)"
        guard totalWindows >= 0, totalDocuments >= 0 else {
            throw fail("\"totals\" has a negative count (windows \(totalWindows), documents \(totalDocuments))")
        }
        var dayWindows = 0, dayDocuments = 0
        for d in dayTotals.keys.sorted() {
            let t = dayTotals[d]!
            guard t.windows >= 0, t.documents >= 0 else { throw fail("\"totals\".\"days\" has a negative count on \(d)") }
            dayWindows += t.windows
            dayDocuments += t.documents
        }
        guard dayWindows <= totalWindows, dayDocuments <= totalDocuments else {
            throw fail("\"totals\".\"days\" add up to \(dayWindows) windows and \(dayDocuments) documents, more than the totals "
                       + "(\(totalWindows) windows, \(totalDocuments) documents)" + hint)
        }

        var byID: [String: GraphNode] = [:]
        for (k, n) in nodes.enumerated() {
            let what = "node \(k + 1) (\"\(n.id)\")"
            guard n.mentions >= 0, n.documents >= 0, n.windows >= 0 else {
                throw fail("\(what) has a negative count (mentions \(n.mentions), documents \(n.documents), windows \(n.windows))")
            }
            guard n.windows <= totalWindows else {
                throw fail("\(what) is in \(n.windows) windows, more than the \(totalWindows) windows in \"totals\"" + hint)
            }
            let daySum = n.days.values.reduce(0, +)
            guard daySum <= n.windows else {
                throw fail("\(what) has \(daySum) windows by day, more than its \(n.windows) windows" + hint)
            }
            for d in n.days.keys.sorted() where !dayTotals.isEmpty && n.days[d]! > (dayTotals[d]?.windows ?? 0) {
                throw fail("\(what) is in \(n.days[d]!) windows on \(d), more than the \(dayTotals[d]?.windows ?? 0) windows of that day in \"totals\"" + hint)
            }
            byID[n.id] = n
        }

        let oneWindowHoldsBoth: Bool
        switch options.window {
        case .sentence, .paragraph, .document: oneWindowHoldsBoth = true
        case .tokens, .decay: oneWindowHoldsBoth = options.count == .documents
        }
        /// The most times a pair of actors with these window counts can be tied.
        func bound(_ a: Int, _ b: Int) -> Int {
            if oneWindowHoldsBoth { return min(a, b) }
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            return overflow ? .max : product
        }
        for (k, e) in edges.enumerated() {
            let what = "edge \(k + 1) (\"\(e.source)\"–\"\(e.target)\")"
            guard e.count >= 0, e.documents >= 0 else {
                throw fail("\(what) has a negative count (count \(e.count), documents \(e.documents))")
            }
            guard e.documents <= e.count else {
                throw fail("\(what) is in \(e.documents) documents but only \(e.count) windows" + hint)
            }
            guard e.weight <= Double(e.count) * (1 + 1e-9) else {
                throw fail("\(what) has a \"weight\" of \(e.weight), more than its count \(e.count)" + hint)
            }
            guard let a = byID[e.source], let b = byID[e.target] else { continue }
            let most = bound(a.windows, b.windows)
            guard e.count <= most else {
                let unit = oneWindowHoldsBoth ? "windows" : "windows (pairs of \(options.window) counts are at most the product)"
                throw fail("\(what) has count \(e.count), more than the \(a.windows) \(unit) of \"\(a.id)\" and \(b.windows) of \"\(b.id)\" allow" + hint)
            }
            let daySum = e.days.values.reduce(0, +)
            guard daySum <= e.count else {
                throw fail("\(what) has \(daySum) windows by day, more than its count \(e.count)" + hint)
            }
            for d in e.days.keys.sorted() where !a.days.isEmpty && !b.days.isEmpty && e.days[d]! > bound(a.days[d] ?? 0, b.days[d] ?? 0) {
                throw fail("\(what) has count \(e.days[d]!) on \(d), more than the windows of \"\(a.id)\" (\(a.days[d] ?? 0)) "
                           + "and \"\(b.id)\" (\(b.days[d] ?? 0)) on that day allow" + hint)
            }
        }
    }
}
