"""Compare: a 2023 draft built from the sample in code, against the real 2024 draft."""

from __future__ import annotations

import pytest

from jixiao.store.compare.documents import to_json
from jixiao.store.comparing import compare_documents
from jixiao.store.name_keys import mask_code, normalize_name
from jixiao.store.pairing_decisions import decide
from jixiao.store.save import save_document
from tests.conftest import SAMPLE_LINES, parse_text

NEW_CODES = {  # 2023 codes that differ beyond the year digits: pairing must use the names
    "13052924P0058401202 2C": "13052923P0058407777 7Q",  # table 6
    "13052924P0058401206 5N": "13052923P0058408888 8R",  # table 12
    "13052924P0058401208 9W": "13052923P0058406666 6W",  # table 29
}


def draft_2023() -> str:
    """The sample as last year's draft would have been, with these differences:
    tables 2 and 3 in the other order; table 1's goal 2 shorter; table 2 spends 20% by March;
    table 4's 参会率 was ≥70% and it had no cost indicator; table 5 had 5800.00; table 6 was
    党代表联络工作专项经费 and table 12 关心下一代工作委员会经费 (other codes); instead of
    table 29 there was an unrelated project with the very same spending plan; table 31 and
    unit 203003 did not exist."""
    lines = list(SAMPLE_LINES)

    def edit(number: int, old: str, new: str) -> None:
        assert old in lines[number - 1], (number, old)
        lines[number - 1] = lines[number - 1].replace(old, new)

    edit(4, "2024 年", "2023 年")
    for number in (20, 125, 131):
        edit(number, "2024 年度", "2023 年度")
    edit(136, "2.通过党刊征订促进党员干部学习。", "2.通过党刊征订促进学习。")
    edit(156, "\t25%", "\t20%")
    edit(202, "≥80%", "≥70%")
    edit(216, "6029.30\t其中：财政 资金\t6029.30", "5800.00\t其中：财政 资金\t5800.00")
    for number in (25, 232, 238):
        edit(number, "党代表联络工作经费", "党代表联络工作专项经费")
    for number in (31, 358, 364):
        edit(number, "关工委经费", "关心下一代工作委员会经费")
    for number in (49, 717, 723):
        edit(number, "驻巨专精特新“小巨人”企业科技特派团服务保障资金", "离任村干部走访慰问经费")
    # Tables 2 and 3 swap places and numbers, in the contents and in the body.
    edit(21, "2.", "3.")
    edit(22, "3.", "2.")
    edit(146, "2.", "3.")
    edit(167, "3.", "2.")
    lines[20], lines[21] = lines[21], lines[20]
    lines[145:187] = lines[166:187] + lines[145:166]
    text = "\n".join(
        line
        for number, line in enumerate(lines, start=1)
        if number != 204  # table 4's cost indicator
        and not 759 <= number <= 865  # table 31 and unit 203003
        and number not in (51, 52, 53, 54, 55)
    )  # their contents lines
    for old, new in NEW_CODES.items():
        text = text.replace(old, new)
    return text.replace("\t13052924P", "\t13052923P")


@pytest.fixture
def comparison(engine, sample):
    old = save_document(engine, *parse_text(draft_2023())).document_id
    new = save_document(engine, *sample).document_id
    return compare_documents(engine, old, new)


def by_name(comparison, name: str):
    (found,) = [p for p in comparison.projects if (p.b or p.a).name == name]
    return found


class TestNormalizing:
    def test_years_and_document_numbers_are_masked(self):
        assert normalize_name("2024 年度党刊征订费") == normalize_name("2023年度党刊征订费")
        assert normalize_name(
            "冀财社 2023 年 218 号提前下达 2024 年脱贫县离休干部医药费补助资金"
        ) == ("冀财社#号提前下达#年脱贫县离休干部医药费补助资金")
        assert mask_code("13052924P005840120862") == mask_code("13052923P005840120862")


