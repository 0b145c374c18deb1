extension EngineCore {
    /// Stops the running transcodes before the engine closes its database; they go back to
    /// the queue and run again at the next start. (Without this call an `atexit` handler still
    /// stops ffmpeg and removes its temporary files, and the next start re-queues the jobs.)
    func stopTranscoding() async {
        await transcode.shutdown()
    }
}
