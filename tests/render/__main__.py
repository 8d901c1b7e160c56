"""Write the renderings of the sample into a folder: python -m tests.render OUT_DIR"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.render import render_sample


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: python -m tests.render OUT_DIR")
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    for kind, path in render_sample(folder).items():
        print(f"{kind:10} {path}")


if __name__ == "__main__":
    main()
