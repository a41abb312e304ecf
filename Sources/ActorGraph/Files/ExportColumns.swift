/// The node attribute columns the exchange formats (GraphML, GEXF, node-link JSON, CSV) share, so every format
/// names and types an attribute the same way.
///
/// A node carries fixed fields (id, name, type, mentions, documents, windows) and a free `attributes`
/// dictionary (gazetteer data now, analytics such as pagerank or community later). Each attribute key becomes
/// one column, written generically: the writers know no key by name.
struct ExportColumn: Sendable, Hashable {
    /// The key in `GraphNode.attributes`.
    var key: String
    /// The name other tools see: the key itself, or `attr.KEY` (repeated until unique) when the key would
    /// shadow a fixed field.
    var name: String
    /// Whether every value of the attribute is a number (JSON number syntax), so it is declared `double`.
    var isNumeric: Bool
}

extension CooccurrenceGraph {
    /// Names the writers use for the fixed node fields; an attribute key equal to one of them is renamed.
    static let reservedNodeColumns: Set<String> = ["id", "name", "label", "type", "mentions", "documents", "windows"]

    /// Every attribute key present on some node, sorted byte-wise, with its exported name and type.
    /// - Complexity: O(total attributes · log keys).
    func exportColumns() -> [ExportColumn] {
        var numeric: [String: Bool] = [:]
        for n in nodes {
            for (key, value) in n.attributes {
                numeric[key] = (numeric[key] ?? true) && ExportText.isNumber(value)
            }
        }
        let keys = numeric.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var taken = Self.reservedNodeColumns.union(keys)
        return keys.map { key in
            var name = key
            if Self.reservedNodeColumns.contains(key) {
                name = "attr." + key
                while taken.contains(name) { name = "attr." + name }
                taken.insert(name)
            }
            return ExportColumn(key: key, name: name, isNumeric: numeric[key]!)
        }
    }

    /// The graph's window setting as text (`sentence`, `tokens:5`, …).
    var windowDescription: String { String(describing: options.window) }
}

/// Escaping and number formatting shared by the exchange-format writers.
enum ExportText {
    /// Whether `s` is a plain decimal number: `-?(0|[1-9][0-9]*)(\.[0-9]*)?([eE][+-]?[0-9]+)?` — JSON's syntax,
    /// plus a bare trailing `.` (`CooccurrenceGraph.format` writes 0.9999999 as `1.`). Stricter than `Double(_:)`
    /// on purpose: `nan`, `inf`, `0x1p3`, `+1`, `.5` and codes with leading zeros (`004`) stay text, so a value
    /// written as a number reads back as the same number in every format.
    static func isNumber(_ s: String) -> Bool {
        let u = Array(s.utf8)
        var i = 0
        func digit(_ k: Int) -> Bool { k < u.count && u[k] >= UInt8(ascii: "0") && u[k] <= UInt8(ascii: "9") }
        if i < u.count, u[i] == UInt8(ascii: "-") { i += 1 }
        guard digit(i) else { return false }
        if u[i] == UInt8(ascii: "0") { i += 1 } else { while digit(i) { i += 1 } }
        if i < u.count, u[i] == UInt8(ascii: ".") {
            i += 1
            while digit(i) { i += 1 }
        }
        if i < u.count, u[i] == UInt8(ascii: "e") || u[i] == UInt8(ascii: "E") {
            i += 1
            if i < u.count, u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-") { i += 1 }
            guard digit(i) else { return false }
            while digit(i) { i += 1 }
        }
        return i == u.count
    }

    /// A weight rounded to 6 decimals in a form JSON, XML Schema `xs:double`, CSV readers and spreadsheets all
    /// accept: integers without a fraction, no trailing `.`, no `-0`; nil when not finite.
    ///
    /// Not `CooccurrenceGraph.format`: that turns 0.9999999 into `1.` and 1e-7 into `0.`, which JSON rejects.
    static func number(_ v: Double) -> String? {
        guard v.isFinite else { return nil }
        let r = abs(v) < 1e15 ? (v * 1_000_000).rounded() / 1_000_000 : v
        if r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
        var s = "\(r)"
        guard !s.contains("e") else { return s }
        while s.contains("."), s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// A weight as XML Schema `xs:double` text: `number(_:)`, or 0 for a value that is not finite (no measure
    /// yields one, and the graph-file reader refuses the counts that could), never `NaN` or `INF`.
    static func xmlDouble(_ v: Double) -> String {
        number(v) ?? "0"
    }

    /// Appends `s` escaped for XML 1.0 text and attribute values: `& < > " '` as entities; tab, line feed and
    /// carriage return as character references (so attribute-value and line-end normalization cannot change
    /// them); other C0 controls, U+FFFE and U+FFFF, which XML 1.0 forbids even as references, dropped.
    static func appendXML(_ s: String, to out: inout [UInt8]) {
        for u in s.unicodeScalars {
            switch u.value {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&apos;".utf8)
            case 0x09: out.append(contentsOf: "&#9;".utf8)
            case 0x0A: out.append(contentsOf: "&#10;".utf8)
            case 0x0D: out.append(contentsOf: "&#13;".utf8)
            case 0..<0x20, 0xFFFE, 0xFFFF: continue
            case 0x20..<0x80: out.append(UInt8(u.value))
            default: UTF8.encode(u) { out.append($0) }
            }
        }
    }

    /// `s` escaped for XML (see `appendXML`).
    static func xml(_ s: String) -> String {
        var out: [UInt8] = []
        appendXML(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The characters that make a spreadsheet read a cell as a formula (DECISIONS.md).
    static func startsFormula(_ u: Unicode.Scalar) -> Bool {
        u == "=" || u == "+" || u == "-" || u == "@" || u == "\t" || u == "\r"
    }

    /// Appends one CSV text cell: a `'` in front when the cell would start a formula, then RFC 4180 quoting
    /// when it holds a comma, quote, CR or LF (quotes doubled).
    ///
    /// The `'` rule is made reversible: a cell whose leading run of `'` is followed by a formula character gets
    /// one more `'`, so a reader undoes it exactly by removing one `'` from such a cell (a name that really
    /// begins with `'=` is written `''=`).
    static func appendCSVText(_ s: String, to out: inout [UInt8]) {
        let afterQuotes = s.unicodeScalars.drop { $0 == "'" }
        let guarded = afterQuotes.first.map(startsFormula) == true ? "'" + s : s
        let needsQuotes = guarded.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { out.append(contentsOf: guarded.utf8); return }
        out.append(UInt8(ascii: "\""))
        for c in guarded.utf8 {
            out.append(c)
            if c == UInt8(ascii: "\"") { out.append(c) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends one CSV number cell: never prefixed (a negative PMI is a number, not a formula), empty when
    /// not finite.
    static func appendCSVNumber(_ v: Double, to out: inout [UInt8]) {
        guard let text = number(v) else { return }
        out.append(contentsOf: text.utf8)
    }
}
