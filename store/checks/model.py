"""Findings, and the registry of checks that produce them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from jixiao.importers.model import Indicator, ParsedDocument, Project

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    unit: str = ""
    project: Project | None = None
    indicator: Indicator | None = None
    figures: dict[str, Any] = field(default_factory=dict)
    line: int | None = None

    @property
    def key(self) -> str:
        """Stable across revisions: the check, the project's code, the indicator's levels
        (and for a document-level finding its message)."""
        # A table without 项目编码 (other provinces') is keyed by the project's name.
        project = (self.project.code or self.project.name) if self.project else self.message
        indicator = f"{self.indicator.level2}/{self.indicator.level3}" if self.indicator else ""
        return f"{self.code}|{project}|{indicator}"


@dataclass(frozen=True)
class Check:
    code: str
    severity: str
    title: str
    run: Callable[[ParsedDocument, list[str]], Iterator[Finding]]
    """(document, its import notes' messages) → findings."""
    needs_plan: bool = False
    """The check reads the spending plan (资金支出计划), which only Hebei's template has."""


CHECKS: dict[str, Check] = {}


def check(code: str, severity: str, title: str, needs_plan: bool = False) -> Callable[..., Any]:
    """Register a check under its stable code."""

    def register(function: Callable[[ParsedDocument, list[str]], Iterator[Finding]]) -> Any:
        CHECKS[code] = Check(code, severity, title, function, needs_plan)
        return function

    return register
