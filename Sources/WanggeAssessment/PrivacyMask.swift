/// Masks what must not reach the public (回音壁): people's names, mainland phone numbers,
/// ID numbers and house numbers, wherever they appear, free text included.
///
/// - Phones: mobiles (1[3-9] and nine more digits, also written with spaces or dashes and
///   a +86/86 prefix), landlines (0 and a 2-3 digit area code, then 7-8 digits), 400/800
///   service numbers: every digit becomes `*`.
/// - ID numbers: 18 characters (17 digits and a digit or X) and the old 15-digit form,
///   any run of 15 or more digits in fact: every character becomes `*`.
/// - House numbers: a number followed by 号楼, 栋, 幢, 座, 单元, 层, 楼, 室, 号, 户 (and a bare
///   number right after 单元, 栋 or 楼, as in "2单元501"): the digits become `*`.
/// - Names: every name in `knownNames` (the organisation's people), and a surname with one
///   or two more characters after a word that introduces a person (居民, 业主, 联系人...) or
///   before a title (先生, 女士, 师傅, 大爷...): all but the surname become `*`.
public struct PrivacyMask: Sendable {
    /// Names masked wherever they appear, longest first.
    let knownNames: [String]

    public init(knownNames names: [String]) {
        knownNames = Array(Set(names.filter { $0.count >= 2 })).sorted { ($0.count, $0) > ($1.count, $1) }
    }

    public func mask(_ text: String) -> String {
        var chars = Array(text)
        maskNumbers(&chars)
        maskHouseNumbers(&chars)
        maskKnownNames(&chars)
        maskIntroducedNames(&chars)
        return String(chars)
    }

