/// Everything a pattern looks at in one document. It holds buffer pointers, not arrays, so the machine reads
/// them without bounds checks or reference counting; the storage behind them outlives every match.
struct MatchContext {
    let b: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<Token>
    /// Each token's word id in the pattern vocabulary (-1: no pattern uses the word).
    let ids: UnsafeBufferPointer<Int32>
    /// Each token's `WordShape` bits (`MatchContext.shapeBits`).
    let shapes: UnsafeBufferPointer<UInt8>
    /// Each token's `PatternWordClasses` class (0 for a word no pattern starts with or needs).
    let wordClasses: UnsafeBufferPointer<UInt32>
    let hits: UnsafeBufferPointer<GazetteerMatcher.Hit>
    /// The index of the gazetteer hit starting at each token, or -1.
    let hitAt: UnsafeBufferPointer<Int32>
    /// `GazetteerClass` bits of each hit.
    let hitClasses: UnsafeBufferPointer<UInt8>
    let lists: PatternLists.View

    /// The `WordShape` bits a token has (`Cap`, `Upper`, `Initial`, `Word`, `Lower`, `Number`).
    @inline(__always)
    static func shapeBits(_ t: Token) -> UInt8 {
        if t.kind == .number { return WordShape.Number.bit }
        guard t.kind == .word else { return 0 }
        var bits = WordShape.Word.bit
        if t.shape.contains(.capitalized) {
            if t.shape.contains(.hasLower) { bits |= WordShape.Cap.bit }
        } else {
            bits |= WordShape.Lower.bit
        }
        if t.shape.contains(.allCaps) { bits |= t.end - t.start >= 2 ? WordShape.Upper.bit : WordShape.Initial.bit }
        return bits
    }
}

/// Reusable memory of the machine: the backtracking stack and the visited states, kept from run to run and
/// from document to document (a `ScratchPool` lends one to each thread).
final class PatternScratch {
    struct Thread {
        var pc: Int32
        var pos: Int32
        var slots: Slots
    }

    private(set) var stack: UnsafeMutablePointer<Thread>
    private(set) var stackCapacity = 64
    /// The (instruction, token) states a run has visited, each marked with the run's `stamp`: a match takes
    /// at most `PatternSet.maxMatchTokens` tokens, so the table holds every state of a run whatever the line's
    /// length, and is cleared only when the stamp wraps around.
    private let marks: UnsafeMutablePointer<UInt32>
    private let markCount: Int
    private static let width = PatternSet.maxMatchTokens + 1
    private var stamp: UInt32 = 0

    /// - Parameter longestProgram: The most instructions a program run with this scratch has.
    init(longestProgram: Int) {
        markCount = max(1, longestProgram) * PatternScratch.width
        marks = .allocate(capacity: markCount)
        marks.initialize(repeating: 0, count: markCount)
        stack = .allocate(capacity: stackCapacity)
    }

    deinit {
        marks.deallocate()
        stack.deallocate()
    }

    /// Starts a run: no state is visited yet.
    @inline(__always)
    func beginRun() {
        stamp &+= 1
        if stamp == 0 {
            marks.update(repeating: 0, count: markCount)
            stamp = 1
        }
    }

    /// Marks instruction `pc` at `offset` tokens from the run's start (at most `PatternSet.maxMatchTokens`)
    /// as visited; false when it already was.
    @inline(__always)
    func visit(_ pc: Int, _ offset: Int) -> Bool {
        let mark = pc &* PatternScratch.width &+ offset
        if marks[mark] == stamp { return false }
        marks[mark] = stamp
        return true
    }

    /// Gives back what a pathological pattern made the stack grow to, so that a scratch kept for the next
    /// document stays small.
    func trim() {
        if stackCapacity >= 1 << 14 {
            stack.deallocate()
            stackCapacity = 64
            stack = .allocate(capacity: stackCapacity)
        }
    }

    func growStack() {
        let bigger = UnsafeMutablePointer<Thread>.allocate(capacity: stackCapacity * 2)
        bigger.moveInitialize(from: stack, count: stackCapacity)
        stack.deallocate()
        stack = bigger
        stackCapacity *= 2
    }
}

