import CNcurses
import Foundation

/// Gives the terminal back whatever ends the program: quit, SIGTERM, SIGINT, SIGHUP
/// (an SSH drop), or a crash.
enum TerminalGuard {
    /// Set by a signal handler; the main loop checks it between frames.
    nonisolated(unsafe) static var stopSignal: Int32 = 0

    static func install() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { received in TerminalGuard.stopSignal = received }
        }
        for sig in [SIGSEGV, SIGABRT, SIGILL, SIGTRAP, SIGBUS, SIGFPE] {
            signal(sig) { received in
                endwin()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
        atexit { endwin() }
    }
}
