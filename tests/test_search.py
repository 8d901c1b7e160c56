"""Search over project names, goals and indicators, of one document or the whole store."""

from __future__ import annotations

import re
import unicodedata

import pytest

from jixiao.importers import Overrides
from jixiao.store.bulk_import import import_files
from jixiao.store.rows import prepare
from jixiao.store.save import save_document
from jixiao.store.search import search
from jixiao.store.search_tokens import _PUNCTUATION, bigram_tokens, bigram_tokens_of
from tests.conftest import parse_text, sample_with


@pytest.fixture
def two_documents(engine, sample) -> tuple[int, int]:
    first = save_document(engine, *sample).document_id
    other = parse_text(sample_with(("中共巨鹿县委组织部\n2024", "巨鹿县财政局\n2024")))
    return first, save_document(engine, *other).document_id


class TestSearch:
    def test_three_characters(self, engine, two_documents):
        first, _ = two_documents
        hits = search(engine, "征订费", first)
        assert {(h.kind, h.project_ordinal) for h in hits} == {
            ("project", 1),
            ("purpose", 1),  # 支付党刊征订费用。
            ("indicator", 1),
        }
        assert hits[0].project_name == "2024 年度党刊征订费"

    def test_two_characters(self, engine, two_documents):
        first, _ = two_documents
        hits = search(engine, "茶话", first)
        assert {h.project_ordinal for h in hits} == {4}
        assert {h.kind for h in hits} == {"project", "purpose", "goal", "indicator"}

    def test_one_character(self, engine, two_documents):
        first, _ = two_documents
        assert {h.project_ordinal for h in search(engine, "奖", first)} == {22}

    def test_the_whole_store(self, engine, two_documents):
        hits = search(engine, "巨好办")
        assert {h.department for h in hits} == {"中共巨鹿县委组织部", "巨鹿县财政局"}


class TestSearchTheWholeStore:
    """Store-wide search reads the bigram index; it must find exactly what a scan finds,
    for every query length, and page through the hits in import order."""

    @pytest.mark.parametrize(
        "query", ["奖", "费", "茶话", "经费", "征订费", "满意度", "APP", "app", "98%", "≥95%",
                  "巨好办 APP", "2024", "4", "党员"]
    )  # fmt: skip
    def test_the_index_finds_what_a_scan_finds(self, engine, two_documents, query):
        with engine.connect() as connection:
            scanned = [
                row_id
                for row_id, text in connection.exec_driver_sql(
                    "SELECT id, text FROM search_text ORDER BY id"
                )
                if query.casefold() in text.casefold()
            ]
        assert scanned, "a query that finds nothing tests nothing"
        assert [hit.id for hit in search(engine, query, limit=100_000)] == scanned

    def test_a_word_that_ends_a_text_is_found(self, engine, two_documents):
        # "经费" ends many project names: the last bigram of a text must be indexed.
        ends = [hit.text for hit in search(engine, "经费") if hit.text.endswith("经费")]
        assert ends

    def test_pages_follow_on_without_gaps(self, engine, two_documents):
        everything = search(engine, "满意度", limit=100_000)
        pages, after = [], 0
        while page := search(engine, "满意度", limit=7, after=after):
            pages.extend(page)
            after = page[-1].id
        assert pages == everything
        assert len(everything) > 14

    def test_department_goals_are_searched_too(self, engine, two_documents):
        first, _ = two_documents
        hits = search(engine, "风清气正", first)
        assert [(h.kind, h.project_id) for h in hits] == [("department_goal", None)]

    @pytest.mark.parametrize("query", ['"', "_", "a AND b", "NEAR(", "*", "1 OR 1"])
    def test_query_syntax_is_taken_literally(self, engine, two_documents, query):
        assert search(engine, query) == []

    def test_a_percent_sign_is_a_percent_sign(self, engine, two_documents):
        first, _ = two_documents
        hits = search(engine, "%", first)
        assert hits
        assert all("%" in hit.text for hit in hits)
        with engine.connect() as connection:
            rows = connection.exec_driver_sql(
                "SELECT count(*) FROM search_text WHERE document_id = ?", (first,)
            ).scalar_one()
        assert len(hits) < rows  # a wildcard would have matched every row

    def test_latin_text(self, engine, two_documents):
        first, _ = two_documents
        assert {h.project_ordinal for h in search(engine, "app", first)} == {34, 35}

    def test_empty_query(self, engine, two_documents):
        assert search(engine, "   ") == []


def _index_settings(engine) -> dict[str, int]:
    with engine.connect() as connection:
        return dict(connection.exec_driver_sql("SELECT k, v FROM search_fts_config").all())


def test_the_index_is_written_in_larger_pieces_than_fts5s_default(engine):
    # see store/search_index.py: the defaults slowed imports into a big store
    settings = _index_settings(engine)
    assert (settings["automerge"], settings["crisismerge"]) == (16, 64)
    assert settings["hashsize"] == 16 * 1024 * 1024


def test_an_import_brings_an_older_stores_settings_up_to_date(engine, tmp_path):
    with engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM search_fts_config WHERE k != 'version'")
    assert "hashsize" not in _index_settings(engine)
    sample = tmp_path / "sample.txt"
    sample.write_text(sample_with())
    import_files(engine, [sample], overrides=Overrides())
    assert _index_settings(engine)["hashsize"] == 16 * 1024 * 1024


def _reference_normalized(text: str) -> str:
    """The definition the index follows, written the slow and obvious way."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


def _reference_tokens(text: str) -> str:
    chars = _reference_normalized(text)
    return " ".join(chars[i : i + 2] for i in range(len(chars)))


class TestSearchTokens:
    """The tokens are made a document at a time by slicing bytes; they must be what the
    definition gives one text at a time."""

    def test_every_text_of_the_sample(self, sample):
        texts = [row[-1] for row in prepare(*sample).tables["search_text"][1]]
        assert len(texts) > 400
        assert bigram_tokens_of(texts) == [_reference_tokens(text) for text in texts]

    @pytest.mark.parametrize(
        "texts",
        [
            [],
            [""],
            ["", "经费"],  # an empty text first
            ["经费", "", ""],
            ["a", "ab", "A_b-c", "Straße", "ﬁ", "１２３", "①", "㈠", "e\u0301", " ", "≥95%"],
            ["x\x00y", "经费"],  # a NUL of its own: made one by one
            ["（一）办公经费：", "2024年·满意度≥95％"],
        ],
    )
    def test_unusual_texts(self, texts):
        assert bigram_tokens_of(texts) == [_reference_tokens(text) for text in texts]
        assert [bigram_tokens(text) for text in texts] == bigram_tokens_of(texts)

    def test_punctuation_dropped_early_changes_nothing(self):
        # Punctuation is dropped before NFKC (which is slow on it); that is only sound for
        # characters that are no letter or digit before or after NFKC and never combine
        # with a neighbour into a letter or digit under canonical composition.
        in_pairs = set()
        for code in range(0x110000):
            decomposition = unicodedata.decomposition(chr(code)).split()
            if (
                len(decomposition) == 2
                and not decomposition[0].startswith("<")
                and _reference_normalized(chr(code))
            ):
                in_pairs.update(chr(int(part, 16)) for part in decomposition)
        dropped = [chr(c) for c in range(0x110000) if _PUNCTUATION.fullmatch(chr(c))]
        assert len(dropped) > 700
        for char in dropped:
            assert _reference_normalized(char) == "", repr(char)
            assert unicodedata.combining(char) == 0, repr(char)
            assert char not in in_pairs, repr(char)
