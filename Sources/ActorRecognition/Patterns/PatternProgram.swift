/// A pattern compiled to a flat program for a small backtracking machine (in the manner of regular-expression
/// VMs): no recursion, no closures, no reference counting in the loop. Every (instruction, token) state is
/// visited at most once per start position, so a match costs O(program × line length) at worst.
struct PatternProgram: Sendable {
    enum Op: UInt8, Sendable {
        /// Consume `b` tokens whose ids are `literals[a..<a+b]`.
        case literal
        /// Consume the longest entry of list `a`.
        case list
        /// Consume one token of shape bits `a`, not a one-word entry of list `b` (-1: none).
        case shape
        /// Consume the gazetteer hit here if its class bits meet `a`.
        case gazetteer
        /// Consume a possessive `'s`.
        case possessive
        /// Consume one token that passes any of `b` one-token tests, stored as `TokenTest` triples at
        /// `literals[a...]`: alternatives such as `( Cap!@stopword | Upper | "&" )` in one step, not one
        /// thread per option.
        case tokenClass
        /// Try `a`, then `b`.
        case split
        /// Go to `a`.
        case jump
        /// Record the position in slot `a`.
        case save
        /// A match ends here.
        case match
    }

    struct Instruction: Sendable {
        var op: Op
        /// Whether more than one path leads here (a target of `split` or `jump`, or the start): the machine
        /// marks only these states as visited; the straight-line code between them follows from them.
        var join = false
        var a: Int32
        var b: Int32

        init(op: Op, a: Int32, b: Int32) {
            self.op = op
            self.a = a
            self.b = b
        }
    }

    /// Slot numbers: 0 and 1 mark the span; 2k+2, 2k+3 the k-th labelled capture.
    static let maxCaptures = 3
    static let slotCount = 2 + 2 * maxCaptures

    var code: [Instruction] = []
    var literals: [Int32] = []
    /// Capture labels by index, and whether each captures a gazetteer class (so its actor is known).
    var captureLabels: [String] = []
    var captureIsGazetteer: [Bool] = []


    /// Compiles `node` (with lists and literals already interned by `set`).
    /// Labelled captures beyond `maxCaptures` are rejected by the parser; here they are ignored.
    init(_ node: PatternNode, lists: [String: Int], vocabulary: inout TokenVocabulary) {
        emit(node, lists, &vocabulary)
        code.append(Instruction(op: .match, a: 0, b: 0))
        code[0].join = true
        for ins in code where ins.op == .split || ins.op == .jump {
            code[Int(ins.a)].join = true
            if ins.op == .split { code[Int(ins.b)].join = true }
        }
    }

    private mutating func add(_ op: Op, _ a: Int32 = 0, _ b: Int32 = 0) -> Int {
        code.append(Instruction(op: op, a: a, b: b))
        return code.count - 1
    }

    private mutating func emit(_ node: PatternNode, _ lists: [String: Int], _ v: inout TokenVocabulary) {
        switch node {
        case .literal(let keys):
            let start = literals.count
            literals += keys.map { v.intern($0) }
            _ = add(.literal, Int32(start), Int32(keys.count))
        case .list(let name):
            _ = add(.list, Int32(lists[name] ?? -1))
        case .shape(let s, let except):
            _ = add(.shape, Int32(s.bit), Int32(except.flatMap { lists[$0] } ?? -1))
        case .gazetteer(let g):
            _ = add(.gazetteer, Int32(g.bit))
        case .possessive:
            _ = add(.possessive)
        case .spanStart:
            _ = add(.save, 0)
        case .spanEnd:
            _ = add(.save, 1)
        case .sequence(let items):
            for item in items { emit(item, lists, &v) }
        case .alternatives(let options):
            if options.count > 1, let tests = TokenTest.all(options, lists, &v) {
                // Every option consumes exactly one token and saves nothing: whichever options pass lead to the
                // same state, so one test of the union is the same match.
                let start = literals.count
                for test in tests { literals += [Int32(test.kind.rawValue), test.a, test.b] }
                _ = add(.tokenClass, Int32(start), Int32(tests.count))
                return
            }
            // split L1, next; L1: a; jump end; next: split L2, next2; … last: z; end:
            var jumps: [Int] = []
            for (k, o) in options.enumerated() {
                if k < options.count - 1 {
                    let split = add(.split)
                    code[split].a = Int32(code.count)
                    emit(o, lists, &v)
                    jumps.append(add(.jump))
                    code[split].b = Int32(code.count)
                } else {
                    emit(o, lists, &v)
                }
            }
            for j in jumps { code[j].a = Int32(code.count) }
        case .repeated(let inner, let lo, let hi):
            for _ in 0..<lo { emit(inner, lists, &v) }
            if hi == 1 && lo == 0 {
                let split = add(.split)
                code[split].a = Int32(code.count)
                emit(inner, lists, &v)
                code[split].b = Int32(code.count)
            } else if hi > lo {
                // loop: split body, exit; body: inner; jump loop
                let loop = add(.split)
                code[loop].a = Int32(code.count)
                emit(inner, lists, &v)
                _ = add(.jump, Int32(loop))
                code[loop].b = Int32(code.count)
            }
        case .capture(let label, let inner):
            guard captureLabels.count < PatternProgram.maxCaptures else { emit(inner, lists, &v); return }
            let k = captureLabels.count
            captureLabels.append(label)
            if case .gazetteer = inner { captureIsGazetteer.append(true) } else { captureIsGazetteer.append(false) }
            _ = add(.save, Int32(2 + 2 * k))
            emit(inner, lists, &v)
            _ = add(.save, Int32(3 + 2 * k))
        }
    }
}

/// One option of a `tokenClass` instruction: a test of one token.
struct TokenTest {
    enum Kind: Int32 {
        /// Shape bits `a`, not a one-word entry of list `b` (-1: none), as `.shape`.
        case shape
        /// The word with id `a`.
        case word
        /// A possessive `'s`.
        case possessive
    }

    var kind: Kind
    var a: Int32 = 0
    var b: Int32 = -1

    /// The test that `node` is, when it consumes exactly one token and saves nothing; nil otherwise.
    init?(_ node: PatternNode, _ lists: [String: Int], _ v: inout TokenVocabulary) {
        switch node {
        case .shape(let s, let except):
            kind = .shape
            a = Int32(s.bit)
            b = Int32(except.flatMap { lists[$0] } ?? -1)
        case .literal(let keys) where keys.count == 1:
            kind = .word
            a = v.intern(keys[0])
        case .possessive:
            kind = .possessive
        default:
            return nil
        }
    }

    /// The tests of `options`, when every one is a test of one token; nil otherwise.
    static func all(_ options: [PatternNode], _ lists: [String: Int], _ v: inout TokenVocabulary) -> [TokenTest]? {
        var tests: [TokenTest] = []
        for o in options {
            guard let test = TokenTest(o, lists, &v) else { return nil }
            tests.append(test)
        }
        return tests
    }
}

/// Saved positions of one thread of the machine.
typealias Slots = SIMD8<Int32>
