import Foundation
import WanggeCore

/// The only place the program reads the wall clock. Everything below the executable
/// takes `now` as a value; `--now` or `WANGGE_NOW` fixes it for tests and replays.
enum SystemClock {
    static func now() -> Instant {
        Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
    }
}
