"""Samples of other provinces' target tables (issue 19), written from the published shapes:
each kind of table in each shape of text, the mixed cases, and the tables jixiao refuses.

    .venv/bin/python -m tests.render.provinces tests/fixtures/provinces

For each sample, NAME.txt and NAME.expected.json: every field the import must give. The
content is written here once, as data; each shape writes it as a text of its own (pipes,
single spaces, a cell a line, cells run together), the way converters and web pages give
it. The expected fields come from the content, not from jixiao, so the tests can fail.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

COLUMN_FIELDS = {
    "一级指标": "level1",
    "二级指标": "level2",
    "三级指标": "level3",
    "指标值": "value",
    "年度指标值": "value",
    "指标性质": "comparator",
    "度量单位": "unit",
    "权重": "weight",
    "分值": "weight",
    "指标方向性": "direction",
    "指标值类型": "value_type",
    "指标值确定依据": "basis",
    "指标解释": "explanation",
    "评(扣)分标准": "scoring_rule",
    "备注": "remark",
}
INDICATOR_FIELDS = (
    "period", "level1", "level2", "level3", "value", "comparator", "unit", "weight",
    "direction", "value_type", "basis", "explanation", "scoring_rule", "remark", "previous_value",
)  # fmt: skip

WEB_HEAD = [
    "首页 > 信息公开 > 部门预算 > 项目绩效目标",
    "索引号：11420102MB1530288X/2024-00163",
    "发布机构：东湖区教育局",
    "发布日期：2024-02-05",
    "字号：[大][中][小]",
]
WEB_FOOT = ["扫一扫在手机打开当前页", "[下载] [打印] [关闭]"]


@dataclass
class Table:
    """One target table's content: header rows of (label, value) pairs, money rows, goals,
    and the indicator rows, each a dict by column name (a level left out: merged above)."""

    title: str
    kind: str  # "project" | "department"
    stage: str
    year: int
    department: str
    department_code: str
    written_department: str
    unit: str
    fields: list[tuple[str, str]]
    money_label: str
    money: list[tuple[str, str]]
    money_unit: str
    budget: str
    funds: list[tuple[str, str]]
    goal_label: str
    goals_text: str
    goals: list[str]
    columns: list[str]
    indicators: list[dict[str, str]]
    written_level3: dict[str, str] = field(default_factory=dict)
    """三级指标 as a table writes them, where that is not the name (`指标1：` before it)."""
    unit_line: str = ""
    purpose_label: str = ""
    purpose: str = ""


def _rows(*rows: tuple[str, ...], columns: list[str]) -> list[dict[str, str]]:
    return [dict(zip(columns, row, strict=True)) for row in rows]


_A_COLUMNS = ["一级指标", "二级指标", "三级指标", "指标值"]
APPLICATION = Table(
    title="2024年度项目支出绩效目标申报表",
    kind="project",
    stage="draft",
    year=2024,
    department="东湖区教育局",
    department_code="360102",
    written_department="[360102]东湖区教育局",
    unit="东湖区学生资助管理中心",
    fields=[
        ("项目名称", "农村义务教育学生营养改善计划"),
        ("主管部门", "[360102]东湖区教育局"),
        ("实施单位", "东湖区学生资助管理中心"),
        ("项目属性", "经常性项目"),
        ("项目期", "1年"),
        ("项目负责人", "王敏"),
    ],
    money_label="项目资金（万元）",
    money=[
        ("年度资金总额", "486.00"),
        ("其中：财政拨款", "386.00"),
        ("上级资金", "100.00"),
        ("其他资金", "0.00"),
    ],
    money_unit="万元",
    budget="486.00",
    funds=[("财政拨款", "386.00"), ("上级资金", "100.00"), ("其他资金", "0.00")],
    goal_label="年度绩效目标",
    goals_text=(
        "目标1：为全区农村义务教育阶段学生提供营养膳食补助，受益学生不少于12000人；"
        "目标2：营养餐食品安全事故零发生。"
    ),
    goals=[
        "为全区农村义务教育阶段学生提供营养膳食补助，受益学生不少于12000人；",
        "营养餐食品安全事故零发生。",
    ],
    columns=_A_COLUMNS,
    indicators=_rows(
        ("产出指标", "数量指标", "受益学生人数", "≥12000人"),
        ("产出指标", "数量指标", "供餐学校数量", "=36个"),
        ("产出指标", "质量指标", "营养餐食品安全事故", "0起"),
        ("产出指标", "时效指标", "补助资金拨付时间", "2024年全年"),
        ("产出指标", "成本指标", "生均每天补助标准", "5元/人"),
        ("效益指标", "社会效益指标", "学生营养健康状况", "显著改善"),
        ("效益指标", "可持续影响指标", "营养改善长效机制", "持续完善"),
        ("满意度指标", "服务对象满意度指标", "学生及家长满意度", "≧95%"),
        columns=_A_COLUMNS,
    ),
)

_B_COLUMNS = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重",
              "指标方向性"]  # fmt: skip
APPROVAL = Table(
    title="2024年项目支出绩效目标批复表",
    kind="project",
    stage="final",
    year=2024,
    department="锦江区农业农村局",
    department_code="510104",
    written_department="510104-锦江区农业农村局",
    unit="锦江区农业技术推广站",
    unit_line="金额单位：元",
    fields=[
        ("项目名称", "高标准农田建设补助"),
        ("主管部门", "510104-锦江区农业农村局"),
        ("执行单位", "锦江区农业技术推广站"),
        ("项目属性", "新增项目"),
        ("项目期", "3年"),
        ("项目负责人", "陈立"),
    ],
    money_label="项目资金",
    money=[
        ("年度资金总额", "1,250,000.00"),
        ("其中：当年市级财政资金", "1,000,000.00"),
        ("其它资金", "250,000.00"),
    ],
    money_unit="元",
    budget="1250000.00",
    funds=[("当年市级财政资金", "1000000.00"), ("其它资金", "250000.00")],
    goal_label="年度绩效目标（文字）",
    goals_text="新建高标准农田3000亩，项目区粮食亩均增产50公斤以上，化肥使用量减少5%。",
    goals=["新建高标准农田3000亩，项目区粮食亩均增产50公斤以上，化肥使用量减少5%。"],
    columns=_B_COLUMNS,
    indicators=_rows(
        ("产出指标", "数量指标", "新建高标准农田面积", "≥", "3000", "亩", "20", "正向"),
        ("产出指标", "质量指标", "工程验收合格率", "≥", "95", "%", "15", "正向"),
        ("产出指标", "时效指标", "项目完工时限", "≤", "12", "月", "10", "反向"),
        ("产出指标", "成本指标", "亩均补助标准", "=", "1500", "元/亩", "15", "正向"),
        ("效益指标", "经济效益指标", "亩均粮食增产", "≥", "50", "公斤", "15", "正向"),
        ("效益指标", "生态效益指标", "化肥使用量减少", "≥", "5", "%", "10", "正向"),
        ("满意度指标", "服务对象满意度指标", "农户满意度", "≥", "90", "%", "15", "正向"),
        columns=_B_COLUMNS,
    ),
)

_C_COLUMNS = ["一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据", "指标解释",
              "评(扣)分标准", "备注"]  # fmt: skip
SANCTION = Table(
    title="2025年度项目支出绩效目标审批表",
    kind="project",
    stage="final",
    year=2025,
    department="天心区卫生健康局",
    department_code="430103",
    written_department="[430103]天心区卫生健康局",
    unit="天心区疾病预防控制中心",
    fields=[
        ("项目名称", "免疫规划疫苗接种服务"),
        ("主管部门", "[430103]天心区卫生健康局"),
        ("实施单位", "天心区疾病预防控制中心"),
        ("项目属性", "延续项目"),
        ("项目期", "2025年1月-2025年12月"),
        ("项目负责人", "李华"),
    ],
    money_label="",
    money=[("项目金额", "85.60万元")],
    money_unit="万元",
    budget="85.60",
    funds=[],
    goal_label="年度绩效目标",
    goals_text="完成辖区适龄儿童免疫规划疫苗接种，接种率保持在95%以上，有效控制疫苗针对传染病。",
    goals=["完成辖区适龄儿童免疫规划疫苗接种，接种率保持在95%以上，有效控制疫苗针对传染病。"],
    columns=_C_COLUMNS,
    written_level3={
        "免疫规划疫苗接种人次": "指标1：免疫规划疫苗接种人次",
        "适龄儿童疫苗接种率": "指标2：适龄儿童疫苗接种率",
    },
    indicators=_rows(
        (
            "产出指标",
            "数量指标",
            "免疫规划疫苗接种人次",
            "≥60000人次",
            "上年接种人次",
            "全年完成接种的人次",
            "每少1000人次扣1分",
            "无",
        ),
        (
            "产出指标",
            "质量指标",
            "适龄儿童疫苗接种率",
            "≥95%",
            "国家免疫规划要求",
            "接种人数占适龄儿童数",
            "低于95%不得分",
            "无",
        ),
        (
            "产出指标",
            "时效指标",
            "接种信息录入及时率",
            "100%",
            "工作规范",
            "按时录入的比例",
            "每低1%扣0.5分",
            "无",
        ),
        (
            "成本指标",
            "经济成本指标",
            "冷链运行成本(≤**万元)",
            "≤12万元",
            "上年支出",
            "冷链设备运行费用",
            "超出不得分",
            "无",
        ),
        (
            "效益指标",
            "社会效益指标",
            "疫苗针对传染病发病率",
            "较上年下降",
            "历年数据",
            "与上年发病率比较",
            "未下降不得分",
            "无",
        ),
        (
            "满意度指标",
            "满意度指标",
            "接种对象满意度",
            "≥90%",
            "满意度调查",
            "问卷调查结果",
            "每低1%扣1分",
            "无",
        ),
        columns=_C_COLUMNS,
    ),
)

DEPARTMENT = Table(
    title="2024年部门整体支出绩效目标表",
    kind="department",
    stage="final",
    year=2024,
    department="和平区司法局",
    department_code="120101",
    written_department="[120101]和平区司法局",
    unit="和平区司法局",
    fields=[("部门名称", "[120101]和平区司法局")],
    purpose_label="年度主要任务",
    purpose="开展法治宣传教育；推进公共法律服务体系建设；做好人民调解工作。",
    money_label="年度部门整体支出预算（万元）",
    money=[("资金总额", "2360.50"), ("其中：财政拨款", "2200.50"), ("其他资金", "160.00")],
    money_unit="万元",
    budget="2360.50",
    funds=[("财政拨款", "2200.50"), ("其他资金", "160.00")],
    goal_label="年度总体目标",
    goals_text="目标1：全年开展法治宣传活动不少于120场；目标2：人民调解成功率保持在98%以上。",
    goals=["全年开展法治宣传活动不少于120场；", "人民调解成功率保持在98%以上。"],
    columns=_A_COLUMNS,
    indicators=_rows(
        ("产出指标", "数量指标", "法治宣传活动场次", "≥120场"),
        ("产出指标", "数量指标", "人民调解案件数", "≥800件"),
        ("产出指标", "质量指标", "人民调解成功率", "≥98%"),
        ("产出指标", "时效指标", "法律援助案件受理时限", "≤3个工作日"),
        ("效益指标", "社会效益指标", "群众法治意识", "明显提升"),
        ("满意度指标", "社会公众或服务对象满意度指标", "群众满意度", "≥95%"),
        columns=_A_COLUMNS,
    ),
)

KINDS = {"application": APPLICATION, "approval": APPROVAL, "sanction": SANCTION,
         "department": DEPARTMENT}  # fmt: skip


# -- the content as rows of cells ------------------------------------------------------


def header_rows(table: Table) -> list[list[str]]:
    rows: list[list[str]] = []
    pairs = list(table.fields)
    for index in range(0, len(pairs), 2):
        rows.append([cell for pair in pairs[index : index + 2] for cell in pair])
    if table.purpose_label:
        rows.append([table.purpose_label, table.purpose])
    for index, (name, amount) in enumerate(table.money):
        lead = table.money_label if index == 0 else ""
        rows.append([lead, name, amount] if table.money_label else [name, amount])
    rows.append([table.goal_label, table.goals_text])
    return rows


def indicator_rows(table: Table, columns: list[str], middle: bool = False) -> list[list[str]]:
    """The indicator rows as a table shows them: a level written once per group, on the
    group's first row, or (`middle`) on its middle row (the upper one of an even group)."""
    values = [[row.get(column, "") for column in columns] for row in table.indicators]
    shown = [list(row) for row in values]
    for row in shown:
        row[2] = table.written_level3.get(row[2], row[2])
    for level in (0, 1):
        start = 0
        while start < len(values):
            end = start
            while (
                end + 1 < len(values) and values[end + 1][: level + 1] == values[start][: level + 1]
            ):
                end += 1
            keep = start + (end - start) // 2 if middle else start
            for row in range(start, end + 1):
                if row != keep:
                    shown[row][level] = ""
            start = end + 1
    return shown


