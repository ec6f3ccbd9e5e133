"""The article page stays within the byte budgets of the design (phone, compressed).

Sizes are gzip at level 6: every host we target serves gzip (GitHub Pages serves
nothing else), and gzip is larger than brotli, so a page within budget in gzip is
within budget everywhere.
"""

from benchmarks.pageweight import PageWeight, gzipped, is_article, weigh, with_imports

ARTICLE_BUDGET = 30 * 1024  # HTML + CSS + JS, images excluded
# The first round trip: ten TCP segments of 1460 bytes carry the article's HTML and
# the stylesheet in its head; fonts, the worksheet's rules and images come after.
FIRST_ROUND_TRIP = 14_600
# All the worksheet's JavaScript: worksheet.js and every module it imports, the
# storage module it shares with the checklist included (issue #15).
WORKSHEET_BUDGET = 8 * 1024


def article_weights(site) -> list[PageWeight]:
    pages = [p for p in sorted((site / "blog").glob("*/index.html")) if is_article(p)]
    assert len(pages) >= 2, "the test site has no articles to weigh"
    return [weigh(site, page) for page in pages]


def test_every_article_page_is_at_most_30_kb_compressed(site):
    for weight in article_weights(site):
        assert weight.stylesheets, f"{weight.page} loads no stylesheet"
        assert weight.total.gzip <= ARTICLE_BUDGET, (
            f"{weight.page}: {weight.total.gzip} bytes gzip "
            f"(HTML {weight.html.gzip}, CSS {weight.css.gzip}, JS {weight.js.gzip}) "
            f"over the budget of {ARTICLE_BUDGET}"
        )


def test_an_articles_html_and_blocking_css_fit_the_first_round_trip(site):
    for weight in article_weights(site):
        page = site / weight.page
        blocking = [page.parent / href for href in weight.blocking]
        assert all(path.suffix == ".css" for path in blocking), weight.blocking
        size = weight.html.gzip + sum(gzipped(p.read_bytes()) for p in blocking)
        assert size <= FIRST_ROUND_TRIP, f"{weight.page}: {size} bytes gzip"


def test_an_article_page_renders_after_two_requests(site):
    for weight in article_weights(site):
        assert weight.requests_before_render == 2, (weight.page, weight.blocking)
        assert len(weight.stylesheets) >= 1


def test_all_worksheet_javascript_is_within_its_budget_compressed(site):
    weights = [
        weight
        for weight in article_weights(site)
        if "data-worksheet" in (site / weight.page).read_text(encoding="utf-8")
    ]
    assert len(weights) >= 2, "the test site has no worksheets to weigh"
    for weight in weights:
        scripts = [site / s for s in weight.scripts]
        entry = [s for s in scripts if s.name.startswith("worksheet.")]
        assert entry, f"{weight.page} loads no worksheet script"
        modules = with_imports(site, entry)
        # numbers, formulas, storage, form, exports and the entry
        assert len(modules) >= 6, modules
        assert any(s.name.startswith("store.") for s in modules), modules
        size = sum(gzipped(s.read_bytes()) for s in modules)
        names = [s.name for s in modules]
        assert size <= WORKSHEET_BUDGET, f"{weight.page}: {names} {size} bytes gzip"
