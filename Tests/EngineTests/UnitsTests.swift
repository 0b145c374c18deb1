@testable import Engine
import XCTest

final class UnitsTests: XCTestCase {
    func testRatesAndSizes() {
        XCTAssertEqual(Units.parseBytes("16M"), 16 * 1024 * 1024)
        XCTAssertEqual(Units.parseBytes("512k"), 512 * 1024)
        XCTAssertEqual(Units.parseBytes("1.5G"), 1_610_612_736)
        XCTAssertEqual(Units.parseBytes("0"), 0)
        XCTAssertEqual(Units.parseBytes("2MiB/s"), 2 * 1024 * 1024)
        XCTAssertNil(Units.parseBytes("fast"))
        XCTAssertNil(Units.parseBytes("-1M"))
        XCTAssertNil(Units.parseBytes(""))
        XCTAssertEqual(Units.formatBytes(1536), "1.5 KiB")
        XCTAssertEqual(Units.formatRate(0), "0")
    }

    func testDurations() {
        XCTAssertEqual(Units.parseDuration("90"), 90)
        XCTAssertEqual(Units.parseDuration("30m"), 1800)
        XCTAssertEqual(Units.parseDuration("1h30m"), 5400)
        XCTAssertEqual(Units.parseDuration("7d"), 604_800)
        XCTAssertNil(Units.parseDuration("soon"))
        XCTAssertNil(Units.parseDuration("5x"))
        XCTAssertEqual(Units.formatDuration(3725), "1h 2m")
        XCTAssertEqual(Units.formatDuration(nil), "∞")
    }
}

final class AltSpeedScheduleTests: XCTestCase {
    func date(_ text: String) -> Date {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.date(from: text)!
    }
    var utc: Calendar { var c = Calendar(identifier: .gregorian); c.timeZone = TimeZone(identifier: "UTC")!; return c }

    func testDailyWindow() throws {
        let s = try XCTUnwrap(AltSpeedSchedule("01:00-07:00"))
        XCTAssertTrue(s.isActive(at: date("2026-11-26 03:00"), calendar: utc))
        XCTAssertFalse(s.isActive(at: date("2026-11-26 07:00"), calendar: utc))
    }

    func testWeekdaysAndMidnight() throws {
        // 2026-11-27 is a Friday, 2026-11-28 a Saturday.
        let work = try XCTUnwrap(AltSpeedSchedule("mon-fri 08:00-18:00"))
        XCTAssertTrue(work.isActive(at: date("2026-11-27 09:00"), calendar: utc))
        XCTAssertFalse(work.isActive(at: date("2026-11-28 09:00"), calendar: utc))
        let night = try XCTUnwrap(AltSpeedSchedule("fri 22:00-06:00"))
        XCTAssertTrue(night.isActive(at: date("2026-11-27 23:00"), calendar: utc))
        XCTAssertTrue(night.isActive(at: date("2026-11-28 05:00"), calendar: utc), "the window started on Friday")
        XCTAssertFalse(night.isActive(at: date("2026-11-27 05:00"), calendar: utc))
    }

    func testRejectsNonsense() {
        for bad in ["", "25:00-26:00", "08:00", "funday 01:00-02:00", "01:00-01:00"] {
            XCTAssertNil(AltSpeedSchedule(bad), bad)
        }
    }
}

final class CommandLineSplitterTests: XCTestCase {
    func testQuotingWithoutAShell() throws {
        XCTAssertEqual(try CommandLineSplitter.split("add 'my file.torrent' --tag \"a b\""), ["add", "my file.torrent", "--tag", "a b"])
        XCTAssertEqual(try CommandLineSplitter.split(#"echo a\ b "$(rm -rf /)""#), ["echo", "a b", "$(rm -rf /)"])
        XCTAssertEqual(try CommandLineSplitter.split("x ''"), ["x", ""])
        XCTAssertThrowsError(try CommandLineSplitter.split("echo 'open"))
    }
}

final class SettingKeyTests: XCTestCase {
    func testNormalizesAndRejectsWithTheKeyName() throws {
        XCTAssertEqual(try SettingKey.downloadLimit.normalize("16M"), "16777216")
        XCTAssertEqual(try SettingKey.dht.normalize("off"), "false")
        XCTAssertEqual(try SettingKey.seedTimeLimit.normalize("2h"), "7200")
        XCTAssertThrowsError(try SettingKey.listenPort.normalize("70000")) { error in
            XCTAssertTrue("\(error)".contains("listen_port"))
        }
        XCTAssertThrowsError(try SettingKey.shareAction.normalize("explode"))
        XCTAssertThrowsError(try SettingKey.onComplete.normalize("notify 'unclosed"))
        XCTAssertThrowsError(try SettingKey.named("nope"))
        XCTAssertEqual(Set(SettingKey.all.map(\.name)).count, SettingKey.all.count, "duplicate setting names")
        for key in SettingKey.all { XCTAssertNoThrow(try key.normalize(key.defaultValue), key.name) }
    }

    func testSessionSettingsStayOnLoopbackInTests() {
        let s = Settings(stored: ["dht": "true", "port_mapping": "true", "listen_port": "7000"])
        let pack = SessionSettings.make(s, altSpeedActive: false, loopbackOnly: true)
        func value(_ name: String) -> LibtorrentSetting? { pack.first { $0.name == name } }
        XCTAssertEqual(value("listen_interfaces")?.string, "127.0.0.1:7000")
        XCTAssertEqual(value("enable_dht")?.int, 0)
        XCTAssertEqual(value("enable_upnp")?.int, 0)
        XCTAssertEqual(value("enable_lsd")?.int, 0)
        let vpn = SessionSettings.make(Settings(stored: ["interface": "wg0", "listen_port": "7000"]), altSpeedActive: false, loopbackOnly: false)
        XCTAssertEqual(vpn.first { $0.name == "listen_interfaces" }?.string, "wg0:7000")
        XCTAssertEqual(vpn.first { $0.name == "outgoing_interfaces" }?.string, "wg0")
    }

    func testAltSpeedSwapsLimits() {
        let s = Settings(stored: ["download_limit": "100", "alt_download_limit": "5"])
        XCTAssertEqual(SessionSettings.make(s, altSpeedActive: true, loopbackOnly: true).first { $0.name == "download_rate_limit" }?.int, 5)
        XCTAssertEqual(SessionSettings.make(s, altSpeedActive: false, loopbackOnly: true).first { $0.name == "download_rate_limit" }?.int, 100)
    }
}