# -- the shapes of the text --------------------------------------------------------------


_WRAP = 24
"""Characters after which a long cell of the leading-pipe shape goes on on an indented line
(as text taken from a PDF or a web page wraps inside a cell)."""


def pipes(rows: list[list[str]], leading: bool, width: int) -> list[str]:
    lines = []
    for row in rows:
        cells = row + [""] * (width - len(row))
        text = " | ".join(cells)
        if leading and any(len(cell) > _WRAP for cell in cells):
            long = next(cell for cell in cells if len(cell) > _WRAP)
            head, tail = text.split(long, 1)
            lines.append(f"| {head}{long[:_WRAP]}")
            lines.append(f"    {long[_WRAP:]}{tail} |")
            continue
        lines.append(f"| {text} |" if leading else f"{text} |")
    return lines


def pipes_a_cell_a_line(rows: list[list[str]], width: int) -> list[str]:
    lines: list[str] = []
    for row in rows:
        cells = row + [""] * (width - len(row))
        lines.extend(f"{cell} |" if cell else "|" for cell in cells)
        lines.append("")
    return lines


def spaced(rows: list[list[str]]) -> list[str]:
    return [" ".join(cell for cell in row if cell) for row in rows]


def a_cell_a_line(rows: list[list[str]]) -> list[str]:
    lines: list[str] = []
    for row in rows:
        lines.extend(cell for cell in row if cell)
        lines.append("")
    return lines


