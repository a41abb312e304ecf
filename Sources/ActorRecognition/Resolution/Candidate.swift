/// A possible mention before overlaps are resolved.
///
/// A plain value with no references, so the thousands made per document are copied, sorted and dropped
/// without reference counting: names and reasons live in the document's `CandidateText` and are made only for
/// candidates that survive.
struct Candidate: Sendable {
    /// Token range.
    var start: Int
    var end: Int
    var type: ActorType
    /// Higher wins among candidates of equal length: gazetteer 2, pattern 1.
    var priority: Int
    /// Index of the gazetteer actor, or -1 when the actor is made from the candidate's name.
    var actor: Int32
    /// Index of the canonical name in `CandidateText.names` when `actor` is -1; -1 until a pattern hit is named.
    var name: Int32 = -1
    /// The gazetteer alias that matched, or -1.
    var alias: Int32 = -1
    /// The pattern that matched (-1 for other sources) and its saved positions, from which the name is made.
    var pattern: Int32 = -1
    var slots = Slots(repeating: -1)
    /// Index of the reason in `CandidateText.reasons`, or -1 (reasons are kept only when explaining).
    var reason: Int32 = -1

    var length: Int { end - start }

    /// This candidate's actor and name at another place ("Mohib" for "Hamdullah Mohib"), with its own reason.
    func relocated(_ start: Int, _ end: Int, reason: Int32) -> Candidate {
        var c = self
        c.start = start
        c.end = end
        c.reason = reason
        return c
    }
}

/// The strings behind one document's candidates: derived canonical names and, when asked for, reasons.
struct CandidateText {
    /// Whether reasons are recorded (`extract --explain`); without it, no reason string is ever built.
    let explains: Bool
    var names: [String] = []
    var reasons: [String] = []
    /// The derived id of each name, once asked for. (A table by name string would cost a hash and an insert
    /// per name, and most derived names occur once in a document: slugging again is cheaper.)
    private var idsOfNames: [String?] = []

    init(explains: Bool) { self.explains = explains }

    /// Stores a name and returns its index.
    mutating func addName(_ name: String) -> Int32 {
        if names.isEmpty { names.reserveCapacity(16); idsOfNames.reserveCapacity(16) }
        names.append(name)
        idsOfNames.append(nil)
        return Int32(names.count - 1)
    }

    /// Stores a reason (made only when explaining) and returns its index, or -1.
    mutating func addReason(_ make: () -> String) -> Int32 {
        guard explains else { return -1 }
        reasons.append(make())
        return Int32(reasons.count - 1)
    }

    /// The reason at `index`, or "" for none.
    func reason(_ index: Int32) -> String { index >= 0 ? reasons[Int(index)] : "" }

    /// The canonical name of `c`.
    func canonicalName(_ c: Candidate, _ gazetteer: Gazetteer) -> String {
        c.actor >= 0 ? gazetteer.actors[Int(c.actor)].name : (c.name >= 0 ? names[Int(c.name)] : "")
    }

    /// The actor id of `c`: the gazetteer's, or `type:slug` of its name.
    mutating func actorID(_ c: Candidate, _ gazetteer: Gazetteer) -> String {
        if c.actor >= 0 { return gazetteer.actors[Int(c.actor)].id }
        if c.name >= 0, let id = idsOfNames[Int(c.name)] { return id }
        let id = Actor.derivedID(type: c.type, name: canonicalName(c, gazetteer))
        if c.name >= 0 { idsOfNames[Int(c.name)] = id }
        return id
    }
}
