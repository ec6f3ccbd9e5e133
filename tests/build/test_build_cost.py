"""What a build pays for PDFs: WeasyPrint only when one is due, a pool only for two."""

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

CHECKLIST = "# Lijst {name}\n\nIntro.\n\n## Groep\n\n- [ ] Eerste taak\n"
POST = "Title: Post {n}\nDate: 2024-01-0{n} 10:00\nChecklist: {name}\n\nTekst.\n"
# One build in this process; reports whether the main process imported WeasyPrint,
# and whether it left the PDF's font set-up behind for the programs it starts later.
BUILD = """
import json, os, sys
from pelican import Pelican
from pelican.settings import read_settings
settings = read_settings(sys.argv[1], override=json.loads(sys.argv[2]))
Pelican(settings).run()
print(json.dumps({"weasyprint": "weasyprint" in sys.modules,
                  "fontconfig": os.environ.get("FONTCONFIG_FILE")}))
"""


def build(tmp_path: Path, checklists: list[str]) -> dict:
    content = tmp_path / "content"
    for n, name in enumerate(checklists, start=1):
        for folder, text in (("checklists", CHECKLIST), ("posts", POST)):
            path = (
                content
                / folder
                / (f"{name}.md" if folder == "checklists" else f"p{n}.md")
            )
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text.format(name=name, n=n), encoding="utf-8")
    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(tmp_path / "output"),
        "CACHE_PATH": str(tmp_path / "cache"),
        "CHECKLIST_DEFAULT": checklists[0],
        "WORKSHEET_DEFAULT": "none",
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            BUILD,
            str(ROOT / "pelicanconf.py"),
            json.dumps(overrides),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_one_pdf_renders_in_the_build_and_a_cached_one_needs_no_weasyprint(tmp_path):
    # No worker process; and Chromium, started later by this process, would find
    # no fonts with the PDF's font configuration.
    assert build(tmp_path, ["een"]) == {"weasyprint": True, "fontconfig": None}
    assert (tmp_path / "output/checklists/een.pdf").read_bytes()[:5] == b"%PDF-"
    assert build(tmp_path, ["een"]) == {"weasyprint": False, "fontconfig": None}
    assert (tmp_path / "output/checklists/een.pdf").read_bytes()[:5] == b"%PDF-"


def test_two_pdfs_render_in_worker_processes(tmp_path):
    assert build(tmp_path, ["een", "twee"]) == {"weasyprint": False, "fontconfig": None}
    for name in ("een", "twee"):
        assert (tmp_path / f"output/checklists/{name}.pdf").read_bytes()[:5] == b"%PDF-"
