import ActorRecognition

/// A pair of colours for one kind of node: a light fill that dark text reads well on, and a darker
/// border and edge colour of the same hue.
public struct Swatch: Sendable, Equatable {
    /// The fill, as `#RRGGBB`.
    public var fill: String
    /// The border, as `#RRGGBB`; edges inside a community take it too.
    public var border: String
}

/// The colours and shapes of the pictures.
///
/// Hues are Tableau 10, a palette designed to stay apart for the common colour-vision deficiencies; each
/// type also has its own shape, so a picture still reads in grey or when colour shows communities.
public enum Palette {
    /// Text on every fill; the fills are light enough for it to pass WCAG AA contrast.
    public static let text = "#1F1F1F"
    /// Ties between communities, and every tie when colour shows types.
    public static let tie = "#7F7F7F"
    /// Secondary text: the subtitle and the legend.
    public static let muted = "#555555"

    /// The colours of an actor type.
    public static func swatch(of type: ActorType) -> Swatch {
        switch type {
        case .country: return Swatch(fill: "#A0CBE8", border: "#4E79A7")
        case .person: return Swatch(fill: "#FFBE7D", border: "#F28E2B")
        case .organization: return Swatch(fill: "#8CD17D", border: "#59A14F")
        }
    }

    /// The Graphviz shape and style of an actor type.
    public static func shape(of type: ActorType) -> (shape: String, style: String) {
        switch type {
        case .country: return ("ellipse", "filled")
        case .person: return ("box", "filled,rounded")
        case .organization: return ("hexagon", "filled")
        }
    }

    /// A glyph with the type's shape, for the legend.
    static func glyph(of type: ActorType) -> String {
        switch type {
        case .country: return "●"
        case .person: return "■"
        case .organization: return "⬢"
        }
    }

    /// Colours for the largest communities, largest first. Grey is kept for the rest.
    public static let communities: [Swatch] = [
        Swatch(fill: "#A0CBE8", border: "#4E79A7"),  // blue
        Swatch(fill: "#FFBE7D", border: "#F28E2B"),  // orange
        Swatch(fill: "#8CD17D", border: "#59A14F"),  // green
        Swatch(fill: "#FF9D9A", border: "#E15759"),  // red
        Swatch(fill: "#D4A6C8", border: "#B07AA1"),  // purple
        Swatch(fill: "#86BCB6", border: "#499894"),  // teal
        Swatch(fill: "#F1CE63", border: "#B6992D"),  // yellow
        Swatch(fill: "#FABFD2", border: "#D37295"),  // pink
        Swatch(fill: "#D7B5A6", border: "#9D7660"),  // brown
    ]

    /// The colours of the small communities that get no hue of their own.
    public static let otherCommunities = Swatch(fill: "#D9D9D9", border: "#8C8C8C")

    /// The colours of community number `k` (0 is the largest).
    public static func swatch(ofCommunity k: Int) -> Swatch {
        k >= 0 && k < communities.count ? communities[k] : otherCommunities
    }
}
