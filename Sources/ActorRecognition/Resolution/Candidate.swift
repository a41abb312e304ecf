/// A possible mention before overlaps are resolved.
struct Candidate: Sendable {
    /// Token range.
    var start: Int
    var end: Int
    var type: ActorType
    /// The actor, when known (gazetteer); nil for a pattern hit whose actor is made from its name.
    var actor: Actor?
    /// The canonical name a pattern built (used when `actor` is nil).
    var canonicalName: String
    var reason: String
    /// Higher wins among candidates of equal length: gazetteer 2, pattern 1.
    var priority: Int
    /// Token range of the mention span when it differs from the matched range (a title before a name).
    var length: Int { end - start }
}
