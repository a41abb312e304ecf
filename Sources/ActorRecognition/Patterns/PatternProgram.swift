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
        var a: Int32
        var b: Int32
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

/// Saved positions of one thread of the machine.
typealias Slots = SIMD8<Int32>

/// Reusable scratch space of the machine: the backtracking stack and the visited marks.
struct PatternScratch {
    var stack: [(pc: Int32, pos: Int32, slots: Slots)] = []
    var stamps: [UInt32] = []
    var stamp: UInt32 = 0
}

extension MatchContext {
    /// Runs `program` from token `start`; returns the longest match's end and its slots (the first-priority
    /// path to that end), or nil.
    func run(_ program: UnsafeBufferPointer<PatternProgram.Instruction>, literals: UnsafeBufferPointer<Int32>,
             start: Int, limit: Int, scratch: inout PatternScratch) -> (end: Int, slots: Slots)? {
        let width = limit - start + 1
        let needed = program.count * width
        if scratch.stamps.count < needed { scratch.stamps = [UInt32](repeating: 0, count: needed); scratch.stamp = 0 }
        scratch.stamp &+= 1
        if scratch.stamp == 0 {
            for k in scratch.stamps.indices { scratch.stamps[k] = 0 }
            scratch.stamp = 1
        }
        let stamp = scratch.stamp
        var best: (end: Int, slots: Slots)? = nil
        scratch.stack.removeAll(keepingCapacity: true)
        scratch.stack.append((0, Int32(start), Slots(repeating: -1)))
        while let (pc0, pos0, slots0) = scratch.stack.popLast() {
            var pc = Int(pc0), pos = Int(pos0), slots = slots0
            while true {
                let mark = pc * width + (pos - start)
                if scratch.stamps[mark] == stamp { break }
                scratch.stamps[mark] = stamp
                let ins = program[pc]
                switch ins.op {
                case .match:
                    if best == nil || pos > best!.end { best = (pos, slots) }
                case .save:
                    slots[Int(ins.a)] = Int32(pos)
                    pc += 1
                    continue
                case .jump:
                    pc = Int(ins.a)
                    continue
                case .split:
                    scratch.stack.append((ins.b, Int32(pos), slots))
                    pc = Int(ins.a)
                    continue
                case .literal:
                    let n = Int(ins.b)
                    guard pos + n <= limit else { break }
                    var ok = true
                    for j in 0..<n where ids[pos + j] != literals[Int(ins.a) + j] || ids[pos + j] < 0 { ok = false; break }
                    guard ok else { break }
                    pos += n
                    pc += 1
                    continue
                case .list:
                    guard let n = listMatch(Int(ins.a), at: pos, limit: limit) else { break }
                    pos += n
                    pc += 1
                    continue
                case .shape:
                    guard pos < limit, fits(shapeBits: UInt8(ins.a), tokens[pos]) else { break }
                    if ins.b >= 0, ids[pos] >= 0, lists[Int(ins.b)].singleByID[Int(ids[pos])] { break }
                    pos += 1
                    pc += 1
                    continue
                case .gazetteer:
                    guard pos < limit, hitAt[pos] >= 0 else { break }
                    let h = Int(hitAt[pos])
                    guard hits[h].end <= limit, hitClasses[h] & UInt8(ins.a) != 0 else { break }
                    pos = hits[h].end
                    pc += 1
                    continue
                case .possessive:
                    guard pos < limit, tokens[pos].kind == .possessive else { break }
                    pos += 1
                    pc += 1
                    continue
                }
                break
            }
        }
        return best
    }

    /// The length of the longest entry of list `index` at `pos`, or nil.
    @inline(__always)
    func listMatch(_ index: Int, at pos: Int, limit: Int) -> Int? {
        guard index >= 0, pos < limit, ids[pos] >= 0 else { return nil }
        let entries = lists[index].entriesByID[Int(ids[pos])]
        for entry in entries where pos + entry.count <= limit {
            var ok = true
            for j in 0..<entry.ids.count where ids[pos + j] != entry.ids[j] || (entry.capitalized[j] && !tokens[pos + j].shape.contains(.capitalized)) {
                ok = false
                break
            }
            if ok { return entry.count }
        }
        return nil
    }

    @inline(__always)
    func fits(shapeBits: UInt8, _ t: Token) -> Bool {
        for s in WordShape.allCases where shapeBits & s.bit != 0 && fits(s, t) { return true }
        return false
    }
}
