import WanggeStore

extension EngineRunner {
    /// After an active tick, the lease holder (one process, not every console) brings
    /// the open cases' text index up to date with the cases that opened or closed since,
    /// so the notes a filter treats as candidates stay a handful. Outside the tick, whose
    /// time is a benchmark of its own; a failure only leaves the notes for the next time.
    public func tidySearchIndex(after report: EngineTickReport) {
        guard case .active = report.mode else { return }
        _ = try? workspace.store.reconcileOpenSearch()
    }
}