def glued(rows: list[list[str]]) -> list[str]:
    return ["".join(row) for row in rows]


def _title_lines(table: Table) -> list[str]:
    return [table.title, *([table.unit_line] if table.unit_line else [])]


def render(table: Table, shape: str, columns: list[str], middle: bool = False) -> list[str]:
    head = header_rows(table)
    indicator_head = [columns]
    body = indicator_rows(table, columns, middle)
    rows = head + indicator_head + body
    width = max(len(row) for row in rows)
    if shape == "pipes":
        table_lines = pipes(rows, leading=True, width=width)
    elif shape == "pipes-open":
        plain = pipes(rows, leading=False, width=width)
        table_lines = [
            line + " ||||" if index % 3 == 0 else line for index, line in enumerate(plain)
        ]
    elif shape == "pipes-lines":
        table_lines = pipes_a_cell_a_line(rows, width)
    elif shape == "tabs":
        table_lines = ["\t".join(row + [""] * (width - len(row))) for row in rows]
    elif shape == "spaced":
        table_lines = spaced(rows)
    elif shape == "lines":
        table_lines = a_cell_a_line(rows)
    else:
        table_lines = glued(rows)
    gap = [""] if shape in ("lines", "pipes-lines") else []
    return [*_title_lines(table), *gap, *table_lines]


