"""Dutch dates and reading time, without the operating system's locale."""

import locale
from datetime import date, datetime

import pytest
from sitekit.filters import (
    MONTHS_NL,
    dutch_date,
    lead_paragraph,
    page_sections,
    reading_minutes,
    soft_hyphens,
    word_count,
)


@pytest.mark.parametrize("month", range(1, 13))
def test_dutch_date_every_month(month):
    assert dutch_date(date(2024, month, 12)) == f"12 {MONTHS_NL[month - 1]} 2024"


def test_dutch_date_examples():
    assert dutch_date(date(2024, 3, 12)) == "12 maart 2024"
    assert dutch_date(datetime(2023, 10, 1, 23, 59)) == "1 oktober 2023"


def test_dutch_date_ignores_the_locale():
    previous = locale.setlocale(locale.LC_TIME)
    try:
        locale.setlocale(locale.LC_TIME, "C")
        assert dutch_date(date(2024, 5, 2)) == "2 mei 2024"
    finally:
        locale.setlocale(locale.LC_TIME, previous)


def test_word_count_ignores_tags():
    assert word_count("<p>Een <em>paard</em> in de wei.</p><ul><li>twee</li></ul>") == 6
    assert word_count("<p>Dilemma's zijn o.k.</p>") == 4


@pytest.mark.parametrize(
    ("words", "minutes"), [(0, 1), (1, 1), (200, 1), (201, 2), (1000, 5)]
)
def test_reading_minutes(words, minutes):
    assert reading_minutes("<p>" + "woord " * words + "</p>") == minutes


def test_reading_minutes_speed():
    assert reading_minutes("woord " * 300, words_per_minute=100) == 3


def test_soft_hyphens_break_long_dutch_compounds_where_dutch_allows():
    assert soft_hyphens("Toegankelijkheidsexperts") == (
        "Toe\u00adgan\u00adke\u00adlijk\u00adheids\u00adex\u00adperts"
    )
    # Short words stay whole; tags and their attributes are left alone.
    assert soft_hyphens("Zo werkt het") == "Zo werkt het"
    html = '<a title="Paardenfysiotherapeuten">Paardenfysiotherapeuten</a>'
    assert soft_hyphens(html) == (
        '<a title="Paardenfysiotherapeuten">'
        "Paar\u00adden\u00adfy\u00adsi\u00ado\u00adthe\u00adra\u00adpeu\u00adten</a>"
    )


def test_soft_hyphens_follow_the_language_of_the_title():
    english = soft_hyphens("Accessibility", "en")
    assert english == "Access\u00adib\u00adil\u00adity"
    assert english != soft_hyphens("Accessibility")


def test_a_pages_opening_paragraph_is_its_lead_and_the_rest_follows():
    html = "<p>Wil je <em>weten</em> wat?</p>\n<h2>Meer</h2>\n<p>Tekst</p>"
    assert lead_paragraph(html) == (
        "Wil je <em>weten</em> wat?",
        "\n<h2>Meer</h2>\n<p>Tekst</p>",
    )
    # A page that opens with a heading, a quote or a list has no lead.
    for html in ("<h2>Kop</h2><p>Tekst</p>", "<ul><li>Een</li></ul>", ""):
        assert lead_paragraph(html) == ("", html)


def test_page_sections_splits_a_page_at_its_headings():
    html = (
        "<p>Intro</p>\n"
        '<h2 id="p">Planning &amp; agenda</h2>\n<p>Kort.</p><ul><li>Lijst</li></ul>\n'
        "<h2>Vragen</h2><p>Eerst.</p><h3>Wat?</h3><p>Dit.</p><h3>Hoe?</h3><p>Zo.</p>\n"
        '<h2>Klaar?</h2><p><a class="button" href="/c">Plan</a></p><h3>Niet</h3>'
    )
    intro, (service, faq, step) = page_sections(html)
    assert intro == "<p>Intro</p>\n"
    assert [s.kind for s in (service, faq, step)] == ["service", "faq", "next"]
    # The heading's text as the reader reads it (entities decoded, as striptags).
    assert service.title == "Planning & agenda"
    assert service.brief == "\n<p>Kort.</p>"
    assert service.body == "\n<p>Kort.</p><ul><li>Lijst</li></ul>\n"
    assert faq.head == "<h2>Vragen</h2><p>Eerst.</p>"
    assert faq.questions == (
        ("<h3>Wat?</h3>", "<p>Dit.</p>"),
        ("<h3>Hoe?</h3>", "<p>Zo.</p>\n"),
    )
    # A section with a button is the next step, whatever else it holds.
    assert step.html.startswith("<h2>Klaar?</h2>") and step.html.endswith("</h3>")
    assert page_sections("<p>Alleen tekst</p>") == ("<p>Alleen tekst</p>", [])
