/// When a finished torrent has shared enough: ratio, seeding time and idle seeding time,
/// globally and per category (a category's limit overrides the global one).
struct ShareRules: Sendable {
    enum Action: String, Sendable { case pause, remove, removeData = "remove_data" }

    struct Limits: Sendable {
        var ratio: Double?
        var seedSeconds: Int64?
        var idleSeconds: Int64?
        var action: Action
    }

    struct Decision: Sendable {
        var action: Action
        var reason: String
    }

    let global: Limits
    let byCategory: [String: Limits]

    init(settings: Settings, categories: [CategoryRecord]) {
        func positive(_ d: Double) -> Double? { d > 0 ? d : nil }
        func positive(_ i: Int64) -> Int64? { i > 0 ? i : nil }
        let global = Limits(ratio: positive(settings.double(.ratioLimit)),
                            seedSeconds: positive(settings.int(.seedTimeLimit)),
                            idleSeconds: positive(settings.int(.idleSeedTimeLimit)),
                            action: Action(rawValue: settings[.shareAction]) ?? .pause)
        self.global = global
        var map: [String: Limits] = [:]
        for c in categories {
            map[c.name] = Limits(ratio: c.ratioLimit.map { $0 > 0 ? $0 : nil } ?? global.ratio,
                                 seedSeconds: c.seedTimeLimit.map { $0 > 0 ? $0 : nil } ?? global.seedSeconds,
                                 idleSeconds: c.idleSeedTimeLimit.map { $0 > 0 ? $0 : nil } ?? global.idleSeconds,
                                 action: c.shareAction.flatMap(Action.init(rawValue:)) ?? global.action)
        }
        byCategory = map
    }

    func hasLimits(category: String?) -> Bool {
        let limits = category.flatMap { byCategory[$0] } ?? global
        return limits.ratio != nil || limits.seedSeconds != nil || limits.idleSeconds != nil
    }

    func decide(category: String?, ratio: Double, seedingSeconds: Int64, idleSeconds: Int64) -> Decision? {
        let limits = category.flatMap { byCategory[$0] } ?? global
        if let r = limits.ratio, ratio >= r {
            return Decision(action: limits.action, reason: "ratio \(String(format: "%.2f", ratio)) reached the limit \(r)")
        }
        if let t = limits.seedSeconds, seedingSeconds >= t {
            return Decision(action: limits.action, reason: "seeded for \(Units.formatDuration(seedingSeconds)) (limit \(Units.formatDuration(t)))")
        }
        if let i = limits.idleSeconds, idleSeconds >= i {
            return Decision(action: limits.action, reason: "no upload for \(Units.formatDuration(idleSeconds)) (limit \(Units.formatDuration(i)))")
        }
        return nil
    }
}
