"""The worksheet in the built site: once under every article, never in feeds or lists,
and a broken definition stops the build with a message naming file, line and path."""

import json
import re
import shutil

from tests.conftest import build_site, copy_content
from tests.support.html import soup, text_of


def squeezed(text: str) -> str:
    """Text without white space: Pelican's log wraps long lines anywhere."""
    return "".join(text.split())


ARTICLES = ["dilemmas", "testpost-1", "testpost-2", "vijandige-invoer"]


def test_every_article_has_exactly_one_worksheet_form(site):
    for slug in ARTICLES:
        page = soup(site / "blog" / slug / "index.html")
        forms = page.select("form.ws-form")
        assert len(forms) == 1, slug
        assert len(page.select('script[type="module"][src*="js/worksheet."]')) == 1
    page = soup(site / "blog/dilemmas/index.html")
    legends = [
        f.legend.contents[-1].strip() for f in page.select("fieldset.ws-section")
    ]
    steps = [
        text_of(f.select_one(".ws-step")) for f in page.select("fieldset.ws-section")
    ]
    assert steps == [f"Stap {n} van 4" for n in range(1, 5)]
    assert legends == [
        "Mijn doelstellingen",
        "Wat heeft mij afgeleid?",
        "Reken het uit",
        "Mijn volgende stap",
    ]


def test_server_rendered_form_has_labels_help_and_minimum_rows(site):
    page = soup(site / "blog/dilemmas/index.html")
    form = page.select_one("form.ws-form")
    for control in form.select("input:not([type=radio]), textarea, select, output"):
        assert page.select_one(f'label[for="{control["id"]}"]'), control["id"]
    for control in form.select("[aria-describedby]"):
        for ref in control["aria-describedby"].split():
            assert page.find(id=ref), ref
    assert len(form.select('[data-section="doelen"] [data-rows] > [data-row]')) == 1
    assert (
        len(form.select('[data-section="afleidingen"] [data-rows] > [data-row]')) == 1
    )
    # Enter in a field presses the form's default button: a disabled one, first.
    first = form.find(["button", "input"])
    assert first.name == "button" and first["type"] == "submit"
    assert first.has_attr("disabled")
    # Results with their words from the server ("ongeveer", the unit) and an empty
    # place for the number the script computes, in one card at the end, the post's
    # call to action right under it (shown by the script once there is a result).
    card = form.select_one(".ws-result")
    assert [
        [(part.name, part.get_text()) for part in o.find_all(True)]
        for o in card.select("output")
    ] == [
        [("b", ""), ("small", "uur per maand")],
        [("b", ""), ("small", "per maand")],
        [("small", "ongeveer"), ("b", ""), ("small", "klanten")],
    ]
    assert [o.get_text() for o in card.select("output")][2] == "ongeveer  klanten"
    end = card.find_next_sibling()
    assert end.has_attr("data-end")
    link = end.select_one(".ws-cta a[data-contact]")
    assert link.get_text() == "Plan een gratis kennismaking"
    assert link["href"].endswith(
        "/contact/?bron=dilemmas&cta=kennismaking#contactformulier"
    )
    # Near the top of the article, the way down to the worksheet.
    jump = page.select_one(".post-header .ws-jump a")
    assert jump["href"] == "#werkblad" and jump.get_text() == "Reken het zelf uit ↓"
    assert form.select_one("#ws-dagen")["value"] == "2,5"
    assert page.select_one("[data-mail]")["data-email"] == "info@hippisch-va.example"


def test_no_worksheet_in_feeds_lists_or_other_pages(site, production_site):
    atom = (production_site / "feeds/alle.atom.xml").read_text(encoding="utf-8")
    assert "Dilemma" in atom
    assert "ws-form" not in atom and "Dagen per maand aan administratie" not in atom
    for path in [
        "index.html",
        "blog/index.html",
        "blog/tag/uitbesteden/index.html",
        "contact/index.html",
        "over-mij/index.html",
    ]:
        assert "ws-form" not in (site / path).read_text(encoding="utf-8"), path


def test_the_result_links_to_the_contact_page_from_every_article(site):
    # The fields are rendered once per SITEURL; with relative URLs (the development
    # settings) each article's link must still lead from that page to the contact page.
    for slug in ARTICLES:
        page = site / f"blog/{slug}/index.html"
        links = soup(page).select(".ws-cta a[data-contact]")
        assert links, slug
        for link in links:
            href = link["href"].split("?")[0].split("#")[0]
            assert not href.startswith("/"), (slug, href)
            assert (page.parent / href / "index.html").resolve() == (
                site / "contact/index.html"
            ).resolve()


