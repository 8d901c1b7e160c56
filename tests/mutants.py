"""Seeded mutations of the sample and its office renderings, for the fuzz test
(tests/test_fuzz.py) and benchmarks/fuzz.py.

A mutant is named by a seed and a number: `make_mutant(seed, number)` makes the same bytes
and the same recipe (what was done to which line or byte) every time, on any machine, so a
failure is replayed from its file name alone:

    .venv/bin/python -m tests.mutants SEED NUMBER [OUT_FOLDER]

writes that mutant and prints its recipe. Pure Python and the standard library: no pytest,
no store, so that the benchmark can use it too.
"""

from __future__ import annotations

import io
import random
import re
import sys
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RENDERINGS = ROOT / "tests" / "fixtures" / "renderings" / "sample"


@dataclass(frozen=True)
class Base:
    """A rendering of the sample that mutants are made from. separator: how its table rows
    split into cells ("\\t", ","), or None where a row is not one line (pdftotext -layout,
    one cell a line); binary: an office file or a PDF, mutated as bytes (and, for the ZIP
    formats, inside its XML)."""

    path: Path
    weight: int
    separator: str | None = None
    binary: bool = False

    @property
    def name(self) -> str:
        return self.path.name


BASES = (
    Base(ROOT / "docs" / "samples" / "julu-zuzhibu-2024-draft.txt", 55, "\t"),
    Base(RENDERINGS / "a4-layout.txt", 10),
    Base(RENDERINGS / "calc.csv", 8, ","),
    Base(RENDERINGS / "writer-text.txt", 8),
    Base(RENDERINGS / "calc.xlsx", 6, binary=True),
    Base(RENDERINGS / "libreoffice.docx", 6, binary=True),
    Base(RENDERINGS / "document.odt", 6, binary=True),
    Base(RENDERINGS / "a4.pdf", 1, binary=True),
)
"""Mostly the tab-separated sample (fast to read, the template's every row); each office
rendering often enough to be met in a few hundred mutants. PDFs are rare: reading one takes
a second."""

ODD_NUMBERS = (
    "1e309", "1e30", "1E5", "９９", "１６．８０", "1,000.00", "１,０００.００", "1,00", "NaN",
    "Infinity", "-0", "-16.80", "+5", "0.001", "16.80.1", "12345678901234567890123456",
    "9" * 40, "٣", "0x10", "", " ",
)  # fmt: skip
"""Amounts a document may hold by mistake or malice: exponents, overflow, other digits and
scripts, separators, signs, finer than a 分, empty."""

