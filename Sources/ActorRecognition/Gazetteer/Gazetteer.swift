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
        /// The file it was declared in, shared by every alias of that file: an alias carries a reference
        /// and a line number instead of its own `FILE:LINE` string (a million aliases made a million strings).
        let source: GazetteerSource
        /// The line of its entry's header; 0 when the origin has no line.
        let line: UInt32

        init(text: String, kind: AliasKind, exactCase: Bool, actor: Int, source: GazetteerSource, line: UInt32) {
            self.text = text
            self.kind = kind
            self.exactCase = exactCase
            self.actor = actor
            self.source = source
            self.line = line
        }

        /// Where it was declared, for `--explain`: `FILE:LINE`.
        public var origin: String { line == 0 ? source.file : "\(source.file):\(line)" }
    }

    /// Actors, in the order they were declared (a replaced actor keeps its place).
    public private(set) var actors: [Actor] = []
    /// Every alias, in the order declared. Later aliases win ties.
    public private(set) var aliases: [Alias] = []
    private var index = ActorIndex()

    public init() {}

    /// The actor with `id`, if any.
    public func actor(id: String) -> Actor? { slot(of: id).map { actors[$0] } }

    /// Adds an actor with its aliases; an actor with a known id replaces the earlier one and its aliases.
    /// - Parameter origin: where the actor was declared, `FILE:LINE` (kept as the file and the line).
    /// - Complexity: O(`newAliases`) for a new id; replacing an actor also scans every alias once.
    public mutating func add(_ actor: Actor, aliases newAliases: [(text: String, kind: AliasKind, exactCase: Bool)], origin: String) {
        let slot: Int
        if let existing = self.slot(of: actor.id) {
            slot = existing
            actors[slot] = actor
            aliases.removeAll { $0.actor == slot }
        } else {
            slot = actors.count
            appendActor(actor)
        }
        let (source, line) = GazetteerSource.split(origin)
        for a in newAliases {
            aliases.append(Alias(text: a.text, kind: a.kind, exactCase: a.exactCase, actor: slot, source: source, line: line))
        }
    }

    /// Adds every actor of `other`, in order, replacing actors with the same id (a replaced actor keeps its
    /// place and loses its aliases). `other`'s aliases follow this gazetteer's, in `other`'s order, so a name
    /// claimed by both belongs to `other`.
    /// - Complexity: O(actors + aliases) of `other`, plus one pass over this gazetteer's aliases when an actor
    ///   is replaced. Merging into an empty gazetteer copies nothing.
    public mutating func merge(_ other: Gazetteer) {
        if actors.isEmpty {
            self = other
            return
        }
        let known = actors.count
        var replaced: [Bool] = []
        var slotOf = [Int](repeating: 0, count: other.actors.count)
        reserveCapacity(actors: actors.count + other.actors.count, aliases: aliases.count + other.aliases.count)
        for (i, actor) in other.actors.enumerated() {
            if let existing = slot(of: actor.id) {
                if replaced.isEmpty { replaced = [Bool](repeating: false, count: known) }
                replaced[existing] = true
                actors[existing] = actor
                slotOf[i] = existing
            } else {
                slotOf[i] = actors.count
                appendActor(actor)
            }
        }
        if !replaced.isEmpty { aliases.removeAll { replaced[$0.actor] } }
        for var a in other.aliases {
            a.actor = slotOf[a.actor]
            aliases.append(a)
        }
    }
}

// The parser builds a gazetteer in place through these, so a file of any size is read in one linear pass.
extension Gazetteer {
    mutating func reserveCapacity(actors actorCount: Int, aliases aliasCount: Int) {
        actors.reserveCapacity(actorCount)
        aliases.reserveCapacity(aliasCount)
        index.reserveCapacity(actorCount, actors: actors)
    }

    /// The slot of the actor with `id` in `actors`.
    func slot(of id: String) -> Int? { index.slot(of: id, hash: id.hashValue, in: actors) }

    /// The same, given the id's `hashValue` (which `appendActor` can then reuse).
    func slot(of id: String, hash: Int) -> Int? { index.slot(of: id, hash: hash, in: actors) }

    /// Appends an actor whose id is not known yet.
    mutating func appendActor(_ actor: Actor) { appendActor(actor, idHash: actor.id.hashValue) }

