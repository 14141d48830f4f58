import ArgumentParser
import Foundation
import WanggeApp
import WanggeCore
import WanggeStore
import WanggeTUI

/// `wangge bench-console`: the console's own figures on a real database, headless on the
/// in-memory terminal (start to first frame, frame time per screen, key to frame for
/// moving, filtering and opening a case), then the real binary in tmux (start to first
/// frame as a person sees it, idle CPU over a few seconds from /proc, resident memory).
struct BenchConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-console",
        abstract: "控制台性能基准：首帧时间、各画面帧时间、按键到新帧的延迟（移动、筛选、打开案件）、tmux 中真实进程的空闲 CPU 与内存",
        discussion: "先用 wangge demo --no-console --db big.sqlite --cases 1000000 建库，再运行 wangge bench-console --db big.sqlite --now 2026-11-20T10:00。")

    @OptionGroup var global: GlobalOptions
    @Option(help: "每项延迟测量的按键次数") var keys: Int = 300
    @Option(help: "每个画面渲染的帧数") var frames: Int = 200
    @Option(name: .customLong("idle-seconds"), help: "tmux 中测空闲 CPU 的秒数") var idleSeconds: Int = 10
    @Flag(name: .customLong("no-tmux"), help: "不启动 tmux 测真实进程") var noTmux = false

    func run() throws {
        try ErrorReporting.run {
            let clock = ContinuousClock()
            let started = clock.now
            let env = try global.environment()
            let opened = clock.now
            let total = try env.workspace.store.count(CaseQuery())
            say("wangge bench-console —— 数据库 \(env.workspace.store.path)：\(total) 件案件；\(ProcessInfo.processInfo.processorCount) 核")
            let bench = ConsoleBench(env: env, clock: clock)
            let firstFrame = bench.start(size: TerminalSize(width: 80, height: 24))
            let countsDone = bench.finishCounts()
            say("")
            say("启动（进程内，80×24）：打开库并读配置 \(ms(started.duration(to: opened))) ms；首帧 \(ms(started.duration(to: firstFrame))) ms；计数到齐 \(ms(started.duration(to: countsDone))) ms")
            say("")
            say("各画面帧时间（整帧渲染进缓冲区 + 与上一帧比对，\(frames) 帧）：")
            for size in [TerminalSize(width: 80, height: 24), TerminalSize(width: 200, height: 50)] {
                let screens = ConsoleBench(env: env, clock: clock)
                _ = screens.start(size: size)
                _ = screens.finishCounts()
                for (name, samples) in screens.frameTimes(frames: frames) {
                    say("  \(size.width)×\(size.height) \(pad(name, 10)) p50 \(ms(samples.p50)) ms  p99 \(ms(samples.p99)) ms")
                }
            }
            say("")
            say("按键到新帧（update + 查询 + 渲染 + 比对，80×24，计数在后台不计入）：")
            for (name, samples) in bench.keyLatencies(keys: keys) {
                say("  \(pad(name, 24)) n=\(samples.count)  p50 \(ms(samples.p50)) ms  p99 \(ms(samples.p99)) ms  最大 \(ms(samples.max)) ms")
            }
            say("")
            say("考核画面（80×24，本月按社区，含近 8 周走势；数字在后台计算）：")
            for (name, samples) in bench.statsLatencies(runs: 5) {
                say("  \(pad(name, 30)) n=\(samples.count)  p50 \(ms(samples.p50)) ms  最大 \(ms(samples.max)) ms")
            }
            if !noTmux {
                say("")
                TmuxProbe(database: env.workspace.store.path, now: global.now ?? ProcessInfo.processInfo.environment["WANGGE_NOW"],
                          idleSeconds: idleSeconds).run()
            }
        }
    }
}

/// Samples of a duration, with the percentiles the report prints.
struct Samples {
    var values: [Duration] = []
    var count: Int { values.count }
    mutating func add(_ value: Duration) { values.append(value) }
    func percentile(_ p: Double) -> Duration {
        guard !values.isEmpty else { return .zero }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p + 0.5))]
    }
    var p50: Duration { percentile(0.5) }
    var p99: Duration { percentile(0.99) }
    var max: Duration { values.max() ?? .zero }
}

/// Milliseconds with two decimals.
func ms(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let value = Double(seconds) * 1000 + Double(attoseconds) / 1e15
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

/// Pads to `width` display columns.
func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
}

/// Prints a line at once (unbuffered), so each figure shows as soon as it is measured,
/// also into a pipe.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
