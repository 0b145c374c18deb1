extension EngineCore {
    /// The transcoding socket methods: jobs, presets, rules.
    ///
    /// The service starts in the background with the engine (`startServices`); each handler
    /// awaits that start (a no-op once it has run), so a request that arrives first still finds
    /// the built-in presets written.
    func addTranscodeRoutes(_ r: inout RouterBuilder) {
        let transcode = self.transcode
        r.on(Methods.TranscodeSubmit.self) { request in
            await transcode.start()
            return try await transcode.submit(request)
        }
        r.on(Methods.TranscodeJobs.self) { request in
            await transcode.start()
            return try await transcode.jobs(request)
        }
        r.on(Methods.TranscodeCancel.self) { try await transcode.cancel($0) }
        r.on(Methods.TranscodeRetry.self) { try await transcode.retry($0.id) }
        r.on(Methods.TranscodePresets.self) { _ in
            await transcode.start()
            return try await transcode.presets()
        }
        r.on(Methods.TranscodePresetSave.self) { request in
            await transcode.start()
            return try await transcode.savePreset(request)
        }
        r.on(Methods.TranscodePresetRemove.self) { request in
            await transcode.start()
            try await transcode.removePreset(request.name)
            return Empty()
        }
        r.on(Methods.TranscodeRuleAdd.self) { request in
            await transcode.start()
            return try await transcode.addRule(request)
        }
        r.on(Methods.TranscodeRules.self) { _ in try await transcode.rules() }
        r.on(Methods.TranscodeRuleRemove.self) { request in
            try await transcode.removeRule(request.id)
            return Empty()
        }
        r.on(Methods.TranscodeRuleTest.self) { request in
            await transcode.start()
            return try await transcode.testRules(file: request.file)
        }
    }
}
