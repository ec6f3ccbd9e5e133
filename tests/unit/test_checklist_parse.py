"""Checklist definitions: what a valid one gives; each mistake named by file:line."""

from pathlib import Path

import pytest
from embeds.checklist import load_checklists, parse_checklist, parse_source
from sitekit.errors import DefinitionError

from authoring.messages import problem_from_error
from tests.conftest import FIXTURES, ROOT

GOOD = """# Zelf doen of uitbesteden?

Een korte intro.

- [ ] Een taak zonder groep

## Doelen

Helder en *concreet*.

- [ ] Doelen opgeschreven
- [ ] Elk doel is meetbaar,
  binnen een tijdvak

## Uitbesteden
- [ ] Planning
"""


def parse(text: str):
    return parse_source(text, "proef", "content/checklists/proef.md")


def error_of(text: str) -> str:
    """The Dutch line the author reads for the checklist's mistake."""
    with pytest.raises(DefinitionError) as caught:
        parse(text)
    return str(problem_from_error(caught.value))


def test_title_intro_groups_and_items():
    checklist = parse(GOOD)
    assert checklist.title == "Zelf doen of uitbesteden?"
    assert checklist.intro_html == "<p>Een korte intro.</p>\n"
    assert [group.title for group in checklist.groups] == ["", "Doelen", "Uitbesteden"]
    assert checklist.groups[1].intro_html == "<p>Helder en <em>concreet</em>.</p>\n"
    assert [item.text for item in checklist.items] == [
        "Een taak zonder groep",
        "Doelen opgeschreven",
        "Elk doel is meetbaar, binnen een tijdvak",
        "Planning",
    ]
    assert [item.line for item in checklist.items] == [5, 11, 12, 16]
    ids = [item.id for item in checklist.items]
    assert ids[1] == "doelen-opgeschreven" and len(set(ids)) == 4


def test_the_real_checklist_covers_the_post():
    checklist = parse_checklist(ROOT / "content/checklists/uitbesteden.md")
    text = " ".join(item.text for item in checklist.items).lower()
    for topic in (
        "doelstellingen voor mezelf opgeschreven",
        "helder en concreet",
        "meetbaar",
        "afgeleid",
        "persé zelf",
        "tijd of energie",
        "administratie besteed",
        "klanten en omzet",
        "planning uitbesteed",
        "administratie uitbesteed",
        "agendabeheer",
        "telefonische opvang",
        "kennismakingsgesprek",
    ):
        assert topic in text, topic
    assert [group.title for group in checklist.groups][-1] == "Mijn volgende stap"


def test_html_in_a_definition_is_escaped():
    checklist = parse_checklist(FIXTURES / "checklists/proef.md")
    assert (
        checklist.title == 'Proef <script>alert("lijst")</script> & "aanhalingstekens"'
    )
    first = checklist.items[0]
    assert "<script>" not in first.html and "&lt;script&gt;" in first.html
    assert "<b>" not in checklist.intro_html


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "# Titel\n\nAlleen tekst.\n",
            "proef.md:1: fout: de checklist heeft geen taken",
        ),
        ("", "proef.md:1: fout: de checklist is leeg"),
        (
            "# Titel\n\n## Groep\n\n## Nog een\n- [ ] a\n",
            "proef.md:3: fout: de groep 'Groep' heeft geen taken",
        ),
        (
            "# Titel\n- [ ] a\n\n## Leeg\n",
            "proef.md:4: fout: de groep 'Leeg' heeft geen taken",
        ),
        (
            "# Titel\n\n- [ ] een\n- twee\n",
            "proef.md:4: fout: '- twee' is geen taak (begin elke taak met '- [ ] '",
        ),
        (
            "# Titel\n\n- [ ] een\ngewone regel\n- [ ] twee\n",
            "proef.md:4: fout: 'gewone regel' is geen taak",
        ),
        (
            "# Titel\n\n- [ ] een\n\nlosse tekst\n\n- [ ] twee\n",
            "proef.md:5: fout: 'losse tekst' is geen taak",
        ),
        ("# Titel\n\n1. [ ] een\n", "proef.md:3: fout: '1. [ ] een' is geen taak"),
        ("# Titel\n\n- [x] klaar\n", "proef.md:3: fout: '- [x] klaar' is geen taak"),
        ("# Titel\n\n- [ ]\n", "proef.md:3: fout: deze taak heeft geen tekst"),
        (
            "# Titel\n\n- [ ] a\n  - [ ] b\n",
            "proef.md:4: fout: een taak kan geen eigen lijst bevatten",
        ),
        (
            "# Titel\n\n- [ ] a\n- [ ] a\n",
            "proef.md:4: fout: de taak 'a' staat ook al op regel 3",
        ),
        (
            "Intro eerst\n\n# Titel\n",
            "proef.md:1: fout: een checklist begint met de titel",
        ),
        (
            "# Een\n# Twee\n- [ ] a\n",
            "proef.md:2: fout: een checklist heeft één titel (# ...)",
        ),
        (
            "# Titel\n\n```\ncode\n```\n",
            "proef.md:3: fout: '```' hoort niet in een checklist",
        ),
        (
            "Artikel: x\n\n# Titel\n- [ ] a\n",
            "proef.md:1: fout: onbekende regel 'Artikel:' boven de titel",
        ),
        (
            "Article: a\narticle: b\n\n# Titel\n- [ ] a\n",
            "proef.md:2: fout: article: staat er twee keer (ook op regel 1)",
        ),
        (
            "Article:\n\n# Titel\n- [ ] a\n",
            "proef.md:1: fout: Article: hier staat geen post",
        ),
        (
            "Article: a\n\n# Titel\n\nlos\n\n- [ ] a\n- b\n",
            "proef.md:8: fout: '- b' is geen taak",
        ),
    ],
)
def test_mistakes_name_file_and_line(text, message):
    assert message in error_of(text)
    assert error_of(text).startswith("content/checklists/proef.md")


