/// A Graphviz layout program, named as `dot -K` names it.
public enum LayoutEngine: String, CaseIterable, Sendable {
    /// Hierarchical layers, for directed graphs.
    case dot
    /// Spring model (stress majorization), for small undirected graphs.
    case neato
    /// Force-directed placement, for medium undirected graphs.
    case fdp
    /// Multiscale force-directed placement, for large undirected graphs.
    case sfdp
    /// Circular layout, for graphs with cyclic structure.
    case circo
    /// Radial layout around a root node.
    case twopi
}
