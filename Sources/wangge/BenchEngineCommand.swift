import ArgumentParser

struct BenchEngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-engine", abstract: "升级引擎性能基准")
    func run() throws {}
}
