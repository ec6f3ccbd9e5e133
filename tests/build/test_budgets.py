"""The article page stays within the byte budgets of the design (phone, compressed).

Sizes are gzip at level 6: every host we target serves gzip (GitHub Pages serves
nothing else), and gzip is larger than brotli, so a page within budget in gzip is
within budget everywhere.
"""

from benchmarks.pageweight import PageWeight, gzipped, is_article, weigh

ARTICLE_BUDGET = 30 * 1024  # HTML + CSS + JS, images excluded
# The worksheet's own module. The store it imports is shared with the checklist on the
# same page, so it counts in the page budget above, not here.
WORKSHEET_BUDGET = 6 * 1024


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


def test_an_article_page_renders_after_two_requests(site):
    for weight in article_weights(site):
        assert weight.requests_before_render == 2, (weight.page, weight.blocking)
        assert len(weight.stylesheets) >= 1


def test_the_worksheet_script_is_at_most_6_kb_compressed(site):
    scripts = {s for w in article_weights(site) for s in w.scripts if "worksheet" in s}
    assert scripts, "no article loads the worksheet script"
    for script in scripts:
        size = gzipped((site / script).read_bytes())
        assert size <= WORKSHEET_BUDGET, f"{script}: {size} bytes gzip"
