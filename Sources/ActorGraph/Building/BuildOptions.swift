import ActorRecognition
import Foundation

/// The unit of text in which two actors count as occurring together. See `Docs/measures.md`.
public enum Window: Sendable, Hashable, CustomStringConvertible {
    /// Both in one sentence (the default).
    case sentence
    /// Both in one paragraph (paragraphs are separated by blank lines).
    case paragraph
    /// Both in one document.
    case document
    /// Mentions at most `k` tokens apart.
    case tokens(Int)
    /// Sentences at most `maxDistance` apart, weighted e^(−λ·d) for distance d.
    case decay(lambda: Double, maxDistance: Int)

    /// `sentence`, `paragraph`, `document`, `tokens:K`, `decay:LAMBDA:C`.
    public var description: String {
        switch self {
        case .sentence: return "sentence"
        case .paragraph: return "paragraph"
        case .document: return "document"
        case .tokens(let k): return "tokens:\(k)"
        case .decay(let l, let c): return "decay:\(CooccurrenceGraph.format(l)):\(c)"
        }
    }

    /// Parses the `description` form.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch (parts.first, parts.count) {
        case ("sentence", 1): self = .sentence
        case ("paragraph", 1): self = .paragraph
        case ("document", 1): self = .document
        case ("tokens", 2):
            guard let k = Int(parts[1]), k >= 1 else { return nil }
            self = .tokens(k)
        case ("decay", 3):
            guard let l = Double(parts[1]), l >= 0, l.isFinite, let c = Int(parts[2]), c >= 0 else { return nil }
            self = .decay(lambda: l, maxDistance: c)
        default: return nil
        }
    }
}

/// What one unit of counting is.
public enum CountUnit: String, Sendable, CaseIterable {
    /// Every window counts.
    case windows
    /// A pair (and an actor) counts at most once per document.
    case documents
}

/// How a graph is built.
public struct BuildOptions: Sendable, Equatable {
    public var window: Window
    public var count: CountUnit
    /// Example sentences kept per edge.
    public var evidencePerEdge: Int

    public init(window: Window = .sentence, count: CountUnit = .windows, evidencePerEdge: Int = 5) {
        self.window = window
        self.count = count
        self.evidencePerEdge = evidencePerEdge
    }
}
