"""The bundled sample document (docs/samples/ in the source tree, which `make install`
installs in place), offered by the welcome screen."""

from __future__ import annotations

from pathlib import Path

SAMPLE_PATH = (
    Path(__file__).resolve().parent.parent / "docs" / "samples" / "julu-zuzhibu-2024-draft.txt"
)
