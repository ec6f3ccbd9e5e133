"""Screenshots of every page type for review: 390, 768 and 1366 px, light and dark.

Builds the test site (content plus tests/fixtures/posts), serves it with the strict
CSP, and writes full-page PNGs and an index.html to compare them side by side.
Run with `invoke screenshots`.
"""

import html
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.conftest import (  # noqa: E402
    CHROMIUM_FLAGS,
    TEST_OVERRIDES,
    build_site,
    copy_content,
)
from tests.support.server import SiteServer  # noqa: E402

PAGES = {
    "home": "/",
    "diensten": "/diensten/",
    "over-mij": "/over-mij/",
    "contact": "/contact/",
    "blog": "/blog/",
    "artikel": "/blog/dilemmas/",
    "artikel-lange-inhoud": "/blog/lange-inhoud/",
    "artikel-gastauteur": "/blog/gastpost-engels/",
    "tag": "/blog/tag/planning/",
    "archief": "/blog/archief/",
    "zoeken": "/zoeken/",
    "privacy": "/privacy/",
    "404": "/bestaat-niet/",
}
WIDTHS = (390, 768, 1366)
SCHEMES = ("light", "dark")


def fill_in_worksheet(page) -> None:
    """Answers a reader might give, so the filled-in worksheet can be judged."""
    page.fill("#ws-doelen-1-doel", "Twee nieuwe stallen als klant binnen een jaar")
    page.fill("#ws-doelen-1-deadline", "2027-06-30")
    page.fill("#ws-afleidingen-1-taak", "Facturen en betalingsherinneringen")
    page.fill("#ws-uurtarief", "45")
    page.fill("#ws-uren_per_klant", "4")
    page.locator("#ws-uren_per_klant").blur()


def shoot(site: Path, target: Path) -> list[tuple[str, int, str, str]]:
    shots = []
    with SiteServer(site) as server, sync_playwright() as play:
        browser = play.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS
        )
        for scheme in SCHEMES:
            for width in WIDTHS:
                page = browser.new_page(
                    viewport={"width": width, "height": 900}, color_scheme=scheme
                )
                jobs = [*PAGES.items(), ("artikel-werkblad", "/blog/dilemmas/")]
                for name, path in jobs:
                    page.goto(server.url + path)
                    if name == "artikel-werkblad":
                        fill_in_worksheet(page)
                        page.locator("#werkblad").scroll_into_view_if_needed()
                    file = f"{name}-{width}-{scheme}.png"
                    page.screenshot(path=str(target / file), full_page=True)
                    shots.append((name, width, scheme, file))
                page.close()
        browser.close()
    return shots


def index(shots, target: Path) -> None:
    rows = []
    for name in [*PAGES, "artikel-werkblad"]:
        cells = "".join(
            f'<figure><a href="{f}"><img src="{f}" width="{min(w, 420)}" alt=""></a>'
            f"<figcaption>{w} px, {s}</figcaption></figure>"
            for n, w, s, f in shots
            if n == name
        )
        rows.append(
            f"<section><h2>{html.escape(name)}</h2><div>{cells}</div></section>"
        )
    (target / "index.html").write_text(
        "<!doctype html><meta charset=utf-8><title>Screenshots</title>"
        "<style>div{display:flex;gap:1rem;overflow-x:auto;align-items:flex-start}"
        "img{border:1px solid #ccc}</style>" + "".join(rows),
        "utf-8",
    )


def main(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as work:
        output = Path(work) / "output"
        result = build_site(
            copy_content(Path(work)), output, "pelicanconf.py", *TEST_OVERRIDES
        )
        if result.returncode:
            raise SystemExit(result.stdout + result.stderr)
        index(shoot(output, target), target)
    return target / "index.html"


if __name__ == "__main__":
    print(main(ROOT / "screenshots"))
