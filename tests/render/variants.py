"""Documents for the rendering bench: the sample as it is, and a smaller document made from
it that holds what the sample lacks and office suites handle differently — names long
enough to wrap in their cells and titles over two lines, non-zero 其他资金, empty spending-plan
cells, three budget units, and a project with a 40-row indicator table (a table over pages).

Each is a ParsedDocument laid out again by the renderers (tests/render/blocks.py), so its
tab-separated rendering is the reference every other rendering must import as."""

from __future__ import annotations

import copy
from dataclasses import replace
from decimal import Decimal

from jixiao.importers import parse_file
from jixiao.importers.model import Indicator, ParsedDocument, Project, TocEntry, Unit
from tests.render import SAMPLE

_LONG_NAME = (
    "冀财社2023年218号提前下达2024年脱贫县离休干部医药费补助及老干部活动阵地"
    "提质改造和数字档案信息化建设专项资金"
)


def sample_document() -> ParsedDocument:
    parsed, _ = parse_file(SAMPLE)
    return parsed


def variants_document() -> ParsedDocument:
    """Six projects over three units, each changed from a project of the sample."""
    sample = sample_document()
    by_ordinal = {project.ordinal: project for project in sample.projects}

    def taken(ordinal: int) -> Project:
        return copy.deepcopy(by_ordinal[ordinal])

    long_named = taken(13)
    long_named.name = _LONG_NAME
    long_named.title = _LONG_NAME

    shared_funds = taken(5)
    shared_funds.budget = Decimal("187.65")
    shared_funds.fiscal_funds = Decimal("150.00")
    shared_funds.other_funds = Decimal("37.65")

    empty_plan = taken(2)
    empty_plan.spending_plan = {3: None, 6: None, 10: Decimal("60"), 12: Decimal("100")}

    long_table = taken(31)
    long_table.indicators = _forty_indicators(long_table.indicators)

    plain = taken(1)
    third = taken(21)

    units = [
        Unit(code="203001", name="中共巨鹿县委组织部本级", line=0, projects=[plain, long_named]),
        Unit(
            code="203002",
            name="中共巨鹿县委老干部局",
            line=0,
            projects=[shared_funds, empty_plan],
        ),
        Unit(
            code="203003",
            name="巨鹿县党员教育中心",
            line=0,
            projects=[long_table, third],
        ),
    ]
    for unit in units:
        for project in unit.projects:
            project.unit_code = unit.code
    projects = [project for unit in units for project in unit.projects]
    toc = [entry for entry in sample.toc if entry.ordinal is None]
    for ordinal, project in enumerate(projects, start=1):
        project.ordinal = ordinal
        toc.append(TocEntry(title=project.title, page=3 + ordinal, line=0, ordinal=ordinal))
    return replace(sample, units=units, toc=toc)


def _forty_indicators(indicators: list[Indicator]) -> list[Indicator]:
    """Forty rows: the project's own, then more 数量 rows under 产出指标 (numbered so that
    each 三级指标 is its own), keeping 一级 groups together as the template does."""
    output = [i for i in indicators if i.level1 == "产出指标"]
    rest = [i for i in indicators if i.level1 != "产出指标"]
    extra = 40 - len(indicators)
    model = output[0]
    more = [
        replace(
            model,
            level2="数量指标",
            level3=f"培训班次第{n}期",
            description=f"第{n}期干部教育培训班按计划举办，参训人员按要求完成学时",
            value=f"≥{30 + n}人",
            basis="年度培训计划",
        )
        for n in range(1, extra + 1)
    ]
    return output + more + rest


DOCUMENTS = {"sample": sample_document, "variants": variants_document}
"""The bench's documents by name: the folder each one's renderings go into."""
