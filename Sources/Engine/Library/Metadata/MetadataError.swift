/// Why a metadata reader refused a file.
///
/// The readers run on whatever a torrent brought in, so a bad file is expected rather than
/// exceptional: the scanner records the message beside the item and moves on. The code tells
/// an incomplete download from a file that is not what its extension says from a zip bomb,
/// without parsing the message; the message is one line that names the file, the problem,
/// and what to do about it.
///
///     do { _ = try EPUBReader.read(path: path) }
///     catch MetadataError.Code.truncated { /* wait for the download to finish */ }
public struct MetadataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem; stable strings, fit for logs and JSON.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file could not be opened or read (permissions, a directory, a FIFO, an I/O error).
        public static let unreadable = Code(rawValue: "unreadable")
        /// The bytes are not the format the reader handles (wrong magic, random data).
        public static let notRecognized = Code(rawValue: "not_recognized")
        /// The file ends before the structure it announces: usually an unfinished download.
        public static let truncated = Code(rawValue: "truncated")
        /// The structure is inconsistent: offsets outside the file, loops, malformed records.
        public static let corrupt = Code(rawValue: "corrupt")
        /// Reading it would pass a size limit: a zip bomb, an absurd declared size.
        public static let tooLarge = Code(rawValue: "too_large")
        /// The content is encrypted or DRM-protected and cannot be read without a key.
        public static let encrypted = Code(rawValue: "encrypted")
        /// A part the format requires is absent (an EPUB without its package document).
        public static let missing = Code(rawValue: "missing")

        /// Lets `catch MetadataError.Code.truncated` match a thrown `MetadataError`.
        public static func ~= (code: Code, error: any Error) -> Bool {
            (error as? MetadataError)?.code == code
        }
    }

    public var code: Code
    /// The file the reader was given.
    public var path: String
    /// One line: file name, problem, advice.
    public var message: String

    public var description: String { message }

    /// - Parameters:
    ///   - problem: what is wrong with the file, without the file name.
    ///   - advice: what the user can do about it.
    public init(_ code: Code, path: String, _ problem: String, advice: String) {
        self.code = code
        self.path = path
        let name = path.split(separator: "/").last.map(String.init) ?? path
        self.message = "\(name): \(problem); \(advice)"
    }
}

extension MetadataError {
    static func truncated(_ path: String, _ problem: String) -> MetadataError {
        MetadataError(.truncated, path: path, problem, advice: "the file is incomplete, let the download finish or fetch it again")
    }

    static func corrupt(_ path: String, _ problem: String) -> MetadataError {
        MetadataError(.corrupt, path: path, problem, advice: "the file is damaged, fetch it again or replace it")
    }

    static func notRecognized(_ path: String, _ problem: String) -> MetadataError {
        MetadataError(.notRecognized, path: path, problem, advice: "check that the extension matches the content")
    }

    static func tooLarge(_ path: String, _ problem: String) -> MetadataError {
        MetadataError(.tooLarge, path: path, problem, advice: "skip it, or inspect it by hand if you trust its source")
    }
}
