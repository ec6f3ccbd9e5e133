"""Pure parts of the findability plugin: share URLs, business JSON-LD, ranking."""

from datetime import datetime
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

from findability.related import RelatedIndex
from findability.share import share_links
from findability.structured import organization


def test_share_links_encode_every_reserved_character():
    links = {
        link["key"]: link["href"]
        for link in share_links("https://x.example/a?b=c&d", "Ja & nee #1")
    }
    assert parse_qs(urlsplit(links["linkedin"]).query) == {
        "url": ["https://x.example/a?b=c&d"]
    }
    assert parse_qs(urlsplit(links["email"]).query) == {
        "subject": ["Ja & nee #1"],
        "body": ["https://x.example/a?b=c&d"],
    }
    assert "%20" in links["email"] and "+" not in links["email"]


def settings(**business):
    return {
        "SITENAME": "Site",
        "SITE_PUBLIC_URL": "https://x.example",
        "SITE_DESCRIPTION": None,
        "BUSINESS": {
            "name": None,
            "email": None,
            "phone": None,
            "kvk": None,
            "region": None,
            **business,
        },
    }


def test_organization_leaves_out_empty_details():
    assert organization(settings()) == {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": "https://x.example/#organisatie",
        "name": "Site",
        "url": "https://x.example/",
    }


def test_organization_includes_filled_in_details():
    data = organization(
        settings(name="Hippo BV", phone="06 1", kvk="12345678", region="Gelderland")
    )
    assert data["name"] == "Hippo BV"
    assert data["telephone"] == "06 1" and data["areaServed"] == "Gelderland"
    assert data["identifier"]["value"] == "12345678"


def post(slug, day, category="c", tags=()):
    return SimpleNamespace(
        slug=slug,
        date=datetime(2024, 1, day),
        category=SimpleNamespace(slug=category),
        tags=[SimpleNamespace(slug=t) for t in tags],
    )


def test_related_ties_on_tags_go_to_the_same_category_then_the_newest():
    me = post("me", 10, "x", ["t"])
    older_same = post("older-same", 1, "x", ["t"])
    newer_other = post("newer-other", 9, "y", ["t"])
    newest_other = post("newest-other", 8, "y", ["t"])
    index = RelatedIndex([me, older_same, newer_other, newest_other])
    assert [p.slug for p in index.related(me, 3)] == [
        "older-same",
        "newer-other",
        "newest-other",
    ]
    assert [p.slug for p in index.related(me, 3, exclude=[older_same])] == [
        "newer-other",
        "newest-other",
    ]


def test_neighbours_are_older_and_newer():
    a, b, c = post("a", 1), post("b", 2), post("c", 3)
    around = RelatedIndex([b, c, a]).neighbours()
    assert around[id(b)] == (a, c)
    assert around[id(a)] == (None, b) and around[id(c)] == (b, None)
