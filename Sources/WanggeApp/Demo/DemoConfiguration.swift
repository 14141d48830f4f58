import WanggeCore

/// The demo deployment as configuration text: one street, five communities, about 60
/// grids (a school, a hospital and a market among them), buildings, about 40 people
/// with every role, the county's departments and two property companies. Generated as
/// TOML so the demo goes through the same loader as a real deployment.
public enum DemoConfiguration {
    public static let communities: [(code: String, name: String, grids: Int)] = [
        ("SQ01", "幸福社区", 12), ("SQ02", "和平社区", 12), ("SQ03", "春晖社区", 11),
        ("SQ04", "朝阳社区", 11), ("SQ05", "锦绣社区", 11),
    ]

    public static let units: [(code: String, name: String, kind: UnitKind)] = [
        ("GA", "公安派出所", .department), ("CG", "城市管理局", .department), ("SJ", "市场监督管理局", .department),
        ("ZJ", "住房和城乡建设局", .department), ("SW", "水务集团", .department), ("GD", "供电公司", .department),
        ("RQ", "燃气公司", .department), ("XF", "消防救援大队", .department),
        ("WY01", "安居物业", .property), ("WY02", "宏达物业", .property),
    ]

    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
    static let givenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "海燕", "志强", "晓东", "红梅", "国庆"]
    static let pinyin: [Character: String] = [
        "王": "wang", "李": "li", "张": "zhang", "刘": "liu", "陈": "chen", "杨": "yang", "黄": "huang", "赵": "zhao",
        "吴": "wu", "周": "zhou", "徐": "xu", "孙": "sun", "马": "ma", "朱": "zhu", "胡": "hu", "郭": "guo", "何": "he",
        "高": "gao", "林": "lin", "罗": "luo",
    ]

    /// Grid codes: community number + grid number ("0103" = community 01, grid 03);
    /// exclusive grids take 90+ ("0190" the school).
    public static func gridCode(community: Int, grid: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return two(community) + two(grid)
    }

    /// The organisation file. `operatorLogin` is added as a person so that whoever
    /// opens the demo can act (as `operatorRole`, county-wide).
    /// The first line of the generated organisation file.
    public static let organisationHeader = "# 演示组织架构（wangge demo 生成）"

    public static func organisationTOML(operatorLogin: String, operatorRole: Role) -> String {
        var rng = SeededRandom(seed: 20_261_122)
        var out = """
            \(organisationHeader)
            county = "示例区"

            [[street]]
            code = "JD01"
            name = "城关街道"

            """
        var gridsByCommunity: [[String]] = []
        for (ci, c) in communities.enumerated() {
            out += """

                [[community]]
                code = "\(c.code)"
                name = "\(c.name)"
                street = "JD01"
                position = [\(ci % 3), \(ci / 3)]

                """
            var codes: [String] = []
            for g in 1...c.grids {
                let code = gridCode(community: ci + 1, grid: g)
                codes.append(code)
                let households = rng.int(280...480)
                out += """

                    [[grid]]
                    code = "\(code)"
                    name = "\(c.name.dropLast(2))第\(g)网格"
                    community = "\(c.code)"
                    kind = "basic"
                    households = \(households)
                    residents = \(households * 3 - rng.int(0...120))
                    position = [\((g - 1) % 4), \((g - 1) / 4)]

                    """
                for b in 1...rng.int(4...8) {
                    out += """
                        [[grid.building]]
                        code = "\(code)-\(b)"
                        name = "\(b)号楼"
                        households = \(rng.int(30...90))

                        """
                }
            }
            gridsByCommunity.append(codes)
        }
        let exclusive: [(community: Int, name: String, kind: GridKind)] = [
            (1, "实验小学专属网格", .school), (2, "区人民医院专属网格", .hospital), (3, "东关农贸市场专属网格", .market),
        ]
        for (i, e) in exclusive.enumerated() {
            let code = gridCode(community: e.community, grid: 90 + i)
            gridsByCommunity[e.community - 1].append(code)
            out += """

                [[grid]]
                code = "\(code)"
                name = "\(e.name)"
                community = "\(communities[e.community - 1].code)"
                kind = "\(e.kind.rawValue)"
                households = 0
                residents = \(rng.int(800...2500))
                position = [\(i), 3]

                [[grid.building]]
                code = "\(code)-1"
                name = "主楼"
                households = 0

                """
        }
        for u in units {
            out += """

                [[unit]]
                code = "\(u.code)"
                name = "\(u.name)"
                kind = "\(u.kind.rawValue)"

                """
        }
        var usedLogins: Set<String> = [operatorLogin]
        func person(_ role: Role, _ scope: String) -> String {
            var name = ""
            var login = ""
            repeat {
                let s = rng.pick(surnames)
                let g = rng.pick(givenNames)
                name = "\(s)\(g)"
                login = "\(pinyin[s] ?? "x").\(rng.int(10...99))"
            } while usedLogins.contains(login)
            usedLogins.insert(login)
            let phone = "1\(rng.pick(["38", "39", "58", "86"]))\(rng.int(1000...9999))\(rng.int(1000...9999))"
            return """

                [[person]]
                login = "\(login)"
                name = "\(name)"
                role = "\(role.rawValue)"
                scope = "\(scope)"
                phone = "\(phone)"

                """
        }
        out += """

            [[person]]
            login = "\(operatorLogin)"
            name = "值班员（\(operatorLogin)）"
            role = "\(operatorRole.rawValue)"
            scope = "county"

            """
        out += person(.admin, "county")
        out += person(.dispatcher, "street:JD01")
        out += person(.dispatcher, "community:SQ01")
        out += person(.dispatcher, "community:SQ02")
        out += person(.supervisor, "street:JD01")
        out += person(.supervisor, "community:SQ03")
        out += person(.leader, "street:JD01")
        out += person(.evaluator, "street:JD01")
        for c in communities { out += person(.gridLeader, "community:\(c.code)") }
        for grids in gridsByCommunity {
            // Three full-time grid workers per community share its grids; one part-timer.
            let chunk = (grids.count + 2) / 3
            for i in stride(from: 0, to: grids.count, by: chunk) {
                out += person(.gridWorker, "grids:" + grids[i..<min(i + chunk, grids.count)].joined(separator: ","))
            }
            out += person(.partTimeWorker, "grids:\(grids[0])")
        }
        for u in units { out += person(.liaison, "unit:\(u.code)") }
        return out
    }

    public static let categoriesTOML = """
        # 事件分类与处置时限（wangge demo 生成；依 DOMAIN.md 第 5、6 节）
        # limit: 数量 + 时钟（urgent_hours 紧急工作时 / working_hours 工作时 / working_days 工作日 / calendar_days 自然日）

        [stages]
        dispatch = "24 urgent_hours"      # 受理到派遣
        verification = "24 urgent_hours"  # 反馈到核查
        report_in = "2 working_hours"     # 吹哨后部门报到
        max_extensions = 2
        max_suspension_days = 365

        [[category]]
        code = "01"
        name = "市容环境"
        name_en = "City appearance and environment"
        limit = "3 working_days"
        [[category]]
        code = "0101"
        name = "暴露垃圾"
        name_en = "Exposed rubbish"
        limit = "1 working_days"
        [[category]]
        code = "0102"
        name = "乱堆物料"
        name_en = "Piled materials"
        [[category]]
        code = "0103"
        name = "绿化带破坏"
        name_en = "Damaged green belt"
        [[category]]
        code = "0104"
        name = "毁绿种菜"
        name_en = "Vegetable plots on common land"
        limit = "5 working_days"

        [[category]]
        code = "02"
        name = "宣传广告"
        name_en = "Advertising"
        limit = "3 working_days"
        [[category]]
        code = "0201"
        name = "违规户外广告"
        name_en = "Illegal outdoor advertising"
        [[category]]
        code = "0202"
        name = "乱张贴"
        name_en = "Flyposting"
        limit = "2 working_days"

        [[category]]
        code = "03"
        name = "施工管理"
        name_en = "Construction"
        limit = "2 working_days"
        [[category]]
        code = "0301"
        name = "施工扰民"
        name_en = "Construction noise"
        limit = "4 working_hours"
        [[category]]
        code = "0302"
        name = "道路遗撒"
        name_en = "Spillage on roads"
        limit = "1 working_days"

        [[category]]
        code = "04"
        name = "突发事件"
        name_en = "Emergencies"
        limit = "2 urgent_hours"
        level = "street"
        severity = "major"
        [[category]]
        code = "0401"
        name = "火情"
        name_en = "Fire"
        limit = "1 urgent_hours"
        severity = "critical"
        [[category]]
        code = "0402"
        name = "燃气泄漏"
        name_en = "Gas leak"
        limit = "1 urgent_hours"
        severity = "critical"
        [[category]]
        code = "0403"
        name = "井盖缺失"
        name_en = "Missing manhole cover"
        level = "grid"
        [[category]]
        code = "0404"
        name = "路面塌陷"
        name_en = "Road collapse"
        limit = "4 urgent_hours"

        [[category]]
        code = "05"
        name = "街面秩序"
        name_en = "Street order"
        limit = "1 working_days"
        [[category]]
        code = "0501"
        name = "占道经营"
        name_en = "Street vending on the road"
        [[category]]
        code = "0502"
        name = "无照游商"
        name_en = "Unlicensed hawkers"
        [[category]]
        code = "0503"
        name = "乱停车"
        name_en = "Illegal parking"
        limit = "4 working_hours"

        [[category]]
        code = "06"
        name = "扩展事件"
        name_en = "Extended events"
        limit = "3 working_days"
        [[category]]
        code = "0601"
        name = "井盖破损"
        name_en = "Damaged manhole cover"
        limit = "4 working_hours"
        [[category]]
        code = "0602"
        name = "路面破损"
        name_en = "Broken road surface"
        [[category]]
        code = "0603"
        name = "楼道廊灯损坏"
        name_en = "Broken corridor lights"
        limit = "2 working_days"

        [[category]]
        code = "10"
        name = "矛盾纠纷"
        name_en = "Disputes"
        limit = "5 working_days"
        level = "community"
        [[category]]
        code = "1001"
        name = "邻里纠纷"
        name_en = "Neighbour dispute"
        level = "grid"
        [[category]]
        code = "1002"
        name = "物业纠纷"
        name_en = "Property dispute"
        [[category]]
        code = "1003"
        name = "家庭纠纷"
        name_en = "Family dispute"
        level = "grid"
        [[category]]
        code = "1004"
        name = "劳资纠纷"
        name_en = "Labour dispute"
        level = "street"
        [[category]]
        code = "1005"
        name = "群体性纠纷"
        name_en = "Mass dispute"
        level = "street"
        severity = "major"

        [[category]]
        code = "11"
        name = "安全隐患"
        name_en = "Safety hazards"
        limit = "3 working_days"
        [[category]]
        code = "1101"
        name = "消防通道堵塞"
        name_en = "Blocked fire lane"
        limit = "1 working_days"
        severity = "serious"
        [[category]]
        code = "1102"
        name = "楼顶漏水"
        name_en = "Leaking roof"
        [[category]]
        code = "1103"
        name = "电动车违规充电"
        name_en = "E-bike charging in corridors"
        limit = "1 working_days"
        [[category]]
        code = "1104"
        name = "危房隐患"
        name_en = "Dangerous building"
        limit = "2 working_days"
        level = "community"

        [[category]]
        code = "12"
        name = "民生诉求"
        name_en = "Livelihood requests"
        limit = "5 working_days"
        [[category]]
        code = "1201"
        name = "广场舞扰民"
        name_en = "Square-dance noise"
        limit = "2 working_days"
        [[category]]
        code = "1202"
        name = "物业服务不到位"
        name_en = "Poor property service"
        [[category]]
        code = "1203"
        name = "供水问题"
        name_en = "Water supply"
        limit = "1 working_days"
        [[category]]
        code = "1204"
        name = "供电问题"
        name_en = "Power supply"
        limit = "1 working_days"
        [[category]]
        code = "1205"
        name = "供暖问题"
        name_en = "Heating"
        limit = "1 working_days"

        [[category]]
        code = "13"
        name = "治安"
        name_en = "Public order"
        limit = "1 working_days"
        level = "community"
        [[category]]
        code = "1301"
        name = "可疑人员"
        name_en = "Suspicious persons"
        [[category]]
        code = "1302"
        name = "盗窃线索"
        name_en = "Theft leads"
        level = "department"

        [[category]]
        code = "14"
        name = "重点人员"
        name_en = "People under care"
        limit = "5 working_days"
        [[category]]
        code = "1401"
        name = "走访帮扶"
        name_en = "Care visits"

        """

    /// The 2026 public holidays and make-up working days (调休) as announced for the
    /// mainland; a deployment replaces this file each year with the State Council notice.
    public static let calendarTOML = """
        # 工作日历（wangge demo 生成）
        zone = "Asia/Shanghai"
        periods = ["08:00-12:00", "14:00-18:00"]
        weekend = [6, 7]   # 1 = 周一 … 7 = 周日

        # 2026 年法定节假日
        holidays = [
          2026-01-01, 2026-01-02, 2026-01-03,
          2026-02-15, 2026-02-16, 2026-02-17, 2026-02-18, 2026-02-19, 2026-02-20, 2026-02-21, 2026-02-22, 2026-02-23,
          2026-04-04, 2026-04-05, 2026-04-06,
          2026-05-01, 2026-05-02, 2026-05-03, 2026-05-04, 2026-05-05,
          2026-06-19, 2026-06-20, 2026-06-21,
          2026-09-25, 2026-09-26, 2026-09-27,
          2026-10-01, 2026-10-02, 2026-10-03, 2026-10-04, 2026-10-05, 2026-10-06, 2026-10-07,
        ]

        # 调休上班的周末
        workdays = [2026-01-04, 2026-02-14, 2026-02-28, 2026-05-09, 2026-09-20, 2026-10-10]

        """
}
