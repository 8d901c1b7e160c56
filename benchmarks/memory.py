"""Peak memory of importing a large text file (43 MB: the sample repeated; jixiao refuses text
dumps over 8 MB), whole process, next to a process that only reads the same file's bytes.

Target: < 200 MB. Prints peak resident sizes (ru_maxrss of each child) and their ratio. Not a
test. Run: `.venv/bin/python benchmarks/memory.py [--megabytes 43]`.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tui" / "samples" / "julu-zuzhibu-2024-draft.txt"
TARGET_MB = 200


def peak_mb(argv: list[str]) -> float:
    """Peak resident size of one child process, in MB (Linux reports ru_maxrss in KiB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if after <= before:  # ru_maxrss is the largest child so far: run the larger one first
        sys.exit("measure the larger process first (ru_maxrss keeps the maximum)")
    return after / 1024


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--megabytes", type=int, default=43)
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.txt"
        text = SAMPLE.read_bytes()
        big.write_bytes(text * (args.megabytes * 1_000_000 // len(text) + 1))
        jixiao = str(Path(sys.executable).parent / "jixiao")
        imported = peak_mb([jixiao, "--db", str(Path(folder) / "s.db"), "import", str(big)])
        # each child is measured on its own: the reference runs in a fresh interpreter
        reference = subprocess.run(
            [sys.executable, "-c", f"import resource; b = open({str(big)!r}, 'rb').read(); "
             "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        read_only = float(reference.stdout)
        size = big.stat().st_size / 1e6
    print(f"a {size:.0f} MB text file, peak resident memory of the whole process:")
    print(f"  reading its bytes     {read_only:6.0f} MB   (reference)")
    met = "met" if imported < TARGET_MB else "NOT met"
    print(
        f"  jixiao import         {imported:6.0f} MB   {imported / read_only:.1f}× the reference"
        f"  (target < {TARGET_MB} MB: {met})"
    )


if __name__ == "__main__":
    main()
