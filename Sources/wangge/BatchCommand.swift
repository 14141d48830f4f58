import ArgumentParser
import Foundation
import WanggeApp
import WanggeCore

/// `wangge batch FILE`: many commands in one process, one line each.
///
/// Each line is a command line as typed after `wangge` (quotes and backslashes as in the
/// shell), run through the same parser and verbs; the database is opened and the
/// configuration read once, and every command is still its own transaction with its own
/// refusals. A failed line does not stop the others (unless `--stop-on-error`): its
/// message on stderr starts with `第 N 行：`.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch", abstract: "批处理：逐行执行文件（或标准输入）中的命令，每行一条，库只打开一次",
        discussion: "空行和以 # 开头的行跳过。退出码：全部成功为 0；否则有错误为 1，有拒绝为 3，只有冲突为 4。")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "命令文件；省略或为 - 时读标准输入") var file: String?
    @Flag(name: .customLong("stop-on-error"), help: "遇到第一条失败的命令就停止") var stopOnError = false

    func run() throws {
        let text: String
        if let file, file != "-" {
            guard let data = FileManager.default.contents(atPath: file), let decoded = String(data: data, encoding: .utf8) else {
                ErrorReporting.printError("错误：无法读取 UTF-8 文本文件 \(file)")
                throw ExitCode(1)
            }
            text = decoded
        } else {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        var globals: [String] = []
        if let db = global.db { globals += ["--db", db] }
        if let asLogin = global.asLogin { globals += ["--as", asLogin] }
        if let now = global.now { globals += ["--now", now] }
        EnvironmentCache.enable()
        defer { EnvironmentCache.disable() }
        var tally = BatchTally()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let status = runLine(String(trimmed), number: index + 1, globals: globals)
            tally.add(status)
            if stopOnError, status != 0 { break }
        }
        ErrorReporting.printError(tally.summary)
        if let worst = tally.exitCode { throw ExitCode(worst) }
    }

    /// Runs one line; its exit status.
    func runLine(_ line: String, number: Int, globals: [String]) -> Int32 {
        ErrorReporting.linePrefix = "第 \(number) 行："
        defer { ErrorReporting.linePrefix = nil }
        do {
            let words = try ShellWords.split(line)
            guard let first = words.first(where: { !$0.hasPrefix("-") }), !["batch", "demo", "bench", "bench-console", "bench-engine", "engine"].contains(first)
            else {
                ErrorReporting.printError("错误：批处理中不能运行 \(words.first ?? "")（控制台、演示、引擎、基准和嵌套批处理请单独运行）")
                return 1
            }
            var command = try Self.parse(words, globals: globals)
            try command.run()
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            ErrorReporting.printError("错误：" + WanggeCommand.message(for: error))
            return 1
        }
    }
}

extension BatchCommand {
    /// The top-level commands by name.
    static let commands: [String: ParsableCommand.Type] = Dictionary(
        WanggeCommand.configuration.subcommands.map { ($0.configuration.commandName ?? "", $0) }, uniquingKeysWith: { first, _ in first })

    /// Parses one line. A plain verb is parsed by its own type (building the whole
    /// command tree for every line costs more than the command itself); a command group
    /// or a line that starts with options goes through the root as on the command line.
    static func parse(_ words: [String], globals: [String]) throws -> ParsableCommand {
        if let name = words.first, let type = commands[name], type.configuration.subcommands.isEmpty {
            return try type.parseAsRoot(Array(words.dropFirst()) + globals)
        }
        return try WanggeCommand.parseAsRoot(GlobalArgumentHoist.hoist(globals + words))
    }
}

/// Counts of a batch's outcomes.
struct BatchTally {
    var done = 0, refused = 0, conflicts = 0, errors = 0

    mutating func add(_ status: Int32) {
        switch status {
        case 0: done += 1
        case 3: refused += 1
        case 4: conflicts += 1
        default: errors += 1
        }
    }

    var exitCode: Int32? { errors > 0 ? 1 : refused > 0 ? 3 : conflicts > 0 ? 4 : nil }

    var summary: String {
        "批处理：共 \(done + refused + conflicts + errors) 条，成功 \(done) 条，被拒绝 \(refused) 条，冲突 \(conflicts) 条，出错 \(errors) 条"
    }
}

/// Splits a command line into words as a POSIX shell would for plain words: blanks
/// separate, single quotes keep everything, double quotes keep all but `\"` and `\\`,
/// a backslash outside quotes keeps the next character.
enum ShellWords {
    struct UnbalancedQuote: Error, CustomStringConvertible {
        var description: String { "引号不成对" }
    }

    static func split(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var iterator = line.makeIterator()
        while let ch = iterator.next() {
            switch ch {
            case " ", "\t":
                if inWord { words.append(current); current = ""; inWord = false }
            case "'":
                inWord = true
                var closed = false
                while let c = iterator.next() {
                    if c == "'" { closed = true; break }
                    current.append(c)
                }
                if !closed { throw UnbalancedQuote() }
            case "\"":
                inWord = true
                var closed = false
                while let c = iterator.next() {
                    if c == "\"" { closed = true; break }
                    if c == "\\", let next = iterator.next() {
                        if next != "\"" && next != "\\" { current.append("\\") }
                        current.append(next)
                    } else {
                        current.append(c)
                    }
                }
                if !closed { throw UnbalancedQuote() }
            case "\\":
                inWord = true
                if let next = iterator.next() { current.append(next) }
            default:
                inWord = true
                current.append(ch)
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
