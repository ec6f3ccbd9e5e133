"""`invoke new-post`: a post file with every field, at the URL Pelican will give it."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sitekit.header import read_source

from authoring.lint import check_content
from authoring.new_post import PLACEHOLDER, PostExists, new_post
from tests.conftest import build_site
from tests.support.html import soup, text_of

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def test_new_post_has_a_dutch_slug_todays_date_and_every_field(workspace):
    # 23:30 UTC on 31 December is already New Year's Day in Amsterdam.
    now = datetime(2025, 12, 31, 23, 30, tzinfo=ZoneInfo("UTC")).astimezone(AMSTERDAM)
    path, url = new_post("Dilemma's van een  ruiter: één keuze", workspace, now)
    assert (
        path == workspace.parent / "content/posts/dilemmas-van-een-ruiter-een-keuze.md"
    )
    assert url == "http://127.0.0.1:8000/blog/dilemmas-van-een-ruiter-een-keuze/"
    source = read_source(path)
    fields = {f.name: f.value for f in source.fields}
    assert fields == {
        "Title": "Dilemma's van een ruiter: één keuze",
        "Slug": "dilemmas-van-een-ruiter-een-keuze",
        "Date": "01-01-2026 00:30",  # day first, the Dutch way
        "Category": "Ondernemen",
        "Tags": "",
        "Summary": "",
    }
    body = source.body
    optional = ["Worksheet:", "Checklist:", "Description:", "Status: draft"]
    optional += ["Image:", "Image_alt:", "Wix_url:"]
    for field in optional:
        assert f"[//]: # ({field}" in body


def test_new_post_is_checked_for_its_empty_summary_and_example_text(workspace):
    now = datetime(2024, 5, 1, 10, 0, tzinfo=AMSTERDAM)
    path, _ = new_post("Een nieuwe post", workspace, now)
    problems = [p for p in check_content(workspace) if p.file.endswith(path.name)]
    example = path.read_text().splitlines().index(PLACEHOLDER) + 1
    assert example > 7  # in the body, below the fields
    assert [(p.line, p.level, p.message) for p in problems] == [
        (6, "fout", "Summary is leeg"),
        (example, "waarschuwing", "de voorbeeldtekst van invoke new-post staat er nog"),
    ]


def test_new_post_never_overwrites(workspace):
    path, _ = new_post("Mijn post", workspace)
    path.write_text("Title: Mijn post\n\nAl geschreven.\n", encoding="utf-8")
    with pytest.raises(PostExists, match="bestaat al"):
        new_post("Mijn post", workspace)
    assert path.read_text(encoding="utf-8") == "Title: Mijn post\n\nAl geschreven.\n"


def test_new_post_refuses_a_slug_another_post_has(workspace):
    posts = workspace.parent / "content/posts"
    (posts / "oud.md").write_text("Title: Oud\nSlug: mijn-post\n\nTekst.\n")
    with pytest.raises(
        PostExists, match="oud.md:2: fout: deze post heeft al de slug 'mijn-post'"
    ):
        new_post("Mijn post", workspace)
    assert not (posts / "mijn-post.md").exists()


def test_new_post_builds_at_the_printed_url_without_its_comment_lines(
    workspace, tmp_path
):
    path, url = new_post("Paardenpraat: ’t Is zover!", workspace)
    result = build_site(workspace.parent / "content", tmp_path / "output")
    assert result.returncode == 0, result.stdout + result.stderr
    built = tmp_path / "output" / url.removeprefix("http://127.0.0.1:8000/")
    page = soup(built / "index.html")
    assert text_of(page.select_one("h1")) == "Paardenpraat: ’t Is zover!"
    body = text_of(page.select_one(".post-body"))
    assert body.startswith("Schrijf hier je post.")
    assert "Worksheet" not in page.decode() and "[//]" not in page.decode()


def test_new_post_names_the_call_to_action_once_the_site_has_them(workspace):
    with workspace.open("a", encoding="utf-8") as settings:
        settings.write('\nCTAS = {"vraag": {}}\nCTA_DEFAULT = "vraag"\n')
    path, _ = new_post("Met oproep", workspace)
    assert (
        "[//]: # (Cta: naam -- oproep onder de post, standaard: vraag; none = geen)"
        in read_source(path).body
    )
