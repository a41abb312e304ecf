/// One mention of an actor in a document.
public struct Mention: Sendable, Hashable {
    /// Code-point offset of the first character in the document text.
    public var start: Int
    /// Code-point offset just past the last character.
    public var end: Int
    /// UTF-8 byte range in the document text.
    public var byteRange: Range<Int>
    /// The text of the mention, exactly as in the document.
    public var text: String
    public var type: ActorType
    /// The canonical actor id.
    public var actor: String
    /// The canonical actor's display name.
    public var name: String
    /// The index of `actor` in the document's `actorIDs`.
    public var actorIndex: Int
    /// Index of the sentence the mention is in.
    public var sentence: Int
    /// Index of the mention's first token, and one past its last, in the document's tokens.
    public var tokens: Range<Int>
    /// Why it was found: the gazetteer entry (`gazetteer:FILE:LINE`), the pattern, or the rule.
    public var reason: String
}

/// A document after recognition.
public struct RecognizedDocument: Sendable {
    public var id: String
    public var date: Day?
    /// Sentence byte ranges.
    public var sentences: [Range<Int>]
    /// Paragraph index of each sentence (paragraphs are separated by blank lines).
    public var paragraphOfSentence: [Int]
    /// Mentions in text order; they never overlap.
    public var mentions: [Mention]
    /// The actors the mentions refer to, one per slot of `actorIDs` (`actors[k].id == actorIDs[k]`).
    public var actors: [Actor]
    /// The distinct actor ids of the mentions, in order of first mention (`Mention.actorIndex` indexes it).
    public var actorIDs: [String]
    /// The document text.
    public var text: DocumentText

    /// The text of a sentence.
    public func sentenceText(_ index: Int) -> String {
        String(decoding: text.bytes[sentences[index]], as: UTF8.self)
    }
}
