"""Every built page and stylesheet passes the Nu Html Checker with zero errors."""

from tests.support.vnu import vnu_errors


def test_every_page_and_stylesheet_is_valid(site):
    pages = sorted(site.rglob("*.html"))
    assert pages, "the build produced no HTML"
    stylesheets = sorted((site / "theme").rglob("*.css"))
    assert stylesheets, "the build produced no stylesheet"
    errors = [e.removeprefix(str(site)) for e in vnu_errors(pages + stylesheets, True)]
    assert errors == [], "\n".join(errors)