# -- what each must import as ------------------------------------------------------------


def _fen(amount: str, unit: str) -> int:
    per_unit = {"元": 100, "万元": 1_000_000}[unit]
    return int(Decimal(amount.replace(",", "")) * per_unit)


def expected(table: Table, columns: list[str], debris: int = 0) -> dict[str, object]:
    indicators = []
    for row in table.indicators:
        values = {name: "" for name in INDICATOR_FIELDS}
        values["period"] = "annual"
        for column in columns:
            values[COLUMN_FIELDS[column]] = row[column]
        if "指标值" not in columns:  # cells run together: the value as one cell
            values["value"] = row["指标值"]
        indicators.append(values)
    return {
        "kind": table.kind,
        "title": table.title,
        "stage": table.stage,
        "year": table.year,
        "department": table.department,
        "department_code": table.department_code,
        "unit": table.unit,
        "project": {
            "name": dict(table.fields).get("项目名称", table.department),
            "code": "",
            "attribute": dict(table.fields).get("项目属性", ""),
            "period": dict(table.fields).get("项目期", ""),
            "manager": dict(table.fields).get("项目负责人", ""),
            "purpose": table.purpose,
            "money_unit": table.money_unit,
            "budget": table.budget,
            "budget_fen": _fen(table.budget, table.money_unit),
            "funds": [[name, amount] for name, amount in table.funds],
            "goals": table.goals,
            "medium_term_goals": [],
        },
        "indicators": indicators,
        "debris_lines": debris,
    }


