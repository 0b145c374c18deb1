/// A grab that could not start, and what is to blame: it decides whether the release is
/// blocklisted and whether the item's next best release is tried in the same sync.
///
/// Only a release at fault (a bad .torrent or magnet, no usable link) is blocklisted: a full disk,
/// an unwritable save path or a server that did not answer says nothing about the release, and
/// blocklisting it would lose the best release for good. A release whose link is gone is not
/// blocklisted either (the indexer may list it again), but, like a bad one, it makes way for the
/// next best release at once; a failure elsewhere would fail for that one too.
struct GrabRefusal: Error {
    enum Fault: Equatable {
        /// The release itself: blocklisted, and the next best is tried.
        case release
        /// Its link answers that the torrent is no longer there: the next best is tried.
        case gone
        /// Its indexer refuses downloads for now (HTTP 429, a used-up quota): the indexer rests, and
        /// the next best from another indexer is tried.
        case indexerLimit
        /// The client, the disk, the network: nothing more is tried until the next sync.
        case elsewhere
    }

    let error: EngineError
    let fault: Fault

    init(error: EngineError, fault: Fault) {
        self.error = error
        self.fault = fault
    }

    /// Any error a grab throws: a refusal stays as it is; an engine error that calls the request
    /// invalid (a release without a link) blames the release; anything else does not.
    init(_ error: Error) {
        switch error {
        case let refusal as GrabRefusal:
            self = refusal
        case let engine as EngineError:
            if case .invalid = engine { self.init(error: engine, fault: .release) } else { self.init(error: engine, fault: .elsewhere) }
        default:
            self.init(error: .failed("\(error)"), fault: .elsewhere)
        }
    }
}
