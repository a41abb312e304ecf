/// The three kinds of actor ActorGraph recognizes.
public enum ActorType: String, Sendable, Hashable, CaseIterable, Comparable {
    case person, country, organization

    public static func < (a: ActorType, b: ActorType) -> Bool { a.rawValue < b.rawValue }
}

/// A role an actor held, with the days it began and ended (`to` is nil while it is held).
public struct Role: Sendable, Hashable {
    public var title: String
    public var from: Day?
    public var to: Day?

    public init(title: String, from: Day?, to: Day?) {
        self.title = title
        self.from = from
        self.to = to
    }

    /// Whether the role was held on `day`.
    public func isHeld(on day: Day) -> Bool {
        if let from, day < from { return false }
        if let to, to < day { return false }
        return true
    }
}

/// A canonical actor: the one node every alias of it resolves to.
public struct Actor: Sendable, Hashable, Identifiable {
    /// Stable id: ISO 3166-1 alpha-3 for countries, `type:slug` otherwise.
    public var id: String
    /// The display name.
    public var name: String
    public var type: ActorType
    /// The ISO alpha-3 code of the actor's country, for people and organizations.
    public var country: String?
    public var roles: [Role]
    /// Free attributes (`iso2`, `status`, `attr.NAME`), in the order given.
    public var attributes: [String: String]

    public init(id: String, name: String, type: ActorType, country: String? = nil, roles: [Role] = [], attributes: [String: String] = [:]) {
        self.id = id
        self.name = name
        self.type = type
        self.country = country
        self.roles = roles
        self.attributes = attributes
    }

    /// The id an actor of `type` named `name` gets when no id is given: `type:slug`.
    public static func derivedID(type: ActorType, name: String) -> String {
        if let id = asciiSlug(name, prefix: type) { return id }
        return "\(type.rawValue):\(slug(name))"
    }

    /// The name case-folded, accents stripped, and every run of other characters than ASCII letters and
    /// digits turned into one `-`.
    public static func slug(_ name: String) -> String {
        if let s = asciiSlug(name, prefix: nil) { return s }
        var out: [UInt8] = []
        var dash = false
        for original in name.unicodeScalars {
            let scalar = LatinDecomposition.base(of: original) ?? original
            if scalar.isASCII, let v = UInt8(exactly: scalar.value), UTF8Classes.isASCIILetter(v) || UTF8Classes.isDigit(v) {
                if dash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                dash = false
                out.append(UTF8Classes.isASCIIUpper(v) ? v | 0x20 : v)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else if scalar.value == 0x27 || scalar.value == 0x2019 {
                continue  // O'Brien -> obrien
            } else if !scalar.isASCII && scalar.properties.isAlphabetic {
                if dash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                dash = false
                out.append(contentsOf: Array(String(scalar).lowercased().utf8))
            } else {
                dash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `type:` (when `prefix` is a type) + the slug of an all-ASCII name, in one byte loop (the loop above looks
    /// every scalar up in a table: a tenth of loading a 500,000-entry gazetteer); nil when the name has other
    /// characters.
    static func asciiSlug(_ name: String, prefix: ActorType?) -> String? {
        var name = name
        // A type's raw value is a literal: reading its bytes counts no reference, on any thread.
        var typeName = prefix?.rawValue ?? ""
        return name.withUTF8 { b -> String? in
            var ascii = true
            for c in b where c >= 0x80 { ascii = false; break }
            guard ascii else { return nil }
            return typeName.withUTF8 { p in
                // Written on the stack and copied into the string once; all ASCII, so valid UTF-8.
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: p.count + 1 + b.count) { out in
                    var n = 0
                    if prefix != nil {
                        for c in p { out[n] = c; n += 1 }
                        out[n] = UInt8(ascii: ":")
                        n += 1
                    }
                    let start = n
                    var dash = false
                    for c in b {
                        if UTF8Classes.isASCIILetter(c) || UTF8Classes.isDigit(c) {
                            if dash && n > start { out[n] = UInt8(ascii: "-"); n += 1 }
                            dash = false
                            out[n] = UTF8Classes.isASCIIUpper(c) ? c | 0x20 : c
                            n += 1
                        } else if c != UInt8(ascii: "'") {
                            dash = true  // O'Brien -> obrien, as below
                        }
                    }
                    return String(decoding: UnsafeBufferPointer(rebasing: out[0..<n]), as: UTF8.self)
                }
            }
        }
    }
}

/// Base letters of accented Latin letters (U+00C0–U+017F), for accent-free ids and matching keys.
enum LatinDecomposition {
    static let table: [UInt32: UnicodeScalar] = {
        let pairs: [(String, String)] = [
            ("ÀÁÂÃÄÅĀĂĄ", "A"), ("àáâãäåāăą", "a"), ("ÇĆĈĊČ", "C"), ("çćĉċč", "c"), ("ĎĐ", "D"), ("ďđ", "d"),
            ("ÈÉÊËĒĔĖĘĚ", "E"), ("èéêëēĕėęě", "e"), ("ĜĞĠĢ", "G"), ("ĝğġģ", "g"), ("ĤĦ", "H"), ("ĥħ", "h"),
            ("ÌÍÎÏĨĪĬĮİ", "I"), ("ìíîïĩīĭįı", "i"), ("Ĵ", "J"), ("ĵ", "j"), ("Ķ", "K"), ("ķ", "k"),
            ("ĹĻĽĿŁ", "L"), ("ĺļľŀł", "l"), ("ÑŃŅŇ", "N"), ("ñńņň", "n"), ("ÒÓÔÕÖØŌŎŐ", "O"), ("òóôõöøōŏő", "o"),
            ("ŔŖŘ", "R"), ("ŕŗř", "r"), ("ŚŜŞŠ", "S"), ("śŝşšß", "s"), ("ŢŤŦ", "T"), ("ţťŧ", "t"),
            ("ÙÚÛÜŨŪŬŮŰŲ", "U"), ("ùúûüũūŭůűų", "u"), ("Ŵ", "W"), ("ŵ", "w"), ("ÝŶŸ", "Y"), ("ýÿŷ", "y"),
            ("ŹŻŽ", "Z"), ("źżž", "z"),
        ]
        var t: [UInt32: UnicodeScalar] = [:]
        for (accented, base) in pairs {
            for s in accented.unicodeScalars { t[s.value] = base.unicodeScalars.first! }
        }
        return t
    }()

    static func base(of s: UnicodeScalar) -> UnicodeScalar? { table[s.value] }
}
