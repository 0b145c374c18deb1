/// When an indexer that failed may be asked again.
///
/// Escalating back-off, as Sonarr and Prowlarr do: one failure rests the indexer for a minute,
/// each further failure in a row for longer, up to a day; a success clears it. A used-up quota
/// rests it at least an hour, since asking again before the site's reset only burns requests.
/// Automatic searches skip an indexer at rest and say so; `indexer test` asks anyway.
public enum IndexerHealth {
    /// Seconds of rest after the 1st, 2nd, ... failure in a row.
    public static let periods: [Int64] = [60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 24 * 3600]

    public static func backoffSeconds(failures: Int, error: IndexerError) -> Int64 {
        let escalated = periods[min(max(failures, 1), periods.count) - 1]
        return max(escalated, error.minimumBackOffSeconds)
    }

    /// Counts a failure on the record and sets its rest; `message` is the line already shown to the user.
    public static func recordFailure(_ record: inout IndexerRecord, error: IndexerError, message: String, now: Int64) {
        record.failures += 1
        record.backoffUntil = now + backoffSeconds(failures: record.failures, error: error)
        record.lastError = record.apiKey.scrub(message)
        record.lastFailureAt = now
    }

    public static func recordSuccess(_ record: inout IndexerRecord, now: Int64) {
        record.failures = 0
        record.backoffUntil = nil
        record.lastError = nil
        record.lastOkAt = now
    }
}
