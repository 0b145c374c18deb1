import Foundation

/// Makes .torrent files (v1, so every client can use them) from local data.
public enum TorrentFactory {
    public static func create(path: String, trackers: [String], comment: String?, pieceSize: Int32, isPrivate: Bool) throws -> Data {
        guard FileManager.default.fileExists(atPath: path) else {
            throw EngineError.invalid("\(path) does not exist; give a file or directory to share")
        }
        return try LibtorrentSession.createTorrent(path: path, trackers: trackers, comment: comment, pieceSize: pieceSize, isPrivate: isPrivate)
    }
}