def _glued_columns(table: Table) -> list[str]:
    """Cells run together can be parted only by the level names and the shape of values:
    such tables are written with the four columns, the value whole (`≥3000亩`)."""
    return ["一级指标", "二级指标", "三级指标", "指标值"]


def _without_level2(table: Table) -> Table:
    """The last row (满意度指标) without a 二级指标: it stays empty, not taken from above."""
    rows = [*table.indicators[:-1], {**table.indicators[-1], "二级指标": ""}]
    return Table(**{**table.__dict__, "indicators": rows})


def _whole_values(table: Table) -> Table:
    if "指标性质" not in table.columns:
        return table
    rows = [
        {**row, "指标值": f"{row['指标性质']}{row['指标值']}{row['度量单位']}"}
        for row in table.indicators
    ]
    return Table(**{**table.__dict__, "indicators": rows})


SHAPES = {"application": "pipes", "approval": "pipes-open", "sanction": "pipes-lines",
          "department": "pipes"}  # fmt: skip
"""The pipe shape each kind is written in: a leading pipe, rows ending in empty cells
(`||||`), one `cell |` a line."""


def samples() -> dict[str, tuple[list[str], dict[str, object]]]:
    made: dict[str, tuple[list[str], dict[str, object]]] = {}
    for kind, table in KINDS.items():
        for shape in ("pipes", "spaced", "lines", "glued"):
            content = table
            columns = table.columns
            written = SHAPES[kind] if shape == "pipes" else shape
            if shape == "glued":
                content = _whole_values(table)
                columns = _glued_columns(table)
            lines = render(content, written, columns)
            if kind == "approval" and shape == "lines":  # a level name wraps: 经济效益 / 指标
                at = lines.index("经济效益指标")
                lines[at : at + 1] = ["经济效益", "指标"]
            made[f"{kind}-{shape}"] = ([*lines, ""], expected(content, columns))
    # The mixed cases.
    web = [*WEB_HEAD, "", *render(APPLICATION, "pipes", APPLICATION.columns, middle=True)]
    made["mixed-web-middle-rows"] = (
        [*web, "", *WEB_FOOT, ""],
        expected(APPLICATION, APPLICATION.columns, debris=len(WEB_HEAD) + len(WEB_FOOT)),
    )
    made["mixed-spaced-middle-rows"] = (
        [*render(DEPARTMENT, "spaced", DEPARTMENT.columns, middle=True), ""],
        expected(DEPARTMENT, DEPARTMENT.columns),
    )
    made["mixed-tabs-middle-rows"] = (
        [*render(SANCTION, "tabs", SANCTION.columns, middle=True), ""],
        expected(SANCTION, SANCTION.columns),
    )
    lacking = _without_level2(DEPARTMENT)
    for shape in ("pipes", "spaced"):
        made[f"mixed-{shape}-row-without-level2"] = (
            [*render(lacking, shape, lacking.columns), ""],
            expected(lacking, lacking.columns),
        )
    made["mixed-two-goal-sets"] = two_goal_sets()
    made["mixed-sub-columns"] = sub_columns()
    made.update(refusals())
    return made


