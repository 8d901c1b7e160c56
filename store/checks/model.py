"""Findings, the registries of checks that produce them, and the bureau's four criteria."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from jixiao.i18n import N_, _
from jixiao.importers.model import Indicator, ParsedDocument, Project

SEVERITIES = ("error", "warning", "info")

CRITERIA = ("完整性", "相关性", "适当性", "可行性")
"""The finance bureau's four criteria for a performance target (财预〔2015〕88号, 第十七条):
complete and explicit; fitting the duties, with indicators tied to the target, 细化量化; money
and target matched; reasoned and feasible. Each check belongs to one (docs/checks.md says why)."""


LIST_SEPARATOR = N_("; ")


@dataclass(frozen=True)
class Said:
    """A message in English (a msgid marked with N_) and what fills its placeholders, put into
    the chosen language only when read: a finding's key stays the same in every language, and
    the language may be chosen after the checks ran. A placeholder's value may itself be Said
    (a phrase of its own) or a list of them (joined by LIST_SEPARATOR); other values (figures,
    the document's words) go in as they are."""

    template: str
    words: dict[str, Any] = field(default_factory=dict)

    def text(self, translate: Callable[[str], str] = _) -> str:
        def filled(value: Any) -> Any:
            if isinstance(value, Said):
                return value.text(translate)
            if isinstance(value, list):
                return translate(LIST_SEPARATOR).join(filled(item) for item in value)
            return value

        words = {name: filled(value) for name, value in self.words.items()}
        return translate(self.template).format(**words)

    @property
    def english(self) -> str:
        return self.text(lambda template: template)


def said(template: str, **words: Any) -> Said:
    return Said(template, words)


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    said: Said
    unit: str = ""
    project: Project | None = None
    indicator: Indicator | None = None
    figures: dict[str, Any] = field(default_factory=dict)
    line: int | None = None

    @property
    def message(self) -> str:
        """In the chosen language."""
        return self.said.text()

    @property
    def key(self) -> str:
        """Stable across revisions and languages: the check, the project's code, the
        indicator's levels (and for a document-level finding its message, in English)."""
        # A table without 项目编码 (other provinces') is keyed by the project's name.
        project = (self.project.code or self.project.name) if self.project else self.said.english
        indicator = f"{self.indicator.level2}/{self.indicator.level3}" if self.indicator else ""
        return f"{self.code}|{project}|{indicator}"

    @property
    def states_a_problem(self) -> bool:
        """False for a figure given to the reviewer (T002's unit totals) and for a check that
        could not run here: neither belongs among the problems a letter lists."""
        registered = CHECKS.get(self.code) or YEAR_CHECKS.get(self.code)
        return not self.figures.get("skipped") and getattr(registered, "problem", True)

    @property
    def criterion(self) -> str:
        """The criterion of the check that found it."""
        registered = CHECKS.get(self.code) or YEAR_CHECKS[self.code]
        return registered.criterion


@dataclass(frozen=True)
class Check:
    code: str
    severity: str
    title: str
    """English, marked with N_: `_(title)` where it is shown."""
    criterion: str
    run: Callable[[ParsedDocument, list[str]], Iterator[Finding]]
    """(document, its import notes' messages) → findings."""
    needs_plan: bool = False
    """The check reads the spending plan (资金支出计划), which only Hebei's template has."""
    problem: bool = True
    """Its findings say something is wrong (False: it gives figures, as T002 does)."""


@dataclass(frozen=True)
class PreviousYear:
    """The same department's document of the year before, and compare's pairing of its
    projects (first) with this year's (second): what the year-over-year checks read."""

    document: ParsedDocument
    pairs: list[tuple[Project, Project]]


@dataclass(frozen=True)
class YearCheck:
    code: str
    severity: str
    title: str
    criterion: str
    run: Callable[[PreviousYear, ParsedDocument], Iterator[Finding]]
    """(last year and the pairing, this year's document) → findings."""


CHECKS: dict[str, Check] = {}
YEAR_CHECKS: dict[str, YearCheck] = {}
"""Checks that need the year before: they run only where the store holds it."""


def check(
    code: str,
    severity: str,
    title: str,
    criterion: str,
    *,
    needs_plan: bool = False,
    problem: bool = True,
) -> Callable[..., Any]:
    """Register a check under its stable code and its criterion."""
    assert criterion in CRITERIA, criterion

    def register(function: Callable[[ParsedDocument, list[str]], Iterator[Finding]]) -> Any:
        CHECKS[code] = Check(code, severity, title, criterion, function, needs_plan, problem)
        return function

    return register


def year_check(code: str, severity: str, title: str, criterion: str) -> Callable[..., Any]:
    """Register a year-over-year check under its stable code and its criterion."""
    assert criterion in CRITERIA, criterion

    def register(function: Callable[[PreviousYear, ParsedDocument], Iterator[Finding]]) -> Any:
        YEAR_CHECKS[code] = YearCheck(code, severity, title, criterion, function)
        return function

    return register


def check_codes() -> list[str]:
    """Every check's code, the year-over-year ones too."""
    return sorted({*CHECKS, *YEAR_CHECKS})


def by_ordinal(findings: list[Finding]) -> dict[int, list[Finding]]:
    """A document's findings by project number (the document's own findings under 0)."""
    grouped: dict[int, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.project.ordinal if finding.project else 0, []).append(finding)
    return grouped
