import Foundation

/// A source of documents: a folder of `.txt` files, a single `.txt` file, a JSON Lines file, or JSON Lines
/// on standard input (`-`). Documents are streamed: the corpus is never held in memory as a whole.
public struct Corpus: Sendable {
    /// How the corpus is stored.
    public enum Kind: String, Sendable {
        case folder, textFile, jsonLines, standardInput
    }

    /// The path given (`-` for standard input).
    public let path: String
    public let kind: Kind
    /// Continue past a bad JSON Lines line, counting it, instead of stopping.
    public var skipBadLines = false
    /// Treat invalid UTF-8 as an error instead of repairing it with a warning.
    public var strictUTF8 = false

    /// Opens a corpus, deciding its kind from the path and, for files, from the content.
    /// - Throws: `InputError` when the path does not exist or is unreadable.
    public init(path: String) throws(InputError) {
        self.path = path
        if path == "-" { kind = .standardInput; return }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw InputError(file: path, "does not exist")
        }
        if isDir.boolValue {
            kind = .folder
        } else if path.hasSuffix(".txt") {
            kind = .textFile
        } else {
            kind = .jsonLines
        }
    }

    /// Reports what the reading found, beside the documents.
    public struct Report: Sendable {
        public var documents = 0
        public var skippedLines = 0
        public var warnings: [InputWarning] = []
    }

    /// Calls `body` with each document in corpus order; warnings go to `warn` as they are found.
    public func forEachDocument(
        warn: (InputWarning) -> Void = { _ in },
        _ body: (Document) throws -> Void
    ) throws -> Report {
        var report = Report()
        // Invalid UTF-8 is an error under --strict-utf8 (on a JSON Lines line, one that --skip-bad-lines skips
        // like any other bad line), else a warning.
        func checkUTF8(_ doc: Document, file: String, line: Int? = nil) throws(InputError) {
            guard let bad = doc.text.firstInvalidByteOffset else { return }
            if self.strictUTF8 {
                throw InputError(file: file, line: line, "is not valid UTF-8: the first invalid byte is at byte offset \(bad)")
            }
            let w = InputWarning(source: doc.source, "invalid UTF-8 at byte offset \(bad) (document \(doc.id)); invalid bytes were replaced with U+FFFD")
            report.warnings.append(w)
            warn(w)
        }
        func emit(_ doc: Document) throws {
            report.documents += 1
            try body(doc)
        }
        switch kind {
        case .folder:
            for (relative, full) in try Corpus.textFiles(in: path) {
                let bytes = try FileBytes.read(path: full)
                if Corpus.looksBinary(bytes) {
                    let w = InputWarning(source: full, "looks like a binary file (it contains NUL bytes and is not UTF-8 text); skipped")
                    report.warnings.append(w)
                    warn(w)
                    continue
                }
                let doc = Corpus.textDocument(id: relative, bytes: bytes, source: full)
                try checkUTF8(doc, file: full)
                try emit(doc)
            }
        case .textFile:
            let bytes = try FileBytes.read(path: path)
            let name = (path as NSString).lastPathComponent
            let doc = Corpus.textDocument(id: String(name.dropLast(4)), bytes: bytes, source: path)
            try checkUTF8(doc, file: path)
            try emit(doc)
        case .jsonLines, .standardInput:
            let fd: Int32
            if kind == .standardInput {
                fd = 0
            } else {
                fd = open(path, O_RDONLY)
                if fd < 0 { throw InputError(file: path, "cannot be opened: \(String(cString: strerror(errno)))") }
            }
            defer { if fd != 0 { close(fd) } }
            let name = kind == .standardInput ? "<stdin>" : path
            var reader = ByteLineReader(fileDescriptor: fd)
            var lineNumber = 0
            var seen = DocumentIDSet()
            while true {
                let next: ArraySlice<UInt8>?
                do { next = try reader.nextLine() } catch { throw InputError(file: name, error.message) }
                guard var line = next else { break }
                lineNumber += 1
                // A byte-order mark before the first record is not part of its JSON.
                if lineNumber == 1, ByteOrderMark.starts(line) { line = line.dropFirst(ByteOrderMark.bytes.count) }
                if line.last == 0x0D { line = line.dropLast() }
                if line.allSatisfy({ Document.isSpace($0) }) { continue }
                do {
                    let doc = try JSONLinesRecord.document(line: line, file: name, lineNumber: lineNumber)
                    try checkUTF8(doc, file: name, line: lineNumber)
                    guard seen.insert(doc.id) else {
                        throw InputError(file: name, line: lineNumber, "the id \"\(doc.id)\" was already used by an earlier line")
                    }
                    try emit(doc)
                } catch let error as InputError where skipBadLines && error.line == lineNumber {
                    report.skippedLines += 1
                    let w = InputWarning(source: "\(name):\(lineNumber)", "\(error.message); line skipped")
                    report.warnings.append(w)
                    warn(w)
                }
            }
        }
        return report
    }

    static func textDocument(id: String, bytes: [UInt8], source: String) -> Document {
        Document(id: id, text: DocumentText(utf8: bytes), date: Document.dateLine(in: bytes), source: source)
    }

    /// A file with NUL bytes that is also not valid UTF-8 is taken for binary.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(8192)
        guard head.contains(0) else { return false }
        return DocumentText.firstInvalidByte(in: Array(head)) != nil
    }

    /// Every `.txt` file below `folder`, recursively, as (id, full path), sorted by id.
    static func textFiles(in folder: String) throws(InputError) -> [(String, String)] {
        let fm = FileManager.default
        guard fm.isReadableFile(atPath: folder), let enumerator = fm.enumerator(atPath: folder) else {
            throw InputError(file: folder, "is a folder that cannot be read")
        }
        var files: [(String, String)] = []
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        while let item = enumerator.nextObject() as? String {
            guard item.hasSuffix(".txt") else { continue }
            let full = base + item
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: full, isDirectory: &isDir), isDir.boolValue { continue }
            files.append((String(item.dropLast(4)), full))
        }
        // Sort by the UTF-8 bytes of the id so the order is the same on every platform.
        files.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        return files
    }
}
