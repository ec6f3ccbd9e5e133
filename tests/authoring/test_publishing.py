"""What the publish gates find, in Dutch, at the post the page was built from: which
line, what is wrong, what to do. And with a manifest of the last deploy, the gates
see what changed and one page of every shape, and still catch what one post broke."""

import shutil
from functools import partial
from pathlib import Path

import pytest
from pelican import Pelican

from authoring.gates import Finding, check, pages, words
from authoring.messages import dutch_build_log
from authoring.source import site_settings
from tests.conftest import ROOT, copy_content

# An image from another site: the build allows it, the browser gate does not.
REMOTE = "![Video](https://x.nl/v)"
TWICE = '<p id="inhoud">Dubbel.</p>'  # the id of the page's <main> as well
EMPTY_LINK = "Kijk [](https://www.knhs.nl/wedstrijden/) voor de wedstrijden."
BROKEN = "Lees ook [mijn tarieven](/blog/tarieven-2024/)."
# A link inside a disclosure's summary: two controls in one (axe: nested-interactive).
NESTED = '<details><summary><a href="/">Lees</a> meer</summary>Tekst.</details>'
BLOCK_IN_SPAN = "<span><div>blok</div></span>"
PRODUCTION = "publishconf.py"


def build(
    content: Path, site: Path, settings: str = "pelicanconf.py"
) -> dict[str, pages.Written]:
    """The site as the build writes it going on past its own findings (as `check`
    and the preview do): the gates must catch what reaches them anyway."""
    overrides = {"PATH": str(content), "OUTPUT_PATH": str(site)}
    with (
        pages.recorded_pages(site) as written,
        dutch_build_log(content, ROOT / settings),
    ):
        Pelican(site_settings(ROOT / settings, **overrides)).run()
    return written


def with_lines(post: Path, *lines: str) -> list[str]:
    """Put `lines` into a post after its first list item; the post's lines."""
    text = post.read_text(encoding="utf-8")
    added = "".join(f"\n{line}\n" for line in lines)
    text = text.replace("\n- Stel jezelf", f"{added}\n- Stel jezelf", 1)
    post.write_text(text, encoding="utf-8")
    return text.splitlines()


def gated(site: Path, written, choice, settings: str = "pelicanconf.py") -> list[str]:
    """The gates' lines for `site`, built from tmp_path/content."""
    from sitekit.security import content_security_policy

    values = site_settings(ROOT / settings)
    policy = partial(content_security_policy, values)
    found = check.run(site, values["SITEURL"], choice, policy, progress=lambda n: n)
    return [str(p) for p in words.problems(found, site, written, site.parent)]


def test_findings_without_a_post_name_the_built_page_in_dutch(tmp_path):
    found = [
        Finding("link-broken", "blog/index.html", 12, {"url": "/blog/weg/"}),
        Finding("csp", "tag/x/index.html", 0, {"directive": "frame-src"}),
    ]
    assert [str(p) for p in words.problems(found, tmp_path, {}, tmp_path)] == [
        "blog/index.html:12: fout: deze pagina linkt naar /blog/weg/, een adres dat "
        "niet bestaat (controleer de links in de post; een eigen post link je met "
        "{filename}/posts/naam.md)",
        "tag/x/index.html:1: fout: deze pagina laadt een ingesloten frame, en dat "
        "staat de site niet toe (haal ingesloten frames, scripts en style= uit de "
        "post; zet een gewone link neer)",
    ]


