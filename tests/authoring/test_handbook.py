"""The handbook's table "Wat betekent deze melding?" quotes the lines she meets: each
quoted finding is (nearly word for word, `...` for her values) what the catalog says."""

import difflib
import re
from functools import cache

import pytest

from authoring.catalog import COMPUTED, catalog, words
from tests.conftest import ROOT

HANDBOOK = ROOT / "docs" / "handleiding.md"
# The sections of the table whose lines are findings worded by the catalog (the
# others quote the tools' own status lines); elsewhere, lines with a level.
FINDINGS = (
    "In de velden van een post of pagina",
    "In de tekst van een post",
    "In een werkblad",
    "In een checklist",
    "In je instellingen",
    "Bij het overzetten van Wix",
)
LEVEL = re.compile(r"^[^`]*?\b(?:fout|waarschuwing): ")
# Text the project does not own, shown as it comes (Pelican's, in "kan niet worden
# gebouwd: ...").
PASSED_ON = ("is not a file in", "unknown keys")
# invoke check's own line about its --content folder (authoring/lint.py).
NOT_YET = ("map niet gevonden",)
# What went well: a status line, no finding.
STATUS = ("Geïmporteerd: ", "Afbeelding opgeslagen: ")


def quoted() -> list[str]:
    """Every finding the table quotes (the first column's `...` parts), but for
    text the project does not own, status lines and lint.py's own line."""
    text = HANDBOOK.read_text(encoding="utf-8")
    table = text.split("## Wat betekent deze melding?", 1)[1].split("\n## ", 1)[0]
    found = []
    for section in table.split("\n### ")[1:]:
        title = section.splitlines()[0]
        for row in re.findall(r"^\| (.+?) \| .+ \|$", section, re.M):
            for quote in re.findall(r"`([^`]+)`", row):
                other = any(text in quote for text in PASSED_ON + NOT_YET + STATUS)
                if (title.startswith(FINDINGS) or LEVEL.match(quote)) and not other:
                    found.append(quote)
    return found


@cache
def lines() -> list[str]:
    """Every entry of the catalog as a line, with `...` for each parameter."""
    every = []
    for code, entry in catalog()["problems"].items():
        names = set(re.findall(r"(?<!\{)\{(\w+)", entry["message"] + entry["advice"]))
        params = {name: "..." for name in names - set(COMPUTED)} | {"value": "..."}
        params |= {"options": ["..."], "keys": ["..."]}
        params["names"] = ["...", "..."]
        params["kind"] = "worksheet"  # as the handbook's example names it
        message, advice, _level = words(code, params)
        every.append(f"{message} ({advice})")
    return every


def likeness(quote: str, line: str) -> float:
    """How much of the quote the line holds, in order, in runs of four characters or
    more (1: all of it)."""
    matcher = difflib.SequenceMatcher(None, quote, line, autojunk=False)
    blocks = matcher.get_matching_blocks()
    return sum(block.size for block in blocks if block.size >= 4) / len(quote)


@pytest.mark.parametrize("quote", quoted())
def test_each_finding_the_handbook_quotes_is_in_the_catalog(quote):
    bare = LEVEL.sub("", quote)
    bare = re.sub(r"^[A-Za-z_]+[\w.\[\]]*: (?=\S)", "", bare)  # a field path before it
    best = max(lines(), key=lambda line: likeness(bare, line))
    assert likeness(bare, best) >= 0.8, (quote, best)
