/// The parsed form of a pattern: a tree of elements over tokens. See `Docs/patterns.md`.
indirect enum PatternNode: Sendable {
    /// Literal tokens, compared by matching key ("foreign ministry").
    case literal([[UInt8]])
    /// One entry of a named word list (entries may have several words; the longest wins).
    case list(String)
    /// A word shape, optionally excluding the entries of a list.
    case shape(WordShape, except: String?)
    /// A gazetteer alias of a class starting here.
    case gazetteer(GazetteerClass)
    /// The possessive `'s`.
    case possessive
    case sequence([PatternNode])
    case alternatives([PatternNode])
    case repeated(PatternNode, min: Int, max: Int)
    /// A named capture around a node.
    case capture(String, PatternNode)
    /// Start or end of the mention span.
    case spanStart
    case spanEnd
}

enum WordShape: String, Sendable, CaseIterable {
    /// A word whose first letter is upper case and that has a lower-case letter ("Atmar", "McKenzie").
    case Cap
    /// A word in capitals of two letters or more ("CENTCOM").
    case Upper
    /// A single capital letter ("J" in "J. Smith").
    case Initial
    /// Any word.
    case Word
    /// A word in lower case.
    case Lower
    /// A number ("4", "2,500", "0.5").
    case Number
}

enum GazetteerClass: String, Sendable, CaseIterable {
    case country, demonym, capital, person, organization
}

/// A compiled pattern.
struct Pattern: Sendable {
    var name: String
    var type: ActorType
    var node: PatternNode
    /// The canonical-name template; `{label}` is a capture. Nil: the span's text.
    var template: String?
    /// `FILE:LINE` of the definition.
    var origin: String
}

extension WordShape {
    var bit: UInt8 {
        switch self {
        case .Cap: return 1
        case .Upper: return 2
        case .Initial: return 4
        case .Word: return 8
        case .Lower: return 16
        case .Number: return 32
        }
    }
}

extension GazetteerClass {
    /// The capture label of an unlabelled class element.
    var label: String {
        switch self {
        case .country: return "$country"
        case .demonym: return "$demonym"
        case .capital: return "$capital"
        case .person: return "$person"
        case .organization: return "$organization"
        }
    }

    var bit: UInt8 {
        switch self {
        case .country: return 1
        case .demonym: return 2
        case .capital: return 4
        case .person: return 8
        case .organization: return 16
        }
    }

    /// The classes an alias of `kind` of an actor of `type` belongs to.
    static func mask(kind: Gazetteer.AliasKind, type: ActorType) -> UInt8 {
        var m: UInt8 = 0
        if type == .country && kind == .name { m |= GazetteerClass.country.bit }
        if kind == .demonym { m |= GazetteerClass.demonym.bit }
        if kind == .capital { m |= GazetteerClass.capital.bit }
        if type == .person { m |= GazetteerClass.person.bit }
        if type == .organization { m |= GazetteerClass.organization.bit }
        return m
    }
}
