import WanggeCore
import WanggeStore
import WanggeTOML

/// What an import did.
public struct ImportSummary: Sendable {
    public var records = 0
    public var imported = 0
    /// Records imported before with the same content: nothing to do.
    public var unchanged = 0
    public var bad = 0
    /// Records refused because the operator may not import into their grid, per grid
    /// (the command line records them in the security log).
    public var refusedByGrid: [String: Int] = [:]
    /// Whether anything was written (false for a dry run or when bad records stopped it).
    public var committed = false
    /// The verdicts of the imported cases at the instant asked (`--as-of`, else now).
    public var verdicts: [HandlingVerdict: Int] = [:]
    public var verdictsAt: Instant

    init(verdictsAt: Instant) { self.verdictsAt = verdictsAt }
}

/// How an import goes.
public struct ImportOptions: Sendable {
    /// Import the good records and reject the bad ones, instead of importing nothing.
    public var skipBad = false
    /// Check everything, write nothing.
    public var dryRun = false
    /// The instant the summary's verdicts are computed at (default: now).
    public var asOf: Instant?
    public var batchSize = 8_192
    /// Files expected to hold at least this many records (and twice the cases already
    /// stored) are loaded with the case indexes built at the end (`BulkSession.deferIndexes`).
    public var deferIndexesFrom: Int64 = 50_000

    public init(skipBad: Bool = false, dryRun: Bool = false, asOf: Instant? = nil) {
        self.skipBad = skipBad; self.dryRun = dryRun; self.asOf = asOf
    }
}

/// Imports historic cases from any record source through a mapping. Runs in one write
/// transaction: by default a file with any bad record imports nothing (every bad record
/// is reported); with `skipBad` the good ones are kept. Each case is written with the
/// idempotency key `import/<source>/<id>#<fingerprint>` on its first event, so a
/// re-import finds it: the same content changes nothing, other content for the same id
/// is a bad record. Records go to the store in batches through `BulkCaseWriter`, whose
/// pipeline hashes one batch while it inserts the previous: memory stays at one batch.
/// Like every bulk load, the text filter's index is left to catch up after the commit
/// (`SQLiteCaseStore.catchUpSearchIndex`, which the command line runs next).
public final class CaseImporter {
    let workspace: Workspace
    let mapping: ImportMapping
    let operatorPerson: Person
    let now: Instant
    let options: ImportOptions

    public init(workspace: Workspace, mapping: ImportMapping, operator person: Person, now: Instant, options: ImportOptions) {
        self.workspace = workspace
        self.mapping = mapping
        operatorPerson = person
        self.now = now
        self.options = options
    }

    /// Who may import: an administrator, or whoever may dispatch in the record's grid.
    func refusal(forGrid grid: String) -> String? {
        let org = workspace.organisation
        if Permissions.check(operatorPerson, .manageOrganisation, grid: grid, caseState: nil, organisation: org) == nil { return nil }
        if Permissions.check(operatorPerson, .dispatch, grid: grid, caseState: nil, organisation: org) == nil { return nil }
        return "\(operatorPerson.name)（\(operatorPerson.login)）无权向网格 \(grid) 导入案件（须为管理员，或可在该网格派遣）"
    }

    /// `import/<source>/<id>#`: ids are escaped so that no id's key is a prefix of another's.
    static func keyPrefix(source: String, _ sourceID: String) -> String {
        var escaped = ""
        for ch in sourceID.unicodeScalars {
            switch ch {
            case "%": escaped += "%25"
            case "#": escaped += "%23"
            case "/": escaped += "%2F"
            default: escaped.unicodeScalars.append(ch)
            }
        }
        return "import/\(source)/\(escaped)#"
    }

