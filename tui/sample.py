"""The bundled sample document, offered by the welcome screen. It is package data of
jixiao.tui (tui/samples/ in the repository; docs/samples/ links to it), read through
importlib.resources so that a wheel install finds it as a source checkout does."""

from __future__ import annotations

from importlib.resources import files

from jixiao.importers import ImportReport, ParsedDocument, parse_bytes

SAMPLE_NAME = "julu-zuzhibu-2024-draft.txt"


def parse_sample() -> tuple[ParsedDocument, ImportReport]:
    data = files("jixiao.tui").joinpath("samples", SAMPLE_NAME).read_bytes()
    return parse_bytes(data, SAMPLE_NAME)
