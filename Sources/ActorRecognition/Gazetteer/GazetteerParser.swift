/// Reads the gazetteer text format (`Docs/gazetteer.md`), collecting every problem with its line and column.
public struct GazetteerParser {
    /// The keys a property line may use, besides `attr.NAME`.
    public static let keys: Set<String> = ["alias", "demonym", "capital", "acronym", "exact", "country", "role", "iso2", "status"]
    static let listKeys: Set<String> = ["alias", "demonym", "capital", "acronym", "exact"]

    /// Parses `text` read from `file`. Returns the gazetteer and the problems found (empty when the file is good).
    public static func parse(_ text: String, file: String) -> (Gazetteer, [InputError]) {
        var gazetteer = Gazetteer()
        var problems: [InputError] = []
        var current: (actor: Actor, aliases: [(text: String, kind: Gazetteer.AliasKind, exactCase: Bool)], line: Int)?
        var seenIDs: [String: Int] = [:]
        // Where each actor's `country:` was given, so a bad cross-reference names FILE:LINE:COLUMN.
        var countryPlace: [String: (line: Int, column: Int)] = [:]

        func finish() {
            guard let c = current else { return }
            gazetteer.add(c.actor, aliases: c.aliases, origin: "\(file):\(c.line)")
            current = nil
        }
        func problem(_ line: Int, _ column: Int, _ message: String) {
            problems.append(InputError(file: file, line: line, column: column, message))
        }

        var lineNumber = 0
        // Split on the scalar U+000A: "\r\n" is one Character, so splitting on the Character "\n" would
        // read a CRLF file as a single line.
        for rawLine in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let indent = line.count - trimmed.count
            if indent == 0 {
                finish()
                guard let eq = line.firstIndex(of: "=") else {
                    problem(lineNumber, 1, "an entry header must read 'TYPE [ID] = NAME', but this line has no '='")
                    continue
                }
                let head = line[..<eq].split(whereSeparator: { $0 == " " || $0 == "\t" })
                let name = line[line.index(after: eq)...].trimmingSpaces
                guard let typeWord = head.first else {
                    problem(lineNumber, 1, "an entry header must start with a type: person, country or organization")
                    continue
                }
                guard let type = ActorType(rawValue: String(typeWord)) else {
                    problem(lineNumber, 1, "unknown actor type '\(typeWord)'; expected person, country or organization")
                    continue
                }
                if head.count > 2 {
                    problem(lineNumber, column(of: head[2], in: line), "an entry header has one optional id before '=', found '\(head[1...].joined(separator: " "))'")
                    continue
                }
                if name.isEmpty {
                    problem(lineNumber, line.distance(from: line.startIndex, to: eq) + 2, "the entry has no name after '='")
                    continue
                }
                var id = head.count == 2 ? String(head[1]) : Actor.derivedID(type: type, name: name)
                if type == .country && head.count == 2 {
                    if !(id.utf8.count == 3 && id.utf8.allSatisfy { UTF8Classes.isASCIIUpper($0) }) {
                        problem(lineNumber, column(of: head[1], in: line), "a country id must be three capital letters (ISO 3166-1 alpha-3), not '\(id)'")
                        continue
                    }
                } else if type == .country {
                    problem(lineNumber, 1, "a country entry needs its ISO 3166-1 alpha-3 code: 'country XYZ = \(name)'")
                    continue
                }
                if id.contains(where: { $0 == " " || $0 == ";" }) {
                    problem(lineNumber, 1, "an id cannot contain spaces or ';'")
                    id = id.replacingSpaces
                }
                if let earlier = seenIDs[id] {
                    problem(lineNumber, 1, "the id '\(id)' is already used by the entry on line \(earlier)")
                }
                seenIDs[id] = lineNumber
                current = (Actor(id: id, name: name, type: type), [(name, .name, isShortCapitals(name))], lineNumber)
                continue
            }
            guard current != nil else {
                problem(lineNumber, indent + 1, "a property line must follow an entry header")
                continue
            }
            guard let colon = trimmed.firstIndex(of: ":") else {
                problem(lineNumber, indent + 1, "a property line must read 'KEY: VALUE'")
                continue
            }
            let key = String(trimmed[..<colon]).trimmingSpaces
            let value = trimmed[trimmed.index(after: colon)...].trimmingSpaces
            let valueColumn = indent + trimmed.distance(from: trimmed.startIndex, to: colon) + 2
            guard keys.contains(key) || (key.hasPrefix("attr.") && key.count > 5) else {
                problem(lineNumber, indent + 1, "unknown key '\(key)'; expected one of \(keys.sorted().joined(separator: ", ")) or attr.NAME")
                continue
            }
            if value.isEmpty {
                problem(lineNumber, valueColumn, "the key '\(key)' has no value")
                continue
            }
            if listKeys.contains(key) {
                let type = current!.actor.type
                if (key == "demonym" || key == "capital") && type != .country {
                    problem(lineNumber, indent + 1, "'\(key)' is only for countries, and this entry is a \(type.rawValue)")
                    continue
                }
                for item in value.split(separator: ";", omittingEmptySubsequences: false) {
                    let text = String(item).trimmingSpaces
                    if text.isEmpty {
                        problem(lineNumber, valueColumn, "the list has an empty item (two ';' in a row or a trailing ';')")
                        continue
                    }
                    if Tokenizer.tokenize(Array(text.utf8)).isEmpty {
                        problem(lineNumber, valueColumn, "the alias '\(text)' has no letters, digits or punctuation to match")
                        continue
                    }
                    switch key {
                    case "demonym": current!.aliases.append((text, .demonym, isShortCapitals(text)))
                    case "capital": current!.aliases.append((text, .capital, false))
                    case "acronym", "exact": current!.aliases.append((text, .name, true))
                    default: current!.aliases.append((text, .name, isShortCapitals(text)))
                    }
                }
                continue
            }
            switch key {
            case "country":
                current!.actor.country = value
                countryPlace[current!.actor.id] = (lineNumber, valueColumn)
            case "role":
                let parts = value.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
                guard (1...3).contains(parts.count), !parts[0].isEmpty else {
                    problem(lineNumber, valueColumn, "a role must read 'TITLE | FROM | TO' with dates YYYY-MM-DD (FROM and TO may be empty)")
                    continue
                }
                var days: [Day?] = [nil, nil]
                var bad = false
                for k in 1..<parts.count where !parts[k].isEmpty {
                    guard let d = Day(parts[k]) else {
                        problem(lineNumber, valueColumn, "'\(parts[k])' is not a real day written YYYY-MM-DD")
                        bad = true
                        continue
                    }
                    days[k - 1] = d
                }
                if bad { continue }
                if let f = days[0], let t = days[1], t < f {
                    problem(lineNumber, valueColumn, "the role ends (\(t)) before it begins (\(f))")
                    continue
                }
                current!.actor.roles.append(Role(title: parts[0], from: days[0], to: days[1]))
            default:
                current!.actor.attributes[key] = value
            }
        }
        finish()
        // Cross-references: a person's or organization's country must be a known country.
        let countries = Set(gazetteer.actors.filter { $0.type == .country }.map(\.id))
        if !countries.isEmpty {
            for actor in gazetteer.actors {
                if let c = actor.country, !countries.contains(c), c.utf8.count != 3 {
                    let place = countryPlace[actor.id]
                    problems.append(InputError(file: file, line: place?.line, column: place?.column, "the actor '\(actor.id)' names the country '\(c)', which is not an ISO alpha-3 code"))
                }
            }
        }
        return (gazetteer, problems)
    }

    static func column(of part: Substring, in line: Substring) -> Int {
        line.distance(from: line.startIndex, to: part.startIndex) + 1
    }

    /// Aliases such as `US`, `UAE`, `NATO`: 2 to 5 letters, all capitals. They match with exact case only.
    static func isShortCapitals(_ text: String) -> Bool {
        let letters = text.utf8.filter { UTF8Classes.isASCIILetter($0) }
        guard (2...5).contains(letters.count) else { return false }
        return letters.allSatisfy(UTF8Classes.isASCIIUpper) && text.utf8.allSatisfy { UTF8Classes.isASCIILetter($0) || $0 == UInt8(ascii: ".") }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and stray carriage returns (a value ending "\r\r" on a CRLF
    /// line kept one "\r", which the written-back file then lost: found by Fuzz/Gazetteer).
    var trimmingSpaces: String {
        let s = self.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
        var end = s.endIndex
        while end > s.startIndex {
            let before = s.index(before: end)
            if s[before] == " " || s[before] == "\t" || s[before] == "\r" { end = before } else { break }
        }
        return String(s[s.startIndex..<end])
    }
    var replacingSpaces: String { String(self.map { $0 == " " || $0 == ";" ? "-" : $0 }) }
}
