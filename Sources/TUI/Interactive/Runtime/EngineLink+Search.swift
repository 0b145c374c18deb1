import Engine
import Foundation

extension EngineLink {
    /// Runs an indexer search on a thread and connection of its own: indexers can take many
    /// seconds, and the torrent list, rates and events keep updating meanwhile.
    func startSearch(_ request: SearchState.Request) {
        let home = self.home
        Thread.detachNewThread { [self] in
            do {
                let client = try EngineClient(home: home, autostart: false)
                let query = IndexerQuery(function: request.type?.searchFunction ?? .search, text: request.text)
                let result = try client.call(Methods.Search(query: query, type: request.type))
                publishUpdate(.searchResult(serial: request.serial, result))
            } catch {
                publishUpdate(.searchFailed(serial: request.serial, Self.short(error)))
            }
        }
    }
}