    /// The same, given the `hashValue` of its id.
    mutating func appendActor(_ actor: Actor, idHash: Int) {
        actors.append(actor)
        index.insert(slot: actors.count - 1, hash: idHash, actors: actors)
    }

    /// Replaces the actor at `slot` with one of the same id.
    mutating func replaceActor(at slot: Int, with actor: Actor) {
        assert(actors[slot].id == actor.id)
        actors[slot] = actor
    }

    mutating func appendAlias(_ alias: Alias) { aliases.append(alias) }

    mutating func removeAliases(where drop: (Alias) -> Bool) { aliases.removeAll(where: drop) }
}

/// The name of a file aliases were declared in; one object per parsed file, shared by all its aliases.
final class GazetteerSource: Sendable, Hashable {
    let file: String

    init(file: String) { self.file = file }

    static func == (a: GazetteerSource, b: GazetteerSource) -> Bool { a === b || a.file == b.file }
    func hash(into h: inout Hasher) { h.combine(file) }

    /// `FILE:LINE` split into the file and the line, when it ends in a line number that reads back the same;
    /// anything else is kept whole with line 0, so `Alias.origin` gives back exactly the text it was given.
    static func split(_ origin: String) -> (GazetteerSource, UInt32) {
        if let colon = origin.utf8.lastIndex(of: UInt8(ascii: ":")) {
            let digits = origin.utf8[origin.utf8.index(after: colon)...]
            if let line = UInt32(Substring(digits)), line > 0, String(line).utf8.elementsEqual(digits) {
                return (GazetteerSource(file: String(Substring(origin.utf8[..<colon]))), line)
            }
        }
        return (GazetteerSource(file: origin), 0)
    }
}

/// Actor ids to slots in `actors`: open addressing over 8-byte buckets (a slot and 32 bits of the id's hash,
/// so a probe reads an actor's id only when the hashes agree), with the ids themselves read from `actors`.
/// A `[String: Int]` costs 24 bytes a bucket; for a 500,000-actor gazetteer that is 25 MB against 8.
struct ActorIndex: Sendable {
    /// Hash tag << 32 | (slot + 1), or 0 for an empty bucket; the count is a power of two.
    private var buckets: [UInt64] = []
    private var count = 0

    @inline(__always) private static func tag(_ hash: Int) -> UInt64 { UInt64(UInt32(truncatingIfNeeded: hash >> 32)) << 32 }

    /// The slot of the actor with `id`, whose `hashValue` is `hash`.
    func slot(of id: String, hash: Int, in actors: [Actor]) -> Int? {
        guard !buckets.isEmpty else { return nil }
        let tag = ActorIndex.tag(hash)
        let mask = buckets.count - 1
        var b = hash & mask
        while true {
            let bucket = buckets[b]
            if bucket == 0 { return nil }
            if bucket & 0xFFFF_FFFF_0000_0000 == tag {
                let s = Int(bucket & 0xFFFF_FFFF) - 1
                if actors[s].id == id { return s }
            }
            b = (b + 1) & mask
        }
    }

    /// Indexes `actors[slot]`, whose id must not be indexed yet and has the `hashValue` `hash`.
    mutating func insert(slot: Int, hash: Int, actors: [Actor]) {
        if (count + 1) * 4 > buckets.count * 3 { grow(to: count + 1, actors: actors) }
        place(slot, hash: hash)
        count += 1
    }

    mutating func reserveCapacity(_ n: Int, actors: [Actor]) {
        if n * 4 > buckets.count * 3 { grow(to: n, actors: actors) }
    }

    private mutating func place(_ slot: Int, hash: Int) {
        precondition(slot < Int(UInt32.max), "more actors than the index holds")
        let mask = buckets.count - 1
        var b = hash & mask
        while buckets[b] != 0 { b = (b + 1) & mask }
        buckets[b] = ActorIndex.tag(hash) | UInt64(slot + 1)
    }

    private mutating func grow(to n: Int, actors: [Actor]) {
        var size = max(16, buckets.count)
        while n * 4 > size * 3 { size *= 2 }
        let old = buckets
        buckets = [UInt64](repeating: 0, count: size)
        for bucket in old where bucket != 0 {
            let s = Int(bucket & 0xFFFF_FFFF) - 1
            place(s, hash: actors[s].id.hashValue)
        }
    }
}
