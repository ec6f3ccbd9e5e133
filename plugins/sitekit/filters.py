"""Jinja filters for Dutch dates, numbers and reading time, independent of the OS
locale."""

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Context, Decimal
from functools import cache

import pyphen
from markupsafe import Markup

MONTHS_NL = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
# Wide enough for every float's digits (1.8e308) plus its decimals.
_EXACT = Context(prec=400, rounding=ROUND_HALF_UP)
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
# Words this long may not fit a card's line on a phone (Dutch compounds).
_LONG_WORD = re.compile(r"[^\W\d_]{12,}")
SOFT_HYPHEN = "\u00ad"


def dutch_date(value: date | datetime) -> str:
    """Format a date the Dutch way, e.g. "12 maart 2024"."""
    return f"{value.day} {MONTHS_NL[value.month - 1]} {value.year}"


def dutch_number(value: float | None, kind: str = "number", decimals: int = 2) -> str:
    """A number the Dutch way: "2,5", "1.250"; money as "€ 1.250,50"; "" for none.

    The one rule, the same as formatNumber in plugins/embeds/static/js/numbers.js:
    round half away from zero on the number's shortest decimal form (repr, which is
    JavaScript's String too: 0.125 -> "0,13"), group thousands with ".", a decimal
    comma, money with "€ " and exactly `decimals` decimals, never "-0".
    """
    if value is None or not math.isfinite(value):
        return ""
    exact = _EXACT.quantize(
        Decimal(repr(abs(float(value)))), Decimal(1).scaleb(-decimals)
    )
    text = f"{exact:,f}".translate(str.maketrans(",.", ".,"))
    if kind != "money" and "," in text:
        text = text.rstrip("0").rstrip(",")
    sign = "-" if value < 0 and exact else ""
    return f"€ {sign}{text}" if kind == "money" else sign + text


@cache
def _hyphenator(lang: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=pyphen.language_fallback(lang) or "nl", left=3, right=3)


def soft_hyphens(html: str, lang: str = "nl") -> str:
    """Soft hyphens in the long words of a short title (an HTML fragment; its tags
    are left alone), so a narrow card breaks "Toegankelijkheids-experts" where the
    language allows and shows the hyphen, also in browsers without a hyphenation
    dictionary for the language. For card titles only: not for text that search
    indexes."""
    hyphenator = _hyphenator(lang)
    parts = _TAG_OR_TEXT.split(html)
    for i in range(0, len(parts), 2):
        parts[i] = _LONG_WORD.sub(
            lambda word: hyphenator.inserted(word[0], hyphen=SOFT_HYPHEN), parts[i]
        )
    return "".join(parts)


def word_count(html: str) -> int:
    """Count the words of an HTML fragment, ignoring its tags."""
    return len(_WORD.findall(_TAG.sub(" ", html)))


def reading_minutes(html: str, words_per_minute: int = 200) -> int:
    """Minutes it takes to read an HTML fragment: at least one."""
    return max(1, math.ceil(word_count(html) / words_per_minute))


def lead_paragraph(html: str) -> tuple[str, str]:
    """A page's opening paragraph (its inner HTML) as the lead of its header, and the
    rest; no lead when the page opens with anything else (a heading, a list)."""
    text = html.lstrip()
    if not text.startswith("<p>"):
        return "", html
    lead, rest = text[3:].split("</p>", 1)
    return lead, rest


@dataclass(frozen=True)
class Section:
    """One "## heading" section of a page's HTML (the services page, diensten.md)."""

    kind: str  # "service", "faq" (has "###" questions) or "next" (has a button)
    title: str  # the heading's text
    html: str  # the whole section, its <h2> included
    body: str  # what follows the heading
    brief: str  # the body before its first list ("wat ik doe")
    head: str  # the section before its first question (the whole one without)
    questions: tuple[tuple[str, str], ...]  # (the <h3> question, its answer)


def page_sections(html: str) -> tuple[str, list[Section]]:
    """A page's text before its first "##" heading, and its "##" sections: the one
    place the theme splits the services page (Diensten, the home page's cards, Over
    mij's list)."""
    intro, *parts = html.split("<h2")
    sections = []
    for part in parts:
        part = "<h2" + part
        heading, _, body = part.partition("</h2>")
        head, *questions = part.split("<h3")
        kind = "next" if 'class="button' in part else "faq" if questions else "service"
        sections.append(
            Section(
                kind=kind,
                title=Markup(heading.split(">", 1)[1]).striptags(),
                html=part,
                body=body,
                brief=body.split("<ul", 1)[0],
                head=head,
                questions=tuple(
                    (q + "</h3>", a)
                    for q, _, a in (("<h3" + q).partition("</h3>") for q in questions)
                ),
            )
        )
    return intro, sections