def test_duplicate_names_and_bad_file_names(tmp_path: Path):
    folder = tmp_path / "checklists"
    folder.mkdir()
    (folder / "uitbesteden.md").write_text("# A\n- [ ] a\n", encoding="utf-8")
    (folder / "uitbesteden.markdown").write_text("# B\n- [ ] b\n", encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        load_checklists(tmp_path)
    assert "de naam 'uitbesteden' is al gebruikt" in str(
        problem_from_error(caught.value)
    )
    (folder / "uitbesteden.markdown").unlink()
    (folder / "Mijn Lijst.md").write_text("# B\n- [ ] b\n", encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        load_checklists(tmp_path)
    assert str(problem_from_error(caught.value)).endswith(
        "Mijn Lijst.md:1: fout: de bestandsnaam 'Mijn Lijst' kan niet (gebruik kleine "
        "letters, cijfers en streepjes, zoals mijn-lijst)"
    )


def test_the_header_names_the_post_and_keeps_line_numbers():
    checklist = parse("Article: dilemmas\n\n" + GOOD)
    assert checklist.article_slug == "dilemmas" and checklist.article_line == 1
    assert [item.line for item in checklist.items] == [7, 13, 14, 18]
    assert checklist.title == "Zelf doen of uitbesteden?"
    assert parse(GOOD).article_slug == ""
    real = parse_checklist(ROOT / "content/checklists/uitbesteden.md")
    assert real.article_slug == "dilemmas"


def test_cached_parse_equals_a_fresh_one_and_follows_every_edit(tmp_path: Path):
    content = tmp_path / "content"
    folder = content / "checklists"
    folder.mkdir(parents=True)
    for source in (ROOT / "content" / "checklists").glob("*.md"):
        (folder / source.name).write_text(source.read_text("utf-8"), "utf-8")
    (folder / "proef.md").write_text(GOOD, encoding="utf-8")
    cache = tmp_path / "cache" / "checklist-sources.pickle"

    fresh = load_checklists(content)
    assert load_checklists(content, cache) == fresh  # parsed, then written
    assert cache.is_file()
    assert load_checklists(content, cache) == fresh  # read back from the cache

    (folder / "proef.md").write_text(GOOD + "- [ ] Nieuw erbij\n", encoding="utf-8")
    edited = load_checklists(content, cache)
    assert edited["proef"].items[-1].text == "Nieuw erbij"
    assert edited == load_checklists(content)
    (folder / "proef.md").write_text("# Kapot\nGeen lijst\n", encoding="utf-8")
    with pytest.raises(DefinitionError, match="proef.md"):
        load_checklists(content, cache)  # a broken file is never served from cache
    (folder / "proef.md").unlink()
    assert "proef" not in load_checklists(content, cache)

    cache.write_bytes(b"not a pickle")
    assert load_checklists(content, cache) == load_checklists(content)


def test_every_mistake_of_a_checklist_is_told_at_once():
    """Not one at a time: each mistake its own line, in the order of the file, and
    the list read on past each (a task after a mistake is no second mistake)."""
    text = (
        "Artikel: dilemmas\n"
        "\n"
        "# Voorjaarscontrole paardenstal\n"
        "\n"
        "## Weidebeheer\n"
        "\n"
        "-[ ] Afrasteringscontrole langs de achterweide\n"
        "- [ ] Drinkbakken schoonmaken\n"
        "- [ ]\n"
        "\n"
        "## Administratie\n"
        "\n"
        "```\n"
        "Belastingaangifte\n"
        "```\n"
        "\n"
        "- [ ] Drinkbakken schoonmaken\n"
        "- [ ] Verzekeringspolis nalopen op https://www.example.nl/polissen/paard-en-ruiter-aansprakelijkheid\n"
    )
    with pytest.raises(DefinitionError) as caught:
        parse(text)
    told = [str(problem_from_error(found)) for found in caught.value.findings]
    file = "content/checklists/proef.md"
    assert [line.split(" (")[0] for line in told] == [
        f"{file}:1: fout: onbekende regel 'Artikel:' boven de titel",
        f"{file}:7: fout: '-[ ] Afrasteringscontrole langs de achterweide' is geen "
        "taak",
        f"{file}:9: fout: deze taak heeft geen tekst",
        f"{file}:13: fout: '```' hoort niet in een checklist",
        f"{file}:17: fout: de taak 'Drinkbakken schoonmaken' staat ook al op regel 8",
    ]
