"""Every built page and stylesheet passes the Nu Html Checker with zero errors."""

import json
import shutil
import subprocess
from pathlib import Path

VNU = Path(__file__).resolve().parents[2] / "node_modules/vnu-jar/build/dist/vnu.jar"


def test_every_page_and_stylesheet_is_valid(site):
    pages = sorted(str(p) for p in site.rglob("*.html"))
    assert pages, "the build produced no HTML"
    stylesheets = sorted(str(p) for p in (site / "theme").rglob("*.css"))
    assert stylesheets, "the build produced no stylesheet"
    command = [shutil.which("java"), "-jar", str(VNU), "--errors-only"]
    result = subprocess.run(
        [*command, "--also-check-css", "--format", "json", *pages, *stylesheets],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    report = [
        f"{m.get('url', '?').removeprefix('file:' + str(site))}:"
        f"{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
    ]
    assert report == [], "\n".join(report)
    assert result.returncode == 0
