import Testing
@testable import ActorGraph

@Suite("Association measures")
struct MeasureTests {
    // n(ab)=2, n(a)=4, n(b)=5, N=20, computed by hand.
    @Test("each measure against a hand-computed value", arguments: [
        (Measure.pmi, 1.0),                 // log2(2*20/(4*5)) = log2(2)
        (Measure.npmi, 1.0 / 3.321928),     // 1 / -log2(0.1)
        (Measure.dice, 4.0 / 9.0),
        (Measure.jaccard, 2.0 / 7.0),
    ])
    func handComputed(measure: Measure, expected: Double) {
        let v = Measure.associate(measure, nab: 2, na: 4, nb: 5, n: 20)
        #expect(abs(v - expected) < 1e-5)
    }

    @Test("G² of an independent table is zero")
    func g2Independent() {
        #expect(abs(Measure.associate(.g2, nab: 1, na: 2, nb: 5, n: 10)) < 1e-9)
    }
}