def test_worksheet_script_imports_the_hashed_store(site):
    # Its size budget is in tests/build/test_budgets.py.
    [script] = (site / "theme/js").glob("worksheet.*.js")
    # Its one import (the shared store, under its hashed name) is in the output.
    [specifier] = re.findall(r'from\s*"(\./store[.\w]*\.js)"', script.read_text())
    assert (script.parent / specifier).is_file()


def test_worksheet_none_and_a_named_worksheet(tmp_path):
    content = copy_content(tmp_path)
    shutil.copy(content / "worksheets/doelen.yaml", content / "worksheets/kort.yaml")
    post = (
        "Title: {t}\nDate: 2023-05-01\nCategory: Ondernemen\nWorksheet: {w}\n\nTekst.\n"
    )
    (content / "posts/zonder.md").write_text(post.format(t="Zonder", w="none"))
    (content / "posts/kort.md").write_text(post.format(t="Kort", w="kort"))
    result = build_site(content, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "ws-form" not in (tmp_path / "out/blog/zonder/index.html").read_text()
    named = soup(tmp_path / "out/blog/kort/index.html").select_one("form.ws-form")
    assert named["data-worksheet"] == "kort"


def test_a_broken_worksheet_fails_the_build_naming_file_line_and_path(tmp_path):
    content = copy_content(tmp_path)
    definition = content / "worksheets/doelen.yaml"
    text = definition.read_text(encoding="utf-8")
    lines = text.splitlines()
    line = next(i for i, t in enumerate(lines, 1) if "name: uren_per_dag" in t)
    definition.write_text(
        text.replace("werkdag, type: number", "werkdag, type: nummer")
    )
    result = build_site(content, tmp_path / "out")
    assert result.returncode != 0
    expected = (
        f"worksheets/doelen.yaml:{line}: sections[2].fields[1].type: "
        "value-not-allowed (options=['text', 'textarea', 'number', 'money', 'date', "
        "'yesno', 'choice'], value='nummer')"
    )
    assert squeezed(expected) in squeezed(result.stdout + result.stderr)


def test_an_article_naming_an_unknown_worksheet_fails_the_build(tmp_path):
    content = copy_content(tmp_path)
    (content / "posts/fout.md").write_text(
        "Title: Fout\nDate: 2023-05-01\nWorksheet: doelen2\n\nTekst.\n"
    )
    result = build_site(content, tmp_path / "out")
    assert result.returncode != 0
    expected = "posts/fout.md:3: Worksheet: definition-unknown (kind='worksheet'"
    assert squeezed(expected) in squeezed(result.stdout + result.stderr)


def test_articles_from_pelicans_content_cache_keep_their_worksheet(tmp_path):
    content = copy_content(tmp_path)
    cache = ("CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true")
    cache += (f"CACHE_PATH={json.dumps(str(tmp_path / 'cache'))}",)
    for run in ("first", "cached"):
        result = build_site(content, tmp_path / run, "pelicanconf.py", *cache)
        assert result.returncode == 0, result.stderr
        page = soup(tmp_path / run / "blog/dilemmas/index.html")
        assert len(page.select("form.ws-form")) == 1, run
    assert any((tmp_path / "cache").iterdir())


def test_a_default_worksheet_that_does_not_exist_fails_the_build(tmp_path):
    content = copy_content(tmp_path)
    shutil.rmtree(content / "worksheets")
    result = build_site(content, tmp_path / "out")
    assert result.returncode != 0
    expected = (
        "WORKSHEET_DEFAULT: definition-unknown (kind='worksheet', options=[], "
        "value='doelen')"
    )
    assert squeezed(expected) in squeezed(result.stdout + result.stderr)
    # With the default switched off, a site without worksheets builds.
    result = build_site(
        content, tmp_path / "out", "pelicanconf.py", 'WORKSHEET_DEFAULT="none"'
    )
    assert result.returncode == 0, result.stderr


def test_a_hidden_article_gets_worksheet_checklist_and_call_to_action(tmp_path):
    # One list of articles (sitekit.attach.all_articles) for all three: a hidden post
    # is written like any other, so it gets the same blocks.
    content = copy_content(tmp_path)
    (content / "posts/verborgen.md").write_text(
        "Title: Verborgen\nSlug: verborgen\nDate: 2023-05-01\nStatus: hidden\n\n"
        "Tekst.\n"
    )
    result = build_site(content, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    page = soup(tmp_path / "out/blog/verborgen/index.html")
    assert len(page.select("form.ws-form[data-worksheet=doelen]")) == 1
    assert len(page.select("section[data-checklist=uitbesteden]")) == 1
    assert len(page.select("aside.cta")) == 1
