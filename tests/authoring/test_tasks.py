"""The invoke tasks are wired to the tools, and stop with a message on bad input."""

import re
import sys

from tests.authoring.test_mistakes import TYPE_AT
from tests.conftest import ROOT, copy_project
from tests.support.tasks import invoke


def test_new_post_refuses_a_title_whose_post_exists_and_writes_nothing():
    before = sorted((ROOT / "content/posts").iterdir())
    result = invoke("new-post", "Dilemma's")
    assert result.returncode == 1
    assert result.stdout == (
        "content/posts/dilemmas.md:1: fout: deze post bestaat al (kies een andere "
        "titel, of open dit bestand)\n"
    )
    assert sorted((ROOT / "content/posts").iterdir()) == before


def test_import_wix_names_the_file_when_it_cannot_be_read(tmp_path):
    broken = tmp_path / "blog-feed.xml"
    broken.write_text('<?xml version="1.0"?><rss><channel><item>', encoding="utf-8")
    result = invoke("import-wix", str(broken))
    assert result.returncode == 1
    assert result.stdout == (
        f"{broken}:1: fout: de feed is geen geldige XML (download blog-feed.xml "
        "opnieuw van je Wix-site (jouwsite.nl/blog-feed.xml) en sla het op zonder het "
        "eerst te openen en te bewaren in een ander programma)\n"
    )


def test_import_wix_refuses_a_feed_that_is_no_xml_and_a_word_file(tmp_path):
    feed = tmp_path / "blog-feed.xml"
    feed.write_text("Dit is de tekst van mijn blog.", encoding="utf-8")
    word = tmp_path / "post.docx"
    word.write_bytes(b"PK\x03\x04\xff\xfe")
    before = sorted((ROOT / "content/posts").iterdir())
    assert [invoke("import-wix", str(path)).stdout for path in (feed, word)] == [
        f"{feed}:1: fout: de feed is geen geldige XML (download blog-feed.xml "
        "opnieuw van je Wix-site (jouwsite.nl/blog-feed.xml) en sla het op zonder het "
        "eerst te openen en te bewaren in een ander programma)\n",
        f"{word}:1: fout: import-wix leest geen .docx-bestanden (geef blog-feed.xml, "
        "een opgeslagen pagina van een post (.html) of de tekst van een post in een "
        ".txt-bestand)\n",
    ]
    assert sorted((ROOT / "content/posts").iterdir()) == before


def test_import_wix_leaves_the_hand_written_first_post_alone():
    before = (ROOT / "content/posts/dilemmas.md").read_bytes()
    result = invoke("import-wix", "tests/fixtures/wix/dilemmas-wix-page.txt")
    assert result.returncode == 1
    assert "content/posts/dilemmas.md:1: fout: niet overschreven" in result.stdout
    assert (ROOT / "content/posts/dilemmas.md").read_bytes() == before


def test_build_reports_a_content_mistake_on_one_line_without_a_traceback(tmp_path):
    copy_project(tmp_path)
    post = tmp_path / "content/posts/dilemmas.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(
        text.replace("Slug: dilemmas", "Slug: dilemmas\nWorksheet: doelenn")
    )
    result = invoke("build", cwd=tmp_path)
    assert result.returncode == 1
    told = (result.stdout + result.stderr).splitlines()
    assert all(re.match(r"\S+:\d+: (fout|waarschuwing): ", line) for line in told)
    assert [line for line in told if ": fout: " in line] == [
        "content/posts/dilemmas.md:3: fout: Worksheet: er is geen werkblad met de "
        "naam 'doelenn' (bedoel je doelen? kies uit: doelen, of none voor geen "
        "werkblad)"
    ]
    assert not (tmp_path / "output/blog/dilemmas/index.html").exists()


def test_a_missing_argument_gets_a_dutch_example():
    result = invoke("new-post")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == 'Geef een titel mee: invoke new-post "Mijn titel"\n'
    result = invoke("import-wix", "--date")
    assert result.stderr.startswith("De optie --date heeft een waarde nodig")


def test_the_authors_tasks_explain_themselves_in_dutch():
    listing = " ".join(invoke("--list").stdout.split())  # columns and wraps vary
    for line in [
        "check Controleer posts, pagina's, werkbladen en checklists",
        "import-wix Zet oude Wix-posts over naar Markdown-posts",
        "livereload Voorbeeld op http://127.0.0.1:8000 dat zichzelf bijwerkt",
        "new-post Begin een nieuwe post",
        "publish Publiceer de site",
        "serve Bouw de site en laat hem zien",
    ]:
        assert line in listing
    # The developers' tasks are in the same list: named as theirs, in Dutch too.
    for task in ("bench", "gates", "lint", "screenshots", "test", "weight"):
        assert f"{task} Voor ontwikkelaars: " in listing
    help_text = invoke("--help", "new-post").stdout
    assert 'Voorbeeld: invoke new-post "Mijn titel"' in help_text
    assert 'de titel van de post, tussen "aanhalingstekens"' in help_text


