"""No internal link or source on the site is broken and every link has text, as
`invoke publish` checks it (authoring/gates/links.py): on the production build, whose
links use the public address. (Drafts, previewed only, are not published.)"""

from authoring.gates.links import check_links
from tests.publish.hosting import PUBLIC


def test_no_broken_internal_links(production_site):
    assert [str(finding) for finding in check_links(production_site, PUBLIC)] == []


def test_a_broken_link_and_a_link_without_text_are_found(tmp_path):
    site = tmp_path / "site"
    (site / "blog/post").mkdir(parents=True)
    (site / "blog/post/index.html").write_text(
        '<p><a href="../weg/">x</a> <a href="https://x.nl/a"></a>\n'
        f'<a href="{PUBLIC}/blog/post/"><img src="foto.jpg" alt="Een paard"></a>\n'
        '<img srcset="/a.webp 480w, ../post/ 960w" alt="">',
        encoding="utf-8",
    )
    found = [str(finding) for finding in check_links(site, PUBLIC)]
    assert found == [
        "blog/post/index.html:1: link-broken (url=../weg/)",
        "blog/post/index.html:2: link-broken (url=foto.jpg)",
        "blog/post/index.html:3: link-broken (url=/a.webp)",
        "blog/post/index.html:1: link-without-text (url=https://x.nl/a)",
    ]
