/// The rules shipped inside the binary (`wangge rules export` writes them out). They
/// put DOMAIN.md §4 and §5 into rules: 小事不出网格，大事不出街道社区，难事不出部门.
/// Unit codes (XF 消防, GA 公安, RQ 燃气, CG 城管) are the demo's; a deployment exports
/// the file, adapts it and stores it with `wangge rules install`.
public enum DefaultRules {
    public static let fileName = "（内置默认规则）rules.toml"

    public static let text = """
        # wangge 升级规则（内置默认规则，可用 wangge rules export 导出后修改）
        # 小事不出网格，大事不出街道社区，难事不出部门。
        #
        # 每条规则：when 中的条件全部成立时执行 then 中的动作。同一案件、同一规则、同一截止时间
        # 只执行一次（幂等键），多个引擎同时运行也不会重复。order 小的先看；stop = true 时不再看后面的规则。
        # 时长写法："2h"、"30m"、"1d" 按案件自身的时钟计（工作时案件的 2h 即 2 个工作时）；
        # 也可指明时钟："1 urgent_hours"、"2 working_hours"、"3 working_days"、"30 calendar_days"。
        #
        # 条件（[rule.when]）：
        #   category / not_category        分类编码或前缀，如 ["04"]、"1203"
        #   severity / severity_at_least / severity_at_most   normal、serious、major、critical
        #   level / level_at_least / level_at_most            grid、community、street、department
        #   status                         reported、accepted、dispatched、in_progress、handled、verified、evaluated
        #   stage                          dispatch（待派遣）、handling（处置）、verification（核查）
        #   source                         patrol、12345、walk_in、camera、inspection、meeting
        #   grid_kind                      basic、school、hospital、market、enterprise、all_purpose
        #   overdue = true/false、overdue_at_least、time_left_at_most、limit_used_at_least（0.8 = 80%）
        #   stage_elapsed_at_least、age_at_least、rework_count_at_least、send_back_count_at_least
        #   supervision_count_at_least、duplicates_at_least、summons_overdue = true/false、keywords
        #   repeats_at_least + repeat_window（+ repeat_scope = building/grid，repeat_match = category/class）
        # 动作（[rule.then]）：
        #   escalate = "next"/"community"/"street"/"department"；summon = ["XF"] 或 [{ unit = "XF", limit = "1 urgent_hours" }]
        #   summon_limit；supervise = "timeout"/"leader"/"important"；raise_severity；agenda = true；notify = ["dispatcher"]
        # 其他：order（小的先看）、stop、once（每个案件只执行一次）、enabled、note（督办和提醒的文字）
        version = 1

        [engine]
        tick_seconds = 15            # 两次检查之间的秒数
        lease_seconds = 45           # 租约时长：持有租约的引擎失联超过此时长，其他引擎接管
        console_runs_engine = true   # 没有独立引擎运行时，控制台自己运行引擎
        max_cases_per_tick = 50000
        inhibited_recheck_minutes = 10

        # 重复上报：同网格、同分类、24 小时内的新上报，提醒派遣员并案（不自动并案）
        [duplicates]
        enabled = true
        window = "24 urgent_hours"
        scope = "grid"
        match = "category"
        auto_link = false
        notify = ["dispatcher"]

        # 抑制：网格内有未办结的重大突发事件时，同网格同大类的较轻上报暂不升级、不督办
        [[inhibit]]
        id = "emergency-holds-lesser"
        description = "网格内有未办结的重大突发事件，同类较轻的上报暂缓升级"
        source_category = ["04"]
        source_severity_at_least = "major"
        scope = "grid"
        match = "class"
        actions = ["escalate", "supervise"]

        # ── 突发事件：直接到街道，并吹哨召集部门 ──────────────────────────

        [[rule]]
        id = "emergency-to-street"
        description = "突发事件（火情、燃气泄漏、路面塌陷等）直接提级到街道处置"
        order = 10
        [rule.when]
        category = ["04"]
        not_category = ["0403"]
        level_at_most = "community"
        [rule.then]
        escalate = "street"
        notify = ["supervisor"]

        [[rule]]
        id = "fire-summons"
        description = "火情：吹哨召集消防、公安 1 小时内到场报到"
        order = 11
        [rule.when]
        category = ["0401"]
        [rule.then]
        summon = ["XF", "GA"]
        summon_limit = "1 urgent_hours"

        [[rule]]
        id = "gas-summons"
        description = "燃气泄漏：吹哨召集燃气公司、消防 1 小时内到场报到"
        order = 12
        [rule.when]
        category = ["0402"]
        [rule.then]
        summon = ["RQ", "XF"]
        summon_limit = "1 urgent_hours"

        [[rule]]
        id = "collapse-summons"
        description = "路面塌陷：吹哨召集城管、公安 2 小时内到场报到"
        order = 13
        [rule.when]
        category = ["0404"]
        [rule.then]
        summon = ["CG", "GA"]
        summon_limit = "2 urgent_hours"

        [[rule]]
        id = "summons-not-reported"
        description = "被吹哨部门超时未报到，提级到街道协调"
        order = 15
        [rule.when]
        summons_overdue = true
        level_at_most = "community"
        [rule.then]
        escalate = "street"
        supervise = "timeout"

        # ── 12345 热线：派遣时限（紧急 1 小时，水电气暖 2 小时，其他 24 小时）──────

        [[rule]]
        id = "hotline-emergency-dispatch"
        description = "12345 热线紧急诉求 1 小时内未派遣，督办"
        order = 20
        [rule.when]
        source = "12345"
        stage = "dispatch"
        category = ["04"]
        stage_elapsed_at_least = "1 urgent_hours"
        [rule.then]
        supervise = "timeout"
        notify = ["dispatcher"]

        [[rule]]
        id = "hotline-utilities-dispatch"
        description = "12345 热线水、电、气、暖诉求 2 小时内未派遣，督办"
        order = 21
        [rule.when]
        source = "12345"
        stage = "dispatch"
        category = ["1203", "1204", "1205"]
        stage_elapsed_at_least = "2 urgent_hours"
        [rule.then]
        supervise = "timeout"
        notify = ["dispatcher"]

        [[rule]]
        id = "hotline-dispatch"
        description = "12345 热线诉求 24 小时内未派遣，督办"
        order = 22
        [rule.when]
        source = "12345"
        stage = "dispatch"
        not_category = ["04", "1203", "1204", "1205"]
        stage_elapsed_at_least = "24 urgent_hours"
        [rule.then]
        supervise = "timeout"

        # ── 到期前提醒 ────────────────────────────────────────────────

        [[rule]]
        id = "handling-warning"
        description = "处置时限只剩四分之一，提醒派遣员和督办员"
        order = 30
        [rule.when]
        stage = "handling"
        limit_used_at_least = 0.75
        overdue = false
        [rule.then]
        notify = ["dispatcher", "supervisor"]

        # ── 难事：列入三五联席会议议程（在逐级升级之前看，升级和列入议程同时发生）──

        [[rule]]
        id = "hard-dispute-agenda"
        description = "矛盾纠纷在街道及以上层级超时仍未化解，列入三五联席会议议程"
        order = 39
        [rule.when]
        category = ["10"]
        level_at_least = "street"
        overdue = true
        [rule.then]
        agenda = true
        notify = ["leader"]

        # ── 逐级升级：网格 → 社区 → 街道 → 部门 ─────────────────────────

        [[rule]]
        id = "grid-overdue"
        description = "网格层级的案件超过时限，升级到社区"
        order = 40
        stop = true
        [rule.when]
        level = "grid"
        overdue = true
        [rule.then]
        escalate = "community"

        [[rule]]
        id = "community-overdue"
        description = "社区层级的案件超过时限，升级到街道"
        order = 41
        stop = true
        [rule.when]
        level = "community"
        overdue = true
        [rule.then]
        escalate = "street"

        [[rule]]
        id = "street-reworked"
        description = "街道层级的案件两次核查不通过，升级到部门（区县）"
        order = 42
        stop = true
        [rule.when]
        level = "street"
        rework_count_at_least = 2
        [rule.then]
        escalate = "department"
        supervise = "important"

        [[rule]]
        id = "street-overdue"
        description = "街道层级的案件超过时限仍未解决，升级到部门（区县）"
        order = 43
        stop = true
        [rule.when]
        level = "street"
        overdue = true
        [rule.then]
        escalate = "department"

        [[rule]]
        id = "department-overdue"
        description = "部门层级的案件超过时限，领导督办"
        order = 44
        [rule.when]
        level = "department"
        overdue = true
        [rule.then]
        supervise = "leader"

        [[rule]]
        id = "verification-overdue"
        description = "处置反馈后超时未核查，超时督办"
        order = 45
        [rule.when]
        stage = "verification"
        overdue = true
        [rule.then]
        supervise = "timeout"

        # ── 关键词、重复上报、多次并案 ─────────────────────────────────

        [[rule]]
        id = "alarming-words"
        description = "描述中出现群体、自杀等字样，提高为重大并重点督办"
        order = 60
        [rule.when]
        keywords = ["群体", "聚集", "自杀", "轻生", "跳楼", "上访", "持刀"]
        [rule.then]
        raise_severity = "major"
        supervise = "important"

        [[rule]]
        id = "repeated-building"
        description = "同一楼栋 30 天内第 3 次上报同类问题，提高为较大并重点督办"
        order = 61
        [rule.when]
        repeats_at_least = 3
        repeat_window = "30 calendar_days"
        repeat_scope = "building"
        repeat_match = "category"
        [rule.then]
        raise_severity = "serious"
        supervise = "important"

        [[rule]]
        id = "many-duplicates"
        description = "已有 3 件以上重复上报并入本案，重点督办"
        order = 62
        [rule.when]
        duplicates_at_least = 3
        [rule.then]
        supervise = "important"

        """
}
