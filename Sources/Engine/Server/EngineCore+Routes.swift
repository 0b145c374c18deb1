import Foundation
import GRDB

extension EngineCore {
    /// Every method the socket answers, each a thin call into a service.
    func makeRouter() -> RequestRouter {
        var r = RouterBuilder()
        let torrents = self.torrents
        r.on(Methods.EngineStatus.self) { _ in
            let port = self.session.listenPort
            return .init(pid: getpid(), version: SeedtuiVersion.current, libtorrent: LibtorrentSession.libtorrentVersion,
                         protocolVersion: WireProtocol.version, uptime: Int64(Date().timeIntervalSince(self.startedAt)),
                         home: self.home.path, database: self.home.databasePath, listenPort: port,
                         torrents: await torrents.count, loading: await torrents.loadingCount)
        }
        r.on(Methods.EngineStop.self) { _ in
            self.requestStop()
            return Empty()
        }
        r.on(Methods.SessionStatus.self) { _ in
            let settings = await self.settings
            let rates = await torrents.totalRates()
            let active = await self.altActive
            let savePath = settings.path(.defaultSavePath)
            let free = DiskSpace.free(at: savePath)
            let iface = settings[.interface]
            return .init(downRate: rates.down, upRate: rates.up,
                         downloadLimit: active ? settings.int(.altDownloadLimit) : settings.int(.downloadLimit),
                         uploadLimit: active ? settings.int(.altUploadLimit) : settings.int(.uploadLimit),
                         altSpeedActive: active, torrents: await torrents.count, states: await torrents.stateCounts(),
                         freeSpace: free, savePath: savePath, listenPort: self.session.listenPort,
                         interface: iface.isEmpty ? nil : iface, interfaceUp: await self.interfaceUp)
        }
        r.on(Methods.Add.self) { try await torrents.add($0) }
        r.on(Methods.AddMany.self) { request in
            await torrents.addMany(request.items).map { result in
                switch result {
                case .success(let t): return .init(torrent: t, error: nil)
                case .failure(let e): return .init(torrent: nil, error: .init(code: e.code, message: e.message))
                }
            }
        }
        r.on(Methods.List.self) { try await torrents.list($0) }
        r.on(Methods.Apply.self) { .init(ids: try await torrents.apply($0.action, selector: $0.selector)) }
        r.on(Methods.Remove.self) { .init(ids: try await torrents.remove($0.selector, deleteData: $0.deleteData)) }
        r.on(Methods.Move.self) { .init(ids: try await torrents.move($0.selector, to: $0.path)) }
        r.on(Methods.Limit.self) { .init(ids: try await torrents.limit($0)) }
        r.on(Methods.Edit.self) { .init(ids: try await torrents.edit($0)) }
        r.on(Methods.FilePriority.self) { .init(ids: try await torrents.setFilePriority($0)) }
        r.on(Methods.Detail.self) { try await torrents.detail($0) }
        r.on(Methods.ConfigList.self) { _ in
            let settings = await self.settings
            return SettingKey.all.map { .init(key: $0.name, value: settings[$0], defaultValue: $0.defaultValue, summary: $0.summary) }
        }
        r.on(Methods.ConfigSet.self) { request in
            let key = try SettingKey.named(request.key)
            let value = try await self.setSetting(key, raw: request.value)
            return .init(key: key.name, value: value, needsRestart: key.needsRestart)
        }
        r.on(Methods.CategoryList.self) { _ in
            try await self.store.pool.read { try CategoryRecord.order(Column("name")).fetchAll($0) }
        }
        r.on(Methods.CategorySave.self) { request in
            let c = request.category
            guard !c.name.isEmpty, !c.name.contains(where: { $0.isNewline || $0 == "," }) else {
                throw EngineError.invalid("a category name must be non-empty, one line, without commas")
            }
            if let action = c.shareAction, ShareRules.Action(rawValue: action) == nil {
                throw EngineError.invalid("share action '\(action)' must be pause, remove or remove_data")
            }
            if let p = c.savePath, !p.isEmpty, !p.expandingTilde.hasPrefix("/") {
                throw EngineError.invalid("category save path '\(p)' must be absolute")
            }
            // Options not given keep their stored values; "" or -1 clears one.
            let merged = try await self.store.pool.write { db -> CategoryRecord in
                var m = c
                if let old = try CategoryRecord.fetchOne(db, key: c.name) {
                    m.savePath = c.savePath ?? old.savePath
                    m.ratioLimit = c.ratioLimit ?? old.ratioLimit
                    m.seedTimeLimit = c.seedTimeLimit ?? old.seedTimeLimit
                    m.idleSeedTimeLimit = c.idleSeedTimeLimit ?? old.idleSeedTimeLimit
                    m.shareAction = c.shareAction ?? old.shareAction
                }
                if m.savePath == "" { m.savePath = nil }
                if let r = m.ratioLimit, r < 0 { m.ratioLimit = nil }
                if let t = m.seedTimeLimit, t <= 0 { m.seedTimeLimit = nil }
                if let t = m.idleSeedTimeLimit, t <= 0 { m.idleSeedTimeLimit = nil }
                if m.shareAction == "" { m.shareAction = nil }
                try m.save(db)
                return m
            }
            await torrents.updateSettings(await self.settings)
            return merged
        }
        r.on(Methods.CategoryRemove.self) { request in
            let deleted = try await self.store.pool.write { try CategoryRecord.deleteOne($0, key: request.name) }
            guard deleted else { throw EngineError.notFound("no category named '\(request.name)'; `category list` shows them") }
            await torrents.categoryRemoved(request.name)
            await torrents.updateSettings(await self.settings)
            return Empty()
        }
        r.on(Methods.Events.self) { request in
            try self.history.recent(limit: max(1, min(request.limit, 10_000)), afterId: request.afterId)
        }
        r.on(Methods.DatabaseCheck.self) { _ in
            let problems = try self.store.check()
            return .init(ok: problems.isEmpty, problems: problems)
        }
        r.on(Methods.DatabaseBackup.self) { request in
            let path = request.path.expandingTilde
            guard path.hasPrefix("/") else { throw EngineError.invalid("backup needs an absolute path, not '\(request.path)'") }
            try self.store.backup(to: path)
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
            return .init(path: path, bytes: size)
        }
        addLibraryRoutes(&r)
        addTranscodeRoutes(&r)
        addAcquisitionRoutes(&r)
        addHardwareRoutes(&r)
        addPodcastRoutes(&r)
        return r.build()
    }
}
