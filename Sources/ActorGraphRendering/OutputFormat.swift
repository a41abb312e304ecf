/// A file `actorgraph render` writes: a Graphviz picture, or the interactive page around one.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Scalable Vector Graphics.
    case svg
    /// Portable Network Graphics.
    case png
    /// Portable Document Format.
    case pdf
    /// One self-contained HTML page: the SVG inline, with pan and zoom, search, neighbours and evidence.
    case html
    /// The styled Graphviz source before layout, for the `dot`, `neato` or `sfdp` programs (`-o graph.gv`).
    case gv

    /// The format a file name extension stands for (`.htm` is HTML too), in any letter case.
    public init?(fileExtension: String) {
        var name = Substring(fileExtension)
        if name.first == "." { name = name.dropFirst() }
        let lower = name.lowercased()
        self.init(rawValue: lower == "htm" ? "html" : lower)
    }

    /// The Graphviz format drawn: SVG for the page; nil for the source, which is not laid out.
    public var graphviz: RenderFormat? {
        switch self {
        case .svg, .html: return .svg
        case .png: return .png
        case .pdf: return .pdf
        case .gv: return nil
        }
    }
}

/// What the colour of a node shows.
public enum NodeColoring: String, CaseIterable, Sendable {
    /// The actor's type (country, person, organization), as its shape does.
    case type
    /// The actor's Louvain community under the drawing measure.
    case community
}
