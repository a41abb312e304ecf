extension CooccurrenceGraph {
    /// The connected components: groups of actors joined by chains of ties (of any weight). Each group is
    /// sorted by id; the groups are sorted by size, largest first, then by their first id. An actor without
    /// ties is a component of its own.
    /// - Complexity: O(V + E log E).
    public func connectedComponents() -> [[String]] {
        let adjacency = WeightedAdjacency(self, measure: .count)
        return adjacency.sortedGroups(adjacency.components())
    }
}

extension WeightedAdjacency {
    /// The components as lists of node indices, in order of their smallest index.
    func components() -> [[Int]] {
        var seen = [Bool](repeating: false, count: count)
        var groups: [[Int]] = []
        var stack: [Int] = []
        for start in 0..<count where !seen[start] {
            seen[start] = true
            stack.append(start)
            var group: [Int] = []
            while let u = stack.popLast() {
                group.append(u)
                for slot in slots(of: u) where !seen[neighbors[slot]] {
                    seen[neighbors[slot]] = true
                    stack.append(neighbors[slot])
                }
            }
            groups.append(group)
        }
        return groups
    }
}
