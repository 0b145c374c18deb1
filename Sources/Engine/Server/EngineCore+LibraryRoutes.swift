import Foundation

extension EngineCore {
    /// The library's socket methods.
    func addLibraryRoutes(_ r: inout RouterBuilder) {
        let library = self.library
        r.on(Methods.LibraryAdd.self) { try await library.addRoot(path: $0.path, type: $0.type, isPrivate: $0.isPrivate) }
        r.on(Methods.LibraryRemove.self) { .init(forgotten: try await library.removeRoot(path: $0.path)) }
        r.on(Methods.LibraryRoots.self) { _ in try await library.roots() }
        r.on(Methods.LibraryScan.self) { try await library.startScan(path: $0.path, full: $0.full) }
        r.on(Methods.LibraryScanStatus.self) { request in
            let wait = max(0, min(request.waitMs ?? 0, 10_000))
            if wait > 0, let s = await library.scanStatus(id: request.id), s.phase != .done, s.phase != .failed {
                await library.waitForScanEnd(milliseconds: wait)
            }
            return await library.scanStatus(id: request.id)
        }
        r.on(Methods.LibraryList.self) { try library.list($0) }
        r.on(Methods.LibraryShow.self) { try library.show(id: $0.id) }
        r.on(Methods.LibraryReprobe.self) { try await library.reprobe(ids: $0.ids) }
        r.on(Methods.LibraryCheck.self) { try library.check(type: $0.type, naming: await self.libraryNaming()) }
        r.on(Methods.LibraryOrganize.self) { request in
            let seeding = await self.torrents.contentPaths()
            return try await library.organize(type: request.type, apply: request.apply, naming: await self.libraryNaming(), seedingPaths: seeding)
        }
    }

    /// The naming templates: the defaults, with any `naming_*` settings over them.
    func libraryNaming() async -> LibraryNaming {
        let settings = await self.settings
        var naming = LibraryNaming()
        func template(_ key: String) -> NamingTemplate? {
            (try? SettingKey.named("naming_" + key)).flatMap { try? NamingTemplate(settings[$0]) }
        }
        if let t = template("movies") { naming.movies = t }
        if let t = template("import_movies") { naming.importMovies = t }
        if let t = template("episodes") { naming.episodes = t }
        if let t = template("import_episodes") { naming.importEpisodes = t }
        if let t = template("music") { naming.music = t }
        if let t = template("audiobooks") { naming.audiobooks = t }
        if let t = template("podcasts") { naming.podcasts = t }
        if let t = template("books") { naming.books = t }
        if let t = template("comics") { naming.comics = t }
        if let t = template("videos") { naming.videos = t }
        return naming
    }
}