extension MatchContext {
    /// Runs `program` from token `start`; returns the longest match's end and its slots (the first-priority
    /// path to that end), or nil. Every (join instruction, token) state is visited at most once, so a run costs
    /// at most O(program² × (limit − start)).
    /// - Parameter limit: No match goes past it; at most `PatternSet.maxMatchTokens` after `start`.
    func run(_ program: UnsafeBufferPointer<PatternProgram.Instruction>, literals: UnsafeBufferPointer<Int32>,
             start: Int, limit: Int, scratch: PatternScratch) -> (end: Int, slots: Slots)? {
        scratch.beginRun()
        var bestEnd = -1
        var bestSlots = Slots(repeating: -1)
        let lanes = Slots(0, 1, 2, 3, 4, 5, 6, 7)
        var depth = 0
        scratch.stack[0] = .init(pc: 0, pos: Int32(start), slots: Slots(repeating: -1))
        depth = 1
        while depth > 0 {
            depth -= 1
            let thread = scratch.stack[depth]
            var pc = Int(thread.pc), pos = Int(thread.pos), slots = thread.slots
            while true {
                let ins = program[pc]
                if ins.join && !scratch.visit(pc, pos &- start) { break }
                switch ins.op {
                case .match:
                    if pos > bestEnd { bestEnd = pos; bestSlots = slots }
                case .save:
                    // A lane picked by comparison keeps the slots in a register (storing one lane by index goes
                    // through memory, and reading the vector back stalls on the store).
                    slots.replace(with: Int32(pos), where: lanes .== Slots(repeating: ins.a))
                    pc += 1
                    continue
                case .jump:
                    pc = Int(ins.a)
                    continue
                case .split:
                    if depth == scratch.stackCapacity { scratch.growStack() }
                    scratch.stack[depth] = .init(pc: ins.b, pos: Int32(pos), slots: slots)
                    depth += 1
                    pc = Int(ins.a)
                    continue
                case .literal:
                    let n = Int(ins.b)
                    guard pos + n <= limit else { break }
                    var ok = true
                    var j = 0
                    while j < n {
                        let id = ids[pos + j]
                        if id < 0 || id != literals[Int(ins.a) + j] { ok = false; break }
                        j += 1
                    }
                    guard ok else { break }
                    pos += n
                    pc += 1
                    continue
                case .list:
                    guard ins.a >= 0, pos < limit,
                          let n = lists.longestMatch(Int(ins.a), at: pos, limit: limit, ids: ids, tokens: tokens) else { break }
                    pos += n
                    pc += 1
                    continue
                case .shape:
                    guard pos < limit, hasShape(ins.a, except: ins.b, at: pos) else { break }
                    pos += 1
                    pc += 1
                    continue
                case .gazetteer:
                    guard pos < limit, hitAt[pos] >= 0 else { break }
                    let h = Int(hitAt[pos])
                    guard hits[h].end <= limit, hitClasses[h] & UInt8(truncatingIfNeeded: ins.a) != 0 else { break }
                    pos = hits[h].end
                    pc += 1
                    continue
                case .possessive:
                    guard pos < limit, tokens[pos].kind == .possessive else { break }
                    pos += 1
                    pc += 1
                    continue
                case .tokenClass:
                    guard pos < limit, passesAny(literals, from: Int(ins.a), count: Int(ins.b), at: pos) else { break }
                    pos += 1
                    pc += 1
                    continue
                }
                break
            }
        }
        return bestEnd >= 0 ? (bestEnd, bestSlots) : nil
    }

    /// Whether the token at `pos` has one of the shape bits `bits` and is not a one-word entry of list `except`
    /// (-1: none).
    @inline(__always)
    private func hasShape(_ bits: Int32, except: Int32, at pos: Int) -> Bool {
        guard shapes[pos] & UInt8(truncatingIfNeeded: bits) != 0 else { return false }
        return !(except >= 0 && ids[pos] >= 0 && lists.isSingle(Int(except), ids[pos]))
    }

    /// Whether the token at `pos` passes one of the `count` `TokenTest` triples at `literals[from...]`.
    @inline(__always)
    private func passesAny(_ literals: UnsafeBufferPointer<Int32>, from: Int, count: Int, at pos: Int) -> Bool {
        var t = from
        for _ in 0..<count {
            let a = literals[t + 1], b = literals[t + 2]
            switch TokenTest.Kind(rawValue: literals[t]) {
            case .shape?:
                if hasShape(a, except: b, at: pos) { return true }
            case .word?:
                if ids[pos] >= 0 && ids[pos] == a { return true }
            case .possessive?:
                if tokens[pos].kind == .possessive { return true }
            case nil:
                break
            }
            t += 3
        }
        return false
    }
}
