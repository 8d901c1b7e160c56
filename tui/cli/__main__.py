"""`python -m jixiao.tui.cli`: the command line without the console script (tests and
benchmarks run it so, with the interpreter they run under)."""

from __future__ import annotations

import sys

from jixiao.tui.cli import main

sys.exit(main())
