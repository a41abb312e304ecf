/// A problem with the input, described in one full sentence that names the file and, where it applies,
/// the line.
public struct InputError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file (or `-` for standard input) the problem is in.
    public let file: String
    /// The 1-based line, when the problem is on one line.
    public let line: Int?
    /// The 1-based column, when known.
    public let column: Int?
    /// What is wrong.
    public let message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(message)"
    }
}

/// A warning that does not stop the run, such as invalid UTF-8 that was repaired.
public struct InputWarning: Sendable, CustomStringConvertible, Equatable {
    public let source: String
    public let message: String
    public init(source: String, _ message: String) {
        self.source = source
        self.message = message
    }
    public var description: String { "\(source): \(message)" }
}
