import Testing
@testable import ActorRecognition

@Suite("Small index of actor ids")
struct SmallIndexTests {
    @Test("every id is found at its position, before and after the index switches to a dictionary",
          arguments: [1, 5, SmallIndex.scanLimit, SmallIndex.scanLimit + 1, 100])
    func positions(count: Int) {
        // Ids that share long prefixes, differ only at the end or in length, small and large strings.
        let ids = (0..<count).map { k in k % 3 == 0 ? "organization:united-nations-\(k)" : k % 3 == 1 ? "P\(k)" : "person:x\(String(repeating: "y", count: k))" }
        var index = SmallIndex()
        for (k, id) in ids.enumerated() {
            #expect(index.position(of: id) == nil)
            #expect(index.append(id) == k)
        }
        for (k, id) in ids.enumerated() { #expect(index.position(of: id) == k) }
        #expect(index.position(of: "organization:united-nations-") == nil)
        #expect(index.position(of: "") == nil)
        #expect(index.keys == ids)
    }

    @Test("equal strings have equal fingerprints, however they were made")
    func fingerprints() {
        let literal = "organization:north-atlantic-treaty-organization"
        let built = String(decoding: Array(literal.utf8), as: UTF8.self)
        let sliced = String(("x" + literal).dropFirst())
        #expect(SmallIndex.fingerprint(literal) == SmallIndex.fingerprint(built))
        #expect(SmallIndex.fingerprint(literal) == SmallIndex.fingerprint(sliced))
        #expect(SmallIndex.fingerprint("QAT") != SmallIndex.fingerprint("QAR"))
    }
}
