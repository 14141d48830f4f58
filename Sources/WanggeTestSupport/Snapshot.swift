import Foundation
import WanggeTUI

/// Golden screen snapshots: the text layer, then the style layer (one letter per cell,
/// see `Style.Role.snapshotLetter`), each row between bars so trailing spaces show.
public enum Snapshot {
    /// The snapshot text of a buffer.
    public static func render(_ buffer: ScreenBuffer) -> String {
        let text = buffer.textLines().map { "|" + $0 + "|" }
        let style = buffer.styleLines().map { "|" + $0 + "|" }
        return "# \(buffer.width)x\(buffer.height) text\n" + text.joined(separator: "\n") + "\n# style\n"
            + style.joined(separator: "\n") + "\n"
    }

    /// Compares `actual` with the golden file `name` in `directory`. Nil when they match.
    /// A missing file is written (and reported, so a new snapshot is looked at once);
    /// `WANGGE_RECORD_SNAPSHOTS=1` rewrites every file.
    public static func check(_ actual: String, named name: String, in directory: String) -> String? {
        let path = directory + "/" + name + ".txt"
        let record = ProcessInfo.processInfo.environment["WANGGE_RECORD_SNAPSHOTS"] == "1"
        if !record, let data = FileManager.default.contents(atPath: path) {
            let expected = String(decoding: data, as: UTF8.self)
            if expected == actual { return nil }
            return "snapshot \(name) differs:\n" + diff(expected, actual)
        }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(actual.utf8))
        return record ? nil : "snapshot \(name) was missing and has been recorded at \(path); run again"
    }

    /// The first differing lines, for the failure message.
    static func diff(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for index in 0..<max(a.count, b.count) where out.count < 12 {
            let left = index < a.count ? String(a[index]) : "<none>"
            let right = index < b.count ? String(b[index]) : "<none>"
            if left != right { out.append("line \(index + 1)\n- \(left)\n+ \(right)") }
        }
        return out.joined(separator: "\n")
    }
}
