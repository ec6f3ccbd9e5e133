"""The Nu Html Checker (vnu-jar from npm), run once over many files."""

import json
import subprocess
from pathlib import Path

from authoring.gates import tools


def vnu_errors(files: list[Path], css: bool = False) -> list[str]:
    """Every error the checker finds, as "file:line: message"."""
    assert files, "nothing to check"
    command = [*tools.vnu(), "--errors-only"]
    command += ["--also-check-css"] if css else []
    result = subprocess.run(
        [*command, "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{m.get('url', '?').removeprefix('file:')}:{m.get('lastLine', '?')}: "
        f"{m['message']}"
        for m in messages
    ]
    assert errors or result.returncode == 0, result.stdout + result.stderr
    return errors
