extension StringProtocol {
    /// Without leading and trailing spaces, tabs and stray carriage returns (a value ending "\r\r" on a CRLF
    /// line kept one "\r", which the written-back file then lost: found by Fuzz/Gazetteer). The gazetteer
    /// parser trims the same bytes in `GazetteerLine.trimmed`; the pattern parser uses this.
    var trimmingSpaces: String {
        let s = self.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
        var end = s.endIndex
        while end > s.startIndex {
            let before = s.index(before: end)
            if s[before] == " " || s[before] == "\t" || s[before] == "\r" { end = before } else { break }
        }
        return String(s[s.startIndex..<end])
    }
}