@pytest.mark.browser
def test_each_gate_names_the_post_and_its_line(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    post = content / "posts/dilemmas.md"
    lines = with_lines(post, REMOTE, TWICE, EMPTY_LINK)
    site = tmp_path / "site"
    written = build(content, site)
    everything = pages.chosen_pages(written, pages.manifest(site, ROOT), {})
    at = {
        line: f"content/posts/dilemmas.md:{lines.index(line) + 1}: fout: "
        for line in lines
    }
    assert sorted(gated(site, written, everything)) == sorted(
        [
            at[TWICE]
            + "de HTML van deze pagina is niet geldig (controleer de HTML die "
            "je zelf in de post schreef, of schrijf het als gewone Markdown)",
            at[REMOTE] + "deze pagina laadt een afbeelding van een andere website, en "
            "dat staat de site niet toe (haal ingesloten frames, scripts en style= uit "
            "de post; zet een gewone link neer)",
            at[EMPTY_LINK]
            + "deze link heeft geen tekst: https://www.knhs.nl/wedstrijden/ "
            "(zet de tekst die de lezer ziet tussen de blokhaken: [tekst](adres))",
        ]
    )


@pytest.mark.browser
def test_publishing_again_checks_what_changed_and_catches_what_one_post_broke(
    tmp_path,
):
    content = copy_content(tmp_path)  # with the fixture posts: many lists
    build(content, tmp_path / "deployed", PRODUCTION)
    deployed = pages.manifest(tmp_path / "deployed", ROOT)
    lines = with_lines(content / "posts/dilemmas.md", NESTED, BROKEN, BLOCK_IN_SPAN)
    site = tmp_path / "site"
    written = build(content, site, PRODUCTION)
    choice = pages.chosen_pages(written, pages.manifest(site, ROOT), deployed)
    # Not the whole site: the changed post and one page of every shape.
    every = [page for page in written if page.endswith(".html")]
    assert not choice.full and len(choice.html) < len(every)
    articles = [p for p in choice.html if written[p].shape == "article"]
    assert articles == ["blog/dilemmas/index.html"]
    assert {written[p].shape for p in choice.browser} == {
        written[p].shape for p in every
    }
    at = {
        line: f"content/posts/dilemmas.md:{lines.index(line) + 1}: fout: "
        for line in lines
    }
    assert sorted(gated(site, written, choice, PRODUCTION)) == [
        at[NESTED] + "deze pagina is niet voor iedereen goed te gebruiken "
        "(axe-regel nested-interactive) (controleer de HTML die je zelf in de post "
        "schreef; gewone Markdown met een beschrijving bij elke afbeelding gaat "
        "vanzelf goed)",
        at[BROKEN] + "deze pagina linkt naar /blog/tarieven-2024/, een adres dat niet "
        "bestaat (controleer de links in de post; een eigen post link je met "
        "{filename}/posts/naam.md)",
        at[BLOCK_IN_SPAN] + "de HTML van deze pagina is niet geldig (controleer de "
        "HTML die je zelf in de post schreef, of schrijf het als gewone Markdown)",
    ]


@pytest.mark.browser
def test_a_full_publish_checks_every_article_not_only_the_one_of_its_shape(tmp_path):
    # Axe and the CSP on every article, not only on the one page of its shape: a
    # guard for any cheaper way of checking the others.
    content = copy_content(tmp_path)
    post = content / "posts/fixtures/extra-2.md"
    text = post.read_text(encoding="utf-8") + f"\n{NESTED}\n\n{REMOTE}\n"
    post.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    written = build(content, site, PRODUCTION)
    choice = pages.chosen_pages(written, pages.manifest(site, ROOT), {})
    articles = [p for p in choice.browser if written[p].shape == "article"]
    assert len(articles) > 3 and choice.browser["blog/testpost-2/index.html"] is False
    lines = text.splitlines()
    at = {
        line: f"content/posts/fixtures/extra-2.md:{lines.index(line) + 1}: fout: "
        for line in (NESTED, REMOTE)
    }
    assert sorted(gated(site, written, choice, PRODUCTION)) == [
        at[NESTED] + "deze pagina is niet voor iedereen goed te gebruiken "
        "(axe-regel nested-interactive) (controleer de HTML die je zelf in de post "
        "schreef; gewone Markdown met een beschrijving bij elke afbeelding gaat "
        "vanzelf goed)",
        at[REMOTE] + "deze pagina laadt een afbeelding van een andere website, en "
        "dat staat de site niet toe (haal ingesloten frames, scripts en style= uit "
        "de post; zet een gewone link neer)",
    ]


def test_a_change_to_what_shapes_every_page_checks_every_page():
    written = {
        "blog/a/index.html": pages.Written(Path("a.md"), "article"),
        "blog/b/index.html": pages.Written(Path("b.md"), "article"),
        "tag/x/index.html": pages.Written(None, "tag"),
        "tag/y/index.html": pages.Written(None, "tag"),
    }
    files = {page: "same" for page in written}
    before = {"inputs": "theme 1", "files": files}
    unchanged = pages.chosen_pages(written, before, before)
    assert unchanged.html == ["blog/a/index.html", "tag/x/index.html"]
    assert unchanged.browser == {"blog/a/index.html": True, "tag/x/index.html": True}
    one_post = {"inputs": "theme 1", "files": {**files, "blog/b/index.html": "new"}}
    # The changed post is the one page of its shape.
    assert list(pages.chosen_pages(written, one_post, before).browser) == [
        "blog/b/index.html",
        "tag/x/index.html",
    ]
    theme = pages.chosen_pages(written, {**before, "inputs": "theme 2"}, before)
    assert theme.full and theme.html == sorted(written)
    # Lists: one page of their shape in the browser, every page in the HTML checker.
    assert theme.browser == {
        "blog/a/index.html": True,
        "blog/b/index.html": False,
        "tag/x/index.html": True,
    }
