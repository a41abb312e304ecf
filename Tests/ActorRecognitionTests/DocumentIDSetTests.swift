import Testing
@testable import ActorRecognition

/// The ids a JSON Lines corpus has used, kept as fingerprints so that memory does not grow with id length.
@Suite("Document id set")
struct DocumentIDSetTests {
    @Test("every id is new once and a repeat after, across many table growths")
    func repeatsAreFound() {
        var seen = DocumentIDSet()
        let ids = (0..<200_000).map { "doc-\($0)" } + ["", "a", "a\u{0}", "\u{0}a", "Zürich/2021-04-14", String(repeating: "x", count: 300)]
        for id in ids { let added = seen.insert(id); #expect(added, "\(id) is new") }
        #expect(seen.count == ids.count)
        for id in ids.shuffled().prefix(5_000) { let added = seen.insert(id); #expect(!added, "\(id) repeats") }
        #expect(seen.count == ids.count)
    }

    @Test("ids that differ in one byte, in length only, or by a trailing NUL get different fingerprints")
    func fingerprintsSeparateNearIds() {
        var ids: [String] = ["", "\u{0}", "\u{0}\u{0}", "a", "a\u{0}", "abcdefgh", "abcdefgh\u{0}", "abcdefghi"]
        for k in 0..<64 { ids.append(String(repeating: "a", count: k) + "b") }
        // Every id of one or two characters from NUL and printable ASCII.
        let alphabet = ["\u{0}"] + (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) }
        for a in alphabet where !ids.contains(a) { ids.append(a) }
        for a in alphabet { for b in alphabet where !ids.contains(a + b) { ids.append(a + b) } }
        let fingerprints = ids.map(DocumentIDSet.fingerprint)
        #expect(Set(fingerprints).count == ids.count)
        // The same in every run: a fixed function of the bytes, not Swift's seeded Hasher.
        #expect(DocumentIDSet.fingerprint("reuters-1996-08-22") == 17_480_969_758_422_881_276)
    }
}
