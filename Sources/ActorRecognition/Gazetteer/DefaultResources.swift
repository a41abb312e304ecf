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

    /// The folder name SwiftPM gives this module's resource bundle; `make install` puts it beside the binary.
    static let bundleName = "ActorGraph_ActorRecognition.resources"

    /// Where the default resources may be, in order: `$ACTORGRAPH_RESOURCES`, the bundle beside the running
    /// binary (an installed or built `actorgraph`), `../share/actorgraph` beside it, and the package's own
    /// source tree (a library used from a checkout). Looking them up by hand, instead of through the generated
    /// `Bundle.module`, turns a missing bundle into an error message rather than a crash.
    static func resourceFolders() -> [String] {
        var folders: [String] = []
        if let env = ProcessInfo.processInfo.environment["ACTORGRAPH_RESOURCES"], !env.isEmpty { folders.append(env) }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first.flatMap { $0.contains("/") ? $0 : nil } ?? "/proc/self/exe")
            .resolvingSymlinksInPath().deletingLastPathComponent()
        let selfExe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for dir in [selfExe, executable] {
            folders.append(dir.appendingPathComponent(bundleName).path)
            folders.append(dir.appendingPathComponent(bundleName).appendingPathComponent("Resources").path)
            folders.append(dir.deletingLastPathComponent().appendingPathComponent("share/actorgraph").path)
        }
        folders.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources").path)
        return folders
    }

    static func resourceText(_ name: String, _ ext: String) throws(InputError) -> String {
        let file = "\(name).\(ext)"
        for folder in resourceFolders() {
            let path = folder + "/" + file
            if FileManager.default.isReadableFile(atPath: path) {
                return String(decoding: try FileBytes.read(path: path), as: UTF8.self)
            }
        }
        throw InputError(file: file, "the default resource is missing: install ActorGraph with its resource bundle (\(bundleName)) beside the binary, or set ACTORGRAPH_RESOURCES to a folder holding \(file)")
    }

    /// Reads and checks a gazetteer file; the first problem is thrown.
    public static func gazetteer(file path: String) throws(InputError) -> Gazetteer {
        // Parsed from the checked bytes: no String of the whole file.
        let bytes = try checkedBytes(of: path)
        let (g, problems) = bytes.withUnsafeBufferPointer { GazetteerParser.parse(utf8: $0, file: path) }
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
        String(decoding: try checkedBytes(of: path), as: UTF8.self)
    }

    /// A file's bytes, checked to be valid UTF-8.
    static func checkedBytes(of path: String) throws(InputError) -> [UInt8] {
        let bytes = try FileBytes.read(path: path)
        if let bad = DocumentText.firstInvalidByte(in: bytes) {
            // FILE:LINE:COLUMN like every other problem in these files: the column counts the code points
            // before the bad byte on its line (all valid), not counting a byte-order mark on line 1.
            var lineStart = bytes[..<bad].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let line = bytes[..<bad].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            if line == 1, ByteOrderMark.starts(bytes[lineStart...]), bad >= ByteOrderMark.bytes.count { lineStart = ByteOrderMark.bytes.count }
            let column = bytes[lineStart..<bad].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
            throw InputError(file: path, line: line, column: column, "is not valid UTF-8 (the first invalid byte is at byte offset \(bad))")
        }
        return bytes
    }
}
