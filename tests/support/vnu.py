"""The Nu Html Checker (vnu-jar from npm), run once over many files."""

import json
import shutil
import subprocess
from pathlib import Path

VNU = Path(__file__).resolve().parents[2] / "node_modules/vnu-jar/build/dist/vnu.jar"


def vnu_errors(files: list[Path], css: bool = False) -> list[str]:
    """Every error the checker finds, as "file:line: message"."""
    assert files, "nothing to check"
    command = [shutil.which("java"), "-jar", str(VNU), "--errors-only"]
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
