"""Walk a 部门预算绩效文本 in the Hebei template: front matter, table of contents, part 1
(department goals) and part 2 (one table per project).

Layout-neutral: a layout module hands over the numbered lines and says which lines are
table rows and how they split into cells. Every line the walk uses is recorded; the rest
are listed in the report, so nothing is dropped without a word.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from jixiao.i18n import _
from jixiao.importers.contents import contents_disagreements
from jixiao.importers.lines import Line, Reading, Row, UsedLines, number_lines
from jixiao.importers.model import (
    DepartmentGoals,
    Measure,
    Overrides,
    Paragraph,
    ParsedDocument,
    Project,
    SourceInfo,
    SubGoal,
    TocEntry,
    Unit,
)
from jixiao.importers.money import YUAN_PER_UNIT
from jixiao.importers.numbered import strip_item_number
from jixiao.importers.project_table import ProjectTableReader, TableHead
from jixiao.importers.report import ImportFault, ImportReport, Note
from jixiao.importers.text import join_wraps, label

RowSplitter = Callable[[Line], "list[str] | None"]
"""Returns the raw cells of a table row, or None when the line is not a table row."""

_TITLE = re.compile(r"^(?:(\S*?)\s*)?(\d{4})\s*年(?:度)?\s*部门预算绩效(?:文本|目标)$")
_DRAFT = re.compile(r"^[(（]\s*草\s*案\s*[)）]$")
_PART = re.compile(r"^第([一二三四五六七八九十]+)部分\s*(.*)$")
_SECTION = re.compile(r"^([一二三四五六七八九十]+)\s*[、.．]\s*(.+)$")
_TOC_ENTRY = re.compile(r"^(.+?)\s*(?:[.…·．]{2,}|\t|\s{2,})\s*(\d{1,4})$")
TABLE_TITLE = re.compile(r"^(\d{1,3})\s*[.．、]\s*(.+?)\s*绩效目标表$")
_BUDGET_UNIT = re.compile(r"^(\d{3,12})\s*([^\d\s].*)$")
_NUMBERED = re.compile(r"^\d{1,3}\s*[.．、]")
_MONEY_UNIT = re.compile(r"^单位\s*[:：]\s*(\S+)$")
_PROJECT_CODE = re.compile(r"\d{6}")


def table_title(text: str, following: str | None = None) -> re.Match[str] | None:
    """A table title on this line, or on this line and the `following` one (a long title
    wraps: "14.冀财行 2023 年 88 号提前下达 2024" / "年下派…资金绩效目标表")."""
    text = join_wraps(text)
    title = TABLE_TITLE.match(text)
    if title or following is None or not _NUMBERED.match(text):
        return title
    return TABLE_TITLE.match(join_wraps(f"{text} {following}"))


class TemplateWalker:
    def __init__(
        self,
        source: SourceInfo,
        split_row: RowSplitter,
        report: ImportReport,
        reading: Reading | None = None,
    ) -> None:
        """`reading` is the lines to walk when the layout rebuilt or left out some (page
        furniture, table rows joined from wrapped lines); by default, the source's lines."""
        self._source = source
        self._filename = source.filename
        self._split_row = split_row
        self._report = report
        self._used = UsedLines()
        text = source.text.removesuffix("\n")
        self._reading = reading or Reading(number_lines(text))
        self._lines = self._reading.lines
        self._source_lines = number_lines(text) if reading else self._lines
        self._position = 0

    def walk(self, overrides: Overrides) -> ParsedDocument:
        front = self._front_matter()
        toc = self._table_of_contents()
        goals = self._part_one()
        units = self._part_two()
        if not any(unit.projects for unit in units):
            listed = sum(1 for entry in toc if entry.ordinal is not None)
            raise ImportFault(
                self._filename,
                None,
                _(
                    "no project table (N.<项目名称>绩效目标表 followed by a 项目编码 row) was "
                    "found; is this a 部门预算绩效文本?"
                )
                + (
                    _(" Its table of contents lists {listed} table(s).").format(listed=listed)
                    if listed
                    else ""
                ),
            )
        self._check_toc(toc, [p for unit in units for p in unit.projects])
        self._report_unread()

        department = overrides.department or front.get("department") or ""
        year = overrides.year or front.get("year")
        if not department:
            raise ImportFault(
                self._filename,
                None,
                _("the department name was not found in the front matter; pass --department NAME"),
            )
        if year is None:
            raise ImportFault(
                self._filename,
                None,
                _(
                    "the year was not found (expected a line like '2024 年部门预算绩效文本'); "
                    "pass --year YYYY"
                ),
            )
        stage = overrides.stage or ("draft" if front.get("draft") else "final")
        return ParsedDocument(
            department=department,
            year=int(year),
            stage=stage,
            title=str(front.get("title", "")),
            compiled_by=str(front.get("compiled_by", "")),
            reviewed_by=str(front.get("reviewed_by", "")),
            toc=toc,
            goals=goals,
            units=units,
            source=self._source,
        )

    # -- moving through the lines -------------------------------------------------------

    def _peek(self) -> Line | None:
        while self._position < len(self._lines) and not self._lines[self._position].text:
            self._position += 1
        return self._lines[self._position] if self._position < len(self._lines) else None

    def _advance(self) -> Line:
        line = self._lines[self._position]
        self._position += 1
        return line

    def _is_part(self, line: Line, number: str) -> bool:
        match = _PART.match(line.text)
        return match is not None and match.group(1) == number

    # -- front matter -------------------------------------------------------------------

    def _front_matter(self) -> dict[str, object]:
        found: dict[str, object] = {}
        while (line := self._peek()) is not None:
            text = line.text
            if label(text) == "目录" or _PART.match(text) or TABLE_TITLE.match(text):
                break
            self._advance()
            title = _TITLE.match(text)
            if title and "year" not in found:
                if title.group(1):
                    found.setdefault("department", title.group(1))
                found["year"] = int(title.group(2))
                found["title"] = text[title.start(2) :] if title.group(1) else text
            elif _DRAFT.match(text):
                found["draft"] = True
            elif text.endswith("编制") and "compiled_by" not in found:
                found["compiled_by"] = text
            elif text.endswith("审核") and "reviewed_by" not in found:
                found["reviewed_by"] = text
            elif "department" not in found and "year" not in found:
                found["department"] = text
            else:
                continue  # left unused: reported
            self._used.take(line)
        compiled_by = str(found.get("compiled_by", ""))
        if (
            "department" in found
            and compiled_by
            and not compiled_by.startswith(str(found["department"]))
        ):
            self._report.warn(
                None,
                _("the cover names '{department}' but the document says '{compiled_by}'").format(
                    department=found["department"], compiled_by=compiled_by
                ),
            )
        return found

    # -- table of contents --------------------------------------------------------------

    def _table_of_contents(self) -> list[TocEntry]:
        line = self._peek()
        if line is None or label(line.text) != "目录":
            self._report.warn(
                None,
                _("no table of contents (目录): the tables found cannot be checked against it"),
            )
            return []
        self._used.take(self._advance())
        entries: list[TocEntry] = []
        in_part_two = False
        parts_listed: set[str] = set()
        while (line := self._peek()) is not None:
            part = _PART.match(line.text)
            if part and (part.group(1) in parts_listed or (entries and not parts_listed)):
                break  # a part named a second time: the body starts
            if part:
                parts_listed.add(part.group(1))
            entry = _TOC_ENTRY.match(line.text)
            wrapped = None if part or entry else self._wrapped_toc_entry(line)
            if wrapped is not None:
                entry, continued = wrapped
                self._used.take(self._advance())
                self._peek()  # onto the continuation, taken below as a one-line entry is
                line = Line(line.number, f"{line.text} {continued.text}")
            if part:
                in_part_two = part.group(1) == "二"
            elif entry:
                written = join_wraps(entry.group(1))
                table = TABLE_TITLE.match(written) if in_part_two else None
                entries.append(
                    TocEntry(
                        title=table.group(2) if table else written,
                        page=int(entry.group(2)),
                        line=line.number,
                        ordinal=int(table.group(1)) if table else None,
                    )
                )
            elif TABLE_TITLE.match(line.text) and not in_part_two:
                break  # a document without parts: the tables start
            else:
                self._advance()
                continue  # left unused: reported
            self._used.take(self._advance())
        return entries

    def _wrapped_toc_entry(self, line: Line) -> tuple[re.Match[str], Line] | None:
        """An entry too long for one line: a numbered start ("14.冀财行 2023 年 88 号…",
        "一、…") with no page number, whose next line ends it ("…资金绩效目标表.....17")."""
        if not (_NUMBERED.match(line.text) or _SECTION.match(line.text)):
            return None
        following = next((later for later in self._lines[self._position + 1 :] if later.text), None)
        if following is None or _PART.match(following.text):
            return None
        if _NUMBERED.match(following.text) or _SECTION.match(following.text):
            return None  # the next entry, not a continuation
        entry = _TOC_ENTRY.match(join_wraps(f"{line.text} {following.text}"))
        return (entry, following) if entry else None

    # -- part 1: the department's goals --------------------------------------------------

    def _part_one(self) -> DepartmentGoals:
        goals = DepartmentGoals()
        line = self._peek()
        if line is None or not self._is_part(line, "一"):
            return goals
        self._used.take(self._advance())
        if (line := self._peek()) is not None and label(line.text) == "部门整体绩效目标":
            self._used.take(self._advance())
        section = ""
        while (line := self._peek()) is not None and not self._is_part(line, "二"):
            if TABLE_TITLE.match(line.text):
                break  # no part-2 heading: the tables start
            self._advance()
            heading = _SECTION.match(line.text)
            if heading:
                section = {
                    "总体绩效目标": "overall",
                    "分项绩效目标": "sub",
                    "工作保障措施": "measures",
                }.get(label(heading.group(2)), "")
                if section:
                    self._used.take(line)
                continue
            if section == "overall":
                self._overall_goal(goals, line)
            elif section == "sub":
                self._sub_goal(goals, line)
            elif section == "measures":
                self._measure(goals, line)

        return goals

    def _overall_goal(self, goals: DepartmentGoals, line: Line) -> None:
        number, text = strip_item_number(line.text)
        if number is not None:
            goals.overall.append(Paragraph(join_wraps(text), line.number, line.number))
        elif goals.overall:  # a paragraph the PDF wrapped onto another line
            last = goals.overall[-1]
            last.text = join_wraps(f"{last.text} {line.text}")
            last.last_line = line.number
        else:
            return
        self._used.take(line)

    def _sub_goal(self, goals: DepartmentGoals, line: Line) -> None:
        text = line.text.strip()
        field_label = label(text[:5])
        number, title = strip_item_number(text)
        if number is not None:
            goals.sub.append(SubGoal(join_wraps(title), "", "", line.number, line.number))
        elif not goals.sub:
            return
        elif field_label.startswith("绩效目标:"):
            goals.sub[-1].goal = join_wraps(re.split(r"[:：]", text, maxsplit=1)[1])
        elif field_label.startswith("绩效指标:"):
            goals.sub[-1].indicators = join_wraps(re.split(r"[:：]", text, maxsplit=1)[1])
        else:  # wrapped continuation of the field last written
            last = goals.sub[-1]
            if last.indicators:
                last.indicators = join_wraps(f"{last.indicators} {text}")
            elif last.goal:
                last.goal = join_wraps(f"{last.goal} {text}")
            else:
                return
        goals.sub[-1].last_line = line.number
        self._used.take(line)

    def _measure(self, goals: DepartmentGoals, line: Line) -> None:
        number, title = strip_item_number(line.text)
        if number is not None:
            goals.measures.append(Measure(join_wraps(title), "", line.number, line.number))
        elif goals.measures:
            last = goals.measures[-1]
            last.text = join_wraps(f"{last.text} {line.text}")
            last.last_line = line.number
        else:
            return
        self._used.take(line)

    # -- part 2: project tables -----------------------------------------------------------

    def _part_two(self) -> list[Unit]:
        line = self._peek()
        if line is not None and self._is_part(line, "二"):
            self._used.take(self._advance())
            if (line := self._peek()) is not None and label(line.text) == "预算项目绩效目标":
                self._used.take(self._advance())
        units: dict[str, Unit] = {}
        reader = ProjectTableReader(self._filename, self._report, self._used)
        unit: Unit | None = None
        money_unit: str | None = None
        seen: dict[tuple[object, ...], Project] = {}
        while (line := self._peek()) is not None:
            title = self._table_title(line)
            if not title:
                self._advance()  # left unused: reported
                continue
            self._used.take(self._advance())
            if title.string != join_wraps(line.text):  # the title wrapped onto a second line
                self._used.take(self._advance())
            head_unit, money_unit = self._table_head(line, unit, money_unit, units)
            unit = head_unit
            rows, end_line = self._table_rows()
            project = reader.read(
                TableHead(line, int(title.group(1)), title.group(2), unit.code, money_unit),
                rows,
                end_line,
            )
            project.last_line = self._reading.last_line(project.last_line)
            self._refuse_a_repeat(project, seen)
            unit.projects.append(project)
        return list(units.values())

    def _refuse_a_repeat(self, project: Project, seen: dict[tuple[object, ...], Project]) -> None:
        """A table that appears twice (a page pasted twice, a table copied without being
        renumbered) would count its budget twice and could not be told apart from its twin:
        the document is refused, naming both tables, for the department to correct."""
        keys: list[tuple[object, ...]] = [("title", project.ordinal, label(project.title))]
        if _PROJECT_CODE.search(project.code):  # not a placeholder such as "无" or "/"
            keys.append(("code", project.code))
        for key in keys:
            first = seen.get(key)
            if first is not None:
                same = (
                    _("the same number and title as table {ordinal} '{title}'").format(
                        ordinal=first.ordinal, title=first.title
                    )
                    if key[0] == "title"
                    else _("the same 项目编码 {code} as table {ordinal} '{title}'").format(
                        code=project.code, ordinal=first.ordinal, title=first.title
                    )
                )
                raise ImportFault(
                    self._filename,
                    project.first_line,
                    _(
                        "table {ordinal} '{title}' has {same} on line {line}: a project appears "
                        "once in a document (its budget would count twice); delete the "
                        "repeated table or correct its number and 项目编码"
                    ).format(
                        ordinal=project.ordinal,
                        title=project.title,
                        same=same,
                        line=first.first_line,
                    ),
                )
            seen[key] = project

    def _table_title(self, line: Line) -> re.Match[str] | None:
        if self._split_row(line) is not None:
            return None
        following = self._following()
        if following is not None and self._split_row(following) is not None:
            following = None
        return table_title(line.text, following.text if following else None)

    def _following(self) -> Line | None:
        """The next non-blank line after the one `_peek` gives."""
        index = self._position + 1
        while index < len(self._lines) and not self._lines[index].text:
            index += 1
        return self._lines[index] if index < len(self._lines) else None

    def _table_head(
        self, title: Line, unit: Unit | None, money_unit: str | None, units: dict[str, Unit]
    ) -> tuple[Unit, str]:
        """The budget-unit line and the money-unit line between a title and its table."""
        found_unit = False
        while (line := self._peek()) is not None and self._split_row(line) is None:
            unit_match = _BUDGET_UNIT.match(line.text)
            money_match = _MONEY_UNIT.match(line.text)
            if unit_match and not found_unit:
                code, name = unit_match.group(1), join_wraps(unit_match.group(2))
                unit = units.setdefault(code, Unit(code, name, line.number))
                if unit.name != name:
                    self._report.warn(
                        line.number,
                        _(
                            "unit {code} is named '{name}' here but '{earlier}' on line {line}"
                        ).format(code=code, name=name, earlier=unit.name, line=unit.line),
                    )
                found_unit = True
            elif money_match:
                money_unit = money_match.group(1)
                if money_unit not in YUAN_PER_UNIT:
                    raise ImportFault(
                        self._filename,
                        line.number,
                        _("unknown money unit '{unit}'; expected one of {units}").format(
                            unit=money_unit, units=", ".join(YUAN_PER_UNIT)
                        ),
                    )
            else:
                break
            self._used.take(self._advance())
        if unit is None:
            raise ImportFault(
                self._filename,
                title.number + 1,
                _(
                    "expected the budget unit after the table title, e.g. "
                    "'203001 中共巨鹿县委组织部本级'"
                ),
            )
        if not found_unit:
            self._report.warn(
                title.number,
                _(
                    "no budget unit line after this title; the table is taken to belong to "
                    "{code} {name}, as the one before"
                ).format(code=unit.code, name=unit.name),
            )
        if money_unit is None:
            raise ImportFault(
                self._filename,
                title.number + 1,
                _("expected the money unit after the table title, e.g. '单位：万元'"),
            )
        return unit, money_unit

    def _table_rows(self) -> tuple[list[Row], int]:
        """Rows up to the next table title, or the end of the file. Blank lines between
        rows (page breaks) do not end a table."""
        rows: list[Row] = []
        # The hottest loop of a dump's parsing: _peek and _advance written out, and a cell
        # is join_wraps'd only when it holds whitespace (any whitespace but the ASCII space
        # makes a string unprintable).
        lines, split_row, position = self._lines, self._split_row, self._position
        while position < len(lines):
            line = lines[position]
            text = line.text
            if not text:  # blank
                position += 1
                continue
            # A title ends in 表 and starts with a digit: test that before the regex.
            if text.rstrip().endswith("表") and TABLE_TITLE.match(join_wraps(text)):
                self._position = position
                return rows, line.number
            cells = split_row(line)
            if cells is None:
                break
            rows.append(
                Row(line, [c if " " not in c and c.isprintable() else join_wraps(c) for c in cells])
            )
            position += 1
        self._position = position
        end = self._peek()
        return rows, end.number if end else len(self._source_lines)

    # -- completeness -------------------------------------------------------------------

    def _check_toc(self, toc: list[TocEntry], projects: list[Project]) -> None:
        missing, unlisted = contents_disagreements(toc, projects)
        for entry in missing:
            self._report.warn(
                entry.line,
                _(
                    "the table of contents lists table {ordinal} '{title}' (page {page}) "
                    "but the document has no such table"
                ).format(ordinal=entry.ordinal, title=entry.title, page=entry.page),
            )
        for project in unlisted:
            self._report.warn(
                project.first_line,
                _("table {ordinal} '{title}' is not in the table of contents").format(
                    ordinal=project.ordinal, title=project.title
                ),
            )

    def _report_unread(self) -> None:
        used = self._used.through(self._reading.parts)
        furniture = self._reading.furniture
        blank = 0
        for line in self._source_lines:
            if not line.text.strip():
                blank += 1
            elif line.number not in used and line.number not in furniture:
                self._report.notes.append(_unread(line))
        self._report.lines_total = len(self._source_lines)
        self._report.lines_blank = blank
        self._report.lines_used = len(used)
        self._report.lines_furniture = len(furniture)


def _unread(line: Line) -> Note:
    shown = line.text if len(line.text) <= 80 else line.text[:77] + "…"
    return Note(line.number, "unread", _("not understood: {line!r}").format(line=shown))
