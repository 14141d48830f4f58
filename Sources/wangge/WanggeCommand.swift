import ArgumentParser


struct WanggeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wangge",
        abstract: "网格化社会治理事件派遣控制台",
        discussion: "不带子命令运行时打开控制台。退出码：0 成功，1 错误，3 被拒绝，4 冲突（案件已被他人修改）。",
        subcommands: [
            DemoCommand.self, InitCommand.self, SetupHostCommand.self, OperatorGroup.self, ReportCaseCommand.self, CaseGroup.self,
            AcceptCommand.self, DeclineCommand.self, DispatchCommand.self, TakeCommand.self, SendBackCommand.self,
            FeedbackCommand.self, VerifyCommand.self, EvaluateCommand.self, CloseCommand.self, ArchiveCommand.self,
            ExtendCommand.self, DecideExtensionCommand.self, SuspendCommand.self, ResumeCommand.self,
            SuperviseCommand.self, SummonCommand.self, ReportInCommand.self, LinkCommand.self, ReopenCommand.self,
            EscalateCommand.self, CommentCommand.self, EngineRunCommand.self, RulesGroup.self, MeetingGroup.self, BenchEngineCommand.self,
            StatsCommand.self, RankingCommand.self, BenchStatsCommand.self, EchoWallCommand.self, RoutineGroup.self,
            LogCommand.self, AuditCommand.self, BatchCommand.self, CheckCommand.self, RebuildCommand.self, ImportGroup.self, ExportGroup.self, BackupCommand.self, PermissionsCommand.self, BenchCommand.self, BenchConsoleCommand.self, BenchImportCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var console: ConsoleOptions

    func run() throws {
        try ErrorReporting.run {
            try ConsoleLauncher.run(env: try global.environment(channel: .console), options: console)
        }
    }
}