    // MARK: numbers

    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber || ("０"..."９").contains(c) }

    /// Phone and ID numbers: runs of digits (with the separators people write inside
    /// phone numbers) that look like one.
    func maskNumbers(_ chars: inout [Character]) {
        var i = 0
        while i < chars.count {
            guard Self.isDigit(chars[i]), i == 0 || !Self.isDigit(chars[i - 1]) else { i += 1; continue }
            // Take digits and single spaces/dashes between digits.
            var end = i
            var digits = 0
            var j = i
            while j < chars.count {
                if Self.isDigit(chars[j]) || (chars[j] == "X" || chars[j] == "x") && digits == 17 {
                    digits += 1
                    end = j + 1
                    j += 1
                } else if (chars[j] == " " || chars[j] == "-"), j + 1 < chars.count, Self.isDigit(chars[j + 1]), digits > 0 {
                    j += 1
                } else {
                    break
                }
            }
            let run = chars[i..<end].filter { $0 != " " && $0 != "-" }
            let groups = String(chars[i..<end]).split(whereSeparator: { $0 == " " || $0 == "-" }).map(\.count)
            if Self.isSensitive(Array(run), shortestGroup: groups.min() ?? 0) {
                // A +86 / 86 prefix right before goes too.
                var start = i
                if start >= 1, chars[start - 1] == "+" { start -= 1 }
                for k in start..<end where chars[k] != " " && chars[k] != "-" { chars[k] = "*" }
            }
            i = max(end, i + 1)
        }
    }

    /// Whether a digit run (separators removed) is a phone or an ID number. A short local
    /// number must be written in groups of three or more digits, so dates ("2026-11-20")
    /// stay readable.
    static func isSensitive(_ run: [Character], shortestGroup: Int) -> Bool {
        let n = run.count
        let text = String(run)
        if n >= 15 { return true }                                          // ID numbers, bank cards
        if n == 11, run[0] == "1", let second = run[1].wholeNumberValue, second >= 3 { return true }  // mobile
        if n == 13, text.hasPrefix("86"), run[2] == "1" { return true }     // 86 + mobile
        if (10...12).contains(n), run[0] == "0" { return true }             // landline with area code
        if n == 10, text.hasPrefix("400") || text.hasPrefix("800") { return true }
        if (7...8).contains(n), run[0] != "0", shortestGroup >= 3 { return true }  // local landline
        return false
    }

    // MARK: house numbers

    static let houseUnits: [String] = ["号楼", "单元", "栋", "幢", "座", "层", "楼", "室", "号", "户"]
    static let bareAfter: Set<String> = ["单元", "栋", "楼", "幢", "座"]
    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零"]

    func maskHouseNumbers(_ chars: inout [Character]) {
        var i = 0
        while i < chars.count {
            guard Self.isDigit(chars[i]) || Self.chineseNumerals.contains(chars[i]) else { i += 1; continue }
            var j = i
            while j < chars.count, Self.isDigit(chars[j]) || Self.chineseNumerals.contains(chars[j]) || chars[j] == "-" { j += 1 }
            let hasDigit = chars[i..<j].contains { Self.isDigit($0) }
            if hasDigit, let unit = Self.houseUnits.first(where: { Self.matches($0, chars, at: j) }) {
                for k in i..<j where Self.isDigit(chars[k]) { chars[k] = "*" }
                var next = j + unit.count
                // "2单元501", "3栋1202": the bare number after it is the door.
                if Self.bareAfter.contains(unit) {
                    var k = next
                    while k < chars.count, Self.isDigit(chars[k]) { chars[k] = "*"; k += 1 }
                    next = max(next, k)
                }
                i = next
            } else {
                i = max(j, i + 1)
            }
        }
    }

    static func matches(_ word: String, _ chars: [Character], at index: Int) -> Bool {
        let w = Array(word)
        guard index + w.count <= chars.count else { return false }
        return Array(chars[index..<index + w.count]) == w
    }

    // MARK: names

    func maskKnownNames(_ chars: inout [Character]) {
        for name in knownNames {
            let w = Array(name)
            var i = 0
            while i + w.count <= chars.count {
                if Array(chars[i..<i + w.count]) == w {
                    for k in (i + 1)..<(i + w.count) { chars[k] = "*" }
                    i += w.count
                } else {
                    i += 1
                }
            }
        }
    }

    /// Words after which a person's name often follows.
    static let introducers = ["居民", "业主", "住户", "租户", "市民", "来电人", "反映人", "联系人", "当事人", "户主", "老人", "村民", "商户", "店主", "网格员", "志愿者"]
    /// Words after a name that make it a person's.
    static let titles = ["先生", "女士", "师傅", "老师", "大爷", "大妈", "阿姨", "老人", "同志", "奶奶", "爷爷", "某"]

    /// The most common single-character surnames, and the compound ones.
    static let surnames: Set<Character> = Set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
    static let compoundSurnames = ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "长孙", "宇文"]

    static func isHan(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(v)
    }

    /// The length of a surname starting at `index` (0 when there is none).
    static func surnameLength(_ chars: [Character], at index: Int) -> Int {
        if let compound = compoundSurnames.first(where: { matches($0, chars, at: index) }) { return compound.count }
        return index < chars.count && surnames.contains(chars[index]) ? 1 : 0
    }

    func maskIntroducedNames(_ chars: inout [Character]) {
        // After an introducer (and an optional colon or space): surname + 1-2 characters.
        for word in Self.introducers {
            var i = 0
            while i < chars.count {
                guard Self.matches(word, chars, at: i) else { i += 1; continue }
                var start = i + word.count
                while start < chars.count, ["：", ":", " "].contains(chars[start]) { start += 1 }
                let surname = Self.surnameLength(chars, at: start)
                if surname > 0 {
                    var end = start + surname
                    var given = 0
                    while end < chars.count, given < 2, Self.isHan(chars[end]), !Self.startsTitleOrVerb(chars, at: end) {
                        end += 1
                        given += 1
                    }
                    if given > 0 { for k in (start + surname)..<end { chars[k] = "*" } }
                    i = end
                } else {
                    i = start
                }
            }
        }
        // Before a title: one or two characters after a surname ("张先生" keeps 张; "张三大爷" → 张*大爷).
        for title in Self.titles {
            var i = 0
            while i < chars.count {
                guard Self.matches(title, chars, at: i) else { i += 1; continue }
                for length in [2, 1] {
                    let start = i - length - 1
                    if start >= 0, Self.surnameLength(chars, at: start) == 1, (1...length).allSatisfy({ Self.isHan(chars[i - $0]) }) {
                        for k in (start + 1)..<i { chars[k] = "*" }
                        break
                    }
                }
                i += title.count
            }
        }
    }

    /// Characters that end a name: a title, or a verb that usually follows one.
    static func startsTitleOrVerb(_ chars: [Character], at index: Int) -> Bool {
        if titles.contains(where: { matches($0, chars, at: index) }) { return true }
        let stops: Set<Character> = ["反", "说", "称", "来", "打", "表", "要", "在", "家", "的", "和", "与", "及", "等", "已", "于", "向", "到", "对", "电", "投", "诉", "请"]
        return stops.contains(chars[index])
    }
}
