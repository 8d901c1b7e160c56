"""The SQLite store: schema, saving, queries, checks, compare and export. Never imports Textual.

This module is the store's front door: screens, commands and benchmarks import what they use
from `jixiao.store` and never from a submodule (import-linter's "protected" contract and
tests/test_layering.py keep to that). Names load lazily (PEP 562) so that `jixiao ls` does not pay
for SQLAlchemy, scipy or the checks it never runs; each name below says which submodule answers.
Where two submodules use the same short name, the front door's name says whose it is
(`comparison_json`, `document_json`).
"""

from __future__ import annotations

import importlib
from typing import Any

# front-door name -> (submodule, its name there)
_API: dict[str, tuple[str, str]] = {
    "Cursor": ("across", "Cursor"),
    "INDICATOR_SORTS": ("across", "INDICATOR_SORTS"),
    "PROJECT_SORTS": ("across", "PROJECT_SORTS"),
    "Page": ("across", "Page"),
    "StoreFilter": ("across", "StoreFilter"),
    "count_indicators": ("across", "count_indicators"),
    "count_projects": ("across", "count_projects"),
    "indicator_page": ("across", "indicator_page"),
    "project_page": ("across", "project_page"),
    "backup_store": ("backup", "backup_store"),
    "DocumentRow": ("browse", "DocumentRow"),
    "Overview": ("browse", "Overview"),
    "IndicatorRow": ("browse", "IndicatorRow"),
    "ProjectDetail": ("browse", "ProjectDetail"),
    "ProjectFilter": ("browse", "ProjectFilter"),
    "ProjectRow": ("browse", "ProjectRow"),
    "SORTS": ("browse", "SORTS"),
    "STATE_FILTERS": ("browse", "STATE_FILTERS"),
    "UnitRow": ("browse", "UnitRow"),
    "comparison_candidates": ("browse", "comparison_candidates"),
    "departments": ("browse", "departments"),
    "document": ("browse", "document"),
    "documents_of": ("browse", "documents_of"),
    "latest_document": ("browse", "latest_document"),
    "overview": ("browse", "overview"),
    "project_detail": ("browse", "project_detail"),
    "project_id": ("browse", "project_id"),
    "projects_of": ("browse", "projects_of"),
    "source_text": ("browse", "source_text"),
    "units_of": ("browse", "units_of"),
    "FileResult": ("bulk_import", "FileResult"),
    "Interrupted": ("bulk_import", "Interrupted"),
    "import_files": ("bulk_import", "import_files"),
    "Dismissal": ("checks.dismissals", "Dismissal"),
    "dismiss": ("checks.dismissals", "dismiss"),
    "dismissals": ("checks.dismissals", "dismissals"),
    "restore": ("checks.dismissals", "restore"),
    "CHECKS": ("checks.model", "CHECKS"),
    "Finding": ("checks.model", "Finding"),
    "by_ordinal": ("checks.run", "by_ordinal"),
    "document_findings": ("checks.run", "document_findings"),
    "finding_rows": ("checks.run", "finding_rows"),
    "decide": ("compare.decisions", "decide"),
    "same_text": ("compare.diff", "same_text"),
    "Comparison": ("compare.documents", "Comparison"),
    "ProjectComparison": ("compare.documents", "ProjectComparison"),
    "compare_documents": ("compare.documents", "compare_documents"),
    "comparison_json": ("compare.documents", "to_json"),
    "YearEntry": ("compare.history", "YearEntry"),
    "project_history": ("compare.history", "project_history"),
    "COMPARISON_CSV_COLUMNS": ("compare.render", "CSV_COLUMNS"),
    "comparison_change_lines": ("compare.render", "change_lines"),
    "comparison_csv_rows": ("compare.render", "csv_rows"),
    "comparison_markdown": ("compare.render", "to_markdown"),
    "comparison_project_rows": ("compare.render", "project_rows"),
    "comparison_summary_lines": ("compare.render", "summary_lines"),
    "comparison_title": ("compare.render", "title"),
    "when_busy": ("connection", "when_busy"),
    "write_connection": ("connection", "write_connection"),
    "open_store": ("db", "open_store"),
    "StoreError": ("errors", "StoreError"),
    "fault_kind": ("errors", "fault_kind"),
    "store_fault": ("errors", "store_fault"),
    "DOCUMENT_CSV_COLUMNS": ("export", "CSV_COLUMNS"),
    "document_csv_rows": ("export", "to_csv_rows"),
    "document_json": ("export", "to_json"),
    "document_markdown": ("export", "to_markdown"),
    "markdown_cell": ("export", "md"),
    "project_json": ("export", "project_json"),
    "read_documents": ("listing", "read_documents"),
    "ENV_VAR": ("location", "ENV_VAR"),
    "default_path": ("location", "default_path"),
    "StoredDocument": ("queries", "StoredDocument"),
    "load_document": ("queries", "load_document"),
    "resolve_document": ("queries", "resolve_document"),
    "source_lines": ("queries", "source_lines"),
    "REPORT_COLUMNS": ("report", "COLUMNS"),
    "report_markdown": ("report", "report_markdown"),
    "report_rows": ("report", "report_rows"),
    "Mark": ("reviews", "Mark"),
    "clear_mark": ("reviews", "clear_mark"),
    "review_progress": ("reviews", "progress"),
    "set_mark": ("reviews", "set_mark"),
    "FirstIds": ("rows", "FirstIds"),
    "document_tables": ("rows", "document_tables"),
    "SaveResult": ("save", "SaveResult"),
    "save_document": ("save", "save_document"),
    "save_in": ("save", "save_in"),
    "Hit": ("search", "Hit"),
    "search_store": ("search", "search"),
    "safe_cell": ("spreadsheet", "safe_cell"),
    "store_stats": ("stats", "store_stats"),
    "refuse_damaged": ("verify", "refuse_damaged"),
    "verify_store": ("verify", "verify_store"),
    "Sheet": ("xlsx", "Sheet"),
    "write_workbook": ("xlsx", "write_workbook"),
}


def __getattr__(name: str) -> Any:
    try:
        module, attribute = _API[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(_API)