CONTROLS = (
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x7f", "\x85", "\x9b2J", "\x1b[2J",
    "\x1b]0;pwned\x07", "\x1b]52;c;cHduZWQ=\x07", "\x1b[31m", "\r",
)  # fmt: skip
BIDI = ("\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f", "\u061c")
OTHER_HOSTILE = ("\u200b", "\ufeff", "[bold red]x[/]", '=HYPERLINK("http://x","y")', "@SUM(1)")
HOSTILE = CONTROLS + BIDI + OTHER_HOSTILE

ENCODINGS = (
    ("utf-8", 50), ("gb18030", 15), ("utf-16", 10), ("utf-8-sig", 10),
    ("two UTF-8 BOMs", 5), ("gb18030 after a UTF-8 BOM", 5), ("utf-16 after a UTF-8 BOM", 2),
)  # fmt: skip
"""Python's "utf-16" writes a BOM. The BOM-before-another-encoding cases are what editors and
old converters produce."""

NUMBER = re.compile(r"\d+(?:[.,]\d+)*%?")
AMOUNT = re.compile(r"\d+\.\d\d\b")


@dataclass(frozen=True)
class Mutant:
    seed: int
    number: int
    base: str
    data: bytes
    recipe: tuple[str, ...]

    @property
    def filename(self) -> str:
        """Seed, number and base: enough to make it again (`python -m tests.mutants`)."""
        stem, _, suffix = self.base.rpartition(".")
        return f"s{self.seed}-{self.number:05d}-{stem}.{suffix}"

    def describe(self) -> str:
        return f"mutant {self.seed}:{self.number} of {self.base}: " + "; ".join(self.recipe)


def make_mutant(seed: int, number: int) -> Mutant:
    rng = random.Random(f"jixiao-fuzz/{seed}/{number}")
    base = rng.choices(BASES, weights=[b.weight for b in BASES])[0]
    recipe: list[str] = []
    if base.binary:
        data = _mutate_binary(rng, base, base_bytes(base.path), recipe)
    else:
        data = _mutate_text(rng, base, base_text(base.path), recipe)
    return Mutant(seed, number, base.name, data, tuple(recipe))


def unmutated(seed: int, number: int) -> tuple[str, bytes]:
    """The base mutant `number` is made from, unmutated: the reference for a rate. A text
    ends in 16 blank lines, empty or a space, spelling `number` in binary, so that each is a
    new revision (written, as a mutant is) rather than `unchanged`; a binary file is the
    same bytes each time."""
    rng = random.Random(f"jixiao-fuzz/{seed}/{number}")
    base = rng.choices(BASES, weights=[b.weight for b in BASES])[0]
    data = base_bytes(base.path)
    if not base.binary:
        data += b"".join(b" \n" if number >> bit & 1 else b"\n" for bit in range(16))
    stem, _, suffix = base.name.rpartition(".")
    return f"u{seed}-{number:05d}-{stem}.{suffix}", data


@cache
def base_bytes(path: Path) -> bytes:
    return path.read_bytes()


@cache
def base_text(path: Path) -> str:
    return base_bytes(path).decode("utf-8-sig").replace("\r\n", "\n")


# -- text ------------------------------------------------------------------------------


def _mutate_text(rng: random.Random, base: Base, text: str, recipe: list[str]) -> bytes:
    lines = text.split("\n")
    for _ in range(rng.choices((1, 2, 3), weights=(6, 3, 1))[0]):
        operation = rng.choices(_LINE_OPERATIONS, weights=[w for _, w in _LINE_OPERATIONS])[0][0]
        operation(rng, base, lines, recipe)
    if rng.random() < 0.2:
        recipe.append("CRLF line ends")
        newline = "\r\n"
    else:
        newline = "\n"
    data = _encode(rng, newline.join(lines), recipe)
    return _mutate_bytes(rng, data, recipe, chance=0.12)


def _delete_lines(rng: random.Random, base: Base, lines: list[str], recipe: list[str]) -> None:
    i = rng.randrange(len(lines))
    count = rng.choice((1, 1, 1, 2, 5))
    del lines[i : i + count]
    recipe.append(f"deleted {count} line(s) from line {i + 1}")


def _duplicate_lines(rng: random.Random, base: Base, lines: list[str], recipe: list[str]) -> None:
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    count = rng.choice((1, 1, 1, 3, 12, 40))  # 12 and 40: a table or a page pasted twice
    lines[j:j] = lines[i : i + count]
    recipe.append(f"copied {count} line(s) from line {i + 1} before line {j + 1}")


def _swap_lines(rng: random.Random, base: Base, lines: list[str], recipe: list[str]) -> None:
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    recipe.append(f"swapped lines {i + 1} and {j + 1}")


def _odd_number(rng: random.Random, base: Base, lines: list[str], recipe: list[str]) -> None:
    """A number (most often an amount such as 16.80) replaced by an odd one; in a delimited
    text, sometimes the whole cell."""
    odd = rng.choice(ODD_NUMBERS)
    amounts = [i for i, line in enumerate(lines) if AMOUNT.search(line)]
    numbers = [i for i, line in enumerate(lines) if NUMBER.search(line)]
    i = rng.choice(amounts if amounts and rng.random() < 0.7 else numbers)
    line = lines[i]
    if base.separator and rng.random() < 0.3:
        cells = line.split(base.separator)
        k = rng.randrange(len(cells))
        recipe.append(f"cell {k + 1} of line {i + 1} {cells[k]!r} → {odd!r}")
        cells[k] = odd
        lines[i] = base.separator.join(cells)
        return
    found = list(NUMBER.finditer(line))
    match = rng.choice(found)
    recipe.append(f"number {match.group()!r} on line {i + 1} → {odd!r}")
    lines[i] = line[: match.start()] + odd + line[match.end() :]


def _hostile_text(rng: random.Random, base: Base, lines: list[str], recipe: list[str]) -> None:
    """A control character, an escape sequence, a bidi control, markup or a formula put
    into a line."""
    hostile = rng.choice(HOSTILE)
    i = rng.randrange(len(lines))
    at = rng.randint(0, len(lines[i]))
    lines[i] = lines[i][:at] + hostile + lines[i][at:]
    recipe.append(f"inserted {hostile!r} into line {i + 1} at column {at + 1}")


_LINE_OPERATIONS = (
    (_delete_lines, 3),
    (_duplicate_lines, 3),
    (_swap_lines, 2),
    (_odd_number, 4),
    (_hostile_text, 3),
)


def _encode(rng: random.Random, text: str, recipe: list[str]) -> bytes:
    encoding = rng.choices([e for e, _ in ENCODINGS], weights=[w for _, w in ENCODINGS])[0]
    recipe.append(f"encoded {encoding}")
    bom = "\ufeff".encode()
    if encoding == "two UTF-8 BOMs":
        return bom * 2 + text.encode("utf-8")
    if encoding.endswith(" after a UTF-8 BOM"):
        return bom + text.encode(encoding.split()[0])
    return text.encode(encoding)


# -- bytes -------------------------------------------------------------------------------


def _mutate_bytes(rng: random.Random, data: bytes, recipe: list[str], chance: float) -> bytes:
    """Byte flips, NUL bytes and a cut, each now and then: damage in transit or on disk."""
    if rng.random() < chance:
        flipped = bytearray(data)
        places = sorted(rng.randrange(len(flipped)) for _ in range(rng.randint(1, 8)))
        for at in places:
            flipped[at] = rng.randrange(256)
        data = bytes(flipped)
        recipe.append(f"flipped bytes at {', '.join(map(str, places))}")
    if rng.random() < chance / 4:
        at = rng.randrange(len(data) + 1)
        data = data[:at] + b"\x00" * rng.randint(1, 3) + data[at:]
        recipe.append(f"NUL bytes at byte {at}")
    if rng.random() < chance / 2:
        at = rng.randrange(len(data) + 1)
        data = data[:at]
        recipe.append(f"cut after byte {at}")
    return data


def _mutate_binary(rng: random.Random, base: Base, data: bytes, recipe: list[str]) -> bytes:
    if data.startswith(b"PK") and rng.random() < 0.6:
        data = _mutate_zip(rng, data, recipe)
        return _mutate_bytes(rng, data, recipe, chance=0.1)
    return _mutate_bytes(rng, data, recipe, chance=1.0)


ROW_ELEMENT = re.compile(r"<(w:tr|row|table:table-row)\b[^>]*?(?:/>|>.*?</\1>)", re.S)
TEXT_NODE = re.compile(r">([^<]+)<")


def _mutate_zip(rng: random.Random, data: bytes, recipe: list[str]) -> bytes:
    """An office file (xlsx, docx, odt) changed inside: its main XML part's table rows
    deleted, copied or swapped, a number replaced by an odd one, or hostile text put in."""
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = [info for info in source.infolist() if info.filename.endswith(".xml")]
    part = max(parts, key=lambda info: info.file_size)
    xml = source.read(part).decode("utf-8")
    for _ in range(rng.randint(1, 3)):
        xml = _mutate_xml(rng, xml, part.filename, recipe)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = xml.encode("utf-8") if info is part else source.read(info)
            target.writestr(info, content, compress_type=info.compress_type)
    return out.getvalue()


def _mutate_xml(rng: random.Random, xml: str, part: str, recipe: list[str]) -> str:
    kind = rng.choice(("row", "row", "number", "number", "hostile"))
    rows = list(ROW_ELEMENT.finditer(xml)) if kind == "row" else []
    if rows:
        first, second = rng.choice(rows), rng.choice(rows)
        action = rng.choice(("deleted", "copied", "swapped"))
        recipe.append(f"{part}: {action} table rows at characters {first.start()}"
                      + (f" and {second.start()}" if action == "swapped" else ""))  # fmt: skip
        if action == "deleted":
            return xml[: first.start()] + xml[first.end() :]
        if action == "copied":
            return xml[: second.start()] + first.group() + xml[second.start() :]
        if first.start() == second.start():
            return xml
        a, b = sorted((first, second), key=lambda m: m.start())
        return (xml[: a.start()] + b.group() + xml[a.end() : b.start()] + a.group()
                + xml[b.end() :])  # fmt: skip
    nodes = [m for m in TEXT_NODE.finditer(xml) if NUMBER.search(m.group(1))]
    if kind == "hostile" or not nodes:
        hostile = rng.choice(HOSTILE)
        node = rng.choice(list(TEXT_NODE.finditer(xml)))
        recipe.append(f"{part}: inserted {hostile!r} into the text at character {node.start()}")
        escaped = hostile.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return xml[: node.start(1)] + escaped + xml[node.start(1) :]
    node = rng.choice(nodes)
    match = rng.choice(list(NUMBER.finditer(node.group(1))))
    odd = rng.choice(ODD_NUMBERS)
    recipe.append(f"{part}: number {match.group()!r} at character {node.start()} → {odd!r}")
    at = node.start(1)
    return xml[: at + match.start()] + odd + xml[at + match.end() :]


def main(argv: list[str]) -> None:
    if len(argv) not in (2, 3):
        sys.exit("usage: python -m tests.mutants SEED NUMBER [OUT_FOLDER]")
    mutant = make_mutant(int(argv[0]), int(argv[1]))
    folder = Path(argv[2]) if len(argv) == 3 else Path()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / mutant.filename).write_bytes(mutant.data)
    print(folder / mutant.filename)
    print(mutant.describe())


if __name__ == "__main__":
    main(sys.argv[1:])
