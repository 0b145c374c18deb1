/// The files of one folder that can belong to a media file beside them — subtitles, .nfo,
/// images, .json and .txt — sorted by name, and the folder's own art.
///
/// Made once per folder: each media file then finds its own sidecars (`Name.en.srt`,
/// `Name-poster.jpg`) by a binary search for its name instead of a walk over the whole
/// folder, which made a folder of thousands of photos or episodes cost the square of its size.
struct FolderSidecars: Sendable {
    static let imageExtensions: Set<String> = ["jpg", "jpeg", "png"]
    static let extensions: Set<String> = imageExtensions.union(MediaExtensions.subtitle).union(["nfo", "json", "txt"])
    static let folderArtNames: Set<String> = ["poster.jpg", "poster.png", "folder.jpg", "folder.png", "cover.jpg", "cover.png"]

    /// Candidate sidecars, sorted.
    private let sorted: [String]
    /// `poster.jpg`, `folder.png`, `cover.jpg`, ...: they belong to every file of the folder.
    let folderArt: [String]

    init(names: [String]) {
        sorted = names.filter { Self.extensions.contains(DirectoryWalker.lowercasedExtension($0)) }.sorted()
        folderArt = names.filter { Self.folderArtNames.contains($0.lowercased()) }
    }

    /// The candidates whose name starts with `prefix`, in order.
    func named(startingWith prefix: String) -> ArraySlice<String> {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < prefix { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < sorted.count, sorted[end].hasPrefix(prefix) { end += 1 }
        return sorted[low..<end]
    }
}
