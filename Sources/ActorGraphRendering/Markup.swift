/// Escaping for the two markup languages names pass into: Graphviz's HTML-like labels and the page's HTML.
///
/// Names come from the text being analysed, so they may hold anything: `<script>`, quotes, `&`, `-->` or
/// DOT syntax. Both escapes keep every character as text and drop control characters, which neither
/// language can carry.
enum Markup {
    /// `text` as character data or a double- or single-quoted attribute value in HTML or XML.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for u in text.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if u.value < 0x20 || u.value == 0x7F || (0x80..<0xA0).contains(u.value) || u.value == 0xFFFE || u.value == 0xFFFF {
                    out += " "  // (U+FFFE/U+FFFF: not allowed in XML, so not in the SVG either)
                    continue
                }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// `text` for a Graphviz HTML-like label: escaped, with line breaks as `<br/>`.
    ///
    /// Graphviz's HTML lexer balances `<` and `>` to find the label's end in the DOT source, so an unescaped
    /// bracket would end the label early; escaped, none reaches it.
    /// Lines are cut at each line-feed scalar: a CR LF is one `Character`, not a "\n", and would not break.
    static func label(_ text: String) -> String {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { escaped(String(Substring($0))) }
            .joined(separator: "<br/>")
    }
}

extension Markup {
    /// Text for a plain label, tooltip, `id` or `class` in DOT, where Graphviz treats `&` specially: it reads
    /// labels for entities (`&amp;` becomes `&`), and its SVG writer leaves anything that looks like an
    /// entity unescaped. With every `&` written `&amp;`, a name arrives in the SVG, PNG and PDF as it was,
    /// `&amp;` in a name included. (DOT quoting itself is `DOTWriter.quote`'s job.)
    static func graphviz(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
    }
}
