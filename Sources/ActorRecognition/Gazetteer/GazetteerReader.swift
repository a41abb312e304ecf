/// The state of one `GazetteerParser.parse`: the gazetteer built so far, the entry being read and the problems.
struct GazetteerReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    let source: GazetteerSource
    var gazetteer = Gazetteer()
    var problems: [InputError] = []

    /// The entry whose properties are being read. Its aliases are in `gazetteer` already; the actor goes in
    /// when the entry ends (its slot is known from the header: a new one, or the earlier entry's with that id).
    private var current: (actor: Actor, slot: Int, line: Int, idHash: Int)?
    /// For each actor slot, the line of the latest header with its id: the line a repeated id names, and what
    /// tells a replaced entry's aliases (dropped at the end) from its replacement's.
    private var headerLine: [UInt32] = []
    private var replacedAny = false
    /// Where each actor's `country:` was given, so a bad cross-reference names FILE:LINE:COLUMN.
    private var countryPlace: [Int: (line: Int, column: Int)] = [:]
    /// Scratch ranges, reused from line to line.
    private var parts: [Range<Int>] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        self.source = GazetteerSource(file: file)
    }

    mutating func readAll() {
        reserve()
        let n = bytes.count
        var lineStart = 0
        var number = 0
        // Lines end at U+000A only: a CR before it is dropped, a CR anywhere else is a character of the line.
        while true {
            var end = lineStart
            while end < n && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            number += 1
            read(GazetteerLine(bytes, from: lineStart, to: end, number: number))
            if end >= n { break }
            lineStart = end + 1
        }
        finishEntry()
        if replacedAny {
            let lines = headerLine
            gazetteer.removeAliases { $0.line != lines[$0.actor] }
        }
        checkCountries()
    }

    /// Sizes the arrays from a count of header lines and of lines and items that may hold aliases, so a large
    /// file does not grow them by doubling (which leaves up to half of each unused). The file is scanned eight
    /// bytes at a time for line breaks and `;`.
    private mutating func reserve() {
        var headers = 0
        var others = 0
        let n = bytes.count
        func lineStart(_ c: UInt8) {
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "\t"): others += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#"): break
            default: headers += 1
            }
        }
        if n > 0 { lineStart(bytes[0]) }
        var i = 0
        if let base = bytes.baseAddress {
            while i + 8 <= n {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                others += GazetteerReader.bytes(equalTo: UInt8(ascii: ";"), in: w).nonzeroBitCount
                var breaks = GazetteerReader.bytes(equalTo: UInt8(ascii: "\n"), in: w)
                while breaks != 0 {
                    let next = i + breaks.trailingZeroBitCount / 8 + 1
                    if next < n { lineStart(bytes[next]) }
                    breaks &= breaks - 1
                }
                i += 8
            }
        }
        while i < n {
            if bytes[i] == UInt8(ascii: "\n") { if i + 1 < n { lineStart(bytes[i + 1]) } } else if bytes[i] == UInt8(ascii: ";") { others += 1 }
            i += 1
        }
        gazetteer.reserveCapacity(actors: headers, aliases: headers + others)
        headerLine.reserveCapacity(headers)
    }

    /// The high bit of each byte of `w` that equals `c`, and no other bit.
    @inline(__always)
    private static func bytes(equalTo c: UInt8, in w: UInt64) -> UInt64 {
        let x = w ^ (UInt64(c) &* 0x0101_0101_0101_0101)
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low7) &+ low7) | x | low7)
    }

    private mutating func problem(_ line: GazetteerLine, _ column: Int, _ message: String) {
        problems.append(InputError(file: file, line: line.number, column: column, message))
    }

    private mutating func read(_ line: GazetteerLine) {
        var t = line.start
        while t < line.end && (bytes[t] == UInt8(ascii: " ") || bytes[t] == UInt8(ascii: "\t")) { t += 1 }
        if t == line.end || bytes[t] == UInt8(ascii: "#") { return }
        if t == line.start {
            header(line)
        } else {
            property(line, indent: t - line.start, body: t..<line.end)
        }
    }

    // MARK: Entry headers

    private mutating func header(_ line: GazetteerLine) {
        finishEntry()
        guard let eq = line.firstIndex(of: UInt8(ascii: "="), in: line.all) else {
            problem(line, 1, "an entry header must read 'TYPE [ID] = NAME', but this line has no '='")
            return
        }
        line.words(line.start..<eq, into: &parts)
        let head = parts
        let nameRange = line.trimmed(eq + 1..<line.end)
        guard let typeWord = head.first else {
            problem(line, 1, "an entry header must start with a type: person, country or organization")
            return
        }
        guard let type = actorType(line, typeWord) else {
            problem(line, 1, "unknown actor type '\(line.string(typeWord))'; expected person, country or organization")
            return
        }
        if head.count > 2 {
            problem(line, line.column(head[2].lowerBound), "an entry header has one optional id before '=', found '\(head[1...].map { line.string($0) }.joined(separator: " "))'")
            return
        }
        if nameRange.isEmpty {
            problem(line, line.column(eq) + 1, "the entry has no name after '='")
            return
        }
        let name = line.string(nameRange)
        var id: String
        if head.count == 2 {
            id = line.string(head[1])
            if type == .country && !(head[1].count == 3 && bytes[head[1]].allSatisfy(UTF8Classes.isASCIIUpper)) {
                problem(line, line.column(head[1].lowerBound), "a country id must be three capital letters (ISO 3166-1 alpha-3), not '\(id)'")
                return
            }
        } else {
            if type == .country {
                problem(line, 1, "a country entry needs its ISO 3166-1 alpha-3 code: 'country XYZ = \(name)'")
                return
            }
            id = Actor.derivedID(type: type, name: name)
        }
        // A derived id is a slug, which has neither; a written one is a word, so it can only hold a ';'.
        if head.count == 2, bytes[head[1]].contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ";") }) {
            problem(line, 1, "an id cannot contain spaces or ';'")
            id = String(decoding: id.utf8.map { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ";") ? UInt8(ascii: "-") : $0 }, as: UTF8.self)
        }
        let slot: Int
        let idHash = id.hashValue
        if let earlier = gazetteer.slot(of: id, hash: idHash) {
            problem(line, 1, "the id '\(id)' is already used by the entry on line \(headerLine[earlier])")
            headerLine[earlier] = UInt32(clamping: line.number)
            replacedAny = true
            slot = earlier
        } else {
            slot = gazetteer.actors.count
        }
        current = (Actor(id: id, name: name, type: type), slot, line.number, idHash)
        addAlias(name, .name, GazetteerParser.isShortCapitals(bytes[nameRange]))
    }

    private func actorType(_ line: GazetteerLine, _ r: Range<Int>) -> ActorType? {
        if line.equals(r, "person") { return .person }
        if line.equals(r, "country") { return .country }
        if line.equals(r, "organization") { return .organization }
        return nil
    }

    /// Adds an alias of the current entry; its origin is the entry's header line, whichever line lists it.
    private mutating func addAlias(_ text: String, _ kind: Gazetteer.AliasKind, _ exactCase: Bool) {
        gazetteer.appendAlias(Gazetteer.Alias(text: text, kind: kind, exactCase: exactCase, actor: current!.slot,
                                              source: source, line: UInt32(clamping: current!.line)))
    }

    private mutating func finishEntry() {
        guard let entry = current.take() else { return }
        if entry.slot == gazetteer.actors.count {
            gazetteer.appendActor(entry.actor, idHash: entry.idHash)
            headerLine.append(UInt32(clamping: entry.line))
        } else {
            gazetteer.replaceActor(at: entry.slot, with: entry.actor)
        }
    }

    // MARK: Property lines

    private enum Key { case alias, demonym, capital, acronym, exact, country, role, attribute }

    private static let namedKeys: [(StaticString, Key)] = [
        ("alias", .alias), ("demonym", .demonym), ("capital", .capital), ("acronym", .acronym), ("exact", .exact),
        ("country", .country), ("role", .role), ("iso2", .attribute), ("status", .attribute),
    ]

    private func key(_ line: GazetteerLine, _ r: Range<Int>) -> Key? {
        for (name, key) in GazetteerReader.namedKeys where line.equals(r, name) { return key }
        if r.count > 5 && line.hasPrefix(r, "attr.") { return .attribute }
        return nil
    }

    private mutating func property(_ line: GazetteerLine, indent: Int, body: Range<Int>) {
        guard current != nil else {
            problem(line, indent + 1, "a property line must follow an entry header")
            return
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":"), in: body) else {
            problem(line, indent + 1, "a property line must read 'KEY: VALUE'")
            return
        }
        let keyRange = line.trimmed(body.lowerBound..<colon)
        let value = line.trimmed(colon + 1..<line.end)
        // A value's problems point at its first character (an empty value's, just after the ':').
        let valueColumn = line.column(value.isEmpty ? colon + 1 : value.lowerBound)
        guard let key = key(line, keyRange) else {
            problem(line, indent + 1, "unknown key '\(line.string(keyRange))'; expected one of \(GazetteerParser.keyList) or attr.NAME")
            return
        }
        if value.isEmpty {
            problem(line, valueColumn, "the key '\(line.string(keyRange))' has no value")
            return
        }
        switch key {
        case .alias, .demonym, .capital, .acronym, .exact:
            let type = current!.actor.type
            if (key == .demonym || key == .capital) && type != .country {
                problem(line, indent + 1, "'\(line.string(keyRange))' is only for countries, and this entry is a \(type.rawValue)")
                return
            }
            line.split(value, on: UInt8(ascii: ";"), into: &parts)
            for part in parts {
                let item = line.trimmed(part)
                if item.isEmpty {
                    problem(line, valueColumn, "the list has an empty item (two ';' in a row or a trailing ';')")
                    continue
                }
                let text = line.string(item)
                if !hasTokens(item) {
                    problem(line, valueColumn, "the alias '\(text)' has no letters, digits or punctuation to match")
                    continue
                }
                switch key {
                case .demonym: addAlias(text, .demonym, GazetteerParser.isShortCapitals(bytes[item]))
                case .capital: addAlias(text, .capital, false)
                case .acronym, .exact: addAlias(text, .name, true)
                default: addAlias(text, .name, GazetteerParser.isShortCapitals(bytes[item]))
                }
            }
        case .country:
            current!.actor.country = line.string(value)
            countryPlace[current!.slot] = (line.number, valueColumn)
        case .role:
            role(line, value, valueColumn)
        case .attribute:
            current!.actor.attributes[line.string(keyRange)] = line.string(value)
        }
    }

    /// Whether the alias has a token to match. Every ASCII character but a space starts one, so the tokenizer
    /// runs only on an alias that starts with another character.
    private func hasTokens(_ item: Range<Int>) -> Bool {
        let first = bytes[item.lowerBound]
        if first < 0x80 && !UTF8Classes.isSpace(first) { return true }
        return !Tokenizer.tokenize(Array(bytes[item])).isEmpty
    }

    private mutating func role(_ line: GazetteerLine, _ value: Range<Int>, _ valueColumn: Int) {
        line.split(value, on: UInt8(ascii: "|"), into: &parts)
        let fields = parts.map { line.trimmed($0) }
        guard (1...3).contains(fields.count), !fields[0].isEmpty else {
            problem(line, valueColumn, "a role must read 'TITLE | FROM | TO' with dates YYYY-MM-DD (FROM and TO may be empty)")
            return
        }
        var days: [Day?] = [nil, nil]
        var bad = false
        for k in 1..<fields.count where !fields[k].isEmpty {
            let text = line.string(fields[k])
            guard let d = Day(text) else {
                problem(line, valueColumn, "'\(text)' is not a real day written YYYY-MM-DD")
                bad = true
                continue
            }
            days[k - 1] = d
        }
        if bad { return }
        if let f = days[0], let t = days[1], t < f {
            problem(line, valueColumn, "the role ends (\(t)) before it begins (\(f))")
            return
        }
        current!.actor.roles.append(Role(title: line.string(fields[0]), from: days[0], to: days[1]))
    }

    // MARK: Cross-references

    /// A person's or organization's country must be a known country (checked when the file lists countries).
    private mutating func checkCountries() {
        guard !countryPlace.isEmpty else { return }
        let countries = Set(gazetteer.actors.lazy.filter { $0.type == .country }.map(\.id))
        guard !countries.isEmpty else { return }
        for (slot, actor) in gazetteer.actors.enumerated() {
            if let c = actor.country, !countries.contains(c), c.utf8.count != 3 {
                let place = countryPlace[slot]
                problems.append(InputError(file: file, line: place?.line, column: place?.column, "the actor '\(actor.id)' names the country '\(c)', which is not an ISO alpha-3 code"))
            }
        }
    }
}