def test_invokes_own_headings_around_the_tasks_are_dutch():
    listing = invoke("--list").stdout.splitlines()
    assert listing[0] == "Beschikbare taken:"
    assert invoke("--help", "clean").stdout.splitlines() == [
        "Gebruik: inv[oke] [--algemene-opties] clean [andere taken ...]",
        "",
        "Uitleg:",
        "  Haal de gebouwde site (output/) weg.",
        "",
        "Opties:",
        "  geen",
        "",
    ]
    help_text = invoke("--help", "check").stdout
    assert "\nUitleg:\n" in help_text and "\nOpties:\n" in help_text
    assert "Usage" not in help_text and "Options" not in help_text


def test_a_later_invoke_without_these_internals_keeps_its_english(monkeypatch):
    import invoke
    import invoke.parser.parser

    from authoring.cli import speak_dutch

    monkeypatch.delattr(invoke.parser.parser, "ParseMachine")
    monkeypatch.delattr(invoke, "program")
    monkeypatch.setitem(sys.modules, "invoke.program", None)
    speak_dutch()  # no error: Invoke speaks English, the tasks still run


def test_publish_stops_at_a_worksheet_mistake_and_leaves_output_alone(tmp_path):
    copy_project(tmp_path)
    sheet = tmp_path / "content/worksheets/doelen.yaml"
    text = sheet.read_text(encoding="utf-8")
    sheet.write_text(text.replace("type: textarea, required", "type: tekst, required"))
    preview = tmp_path / "output/index.html"
    preview.parent.mkdir()
    preview.write_text("het voorbeeld", encoding="utf-8")
    result = invoke("publish", "--target", "netlify", cwd=tmp_path)
    assert result.returncode == 1
    assert (
        f"{TYPE_AT}: fout: sections[0].fields[0].type: 'tekst' "
        "kan hier niet (bedoel je text?"
    ) in result.stdout
    assert "Alles in orde" not in result.stdout
    assert "Traceback" not in result.stderr
    assert [p.name for p in preview.parent.iterdir()] == ["index.html"]
    assert preview.read_text(encoding="utf-8") == "het voorbeeld"
    assert not list(tmp_path.glob(".publish-*"))


def test_import_wix_reads_the_date_day_first(tmp_path):
    copy_project(tmp_path)
    (tmp_path / "content/posts/dilemmas.md").unlink()
    text_copy = str(ROOT / "tests/fixtures/wix/dilemmas-wix-page.txt")
    ambiguous = invoke("import-wix", text_copy, "--date", "15-01-24", cwd=tmp_path)
    assert (ambiguous.returncode, ambiguous.stdout.splitlines()[-1]) == (
        1,
        f"{text_copy}:1: fout: de datum '15-01-24' is niet te lezen (schrijf hem als "
        "01-02-2025 10:00 voor 1 februari 2025, of 2025-02-01 10:00)",
    )
    result = invoke("import-wix", text_copy, "--date", "01-02-2024 09:00", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    post = (tmp_path / "content/posts/dilemmas.md").read_text(encoding="utf-8")
    assert "\nDate: 2024-02-01 09:00\n" in post  # 1 februari


def test_a_missing_content_folder_is_one_dutch_line_for_each_task(tmp_path):
    copy_project(tmp_path)
    (tmp_path / "content").rename(tmp_path / "weg")
    line = next(
        n
        for n, text in enumerate((tmp_path / "pelicanconf.py").open(), 1)
        if text.startswith("PATH =")
    )
    for task in (["check"], ["build"], ["new-post", "Stalplanning"]):
        result = invoke(*task, cwd=tmp_path)
        assert (result.returncode, result.stdout, result.stderr) == (
            1,
            "",
            f"pelicanconf.py:{line}: fout: de map met je posts (content/) bestaat "
            "niet (zet de map terug, of zet bij PATH de map waar je posts staan)\n",
        )


def test_a_settings_file_python_cannot_read_is_one_dutch_line(tmp_path):
    copy_project(tmp_path)
    settings = tmp_path / "pelicanconf.py"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text + 'SITENAME = "Mijn site\n', encoding="utf-8")
    line = text.count("\n") + 1
    expected = (
        f"pelicanconf.py:{line}: fout: de instellingen zijn niet te lezen: een "
        "aanhalingsteken wordt niet gesloten (kijk goed naar deze regel en de regel "
        "erboven, of zet je laatste wijziging terug)\n"
    )
    for task in (["--list"], ["build"]):
        result = invoke(*task, cwd=tmp_path)
        assert (result.returncode, result.stdout, result.stderr) == (1, "", expected)


def test_a_title_in_several_words_needs_no_quotes(tmp_path):
    copy_project(tmp_path)
    result = invoke("new-post", "Mijn", "nieuwe", "post", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    post = tmp_path / "content/posts/mijn-nieuwe-post.md"
    assert "Title: Mijn nieuwe post\n" in post.read_text(encoding="utf-8")
