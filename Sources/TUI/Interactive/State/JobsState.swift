import Engine

/// The Jobs tab: the transcode queue with live progress.
struct JobsState: PlainCursorList {
    private(set) var jobs: [Methods.JobView] = []
    var cursor = 0
    var scroll = 0
    var loaded = false

    var current: Methods.JobView? { jobs.indices.contains(cursor) ? jobs[cursor] : nil }

    mutating func set(_ new: [Methods.JobView]) {
        let previous = current?.id
        jobs = new
        loaded = true
        if let previous, let i = jobs.firstIndex(where: { $0.id == previous }) { cursor = i }
        cursor = max(0, min(cursor, jobs.count - 1))
    }

    var rowCount: Int { jobs.count }
}
