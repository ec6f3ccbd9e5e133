"""No internal link on the site is broken."""

import os
import re
import subprocess
from pathlib import Path

LINKINATOR = Path(__file__).resolve().parents[2] / "node_modules/.bin/linkinator"


def test_no_broken_internal_links(site, request):
    target, rewrite = str(site), []
    public = os.environ.get("SITE_URL", "").rstrip("/")
    if public:  # a production build links to its public address: check it locally
        local = request.getfixturevalue("server").url
        target = local + "/"
        rewrite = ["--url-rewrite-search", f"^{re.escape(public)}"]
        rewrite += ["--url-rewrite-replace", local]
    result = subprocess.run(
        [
            str(LINKINATOR),
            target,
            *rewrite,
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
