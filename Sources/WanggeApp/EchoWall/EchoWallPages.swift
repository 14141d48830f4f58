import WanggeCore

/// The echo wall as a static page (no JavaScript, readable on a phone) and as Markdown.
/// Every text is masked already; here it is only escaped.
public enum EchoWallPages {
    static func escapeHTML(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters (an escape sequence in a title) have no place on a page.
                if ch.unicodeScalars.allSatisfy({ $0.value >= 0x20 || $0 == "\n" }) { out.append(ch) } else { out += "\u{FFFD}" }
            }
        }
        return out
    }

    static func title(_ wall: EchoWall, calendar: WorkCalendar) -> String {
        "回音壁：\(calendar.civil(wall.from).date) 至 \(calendar.civil(wall.to).date) 办结的群众诉求"
    }

    public static func html(_ wall: EchoWall, county: String, calendar: WorkCalendar) -> String {
        let title = escapeHTML("\(county) " + self.title(wall, calendar: calendar))
        var out = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>
            body { font-family: system-ui, "PingFang SC", "Noto Sans CJK SC", sans-serif; margin: 0; padding: 1rem; background: #f5f5f2; color: #222; line-height: 1.5; }
            h1 { font-size: 1.3rem; margin: 0 0 .5rem; }
            p.summary { margin: 0 0 1rem; color: #555; }
            article { background: #fff; border-radius: 8px; padding: .8rem 1rem; margin: 0 0 .8rem; box-shadow: 0 1px 2px rgba(0,0,0,.08); max-width: 48rem; }
            article h2 { font-size: 1rem; margin: 0 0 .3rem; }
            dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: .2rem .8rem; }
            dt { color: #777; } dd { margin: 0; }
            .satisfied { color: #2e7d32; } .basically_satisfied { color: #8d6e00; } .dissatisfied { color: #c62828; }
            footer { color: #777; font-size: .85rem; margin-top: 1.5rem; }
            </style>
            </head>
            <body>
            <h1>\(title)</h1>

            """
        out += "<p class=\"summary\">共办结 \(wall.items.count) 件；\(escapeHTML(wall.satisfactionSummary))。</p>\n"
        for item in wall.items {
            let satisfaction = item.satisfaction.map { "<span class=\"\($0.rawValue)\">\($0.chineseName)</span>" } ?? "—"
            out += """
                <article>
                <h2>\(escapeHTML(item.request))</h2>
                <dl>
                <dt>编号</dt><dd>\(escapeHTML(item.code))</dd>
                <dt>类别</dt><dd>\(escapeHTML(item.category))</dd>
                <dt>地点</dt><dd>\(escapeHTML(item.community)) \(escapeHTML(item.grid))</dd>
                <dt>办理</dt><dd>\(escapeHTML(item.handler))：\(escapeHTML(item.outcome))</dd>
                <dt>用时</dt><dd>\(escapeHTML(item.reportedOn)) 反映，\(escapeHTML(item.closedOn)) 办结，用时 \(escapeHTML(item.took))</dd>
                <dt>评价</dt><dd>\(satisfaction)</dd>
                </dl>
                </article>

                """
        }
        out += "<footer>姓名、电话、证件号码和门牌号已隐去。\(wall.withheld > 0 ? "涉及治安和重点人员的 \(wall.withheld) 件不予公开。" : "")</footer>\n</body>\n</html>\n"
        return out
    }

    public static func markdown(_ wall: EchoWall, county: String, calendar: WorkCalendar) -> String {
        func cell(_ s: String) -> String {
            // Markdown renderers pass HTML through: angle brackets are escaped too.
            s.replacingAll("|", with: "\\|").replacingAll("\n", with: " ").replacingAll("<", with: "&lt;").replacingAll(">", with: "&gt;")
        }
        var out = "# \(county) \(title(wall, calendar: calendar))\n\n共办结 \(wall.items.count) 件；\(wall.satisfactionSummary)。\n\n"
        for item in wall.items {
            out += "## \(cell(item.request))\n\n"
            out += "- 编号：\(item.code)\n- 类别：\(cell(item.category))\n- 地点：\(cell(item.community)) \(cell(item.grid))\n"
            out += "- 办理：\(cell(item.handler))：\(cell(item.outcome))\n"
            out += "- 用时：\(item.reportedOn) 反映，\(item.closedOn) 办结，用时 \(item.took)\n"
            out += "- 评价：\(item.satisfaction?.chineseName ?? "—")\n\n"
        }
        out += "姓名、电话、证件号码和门牌号已隐去。\(wall.withheld > 0 ? "涉及治安和重点人员的 \(wall.withheld) 件不予公开。" : "")\n"
        return out
    }
}
