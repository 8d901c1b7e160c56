"""What a spreadsheet's header row says: the documents' own words for the columns that CSV
and JSON name in English (`unit_code` → 单位编码). A reviewer hands the workbook on; the keys
stay in CSV and JSON, where scripts read them."""

from __future__ import annotations

from collections.abc import Sequence

TITLES: dict[str, str] = {
    "department": "部门", "year": "年度", "stage": "阶段", "kind": "类别",
    "unit": "单位编码", "unit_code": "单位编码", "unit_name": "单位名称",
    "ordinal": "序号", "project_ordinal": "序号", "project_code": "项目编码",
    "name": "项目名称", "project_name": "项目名称", "money_unit": "金额单位",
    "budget": "预算数", "fiscal_funds": "财政资金", "other_funds": "其他资金",
    "purpose": "项目概况", "goals": "绩效目标", "indicators": "指标数",
    "level1": "一级指标", "level2": "二级指标", "level3": "三级指标",
    "description": "绩效指标描述", "value": "指标值", "target_op": "比较符",
    "target_number": "目标数值", "target_unit": "目标单位", "basis": "指标值确定依据",
    "source_line": "原文行号", "period": "期限", "comparator": "指标性质",
    "weight": "权重", "direction": "指标方向", "value_type": "指标值类型",
    "explanation": "指标解释", "scoring_rule": "评分标准", "remark": "备注",
    "previous_value": "上年实际值", "indicator": "三级指标", "indicator_value": "指标值",
    "state": "审核标记", "grade": "审核等级", "note": "审核意见", "reviewer": "审核人",
    "updated_at": "时间", "findings": "问题数", "criterion": "审核要点", "severity": "程度",
    "message": "问题说明", "dismissed_by": "排除人", "dismissal_note": "排除理由",
}  # fmt: skip
"""Column key → header, where a key means the same in every sheet."""


def column_titles(columns: Sequence[str], **sheet_own: str) -> list[str]:
    """The headers of `columns`: a sheet's own titles first (`code` is a project's code in
    one sheet, a check's in another), then TITLES, else the key itself."""
    return [sheet_own.get(key) or TITLES.get(key, key) for key in columns]
