"""Keys for pairing across years: what stays when only the year moves on. The import stores
them (rows.py, migrations.py) and compare pairs by them, so they belong to neither."""

from __future__ import annotations

import re
import unicodedata

# "冀财社 2023 年 218 号" / "冀组发〔2018〕14 号": a document number names a year's file.
_DOCUMENT_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff])[〔\[【(]?\d{4}[〕\]】)]?年?\d+号")
_YEAR = re.compile(r"(?:19|20)\d{2}(?=年)")
_EIGHT_DIGITS = re.compile(r"\d{8}")


def normalize_name(name: str) -> str:
    """NFKC, no whitespace, years and document numbers masked: "2024 年度党刊征订费" →
    "#年度党刊征订费"; "冀财社 2023 年 218 号提前下达…" → "冀财社#号提前下达…"."""
    text = "".join(unicodedata.normalize("NFKC", name).split())
    text = _DOCUMENT_NUMBER.sub("#号", text)
    return _YEAR.sub("#", text)


def mask_code(code: str) -> str:
    """A project code with its year digits masked: 130529 is the county, the next two digits
    the year ("13052924P…" → "130529##P…"). Codes of another shape stay as they are."""
    return f"{code[:6]}##{code[8:]}" if _EIGHT_DIGITS.match(code) else code
