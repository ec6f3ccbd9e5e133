"""Every built page and stylesheet passes the Nu Html Checker with zero errors, as
`invoke publish` checks it (authoring/gates/html.py)."""

from authoring.gates import html


def test_every_page_and_stylesheet_is_valid(site):
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert pages, "the build produced no HTML"
    assert list((site / "theme").rglob("*.css")), "the build produced no stylesheet"
    assert [str(f) for f in html.findings(html.start(site, pages), site)] == []
