"""Every article ends with the three newest other posts, newest first."""

from tests.support.html import soup, text_of


def test_each_article_lists_the_three_newest_other_posts(site):
    articles = {}
    for path in sorted((site / "blog").glob("*/index.html")):
        page = soup(path)
        if page.select_one('meta[property="og:type"][content="article"]'):
            published = page.select_one(".post-meta time")["datetime"]
            articles[path.parent.name] = (published, page)
    assert len(articles) >= 4, "the test site needs at least four posts"
    newest_first = sorted(articles, key=lambda slug: articles[slug][0], reverse=True)
    for slug, (_, page) in articles.items():
        links = page.select(".recent-posts li a")
        shown = [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in links]
        expected = [other for other in newest_first if other != slug][:3]
        assert shown == expected, f"{slug}: {[text_of(a) for a in links]}"
