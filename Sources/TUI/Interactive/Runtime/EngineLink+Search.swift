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

    /// `wanted search ID` from the Wanted tab, on a thread and connection of its own like an
    /// indexer search: the screen keeps updating while the indexers answer. Its outcome (what
    /// was grabbed, or why nothing was) comes back as the status line's message.
    func startWantedSearch(id: Int64, label: String) {
        let home = self.home
        Thread.detachNewThread { [self] in
            do {
                let client = try EngineClient(home: home, autostart: false)
                let report = try client.call(Methods.WantedSearch(ids: [id]))
                if let grab = report.grabs.first {
                    publishUpdate(.message(AcquisitionText.grabLine(grab), isError: false))
                } else if let failure = report.failures.first {
                    publishUpdate(.message(failure, isError: true))
                } else {
                    let answered = report.outcomes.filter { $0.status == "ok" }.count
                    publishUpdate(.message("#\(id) \(label): \(report.accepted) of \(report.releases) releases accepted, nothing grabbed"
                                           + " (\(answered) of \(report.outcomes.count) indexers answered)", isError: report.outcomes.isEmpty || answered == 0))
                }
            } catch {
                publishUpdate(.message(Self.short(error), isError: true))
            }
        }
    }
}
