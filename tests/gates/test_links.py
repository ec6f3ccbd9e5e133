"""No internal link on the site is broken."""

import subprocess
from pathlib import Path

LINKINATOR = Path(__file__).resolve().parents[2] / "node_modules/.bin/linkinator"


def test_no_broken_internal_links(site):
    result = subprocess.run(
        [
            str(LINKINATOR),
            str(site),
            "--recurse",
            "--skip",
            r"^(?!https?://(localhost|127\.0\.0\.1))[a-z]+:",
            "--format",
            "csv",
        ],
        capture_output=True,
        text=True,
    )
    broken = [line for line in result.stdout.splitlines() if ",BROKEN," in line]
    assert result.returncode == 0 and not broken, result.stdout[-3000:] + result.stderr
