/// An output format Graphviz renders a laid-out graph to.
public enum RenderFormat: String, CaseIterable, Sendable {
    /// Scalable Vector Graphics (UTF-8 XML text).
    case svg
    /// Portable Network Graphics, drawn by the cairo plugin.
    case png
    /// Portable Document Format, drawn by the cairo plugin.
    case pdf

    /// The format a file name extension stands for, such as `"svg"` or `".PNG"`.
    ///
    /// - Parameter fileExtension: The extension, with or without its leading dot,
    ///   in any letter case.
    /// - Returns: The matching format, or `nil` when Graphviz output in that
    ///   format is not supported.
    public init?(fileExtension: String) {
        var name = Substring(fileExtension)
        if name.first == "." { name = name.dropFirst() }
        self.init(rawValue: name.lowercased())
    }

    /// The conventional file name extension, without a dot.
    public var fileExtension: String { rawValue }
}
