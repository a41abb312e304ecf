/// Reads a pattern file (`Docs/patterns.md`): word lists and patterns, with `FILE:LINE:COLUMN` problems.
public enum PatternParser {
    /// Parses `text` from `file` into a pattern set and the problems found.
    public static func parse(_ text: String, file: String) -> (PatternSet, [InputError]) {
        var set = PatternSet()
        var problems: [InputError] = []
        var current: (name: String, type: ActorType, line: Int, match: PatternNode?, template: String?)?

        func finish() {
            guard let c = current else { return }
            if let node = c.match {
                set.patterns.append(Pattern(name: c.name, type: c.type, node: node, template: c.template, origin: "\(file):\(c.line)"))
            } else {
                problems.append(InputError(file: file, line: c.line, column: 1, "the pattern '\(c.name)' has no 'match:' line"))
            }
            current = nil
        }

        var currentList: String?
        // The line each list was first defined on, so a problem with it names FILE:LINE:COLUMN.
        var listLines: [String: Int] = [:]
        var lineNumber = 0
        for raw in lines(text) {
            lineNumber += 1
            var line = raw
            if line.hasSuffix("\r") { line = line.dropLast() }
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            // Only one-byte Characters (space, tab) were dropped, so bytes count them.
            let indent = line.utf8.count - trimmed.utf8.count
            if indent > 0, let list = currentList {
                set.lists[list, default: []].append(contentsOf: trimmed.semicolonFields)
                continue
            }
            currentList = nil
            if indent == 0 {
                finish()
                if trimmed.hasPrefix("list ") {
                    guard let eq = trimmed.firstIndex(of: "=") else {
                        problems.append(InputError(file: file, line: lineNumber, column: 1, "a list must read 'list NAME = entry; entry; …'"))
                        continue
                    }
                    let name = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 5)..<eq].trimmingSpaces
                    guard isName(name) else {
                        problems.append(InputError(file: file, line: lineNumber, column: 6, "a list name must be letters, digits, '-' or '_', not '\(name)'"))
                        continue
                    }
                    let entries = trimmed[trimmed.index(after: eq)...].semicolonFields
                    set.lists[name, default: []].append(contentsOf: entries)
                    if listLines[name] == nil { listLines[name] = lineNumber }
                    currentList = name
                    continue
                }
                if trimmed.hasPrefix("pattern ") {
                    let body = trimmed.dropFirst(8)
                    guard let arrow = body.range(of: "->") else {
                        problems.append(InputError(file: file, line: lineNumber, column: 1, "a pattern header must read 'pattern NAME -> TYPE'"))
                        continue
                    }
                    let name = body[..<arrow.lowerBound].trimmingSpaces
                    let typeWord = body[arrow.upperBound...].trimmingSpaces
                    guard isName(name) else {
                        problems.append(InputError(file: file, line: lineNumber, column: 9, "a pattern name must be letters, digits, '-' or '_', not '\(name)'"))
                        continue
                    }
                    guard let type = ActorType(rawValue: typeWord) else {
                        problems.append(InputError(file: file, line: lineNumber, column: 1, "unknown actor type '\(typeWord)'; expected person, country or organization"))
                        continue
                    }
                    current = (name, type, lineNumber, nil, nil)
                    continue
                }
                problems.append(InputError(file: file, line: lineNumber, column: 1, "a line at the margin must start with 'list' or 'pattern'"))
                continue
            }
            guard current != nil else {
                problems.append(InputError(file: file, line: lineNumber, column: indent + 1, "an indented line must follow a 'pattern' header"))
                continue
            }
            if trimmed.hasPrefix("match:") {
                let source = trimmed.dropFirst(6)
                let column = indent + 7
                do {
                    var p = ExpressionParser(source: Array(source.utf8))
                    current!.match = try p.parse()
                } catch {
                    problems.append(InputError(file: file, line: lineNumber, column: column + error.offset, error.message))
                }
            } else if trimmed.hasPrefix("name:") {
                current!.template = trimmed.dropFirst(5).trimmingSpaces
            } else {
                problems.append(InputError(file: file, line: lineNumber, column: indent + 1, "a pattern line must start with 'match:' or 'name:'"))
            }
        }
        finish()
        // Every list a list includes or a pattern uses must exist; every template label must be captured.
        // (In the order the lists were defined: a dictionary's order changes from run to run.)
        for name in set.lists.keys.sorted(by: { (listLines[$0] ?? 0, $0) < (listLines[$1] ?? 0, $1) }) {
            for e in set.lists[name]! where e.hasPrefix("@") && set.lists[String(e.dropFirst())] == nil {
                problems.append(InputError(file: file, line: listLines[name], column: 1, "the list '\(name)' includes '\(e)', which is not defined"))
            }
        }
        for p in set.patterns {
            for name in p.node.listNames where set.lists[name] == nil {
                let (f, l) = splitOrigin(p.origin)
                problems.append(InputError(file: f, line: l, column: 1, "the pattern '\(p.name)' uses the list '@\(name)', which is not defined"))
            }
            if p.node.captureNames.count > PatternProgram.maxCaptures {
                let (f, l) = splitOrigin(p.origin)
                problems.append(InputError(file: f, line: l, column: 1, "the pattern '\(p.name)' captures \(p.node.captureNames.count) labels; at most \(PatternProgram.maxCaptures) are allowed"))
            }
            if let t = p.template {
                let labels = p.node.captureNames
                for label in templateLabels(t) where !labels.contains(label) {
                    let (f, l) = splitOrigin(p.origin)
                    problems.append(InputError(file: f, line: l, column: 1, "the name template of '\(p.name)' uses {\(label)}, which the match does not capture"))
                }
            }
        }
        return (set, problems)
    }

    /// The lines of `text`, split at each line feed (with the last line, empty when the text ends with one).
    /// They are cut at the scalar U+000A, found among the UTF-8 bytes: "\r\n" is one `Character`, so splitting
    /// on the `Character` "\n" would read a CRLF file as a single line.
    static func lines(_ text: String) -> [Substring] {
        var out: [Substring] = []
        let bytes = text.utf8, scalars = text.unicodeScalars
        var start = bytes.startIndex
        while let end = bytes[start...].firstIndex(of: 0x0A) {
            out.append(Substring(scalars[start..<end]))
            start = bytes.index(after: end)
        }
        out.append(Substring(scalars[start...]))
        return out
    }

    static func splitOrigin(_ origin: String) -> (String, Int) {
        guard let colon = origin.lastIndex(of: ":"), let line = Int(origin[origin.index(after: colon)...]) else { return (origin, 0) }
        return (String(origin[..<colon]), line)
    }

    static func isName(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { UTF8Classes.isASCIILetter($0) || UTF8Classes.isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    static func templateLabels(_ t: String) -> [String] {
        var out: [String] = []
        var rest = Substring(t)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return out
    }
}

struct PatternSyntaxError: Error {
    var offset: Int
    var message: String
}

/// Recursive-descent parser of a `match:` expression.
struct ExpressionParser {
    let source: [UInt8]
    var i = 0

    init(source: [UInt8]) { self.source = source }

    mutating func parse() throws(PatternSyntaxError) -> PatternNode {
        let node = try alternatives()
        skip()
        if i < source.count { throw PatternSyntaxError(offset: i, message: "unexpected '\(String(decoding: [source[i]], as: UTF8.self))' in the match expression") }
        if case .sequence(let s) = node, s.isEmpty { throw PatternSyntaxError(offset: 0, message: "the match expression is empty") }
        return node
    }

    mutating func skip() { while i < source.count, source[i] == 0x20 || source[i] == 0x09 { i += 1 } }

    mutating func alternatives() throws(PatternSyntaxError) -> PatternNode {
        var options = [try sequence()]
        skip()
        while i < source.count, source[i] == UInt8(ascii: "|") {
            i += 1
            options.append(try sequence())
            skip()
        }
        return options.count == 1 ? options[0] : .alternatives(options)
    }

    mutating func sequence() throws(PatternSyntaxError) -> PatternNode {
        var items: [PatternNode] = []
        while true {
            skip()
            guard i < source.count, source[i] != UInt8(ascii: "|"), source[i] != UInt8(ascii: ")") else { break }
            items.append(try quantified())
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    mutating func quantified() throws(PatternSyntaxError) -> PatternNode {
        var node = try atom()
        if i < source.count, source[i] == UInt8(ascii: ":") {
            i += 1
            let label = word()
            if label.isEmpty { throw PatternSyntaxError(offset: i, message: "a ':' must be followed by a capture name") }
            node = .capture(label, node)
        }
        if i < source.count {
            switch source[i] {
            case UInt8(ascii: "?"): i += 1; return .repeated(node, min: 0, max: 1)
            case UInt8(ascii: "*"): i += 1; return .repeated(node, min: 0, max: 8)
            case UInt8(ascii: "+"): i += 1; return .repeated(node, min: 1, max: 8)
            default: break
            }
        }
        return node
    }

    mutating func word() -> String {
        let s = i
        while i < source.count, UTF8Classes.isASCIILetter(source[i]) || UTF8Classes.isDigit(source[i]) || source[i] == UInt8(ascii: "-") || source[i] == UInt8(ascii: "_") { i += 1 }
        return String(decoding: source[s..<i], as: UTF8.self)
    }

    mutating func atom() throws(PatternSyntaxError) -> PatternNode {
        let start = i
        let c = source[i]
        switch c {
        case UInt8(ascii: "("):
            i += 1
            let inner = try alternatives()
            skip()
            guard i < source.count, source[i] == UInt8(ascii: ")") else { throw PatternSyntaxError(offset: start, message: "this '(' is never closed") }
            i += 1
            return inner
        case UInt8(ascii: "["): i += 1; return .spanStart
        case UInt8(ascii: "]"): i += 1; return .spanEnd
        case UInt8(ascii: "\""):
            i += 1
            let s = i
            while i < source.count, source[i] != UInt8(ascii: "\"") { i += 1 }
            guard i < source.count else { throw PatternSyntaxError(offset: start, message: "this quoted literal is never closed") }
            let text = Array(source[s..<i])
            i += 1
            let tokens = Tokenizer.tokenize(text)
            if tokens.isEmpty { throw PatternSyntaxError(offset: start, message: "an empty literal matches nothing") }
            let keys = text.withUnsafeBufferPointer { b in
                tokens.map { t -> [UInt8] in var k: [UInt8] = []; TokenKey.append(b, t.range, to: &k); return k }
            }
            return .literal(keys)
        case UInt8(ascii: "'"):
            if i + 1 < source.count, source[i + 1] == UInt8(ascii: "s") { i += 2; return .possessive }
            throw PatternSyntaxError(offset: start, message: "only 's may follow a single quote (the possessive)")
        case UInt8(ascii: "@"):
            i += 1
            let name = word()
            if name.isEmpty { throw PatternSyntaxError(offset: start, message: "'@' must be followed by a list name") }
            return .list(name)
        case UInt8(ascii: "$"):
            i += 1
            let name = word()
            guard let cls = GazetteerClass(rawValue: name) else {
                throw PatternSyntaxError(offset: start, message: "unknown gazetteer class '$\(name)'; expected one of \(GazetteerClass.allCases.map { "$" + $0.rawValue }.joined(separator: ", "))")
            }
            return .gazetteer(cls)
        default:
            let name = word()
            guard let shape = WordShape(rawValue: name) else {
                let shown = name.isEmpty ? String(decoding: [c], as: UTF8.self) : name
                throw PatternSyntaxError(offset: start, message: "unknown element '\(shown)'; expected a \"literal\", @list, $class, 's, or one of \(WordShape.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if i < source.count, source[i] == UInt8(ascii: "!") {
                i += 1
                guard i < source.count, source[i] == UInt8(ascii: "@") else { throw PatternSyntaxError(offset: i, message: "'!' must be followed by @list") }
                i += 1
                let list = word()
                if list.isEmpty { throw PatternSyntaxError(offset: i, message: "'!@' must be followed by a list name") }
                return .shape(shape, except: list)
            }
            return .shape(shape, except: nil)
        }
    }
}

extension PatternNode {
    var listNames: [String] {
        switch self {
        case .list(let n): return [n]
        case .shape(_, let e): return e.map { [$0] } ?? []
        case .sequence(let s), .alternatives(let s): return s.flatMap(\.listNames)
        case .repeated(let n, _, _), .capture(_, let n): return n.listNames
        default: return []
        }
    }
    var captureNames: Set<String> {
        switch self {
        case .capture(let l, let n): return n.captureNames.union([l])
        case .sequence(let s), .alternatives(let s): return s.reduce(into: Set<String>()) { $0.formUnion($1.captureNames) }
        case .repeated(let n, _, _): return n.captureNames
        default: return []
        }
    }
}