class TestPairing:
    def test_the_variant_imports_cleanly(self, engine):
        parsed, report = parse_text(draft_2023())
        assert report.notes == []
        assert (parsed.year, len(parsed.projects), [u.code for u in parsed.units]) == (
            2023, 30, ["203001"],
        )  # fmt: skip

    def test_statuses_and_matches(self, comparison):
        found = {((p.b or p.a).name, p.status, p.match) for p in comparison.projects}
        assert ("2024 年度党刊征订费", "changed", "code") in found  # a year-only rename
        assert ("“五老”活动阵地经费", "unchanged", "code") in found  # reordered
        assert ("党代表联络工作经费", "changed", "fuzzy") in found
        assert ("关工委经费", "to_confirm", "fuzzy") in found
        assert ("驻巨专精特新“小巨人”企业科技特派团服务保障资金", "added", None) in found
        assert ("离任村干部走访慰问经费", "removed", None) in found
        assert ("组织重点工作、党群服务中心、干部教育培训等经费", "added", None) in found
        assert {p.b.name for p in comparison.projects if p.b and p.b.unit_code == "203003"} == {
            "12345 便民热线新增人员经费", "大数据中心运行保障经费", "巨好办 APP 运行费用",
            "数据安全运行经费",
        }  # fmt: skip
        counts = {status: comparison.count(status) for status in
                  ("added", "removed", "changed", "unchanged", "to_confirm")}  # fmt: skip
        assert counts == {"added": 6, "removed": 1, "changed": 5, "unchanged": 23, "to_confirm": 1}

    def test_unrelated_projects_with_the_same_spending_plan_are_not_paired(self, comparison):
        removed = by_name(comparison, "离任村干部走访慰问经费")
        added = by_name(comparison, "驻巨专精特新“小巨人”企业科技特派团服务保障资金")
        assert removed.a.spending_plan == added.b.spending_plan  # identical plans …
        assert removed.a.indicators[0].value == added.b.indicators[0].value  # … and rows
        assert (removed.b, added.a) == (None, None)  # … and still not paired

    def test_confirming_and_rejecting_are_remembered(self, engine, comparison):
        to_confirm = by_name(comparison, "关工委经费")
        decide(engine, to_confirm.a_id, to_confirm.b_id, "confirmed", "li")
        again = compare_documents(engine, comparison.a.id, comparison.b.id)
        assert (by_name(again, "关工委经费").status, by_name(again, "关工委经费").match) == (
            "changed", "confirmed",
        )  # fmt: skip
        decide(engine, to_confirm.a_id, to_confirm.b_id, "rejected", "li")
        again = compare_documents(engine, comparison.a.id, comparison.b.id)
        assert by_name(again, "关工委经费").status == "added"
        assert by_name(again, "关心下一代工作委员会经费").status == "removed"

    def test_making_a_pairing_the_algorithm_did_not(self, engine, comparison):
        removed = by_name(comparison, "离任村干部走访慰问经费")
        added = by_name(comparison, "驻巨专精特新“小巨人”企业科技特派团服务保障资金")
        decide(engine, removed.a_id, added.b_id, "confirmed", "li")
        again = compare_documents(engine, comparison.a.id, comparison.b.id)
        made = by_name(again, "驻巨专精特新“小巨人”企业科技特派团服务保障资金")
        assert (made.match, made.a.name) == ("confirmed", "离任村干部走访慰问经费")


class TestChanges:
    def test_every_change_of_the_changed_projects(self, comparison):
        def changes(name: str):
            return [(c.field, c.a, c.b, c.detail) for c in by_name(comparison, name).changes]

        assert changes("2024 年度党刊征订费") == [
            ("goal", "通过党刊征订促进学习。", "通过党刊征订促进党员干部学习。",
             {"status": "reworded", "diff": "通过党刊征订促进{+党员干部+}学习。"}),
        ]  # fmt: skip
        assert changes("“名校英才入冀”人员房租补助") == [("spending_plan.3", 20, 25, None)]
        assert changes("村级组织运转经费") == [
            ("budget", "5800.00", "6029.30", {"change": "229.30", "percent": 4.0}),
            ("fiscal_funds", "5800.00", "6029.30", {"change": "229.30", "percent": 4.0}),
        ]
        assert changes("党代表联络工作经费") == [
            ("name", "党代表联络工作专项经费", "党代表联络工作经费",
             {"diff": "党代表联络工作[-专项-]经费"}),
        ]  # fmt: skip

    def test_indicators(self, comparison):
        tea = by_name(comparison, "春节、重阳节茶话会经费")
        assert tea.changes == []
        changed = [(i.status, (i.b or i.a).level3, i.a and i.a.value, i.b and i.b.value,
                    i.direction) for i in tea.indicators if i.status != "unchanged"]  # fmt: skip
        assert changed == [
            ("changed", "参会率", "≥70%", "≥80%", "stricter"),
            ("added", "茶话会成本", None, "≤1 万", None),
        ]

    def test_summary(self, comparison):
        summary = to_json(comparison)["summary"]
        assert summary["total"] == {"a": "6719.01", "b": "7157.01", "change": "438.00",
                                    "percent": 6.5}  # fmt: skip
        assert summary["units"] == [
            {"code": "203001", "name": "中共巨鹿县委组织部本级", "a": "6719.01", "b": "6993.31",
             "change": "274.30", "percent": 4.1},
            {"code": "203003", "name": "巨鹿县大数据发展中心", "a": "0.00", "b": "163.70",
             "change": "163.70", "percent": None},
        ]  # fmt: skip
        assert (summary["added_total"], summary["removed_total"]) == ("213.70", "5.00")

    def test_json_contract(self, comparison):
        data = to_json(comparison)
        assert set(data) >= {"a", "b", "summary", "projects"}
        project = next(p for p in data["projects"] if p["status"] == "changed")
        assert set(project) >= {"status", "match", "score", "a", "b", "changes", "indicators"}
        assert set(project["a"]) >= {"code", "name", "budget"}
        tea = next(
            p for p in data["projects"] if p["b"] and p["b"]["name"] == "春节、重阳节茶话会经费"
        )
        indicator = tea["indicators"][0]
        assert indicator["direction"] == "stricter"
        assert set(indicator["a"]) >= {"level1", "level2", "level3", "value"}


class TestHistory:
    def test_budget_per_year_follows_the_pairing(self, engine, comparison):
        from jixiao.store.comparing import project_history

        years = project_history(engine, comparison.b.id, 5)
        assert [(y.year, str(y.project.budget), y.match) for y in years] == [
            (2023, "5800.00", "code"),
            (2024, "6029.30", None),
        ]

    def test_an_uncertain_pairing_ends_the_history_until_confirmed(self, engine, comparison):
        from jixiao.store.comparing import project_history

        assert [y.year for y in project_history(engine, comparison.b.id, 12)] == [2024]
        pair = by_name(comparison, "关工委经费")
        decide(engine, pair.a_id, pair.b_id, "confirmed", "li")
        years = project_history(engine, comparison.b.id, 12)
        assert [(y.year, y.project.name) for y in years] == [
            (2023, "关心下一代工作委员会经费"),
            (2024, "关工委经费"),
        ]
