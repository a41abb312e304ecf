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

/// Reusable memory of the machine: the backtracking stack and the visited states, grown as needed and kept
/// between runs (one per document and thread).
final class PatternScratch {
    struct Thread {
        var pc: Int32
        var pos: Int32
        var slots: Slots
    }

    private(set) var stack: UnsafeMutablePointer<Thread>
    private(set) var stackCapacity = 64
    /// The (instruction, token) states a run has visited, each marked with the run's `stamp`. States up to
    /// `nearTokens` tokens from the run's start (nearly all) are marked in a table indexed by state; farther
    /// ones in an open-addressing table whose size follows the states visited. A table indexed by every
    /// state of a line would have to be cleared for every document and, on a line of a million tokens,
    /// would need gigabytes.
    private let near: UnsafeMutablePointer<UInt32>
    private let nearCount: Int
    static let nearTokens = 64
    private var visited: UnsafeMutablePointer<VisitedState>
    private var visitedMask = 255
    private var visitedCount = 0
    private var stamp: UInt32 = 0

    struct VisitedState {
        var stamp: UInt32
        var pc: UInt32
        var offset: Int
    }

    /// - Parameter longestProgram: The most instructions a program run with this scratch has.
    init(longestProgram: Int) {
        nearCount = max(1, longestProgram) * PatternScratch.nearTokens
        near = .allocate(capacity: nearCount)
        near.initialize(repeating: 0, count: nearCount)
        stack = .allocate(capacity: stackCapacity)
        visited = .allocate(capacity: visitedMask + 1)
        visited.initialize(repeating: VisitedState(stamp: 0, pc: 0, offset: 0), count: visitedMask + 1)
    }

    deinit {
        near.deallocate()
        stack.deallocate()
        visited.deallocate()
    }

    /// Starts a run: no state is visited yet.
    @inline(__always)
    func beginRun() {
        stamp &+= 1
        visitedCount = 0
        if stamp == 0 {
            near.update(repeating: 0, count: nearCount)
            visited.update(repeating: VisitedState(stamp: 0, pc: 0, offset: 0), count: visitedMask + 1)
            stamp = 1
        }
    }

    /// Marks instruction `pc` at `offset` tokens from the run's start as visited; false when it already was.
    @inline(__always)
    func visit(_ pc: Int, _ offset: Int) -> Bool {
        if offset < PatternScratch.nearTokens {
            let mark = pc &* PatternScratch.nearTokens &+ offset
            if near[mark] == stamp { return false }
            near[mark] = stamp
            return true
        }
        var s = PatternScratch.slot(pc, offset) & visitedMask
        while visited[s].stamp == stamp {
            if visited[s].pc == UInt32(truncatingIfNeeded: pc) && visited[s].offset == offset { return false }
            s = (s + 1) & visitedMask
        }
        visited[s] = VisitedState(stamp: stamp, pc: UInt32(truncatingIfNeeded: pc), offset: offset)
        visitedCount += 1
        if visitedCount * 2 > visitedMask { growVisited() }
        return true
    }

    @inline(__always)
    private static func slot(_ pc: Int, _ offset: Int) -> Int {
        let x = (UInt64(truncatingIfNeeded: pc) << 32 ^ UInt64(truncatingIfNeeded: offset)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: x >> 40)
    }

    /// Doubles the visited table, keeping this run's states.
    private func growVisited() {
        let old = visited, oldSize = visitedMask + 1
        visitedMask = 2 * oldSize - 1
        visited = .allocate(capacity: 2 * oldSize)
        visited.initialize(repeating: VisitedState(stamp: 0, pc: 0, offset: 0), count: 2 * oldSize)
        for k in 0..<oldSize where old[k].stamp == stamp {
            var s = PatternScratch.slot(Int(old[k].pc), old[k].offset) & visitedMask
            while visited[s].stamp == stamp { s = (s + 1) & visitedMask }
            visited[s] = old[k]
        }
        old.deallocate()
    }

    /// Gives back what a pathological document made the tables grow to, so that a scratch kept for the next
    /// document holds at most a few hundred kilobytes.
    func trim() {
        if visitedMask >= 1 << 16 {
            visited.deallocate()
            visitedMask = 255
            visitedCount = 0
            visited = .allocate(capacity: visitedMask + 1)
            visited.initialize(repeating: VisitedState(stamp: 0, pc: 0, offset: 0), count: visitedMask + 1)
        }
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
