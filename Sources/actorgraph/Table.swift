import Foundation
import ActorGraph
import ActorRecognition

/// Rows printed as an aligned table, CSV or JSON by the query commands.
struct Table {
    var header: [String]
    var rows: [[String]] = []

    /// Columns padded to their widest cell.
    var text: String {
        var widths = header.map(\.count)
        for r in rows { for (k, c) in r.enumerated() { widths[k] = max(widths[k], c.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { k, c in k == cells.count - 1 ? c : c + String(repeating: " ", count: widths[k] - c.count) }
                .joined(separator: "  ") + "\n"
        }
        return line(header) + rows.map(line).joined()
    }

    /// RFC 4180 CSV; text cells that a spreadsheet would run as a formula get a leading `'`.
    var csv: String {
        func cell(_ s: String) -> String {
            var v = s
            if let f = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f), Double(v) == nil { v = "'" + v }
            // Bytes, not Characters: a CR LF is one Character, neither "\r" nor "\n".
            if v.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
                v = "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return v
        }
        return ([header] + rows).map { $0.map(cell).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// `{prefix…, listKey: [{header: cell}]}`; the `numeric` columns are written as numbers.
    func json(prefix: [(String, String)], listKey: String, numeric: Set<String>) -> String {
        var out: [UInt8] = Array("{".utf8)
        for (k, v) in prefix {
            JSONText.appendString(k, to: &out); out += Array(": ".utf8); JSONText.appendString(v, to: &out); out += Array(", ".utf8)
        }
        JSONText.appendString(listKey, to: &out)
        out += Array(": [".utf8)
        for (i, r) in rows.enumerated() {
            out += Array((i == 0 ? "\n  {" : ",\n  {").utf8)
            for (k, h) in header.enumerated() {
                if k > 0 { out += Array(", ".utf8) }
                JSONText.appendString(h, to: &out)
                out += Array(": ".utf8)
                if numeric.contains(h), !r[k].isEmpty { out += Array(r[k].utf8) } else if numeric.contains(h) { out += Array("null".utf8) } else { JSONText.appendString(r[k], to: &out) }
            }
            out += Array("}".utf8)
        }
        out += Array("\n]}\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }
}
