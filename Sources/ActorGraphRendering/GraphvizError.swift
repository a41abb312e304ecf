/// A failure inside Graphviz, with Graphviz's own explanation.
public struct GraphvizError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The step of the Graphviz pipeline that failed.
    public enum Step: Equatable, Sendable {
        /// Creating the process-wide Graphviz context.
        case start
        /// Reading the DOT source.
        case parse
        /// Laying the graph out with an engine.
        case layout(LayoutEngine)
        /// Rendering the laid-out graph to a format.
        case render(RenderFormat)
    }

    /// The step that failed.
    public let step: Step
    /// What Graphviz reported, one message per line, without its `Error:` or
    /// `Warning:` prefixes; empty when Graphviz gave no reason.
    public let graphvizMessage: String

    /// Creates an error for a failed step.
    ///
    /// - Parameters:
    ///   - step: The step that failed.
    ///   - graphvizMessage: Graphviz's own explanation, if any.
    public init(step: Step, graphvizMessage: String) {
        self.step = step
        self.graphvizMessage = graphvizMessage
    }

    /// A full sentence naming the failed step and quoting Graphviz, for example
    /// `Graphviz could not parse the DOT source: syntax error in line 3 near '}'.`
    public var description: String {
        let what: String
        switch step {
        case .start: what = "Graphviz could not start its context"
        case .parse: what = "Graphviz could not parse the DOT source"
        case .layout(let engine): what = "Graphviz could not lay out the graph with the \(engine.rawValue) engine"
        case .render(let format): what = "Graphviz could not render the graph as \(format.rawValue.uppercased())"
        }
        let reason = graphvizMessage
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }
            .joined(separator: "; ")
        guard !reason.isEmpty else { return what + " and gave no reason." }
        let ending: Set<Character> = [".", "!", "?"]
        return "\(what): \(reason)" + (ending.contains(reason.last!) ? "" : ".")
    }
}

extension StringProtocol where SubSequence == Substring {
    /// The text without leading and trailing whitespace.
    fileprivate func trimmingWhitespace() -> Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return self[first...last]
    }
}
