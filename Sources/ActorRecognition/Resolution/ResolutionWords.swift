/// The word lists of the resolution rules (`MetonymyRule`), as flags per vocabulary id, so a rule asks about a
/// token's word with one array read instead of building its string.
struct ResolutionWords: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// A preposition or verb of place before a capital: "in Doha", "visited Kabul".
        static let place = Flags(rawValue: 1)
        /// A verb of saying or doing after a capital: "Washington says".
        static let verb = Flags(rawValue: 2)
        /// A verb of dealing before a capital as its object: "thanked Doha".
        static let objectVerb = Flags(rawValue: 4)
        /// A place noun after a capital's possessive: "Kabul's airport".
        static let placeNoun = Flags(rawValue: 8)
        /// A straight or curly quotation mark.
        static let quote = Flags(rawValue: 16)
        static let comma = Flags(rawValue: 32)
    }

    private var flags: [Flags] = []

    init() {}

    /// Interns every rule word into `vocabulary` and records its flags.
    init(vocabulary: inout TokenVocabulary) {
        var byID: [Int32: Flags] = [:]
        func add(_ words: [String], _ f: Flags) {
            for w in words {
                let key = Array(w.utf8)
                byID[vocabulary.intern(key), default: []].insert(f)
            }
        }
        add(MetonymyRule.placeWords, .place)
        add(MetonymyRule.verbs, .verb)
        add(MetonymyRule.objectVerbs, .objectVerb)
        add(MetonymyRule.placeNouns, .placeNoun)
        add(["\"", "'"], .quote)
        add([","], .comma)
        flags = Array(repeating: [], count: vocabulary.count)
        for (id, f) in byID { flags[Int(id)] = f }
    }

    /// The flags of the word with vocabulary id `id` (none for -1 or a word no rule lists).
    @inline(__always)
    func flags(_ id: Int32) -> Flags {
        id >= 0 && Int(id) < flags.count ? flags[Int(id)] : []
    }
}
