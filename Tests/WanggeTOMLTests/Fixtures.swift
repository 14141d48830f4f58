/// A realistic organisation file, in the shape wangge's loaders read: Chinese
/// strings, comments, dotted keys, inline tables and arrays of tables.
let organisationFixture = """
    # 东城街道 网格化管理组织架构
    version = 3
    updated = 2024-05-01T08:30:00+08:00

    [street]
    code = "DC"
    name = "东城街道"
    hotline = "12345"
    office.address = "东城区建国路 1 号"
    office.hours = { open = 08:30:00, close = 17:30:00 }

    [[community]]
    code = "DC-01"
    name = "和平里社区"
    aliases = ["和平里", 'HPL']

    [[community.grid]]
    code = "DC-01-01"
    name = "和平里第一网格"
    households = 1_250
    area_km2 = 0.42
    boundary = [
      [116.4174, 39.9642],  # 西北角
      [116.4213, 39.9642],
      [116.4213, 39.9611],
    ]

    [[community.grid]]
    code = "DC-01-02"
    name = "和平里第二网格"
    households = 980
    area_km2 = 1
    active = false

    [[community]]
    code = "DC-02"
    name = "安定门社区"
    aliases = []

    [[community.grid]]
    code = "DC-02-01"
    name = "安定门\\t第一网格"
    note = \"\"\"
    多行说明：
      第一行 "引号" \\
      接续。\"\"\"

    [[person]]
    login = "zhangsan"
    name = "张三"
    role = "operator"
    grids = ["DC-01-01", "DC-01-02"]

    [[person]]
    login = "lisi"
    name = "李四"
    role = "supervisor"
    grids = []
    since = 2023-09-01
    """

/// Every TOML feature on a few lines, as a second seed for fuzzing.
let featureFixture = #"""
    "quoted key" = 'literal \d'
    bare-key_1.dotted . "q" = "esc \t \" \\ \u00E9 \U0001F600"
    ints = [0, +99, -17, 1_000, 0xDEAD_beef, 0o755, 0b1101]
    floats = [1.0, -0.01, 5e+22, 6.626e-34, 224_617.445_991_228, inf, -nan]
    dates = [1979-05-27T07:32:00Z, 1979-05-27 00:32:00.5-07:00, 1979-05-27, 07:32:00]
    ml = """
    one \
      two "" ""\""""
    raw = '''
    C:\path ''x'''''
    inline = { a = 1, b.c = [ { d = true } ], e = {} }

    [a.b.c] # comment
    x = 1
    [a]
    b.y = 2
    [[arr]]
    [arr.sub]
    [[arr.list]]
    [[arr]]
    """#
