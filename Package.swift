// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// libtorrent's ABI depends on the defines its pkg-config file lists (TORRENT_USE_OPENSSL, ...).
/// SwiftPM keeps only -I/-L/-l from pkg-config and drops those, so read them here and pass
/// them to the shim: compiled with different defines, the shim would disagree with the
/// library about struct layouts.
func libtorrentDefines() -> [CXXSetting] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["pkg-config", "--cflags", "libtorrent-rasterbar"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return [] }
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return output.split(separator: " ").compactMap { flag -> CXXSetting? in
        guard flag.hasPrefix("-D") else { return nil }
        let body = flag.dropFirst(2).trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = body.split(separator: "=", maxSplits: 1).map(String.init)
        return parts.count == 2 ? .define(parts[0], to: parts[1]) : .define(parts[0])
    }
}

let package = Package(
    name: "seedtui",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "seedtui", targets: ["seedtui"]),
        .library(name: "Engine", targets: ["Engine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // The C boundary: system libraries found through pkg-config, and the libtorrent shim.
        .systemLibrary(
            name: "LibtorrentSystem", path: "Sources/CBridges/LibtorrentSystem",
            pkgConfig: "libtorrent-rasterbar",
            providers: [.apt(["libtorrent-rasterbar-dev"])]),
        .target(
            name: "CTorrent", dependencies: ["LibtorrentSystem"], path: "Sources/CBridges/CTorrent",
            cxxSettings: libtorrentDefines() + [.unsafeFlags(["-fexceptions", "-O2"])]),
        .systemLibrary(
            name: "CCurl", path: "Sources/CBridges/CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(
            name: "CNcurses", path: "Sources/CBridges/CNcurses", pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(
            name: "CFFmpeg", path: "Sources/CBridges/CFFmpeg", pkgConfig: "libavformat",
            providers: [.apt(["libavformat-dev"])]),
        .systemLibrary(
            name: "CArchive", path: "Sources/CBridges/CArchive", pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]),
        .systemLibrary(
            name: "CExif", path: "Sources/CBridges/CExif", pkgConfig: "libexif",
            providers: [.apt(["libexif-dev"])]),
        .systemLibrary(
            name: "CXML", path: "Sources/CBridges/CXML", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),

        .target(
            name: "Engine",
            dependencies: [
                "CTorrent", "CCurl", "CFFmpeg", "CArchive", "CExif", "CXML",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: [
                // Release builds hand LLVM the module as one unit, as a single-threaded whole-module
                // build does, instead of one LLVM module per source file: the release-name parser's
                // passes live in a file each and call each other on every token, and LLVM's inliner
                // does not cross files (bench/parse measured 5–7% slower with the split).
                .unsafeFlags(["-Xfrontend", "-enable-single-module-llvm-emission"], .when(configuration: .release)),
            ]),
        .executableTarget(
            name: "seedtui",
            dependencies: [
                "Engine", "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/TUI"),
        // bench/parse's in-process speed run, built like the shipped binary (no test bundle).
        .executableTarget(name: "ParseSpeed", dependencies: ["Engine"], path: "bench/ParseSpeed"),
        .testTarget(name: "EngineTests", dependencies: ["Engine"]),
        .testTarget(name: "TUITests", dependencies: ["seedtui", "Engine"]),
        .testTarget(name: "IntegrationTests"),
    ],
    cxxLanguageStandard: .cxx17
)
