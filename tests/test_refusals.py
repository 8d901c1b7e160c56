"""Texts jixiao cannot read are refused with what to do instead (exit 2): `pdftotext`
output without `-layout`, and a document's cover and contents without its tables."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from jixiao.importers import ImportFault, province
from jixiao.importers.refusals import (
    columns_one_after_another,
    contents_without_tables,
    not_targets_refusal,
)
from jixiao.importers.sniffing import hebei_template
from jixiao.tui.cli import main
from tests.conftest import SAMPLE_LINES, SAMPLE_TEXT, parse_text
from tests.renderings import FIXTURES

RENDERED = FIXTURES / "variants" / "a4.pdf"


@pytest.fixture(scope="module")
def plain_pdftotext(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`pdftotext` without -layout of a LibreOffice PDF (make test installs poppler-utils)."""
    program = shutil.which("pdftotext")
    if program is None:
        pytest.skip("pdftotext is not installed (make test installs poppler-utils)")
    out = tmp_path_factory.mktemp("plain") / "variants.txt"
    subprocess.run([program, str(RENDERED), str(out)], check=True)
    return out


class TestTextWithoutLayout:
    def test_is_refused_naming_the_command_that_keeps_the_columns(self, plain_pdftotext):
        with pytest.raises(ImportFault) as caught:
            parse_text(plain_pdftotext.read_text(encoding="utf-8"), "variants.txt")
        assert "pdftotext -layout" in str(caught.value)
        assert "import the PDF itself" in str(caught.value)

    def test_exit_code_2_from_the_command_line(self, plain_pdftotext, tmp_path, capsys):
        code = main(["--db", str(tmp_path / "s.db"), "import", str(plain_pdftotext)])
        assert code == 2
        assert "without `-layout`" in capsys.readouterr().err

    @pytest.mark.parametrize(
        "name", ["reference.txt", "a4-layout.txt", "writer-text.txt", "calc-tab.txt"]
    )
    def test_texts_that_keep_their_rows_are_not_taken_for_it(self, name):
        text = (FIXTURES / "sample" / name).read_text(encoding="utf-8-sig")
        assert not columns_one_after_another(text)

    def test_one_label_broken_by_a_narrow_column_is_not_enough(self):
        """A dump may wrap one long label ("指标值确定依" / "据"); the others stay whole."""
        text = SAMPLE_TEXT.replace("\t", "\n").replace("指标值确定 依据", "指标值确定\n依据")
        assert not columns_one_after_another(text)


class TestCoverAndContentsOnly:
    def test_says_how_many_tables_the_contents_list(self):
        first_pages = "\n".join(SAMPLE_LINES[:60])
        with pytest.raises(ImportFault) as caught:
            parse_text(first_pages, "cover.txt")
        message = str(caught.value)
        assert "listing 35 project table(s)" in message
        assert "Import the whole document" in message

    def test_a_text_with_tables_is_not_taken_for_it(self):
        assert contents_without_tables(SAMPLE_TEXT) == 0

    def test_other_text_is_still_an_unknown_layout(self):
        with pytest.raises(ImportFault) as caught:
            parse_text("会议纪要\n一、会议时间\n二、会议内容\n", "minutes.txt")
        assert "unknown layout" in str(caught.value)


class TestHebeisTemplateIsNeverAnotherKind:
    """Hebei's rows (项目编码, 预算规模) are found as written, else in the text reduced as
    labels are (NFKC, no whitespace): a name a wrap split is still Hebei's."""

    SCORED = "\n一级指标\t二级指标\t分值\t得分\n"

    @pytest.mark.parametrize(
        "rows", ["项目编码\t1\n预算规模\t2", "项目 编码\t1\n预算规\u3000模\t2", "项目编码\t1"]
    )
    def test_found_as_written_or_reduced(self, rows):
        text = rows + self.SCORED
        hebei = "预算规模" in "".join(rows.split())
        assert hebei_template(text) is hebei
        assert (not_targets_refusal(text) is None) is hebei  # else: an evaluation table
        assert (province.sniff(text) == 0.0) is hebei
