"""Run the project's invoke tasks as the author does."""

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def invoke(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """`invoke *args` in `cwd` (the project, or a copy of it), output captured."""
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args], cwd=cwd, capture_output=True, text=True
    )
