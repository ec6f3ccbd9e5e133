"""The privacy page (AVG article 13) says what the settings decide: who is responsible,
each purpose and its legal basis, who receives what, how long it is kept, the reader's
rights and what stays in her browser."""

import pytest

from tests.support.funnel import build_with
from tests.support.html import soup, text_of

BUSINESS = {
    "name": "Hippisch VA Wilhelmien",
    "owner": "Wilhelmien",
    "email": "wilhelmien@hippisch-va.nl",
    "phone": "06 12345678",
    "kvk": "12345678",
    "region": "Gelderland en omstreken",
}
PRIVACY = {
    "host": "Netlify (VS)",
    "keep_messages": "een halfjaar",
    "keep_clients": "zeven jaar",
    "keep_newsletter": "tot je je afmeldt",
    "keep_logs": "dertig dagen",
}
FORMS = {
    "contact": {
        "provider": "backend",
        "endpoint": "https://formspree.io/f/abc",
        "recipient": "Formspree (VS)",
    },
    "newsletter": {
        "provider": "mailing",
        "endpoint": "https://api.laposta.nl/subscribe",
        "recipient": "Laposta (NL)",
    },
}


def section(page, name: str) -> str:
    return text_of(page.select_one(f"[data-privacy={name}]"))


def test_the_shipped_page_names_who_why_how_long_and_the_rights(site):
    page = soup(site / "privacy/index.html")
    assert section(page, "who").startswith(
        "Hippisch virtueel assistent (Wilhelmien) is verantwoordelijk"
    )
    assert "info@hippisch-va.example" in section(page, "who")
    purposes = section(page, "purposes")
    assert "artikel 6 lid 1 onder b AVG" in purposes  # answering a question
    assert "artikel 6 lid 1 onder f AVG" in purposes  # the server's logs
    # No newsletter without a mailing tool: no purpose, no retention for it.
    assert page.select("[data-privacy=purpose-newsletter]") == []
    assert page.select("[data-privacy=keep-newsletter]") == []
    assert section(page, "keep-messages") == (
        "Berichten en e-mails van jou bewaar ik tot je vraag beantwoord is, "
        "en daarna hoogstens een jaar."
    )
    assert section(page, "keep-logs").endswith("hoogstens vier weken.")
    assert section(page, "hosting").startswith("Het bedrijf bij wie deze website")
    assert "geen cookies" in text_of(page.select_one("main"))
    local = section(page, "local")
    assert "werkblad" in local and "checklist" in local and "90 dagen" in local
    rights = page.select_one("[data-privacy=rights]")
    assert "verwijderen" in text_of(rights) and "intrekken" in text_of(rights)
    complaint = rights.select_one("a")
    assert complaint["href"] == "https://www.autoriteitpersoonsgegevens.nl/"
    assert "Autoriteit Persoonsgegevens" in text_of(rights)


@pytest.fixture(scope="module")
def complete(tmp_path_factory):
    """The site with every detail filled in and both forms at a service."""
    work = tmp_path_factory.mktemp("privacy")
    output = build_with(work, BUSINESS=BUSINESS, PRIVACY=PRIVACY, FORMS=FORMS)
    return soup(output / "privacy/index.html")


def test_the_page_follows_the_business_details(complete):
    who = section(complete, "who")
    assert who.startswith("Hippisch VA Wilhelmien (Wilhelmien) is verantwoordelijk")
    for value in ("KvK: 12345678", "06 12345678", "Gelderland en omstreken"):
        assert value in who
    assert "wilhelmien@hippisch-va.nl" in section(complete, "rights")


def test_the_page_names_every_recipient_and_each_retention(complete):
    recipients = [text_of(li) for li in complete.select("[data-privacy=recipients] li")]
    assert recipients[:2] == [
        "Formspree (VS): ontvangt wat je in een formulier invult en geeft het aan "
        "mij door.",
        "Laposta (NL): ontvangt wat je in een formulier invult en geeft het aan "
        "mij door.",
    ]
    assert recipients[2].startswith("Netlify (VS): ziet als server")
    assert section(complete, "keep-messages").endswith("bewaar ik een halfjaar.")
    assert section(complete, "keep-newsletter").endswith("tot je je afmeldt.")
    assert section(complete, "keep-logs").endswith("dertig dagen.")
    newsletter = section(complete, "purpose-newsletter")
    assert "toestemming (artikel 6 lid 1 onder a AVG)" in newsletter
    assert "afmeldlink" in newsletter
