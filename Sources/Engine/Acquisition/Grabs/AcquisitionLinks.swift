import Foundation

/// What acquisition needs from the rest of the engine to grab and import: the torrent service
/// (adds, snapshots), the library (roots, scans), the naming templates and the download folder.
///
/// Handed over once when the routes are registered, rather than passed to every call, because
/// grabs and imports also start on their own (a sync, a completed download).
struct AcquisitionLinks: Sendable {
    var torrents: TorrentService
    var library: LibraryService
    /// The library naming templates as the settings have them now.
    var naming: @Sendable () async -> LibraryNaming
    /// `default_save_path`, expanded; categories made for grabs live under it.
    var defaultSavePath: @Sendable () async -> String
    /// Called after a category was created, so the torrent service re-reads its share rules.
    var categoriesChanged: @Sendable () async -> Void
}