def two_goal_sets() -> tuple[list[str], dict[str, object]]:
    """A 申报表 with 中长期目标 and 年度目标 side by side, each with its own indicators."""
    long_rows = [
        ("产出指标", "数量指标", "累计改造农村公路里程", "≥120公里"),
        ("产出指标", "质量指标", "工程交工验收合格率", "100%"),
        ("效益指标", "社会效益指标", "群众出行条件", "明显改善"),
        ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%"),
    ]
    year_rows = [
        ("产出指标", "数量指标", "当年改造农村公路里程", "≥40公里"),
        ("产出指标", "时效指标", "年度任务完成时间", "2024年12月底前"),
        ("效益指标", "社会效益指标", "新增通硬化路自然村", "≥15个"),
        ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%"),
    ]
    lines = [
        "2024年度项目支出绩效目标申报表",
        "| 项目名称 | 农村公路提档升级工程 | 主管部门 | [500112]渝北区交通局 |",
        "| 实施单位 | 渝北区农村公路养护中心 | 项目属性 | 新增项目 |",
        "| 项目期 | 3年 | 项目负责人 | 赵强 |",
        "| 项目资金（万元） | 年度资金总额: 1680.00 | 其中: 财政拨款 | 1500.00 |",
        "| | 上级资金 | 180.00 | |",
        "| 绩效目标 | 中长期目标 | 年度目标 | |",
        "| | 三年内改造提升农村公路120公里，群众出行条件明显改善。 "
        "| 2024年改造提升农村公路40公里。 | |",
    ]
    header = ["一级指标", "二级指标", "三级指标", "指标值"] * 2
    lines.append("| " + " | ".join(header) + " |")
    shown_long = _shown(long_rows)
    shown_year = _shown(year_rows)
    for left, right in zip(shown_long, shown_year, strict=True):
        lines.append("| " + " | ".join([*left, *right]) + " |")
    lines.append("")

    def indicator(period: str, row: tuple[str, ...]) -> dict[str, str]:
        values = {name: "" for name in INDICATOR_FIELDS}
        values.update(period=period, level1=row[0], level2=row[1], level3=row[2], value=row[3])
        return values

    return lines, {
        "kind": "project",
        "title": "2024年度项目支出绩效目标申报表",
        "stage": "draft",
        "year": 2024,
        "department": "渝北区交通局",
        "department_code": "500112",
        "unit": "渝北区农村公路养护中心",
        "project": {
            "name": "农村公路提档升级工程",
            "code": "",
            "attribute": "新增项目",
            "period": "3年",
            "manager": "赵强",
            "purpose": "",
            "money_unit": "万元",
            "budget": "1680.00",
            "budget_fen": 1_680_000_000,
            "funds": [["财政拨款", "1500.00"], ["上级资金", "180.00"]],
            "goals": ["2024年改造提升农村公路40公里。"],
            "medium_term_goals": ["三年内改造提升农村公路120公里，群众出行条件明显改善。"],
        },
        "indicators": [indicator("medium_term", row) for row in long_rows]
        + [indicator("annual", row) for row in year_rows],
        "debris_lines": 0,
    }


