/// The UTF-8 byte-order mark (EF BB BF) that some editors write at the start of a file. Every reader of
/// ActorGraph's text files (corpora, gazetteers, patterns, graph files) skips it.
public enum ByteOrderMark {
    /// The mark's bytes.
    public static let bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Whether `text` starts with the mark.
    @inlinable
    public static func starts(_ text: some Collection<UInt8>) -> Bool { text.starts(with: bytes) }
}
