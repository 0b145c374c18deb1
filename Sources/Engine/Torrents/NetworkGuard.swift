import Foundation

/// The kill switch: whether the interface all traffic is bound to (a VPN's wg0) is up.
///
/// libtorrent binds sockets to the interface, so traffic cannot leave another way; the
/// guard additionally pauses the session while the interface is gone, so nothing runs
/// in a half-connected state, and resumes it when the interface returns.
enum NetworkGuard {
    static func isUp(_ name: String) -> Bool {
        var list: UnsafeMutablePointer<ifaddrs>? = nil
        guard getifaddrs(&list) == 0 else { return false }
        defer { freeifaddrs(list) }
        var cursor = list
        while let item = cursor {
            if let n = item.pointee.ifa_name, String(cString: n) == name,
               item.pointee.ifa_flags & UInt32(IFF_UP) != 0 {
                return true
            }
            cursor = item.pointee.ifa_next
        }
        return false
    }
}
