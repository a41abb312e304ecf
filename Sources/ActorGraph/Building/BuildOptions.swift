import ActorRecognition

/// The unit of text in which two actors count as occurring together.
public enum Window: String, Sendable, CaseIterable, Codable {
    case sentence, paragraph, document
}

/// How a graph is built.
public struct BuildOptions: Sendable, Equatable {
    public var window: Window
    /// Example sentences kept per edge.
    public var evidencePerEdge: Int

    public init(window: Window = .sentence, evidencePerEdge: Int = 5) {
        self.window = window
        self.evidencePerEdge = evidencePerEdge
    }
}
