/// The pattern words grouped by what the start indexes and the line anchors say of them: two words are of one
/// class when they start the same patterns, may come second in the same patterns and satisfy the same anchor
/// groups. The indexes then keep one row per class instead of one per word, a few hundred bytes that stay in
/// cache, and the recognizer looks each token's class up once.
struct PatternWordClasses: Sendable {
    /// The class of each pattern word id; 0 is the class of words that no index mentions.
    let classOfWord: FrozenBuffer<UInt32>
    /// One word of each class (-1 for class 0).
    let representatives: [Int32]

    init() {
        classOfWord = FrozenBuffer([])
        representatives = [-1]
    }

    /// Classes of the word ids below `wordCount`, from the indexes before they are frozen.
    init(wordCount: Int, starts: StartIndex, seconds: StartIndex, anchors: LineAnchors) {
        struct Signature: Hashable {
            var starts: [UInt64]
            var seconds: [UInt64]
            var groups: UInt64
        }
        let mentioned = Set(starts.startWords).union(seconds.startWords).union(anchors.anchorWords)
        var classOf = [UInt32](repeating: 0, count: wordCount)
        var classOfSignature: [Signature: UInt32] = [:]
        var representatives: [Int32] = [-1]
        // In id order, so that the same patterns always give the same classes.
        for id in mentioned.sorted() where id >= 0 && Int(id) < wordCount {
            let signature = Signature(starts: starts.masks(of: id), seconds: seconds.masks(of: id), groups: anchors.groups(of: id))
            if let known = classOfSignature[signature] {
                classOf[Int(id)] = known
            } else {
                let c = UInt32(representatives.count)
                classOfSignature[signature] = c
                representatives.append(id)
                classOf[Int(id)] = c
            }
        }
        self.classOfWord = FrozenBuffer(classOf)
        self.representatives = representatives
    }
}
