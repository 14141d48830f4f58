import Testing
import WanggeAssessment

/// What the echo wall masks: names, mainland phone numbers, ID numbers and house numbers,
/// inside free text too; and what it leaves readable.
struct PrivacyMaskTests {
    let mask = PrivacyMask(knownNames: ["王网格", "李明"])

    @Test(arguments: [
        ("电话13800138000", "电话***********"),
        ("请拨 138-0013-8000 联系", "请拨 ***-****-**** 联系"),
        ("手机：+86 139 1234 5678。", "手机：*** *** **** ****。"),
        ("8613912345678", "*************"),
        ("座机010-62345678转分机", "座机***-********转分机"),
        ("0571 88886666", "**** ********"),
        ("客服4008123456", "客服**********"),
        ("本地电话 8765 4321", "本地电话 **** ****"),
    ])
    func phones(text: String, expected: String) {
        #expect(mask.mask(text) == expected)
    }

    @Test(arguments: [
        ("身份证号110101199003074514", "身份证号******************"),
        ("证件 11010119900307451X 已核实", "证件 ****************** 已核实"),
        ("旧证 110101900307451", "旧证 ***************"),
    ])
    func idNumbers(text: String, expected: String) {
        #expect(mask.mask(text) == expected)
    }

    @Test(arguments: [
        ("3号楼2单元501室楼顶漏水", "*号楼*单元***室楼顶漏水"),
        ("幸福路12号门口", "幸福路**号门口"),
        ("5栋1202业主", "*栋****业主"),
        ("住在7楼", "住在*楼"),
    ])
    func houseNumbers(text: String, expected: String) {
        #expect(mask.mask(text) == expected)
    }

    @Test(arguments: [
        ("王网格已到现场核实", "王**已到现场核实"),
        ("李明反映", "李*反映"),
        ("居民张三反映楼道灯坏了", "居民张*反映楼道灯坏了"),
        ("业主：欧阳小红家漏水", "业主：欧阳**家漏水"),
        ("联系人赵大海，电话13812345678", "联系人赵**，电话***********"),
        ("孙建国大爷说楼下太吵", "孙**大爷说楼下太吵"),
        ("业主李先生来电", "业主李先生来电"),
    ])
    func names(text: String, expected: String) {
        #expect(mask.mask(text) == expected)
    }

    @Test(arguments: [
        "2026-11-20 处置完毕，用时 3 个工作日",
        "12345 热线转办，案件 C-261120-0001",
        "幸福第1网格 消防通道堵塞 已清理",
        "群众反映强烈，已协调城市管理局",
    ])
    func ordinaryTextStaysReadable(text: String) {
        #expect(mask.mask(text) == text)
    }
}
