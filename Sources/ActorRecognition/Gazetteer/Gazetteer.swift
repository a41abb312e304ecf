/// A list of actors and every name they go by. See `Docs/gazetteer.md` for the file format.
public struct Gazetteer: Sendable {
    /// How an alias is used.
    public enum AliasKind: String, Sendable, Hashable {
        /// A name: matched wherever it occurs.
        case name
        /// A country's demonym (adjective or people noun).
        case demonym
        /// A country's capital: a mention only where it stands for the government.
        case capital
    }

    /// One name of one actor.
    public struct Alias: Sendable, Hashable {
        public var text: String
        public var kind: AliasKind
        /// Matched with exact case only.
        public var exactCase: Bool
        /// Index of the actor in `actors`.
        public var actor: Int
        /// Where it was declared, for `--explain`: `FILE:LINE`.
        public var origin: String
    }

    /// Actors, in the order they were declared (a replaced actor keeps its place).
    public private(set) var actors: [Actor] = []
    /// Every alias, in the order declared. Later aliases win ties.
    public private(set) var aliases: [Alias] = []
    private var index: [String: Int] = [:]

    public init() {}

    /// The actor with `id`, if any.
    public func actor(id: String) -> Actor? { index[id].map { actors[$0] } }

    /// Adds an actor with its aliases; an actor with a known id replaces the earlier one and its aliases.
    public mutating func add(_ actor: Actor, aliases newAliases: [(text: String, kind: AliasKind, exactCase: Bool)], origin: String) {
        let slot: Int
        if let existing = index[actor.id] {
            slot = existing
            actors[slot] = actor
            aliases.removeAll { $0.actor == slot }
        } else {
            slot = actors.count
            actors.append(actor)
            index[actor.id] = slot
        }
        for a in newAliases {
            aliases.append(Alias(text: a.text, kind: a.kind, exactCase: a.exactCase, actor: slot, origin: origin))
        }
    }

    /// Adds every actor of `other`, in order, replacing actors with the same id.
    /// - Complexity: O(actors + aliases) of `other`, plus the aliases of replaced actors.
    public mutating func merge(_ other: Gazetteer) {
        var aliasesOf = [[Alias]](repeating: [], count: other.actors.count)
        for a in other.aliases { aliasesOf[a.actor].append(a) }
        for (i, actor) in other.actors.enumerated() {
            let own = aliasesOf[i]
            add(actor, aliases: own.map { ($0.text, $0.kind, $0.exactCase) }, origin: own.first?.origin ?? "")
        }
    }
}
