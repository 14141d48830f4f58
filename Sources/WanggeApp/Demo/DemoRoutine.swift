import WanggeCore
import WanggeStore

/// The demo's routine work log (五查三问): each grid worker patrols or visits once or
/// twice on working days; now and then something is found. Its own random stream, so the
/// demo's cases do not change with it.
enum DemoRoutine {
    static let findings: [(RoutineItem, [String])] = [
        (.hazard, ["楼道堆放杂物，堵塞消防通道", "电动车在楼道内充电", "小区围墙出现裂缝", "井盖松动"]),
        (.dispute, ["邻里因漏水问题发生争执", "停车位归属纠纷"]),
        (.peopleUnderCare, ["独居老人近期身体欠佳，需上门关注"]),
        (.hardship, ["低保户反映取暖困难", "残疾人家庭需要代办证件"]),
        (.satisfaction, ["居民对物业保洁不满意"]),
        (.demand, ["居民希望增设充电桩", "希望加装楼道扶手"]),
    ]

    static func entries(_ context: DomainContext, now: Instant, days: Int, seed: UInt64) -> [RoutineEntry] {
        var rng = SeededRandom(seed: seed ^ 0x5A5A_1234)
        let calendar = context.calendar
        let today = calendar.civil(now).date
        var result: [RoutineEntry] = []
        let workers = context.organisation.people.filter { $0.role == .gridWorker || $0.role == .partTimeWorker }
        for back in (0..<days).reversed() {
            let day = today.adding(days: -back)
            let start = calendar.startOfDay(day)
            // Working days only: a working second somewhere in the day.
            guard calendar.measure(from: start, to: start + 86_400, clock: .workingHours) > 0 else { continue }
            for worker in workers {
                guard case .grids(let grids) = worker.scope, !grids.isEmpty else { continue }
                for _ in 0..<rng.int(0...2) {
                    let at = start + Int64(rng.int(9...17)) * 3600 + Int64(rng.int(0..<3600))
                    guard at <= now else { continue }
                    let grid = rng.pick(grids)
                    var found: [(item: RoutineItem, text: String)] = []
                    if rng.chance(0.15) {
                        let (item, texts) = rng.pick(findings)
                        found.append((item, rng.pick(texts)))
                    }
                    result.append(RoutineEntry(
                        worker: worker.login, grid: grid, building: nil, kind: rng.chance(0.6) ? .patrol : .visit, at: at,
                        note: found.isEmpty ? "五查三问无异常" : "", found: found))
                }
            }
        }
        return result
    }
}