    /// Reads every record of `source`, reporting each bad one to `report` (and to
    /// `rejects`, with `skipBad`), and calls `progress` after each record.
    public func run(
        _ source: any ImportRecordSource, report: (ImportProblem) -> Void, rejects: ((ImportRecord, [ImportProblem]) throws -> Void)? = nil,
        progress: ((ImportSummary, (done: Int64, total: Int64)) -> Void)? = nil
    ) throws -> ImportSummary {
        let mapper: RowMapper
        do { mapper = try RowMapper(mapping: mapping, context: workspace.context, source: source, now: now) } catch let error as TOMLError {
            throw AppError.configuration(ConfigurationError(error))
        }
        let timeline = HistoricTimeline(decider: workspace.decider)
        let verdictAt = options.asOf ?? now
        var summary = ImportSummary(verdictsAt: verdictAt)
        let writer = BulkCaseWriter(store: workspace.store)
        try writer.transaction { session in
            let firstID = try session.nextCaseID()
            var nextID = firstID
            var counters = try session.codeCounters()
            var batch: [(events: [CaseEvent], state: CaseState)] = []
            var keys: [String?] = []
            var batchIDs: [String: (fingerprint: String, record: Int, line: Int?)] = [:]
            var batchCodes: Set<String> = []
            batch.reserveCapacity(options.batchSize)
            // One range probe instead of one per record (the source's keys sort together).
            let sourceImportedBefore = try session.key(withPrefix: "import/\(mapping.source)/") != nil
            var seenIDs = SeenSourceIDs()
            var refusals: [String: String?] = [:]

            var judgedSize = false
            func flush(progress: (done: Int64, total: Int64)) throws {
                guard !batch.isEmpty else { return }
                // Once a batch shows how big records are: a file several times the table
                // loads faster with the case indexes built once at the end.
                if !judgedSize, progress.done > 0, progress.total > progress.done {
                    judgedSize = true
                    let expected = Int64(summary.records) * progress.total / progress.done
                    if expected >= options.deferIndexesFrom && expected >= 2 * (firstID - 1) {
                        try session.deferIndexes(expectedCases: firstID - 1 + expected)
                    }
                }
                try session.write(batch, keys: keys, codeCounters: counters)
                batch.removeAll(keepingCapacity: true)
                keys.removeAll(keepingCapacity: true)
                batchIDs.removeAll(keepingCapacity: true)
                batchCodes.removeAll(keepingCapacity: true)
            }
            func reject(_ record: ImportRecord, _ problems: [ImportProblem]) throws {
                summary.bad += 1
                for p in problems { report(p) }
                try rejects?(record, problems)
            }
            /// The row's own code when it has one (refused when taken), else the next of its day.
            func code(for row: MappedRow) throws -> (code: String?, problem: String?) {
                if let kept = row.keepCode, let parts = CaseCodeFormat.parts(kept) {
                    if batchCodes.contains(kept) { return (nil, "案件编号 \(kept) 已被本文件前面的记录使用") }
                    if try session.codeExists(kept) { return (nil, "案件编号 \(kept) 已存在于本数据库（不是由来源 \(mapping.source) 的这条记录导入的）") }
                    counters[parts.day] = max(counters[parts.day] ?? 0, parts.number)
                    return (kept, nil)
                }
                // The counter is never below a number in use (kept codes raise it too), so
                // the next number of the day is free.
                let day = workspace.codeDay(row.historic.reportedAt)
                let number = (counters[day] ?? 0) + 1
                counters[day] = number
                let digits = String(number)
                return ("C-\(day)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits, nil)
            }

            /// One record: already known, refused, or a new case for the batch.
            func handle(_ item: MappedRecordQueue.Item, progress: (done: Int64, total: Int64)) throws {
                let (record, draft) = (item.record, item.draft)
                let row: MappedRow
                switch item.outcome {
                case .bad(let problems):
                    try reject(record, problems)
                    return
                case .row(let found):
                    row = found
                }
                let prefix = item.keyPrefix ?? Self.keyPrefix(source: mapping.source, row.sourceID)
                if let earlier = batchIDs[row.sourceID] {
                    if earlier.fingerprint == row.fingerprint { summary.unchanged += 1; return }
                    let place = earlier.line.map { "第 \($0) 行（第 \(earlier.record) 条记录）" } ?? "第 \(earlier.record) 条记录"
                    try reject(record, [mapper.problem(record, field: .id, reason: "与\(place)的来源编号相同，但内容不同")])
                    return
                }
                // A key can only exist when this source was imported before or the id came
                // earlier in this file: without the former, the filter of the file's ids
                // spares almost every record the lookup.
                if sourceImportedBefore || seenIDs.mayContain(row.sourceID), let existing = try session.key(withPrefix: prefix) {
                    if existing.key == prefix + row.fingerprint { summary.unchanged += 1; return }
                    let code = try session.code(ofCase: existing.caseID) ?? "#\(existing.caseID)"
                    let reason = existing.caseID >= firstID
                        ? "与本文件前面的一条记录（案件 \(code)）来源编号相同，但内容不同"
                        : "该来源编号已导入为案件 \(code)，但内容不同（同一编号的记录不能有两种内容）"
                    try reject(record, [mapper.problem(record, field: .id, reason: reason)])
                    return
                }
                let grid = row.historic.report.grid
                let refusal: String?
                if let known = refusals[grid] {
                    refusal = known
                } else {
                    refusal = self.refusal(forGrid: grid)
                    refusals[grid] = refusal
                }
                if let refusal {
                    summary.refusedByGrid[row.historic.report.grid, default: 0] += 1
                    try reject(record, [mapper.problem(record, field: .grid, reason: refusal)])
                    return
                }
                let assigned = try code(for: row)
                guard let caseCode = assigned.code else {
                    try reject(record, [mapper.problem(record, field: .code, reason: assigned.problem ?? "")])
                    return
                }
                let history: (events: [CaseEvent], state: CaseState)
                do throws(HistoricProblem) {
                    if let draft {
                        history = HistoricTimeline.renumbered(draft, id: nextID, code: caseCode)
                    } else {
                        history = try timeline.events(for: row.historic, id: nextID, code: caseCode)
                    }
                } catch {
                    try reject(record, [mapper.problem(record, field: ImportField(error.field), reason: error.message)])
                    return
                }
                nextID += 1
                batch.append(history)
                keys.append(prefix + row.fingerprint)
                batchIDs[row.sourceID] = (row.fingerprint, record.number, record.line)
                seenIDs.insert(row.sourceID)
                batchCodes.insert(caseCode)
                summary.imported += 1
                summary.verdicts[history.state.handlingVerdict(at: verdictAt), default: 0] += 1
                if batch.count >= options.batchSize { try flush(progress: progress) }
            }

            let importSource = mapping.source
            let queue = MappedRecordQueue(source: source, mapper: mapper, timeline: sourceImportedBefore ? nil : timeline) {
                Self.keyPrefix(source: importSource, $0)
            }
            defer { queue.stop() }
            while let mapped = try queue.next() {
                for i in mapped.items.indices {
                    summary.records += 1
                    try handle(mapped.items[i], progress: mapped.progress)
                    progress?(summary, mapped.progress)
                }
                queue.retire(mapped)
            }
            try flush(progress: (0, 0))
            summary.committed = !options.dryRun && (summary.bad == 0 || options.skipBad)
            return summary.committed
        }
        return summary
    }
}
