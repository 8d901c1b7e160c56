"""The words of a review: a mark's states and the bureau's grades. Plain constants with no
imports, so that a command's --help can name them without loading the store."""

from __future__ import annotations

STATES = ("reviewed", "question", "problem")
"""In the order a reviewer's list shows them; "untouched" is the absence of a mark."""

GRADES = ("优", "良", "中", "差")
"""The bureau's grades of a performance target (财预〔2015〕88号): 优 goes on to the budget,
良 goes on once the department has fixed it, 中 is returned to be revised and sent again,
差 does not go on. A project's grade, or a document's conclusion."""

GRADE_MEANINGS = {
    "优": "直接进入下一步预算安排流程",
    "良": "与你单位协商完善绩效目标后，进入下一步预算安排流程",
    "中": "请你单位修改完善绩效目标后，按程序重新报送审核",
    "差": "不得进入下一步预算安排流程",
}
"""What each grade means for the project (财预〔2015〕88号 第二十条), in the letter's words."""
