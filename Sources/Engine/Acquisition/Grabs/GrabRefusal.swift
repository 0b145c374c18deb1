/// A grab that could not start, and whether the release itself is to blame.
///
/// Only a release at fault (a bad .torrent or magnet, no usable link) is blocklisted so that the
/// next best one is tried: a full disk, an unwritable save path or a server that did not answer
/// says nothing about the release, and blocklisting it would lose the best release for good.
struct GrabRefusal: Error {
    let error: EngineError
    let releaseAtFault: Bool

    init(error: EngineError, releaseAtFault: Bool) {
        self.error = error
        self.releaseAtFault = releaseAtFault
    }

    /// Any error a grab throws: a refusal stays as it is; an engine error that calls the request
    /// invalid (a release without a link) blames the release; anything else does not.
    init(_ error: Error) {
        switch error {
        case let refusal as GrabRefusal:
            self = refusal
        case let engine as EngineError:
            if case .invalid = engine { self.init(error: engine, releaseAtFault: true) } else { self.init(error: engine, releaseAtFault: false) }
        default:
            self.init(error: .failed("\(error)"), releaseAtFault: false)
        }
    }
}
