import Foundation

/// Loads gazetteers and pattern files: the bundled defaults and users' extensions.
public enum RecognitionResources {
    /// The default gazetteer's text, bundled with the library.
    public static func defaultGazetteerText() throws(InputError) -> String {
        try resourceText("default", "gazetteer")
    }

    /// The default patterns' text, bundled with the library.
    public static func defaultPatternsText() throws(InputError) -> String {
        try resourceText("default", "patterns")
    }

    static func resourceText(_ name: String, _ ext: String) throws(InputError) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext) else {
            throw InputError(file: "\(name).\(ext)", "the bundled resource is missing; reinstall ActorGraph with its resource bundle beside the binary")
        }
        let bytes = try FileBytes.read(path: url.path)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads and checks a gazetteer file; the first problem is thrown.
    public static func gazetteer(file path: String) throws(InputError) -> Gazetteer {
        let (g, problems) = GazetteerParser.parse(try text(of: path), file: path)
        if let first = problems.first { throw first }
        return g
    }

    /// Reads and checks a pattern file; the first problem is thrown.
    public static func patterns(file path: String) throws(InputError) -> PatternSet {
        let (p, problems) = PatternParser.parse(try text(of: path), file: path)
        if let first = problems.first { throw first }
        return p
    }

    /// The default gazetteer, parsed.
    public static func defaultGazetteer() throws(InputError) -> Gazetteer {
        let (g, problems) = GazetteerParser.parse(try defaultGazetteerText(), file: "default.gazetteer")
        if let first = problems.first { throw first }
        return g
    }

    /// The default patterns, parsed.
    public static func defaultPatterns() throws(InputError) -> PatternSet {
        let (p, problems) = PatternParser.parse(try defaultPatternsText(), file: "default.patterns")
        if let first = problems.first { throw first }
        return p
    }

    /// A text file's content; invalid UTF-8 is an error here, since these files are written by people.
    public static func text(of path: String) throws(InputError) -> String {
        let bytes = try FileBytes.read(path: path)
        let text = DocumentText(utf8: bytes)
        if let bad = text.firstInvalidByteOffset {
            throw InputError(file: path, "is not valid UTF-8 (the first invalid byte is at byte offset \(bad))")
        }
        return text.string
    }
}
