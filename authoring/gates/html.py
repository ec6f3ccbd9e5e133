"""The HTML gate: the Nu Html Checker (vnu-jar), once over every chosen page and the
stylesheets, read from its own JSON. It runs in the background (`start`) while the
browser gate works, and is read when that is done (`findings`)."""

import json
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import Finding, tools


def start(site: Path, pages: list[str], root: Path = tools.ROOT) -> subprocess.Popen:
    """Start the checker on `pages` (paths in `site`) and every stylesheet."""
    files = [site / page for page in pages]
    files += sorted((site / "theme").rglob("*.css"))
    command = [*tools.vnu(root), "--errors-only", "--also-check-css"]
    return subprocess.Popen(
        [*command, "--format", "json", *map(str, files)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def findings(process: subprocess.Popen, site: Path) -> list[Finding]:
    """What the checker started by `start` found, one finding per message."""
    out, err = process.communicate()
    failed = f"the Nu Html Checker failed: {out[-500:]}{err[-500:]}"
    try:
        messages = json.loads(err or '{"messages": []}')["messages"]
    except (ValueError, KeyError):
        raise RuntimeError(failed) from None
    found = []
    for message in messages:
        path = Path(unquote(urlsplit(message.get("url", "")).path))
        page = path.relative_to(site).as_posix() if path.is_relative_to(site) else ""
        line = message.get("lastLine") or message.get("firstLine") or 0
        detail = {"detail": message.get("message", ""), "html": message.get("extract")}
        found.append(Finding("html-invalid", page, line, detail))
    if process.returncode and not found:
        raise RuntimeError(failed)
    return found
