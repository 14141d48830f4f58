import ArgumentParser
import Foundation
import WanggeApp
import WanggeCore
import WanggeStore
import WanggeTUI

/// Turns every failure into one readable line on stderr and a distinct exit code:
/// 1 error (database, configuration), 3 refused (permission, state, input), 4 conflict.
enum ErrorReporting {
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let refusal as Refusal {
            printError("拒绝：\(refusal.message)")
            throw ExitCode(refusal.reason == .conflict ? 4 : 3)
        } catch let error as AppError {
            printError("错误：\(error)")
            throw ExitCode(1)
        } catch let error as StoreError {
            printError("错误：\(error)")
            throw ExitCode(1)
        } catch let error as ImportFileError {
            printError("错误：\(error)")
            throw ExitCode(1)
        } catch let error as OutputFileError {
            printError("错误：\(error)")
            throw ExitCode(1)
        }
    }

    static func printError(_ message: String) {
        let prefix = linePrefix ?? ""
        FileHandle.standardError.write(Data((TextSanitizer.neutralise(prefix + message, singleLine: false) + "\n").utf8))
    }

    private static let prefixLock = NSLock()
    nonisolated(unsafe) private static var prefixValue: String?

    /// Put before every message while a batch runs a line (`第 12 行：`).
    static var linePrefix: String? {
        get { prefixLock.lock(); defer { prefixLock.unlock() }; return prefixValue }
        set { prefixLock.lock(); prefixValue = newValue; prefixLock.unlock() }
    }
}
