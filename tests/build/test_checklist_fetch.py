"""The checklist PDF loads files of the site only: a web address or another file in a
checklist stops the build at the checklist's line."""

from pathlib import Path

import pytest
from embeds.fetch import ASSETS, url_fetcher

from authoring.messages import run_pelican
from tests.conftest import ROOT, build_site

POST = "Title: Post\nDate: 2024-01-01 10:00\nChecklist: lijst\n\nTekst.\n"
CHECKLIST = "# Lijst\n\nIntro.\n\n## Groep\n\n- [ ] Eerste taak\n- [ ] {item}\n"


DEFAULTS = ['WORKSHEET_DEFAULT="none"', 'CHECKLIST_DEFAULT="lijst"']


def build(content: Path, output: Path):
    return build_site(content, output, "pelicanconf.py", *DEFAULTS)


def site_with(tmp_path: Path, item: str) -> Path:
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "checklists").mkdir()
    (content / "posts/post.md").write_text(POST, encoding="utf-8")
    (content / "checklists/lijst.md").write_text(
        CHECKLIST.format(item=item), encoding="utf-8"
    )
    return content


@pytest.mark.parametrize(
    "address",
    [
        "https://tracker.example/pixel.png",
        "/etc/hostname",
        "../../../../../../etc/hostname",
    ],
)
def test_an_address_outside_the_site_stops_the_build_at_its_line(tmp_path, address):
    content = site_with(tmp_path, f"Kijk ![plaatje]({address}) goed")
    told: list[str] = []
    args = [str(content), "-o", str(tmp_path / "output"), "-e", *DEFAULTS]
    assert run_pelican(ROOT / "pelicanconf.py", args, told.append) == 1
    assert told == [
        f"{content / 'checklists/lijst.md'}:8: fout: de pdf mag alleen bestanden van "
        f"de site tonen, niet '{address}' (haal de afbeelding weg; een foto zet je "
        "in de post zelf, boven of onder de checklist)"
    ]
    assert not (tmp_path / "output/checklists/lijst.pdf").exists()


def test_the_pdf_still_shows_the_site_logo(tmp_path):
    content = site_with(tmp_path, "Tweede taak")
    result = build(content, tmp_path / "output")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "output/checklists/lijst.pdf").read_bytes().startswith(b"%PDF")


def test_the_renderer_itself_loads_nothing_else():
    fetcher = url_fetcher((ASSETS.resolve(),))
    for address in ("file:///etc/hostname", "https://tracker.example/pixel.png"):
        with pytest.raises(ValueError, match="not loaded for a checklist PDF"):
            fetcher.fetch(address)
    stylesheet = (ASSETS / "checklist.css").resolve()
    response = fetcher.fetch(stylesheet.as_uri())
    assert response.read() == stylesheet.read_bytes()
    response.close()