def sub_columns() -> tuple[list[str], dict[str, object]]:
    """指标标准或依据 over two sub-columns, <上年>实际实现值 and 预期<本年>实现值, in a second
    header row."""
    rows = [
        ("产出指标", "数量指标", "培训乡村医生人数", "180人", "≥200人", "全区在岗乡村医生数"),
        ("产出指标", "质量指标", "培训考核合格率", "92%", "≥95%", "上年考核结果"),
        ("效益指标", "社会效益指标", "基层诊疗能力", "有所提升", "明显提升", "群众就诊反馈"),
        ("满意度指标", "服务对象满意度指标", "参训人员满意度", "90%", "≥90%", "满意度调查"),
    ]
    lines = [
        "2024年度项目支出绩效目标申报表",
        "| 项目名称 | 乡村医生培训 | 主管部门 | [350102]鼓楼区卫生健康局 | | |",
        "| 实施单位 | 鼓楼区卫生健康局 | 项目金额 | 36.00万元 | | |",
        "| 年度绩效目标 | 完成全区乡村医生全员培训，提升基层诊疗能力。 | | | | |",
        "| 一级指标 | 二级指标 | 三级指标 | 指标标准或依据 | | 指标值确定依据 |",
        "| | | | <上年>实际实现值 | 预期<本年>实现值 | |",
    ]
    shown = _shown([row[:2] for row in rows])
    for row, levels in zip(rows, shown, strict=True):
        lines.append("| " + " | ".join([*levels, *row[2:]]) + " |")
    lines.append("")

    def indicator(row: tuple[str, ...]) -> dict[str, str]:
        values = {name: "" for name in INDICATOR_FIELDS}
        values.update(period="annual", level1=row[0], level2=row[1], level3=row[2],
                      previous_value=row[3], value=row[4], basis=row[5])  # fmt: skip
        return values

    return lines, {
        "kind": "project",
        "title": "2024年度项目支出绩效目标申报表",
        "stage": "draft",
        "year": 2024,
        "department": "鼓楼区卫生健康局",
        "department_code": "350102",
        "unit": "鼓楼区卫生健康局",
        "project": {
            "name": "乡村医生培训",
            "code": "",
            "attribute": "",
            "period": "",
            "manager": "",
            "purpose": "",
            "money_unit": "万元",
            "budget": "36.00",
            "budget_fen": 36_000_000,
            "funds": [],
            "goals": ["完成全区乡村医生全员培训，提升基层诊疗能力。"],
            "medium_term_goals": [],
        },
        "indicators": [indicator(row) for row in rows],
        "debris_lines": 0,
    }


def _shown(rows: list[tuple[str, ...]]) -> list[list[str]]:
    shown = [list(row) for row in rows]
    for index in range(1, len(rows)):
        if rows[index][0] == rows[index - 1][0]:
            shown[index][0] = ""
            if rows[index][1] == rows[index - 1][1]:
                shown[index][1] = ""
    return shown


def refusals() -> dict[str, tuple[list[str], dict[str, object]]]:
    evaluation = [
        "2023年度项目支出绩效评价指标表",
        "| 项目名称 | 农村义务教育学生营养改善计划 | | | |",
        "| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |",
        "| 决策 | 项目立项 | 立项依据充分性 | 5 | 5 |",
        "| 产出 | 产出数量 | 受益学生人数 | 10 | 9 |",
        "| 效益 | 项目效益 | 学生营养健康状况 | 20 | 18 |",
        "",
    ]
    self_evaluation = [
        "2023年度项目支出绩效自评表",
        "项目名称 高标准农田建设补助",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
        "产出指标 数量指标 新建高标准农田面积 ≥3000亩 3200亩 20 20 无",
        "满意度指标 服务对象满意度指标 农户满意度 ≥90% 93% 10 10 无",
        "",
    ]
    cover = [
        "锦江区农业农村局",
        "2024年部门预算项目绩效目标",
        "",
        "目  录",
        "1.高标准农田建设补助项目支出绩效目标表........1",
        "2.农业技术推广项目支出绩效目标表........3",
        "3.部门整体支出绩效目标表........5",
        "",
    ]
    return {
        "refused-evaluation": (evaluation, {"refused": "an evaluation table (绩效评价指标表"}),
        "refused-self-evaluation": (self_evaluation, {"refused": "a self-evaluation table"}),
        "refused-cover-contents": (
            cover,
            {"refused": "the contents list 3 tables; none is in this file"},
        ),
    }


def write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (lines, fields) in samples().items():
        (folder / f"{name}.txt").write_text("\n".join(lines), encoding="utf-8")
        (folder / f"{name}.expected.json").write_text(
            json.dumps(fields, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    write(Path(sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/provinces"))
