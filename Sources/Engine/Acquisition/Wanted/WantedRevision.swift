import Foundation
import GRDB
import Synchronization

/// Which version of the wanted list and its grab and import history the engine holds, as a
/// short signature that changes with every commit touching them.
///
/// The Wanted screen asks once a second whether anything changed. Aggregating over the history
/// tables to answer would read rows that only grow; the engine is the database's only writer,
/// so watching its commits (GRDB's region observation) sees every change as it happens, and the
/// answer is a counter. The signature also names the engine run, so a signature from before a
/// restart never matches.
final class WantedRevision: Sendable {
    private let run = String(UUID().uuidString.prefix(8))
    private let commits: Counter
    private let observation: AnyDatabaseCancellable

    init(observing writer: any DatabaseWriter) {
        let commits = Counter()
        self.commits = commits
        observation = DatabaseRegionObservation(tracking: Table("wanted"), Table("grab_history"), Table("import_history"))
            .start(in: writer, onError: { _ in commits.lose() }, onChange: { _ in commits.bump() })
    }

    var signature: String { commits.signature(run: run) }

    private final class Counter: Sendable {
        /// The commit count; nil once the observation failed and changes could go unseen.
        private let count = Mutex<Int?>(0)

        func bump() { count.withLock { $0 = $0.map { $0 + 1 } } }
        func lose() { count.withLock { $0 = nil } }

        /// Unseen changes make every signature new: the screen then always gets the list.
        func signature(run: String) -> String {
            count.withLock { $0 }.map { "\(run):\($0)" } ?? UUID().uuidString
        }
    }
}
