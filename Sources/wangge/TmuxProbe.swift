import Foundation

/// The tmux half of `bench-console`: starts this very binary on the database in a
/// detached tmux session, times the first frame as capture-pane sees it, then reads the
/// process's CPU time and memory from /proc while it sits idle.
struct TmuxProbe {
    let database: String
    let now: String?
    let idleSeconds: Int

    func run() {
        guard let tmux = Self.which("tmux") else {
            say("tmux 未安装：跳过真实进程的测量")
            return
        }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let session = "wangge-bench-\(getpid())"
        // Without its own engine: an idle console is measured, not a first full
        // re-evaluation of a million cases by the engine it would otherwise run.
        var command = "exec '\(executable)' --db '\(database)' --no-engine"
        if let now { command += " --now '\(now)'" }
        let clock = ContinuousClock()
        let started = clock.now
        guard Self.tmux(tmux, ["new-session", "-d", "-s", session, "-x", "80", "-y", "24", "-e", "LANG=C.UTF-8", command]) != nil else {
            say("tmux new-session 失败")
            return
        }
        defer { _ = Self.tmux(tmux, ["kill-session", "-t", session]) }
        var firstFrame: Duration?
        var counted: Duration?
        let deadline = clock.now.advanced(by: .seconds(30))
        while clock.now < deadline, counted == nil {
            let screen = Self.tmux(tmux, ["capture-pane", "-p", "-t", session]) ?? ""
            if firstFrame == nil, screen.contains("事件队列") { firstFrame = started.duration(to: clock.now) }
            if screen.contains("事件队列 共") { counted = started.duration(to: clock.now) }
            usleep(2_000)
        }
        guard let pidText = Self.tmux(tmux, ["display-message", "-p", "-t", session, "#{pane_pid}"]),
              let pid = Int(pidText.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            say("找不到控制台进程")
            return
        }
        say("真实进程（tmux 80×24，进程 \(pid)）：")
        say("  启动到首帧（capture-pane 看到队列）：\(firstFrame.map(ms) ?? "超时") ms；到总数显示：\(counted.map(ms) ?? "超时") ms")
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        guard let before = Self.cpuTicks(pid) else { return }
        let idleStart = clock.now
        sleep(UInt32(idleSeconds))
        guard let after = Self.cpuTicks(pid) else { return }
        let wall = Double(idleStart.duration(to: clock.now).components.seconds)
        let cpu = Double(after - before) / ticksPerSecond
        let percent = cpu / max(1, wall) * 100
        say("  空闲 \(Int(wall)) 秒 CPU 时间 \(Int(cpu * 1000)) ms = 单核的 \(String(format: "%.2f", percent))%（/proc/\(pid)/stat utime+stime，时钟 \(Int(ticksPerSecond)) Hz）")
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let memory = status.split(separator: "\n").filter { $0.hasPrefix("VmRSS") || $0.hasPrefix("VmHWM") }
            .map { $0.replacingOccurrences(of: "\t", with: " ").split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        say("  内存：\(memory.joined(separator: "；"))")
        // Work it a little and look again: a page of moves, the board, the map, a case.
        for key in ["j", "j", "NPage", "3", "2", "Enter", "4", "1", "Enter", "q"] {
            _ = Self.tmux(tmux, ["send-keys", "-t", session, key])
            usleep(150_000)
        }
        let busy = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let peak = busy.split(separator: "\n").filter { $0.hasPrefix("VmRSS") || $0.hasPrefix("VmHWM") }
            .map { $0.replacingOccurrences(of: "\t", with: " ").split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        say("  走过各画面之后：\(peak.joined(separator: "；"))")
        _ = Self.tmux(tmux, ["send-keys", "-t", session, "q"])
    }

    static func cpuTicks(_ pid: Int) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command name: state is field 3, utime 14 and stime 15 (1-based).
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    static func which(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs tmux and returns what it printed, nil when it failed. Through posix_spawn
    /// and a temporary file rather than `Process` and a pipe: the tmux server that
    /// `new-session` may start inherits the child's descriptors and would keep a pipe
    /// (and `Process`'s own exit watch) open for as long as it lives.
    @discardableResult
    static func tmux(_ tmux: String, _ arguments: [String]) -> String? {
        let output = NSTemporaryDirectory() + "wangge-tmux-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).out"
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, arguments.first == "new-session" ? "/dev/null" : output,
                                         O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([tmux] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, tmux, &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else { return nil }
        return String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self)
    }
}
