"""Shared parts of the embeds plugin: errors, loading a folder, choosing per article."""

from types import SimpleNamespace

import pytest
from embeds.loading import load_folder
from sitekit.attach import choose
from sitekit.build import Build
from sitekit.errors import DefinitionError
from sitekit.findings import FINDING
from sitekit.lines import field_line, line_with

from authoring.messages import problem_from_error


def test_error_message_names_file_line_path_code_and_params():
    error = DefinitionError(
        "content/worksheets/doelen.yaml", "list-empty", "sections[1]", 7
    )
    assert str(error) == "content/worksheets/doelen.yaml:7: sections[1]: list-empty"
    error = DefinitionError("a.md", "name-taken", name="a", other="b")
    assert str(error) == "a.md: name-taken (name='a', other='b')"
    assert error.params == {"name": "a", "other": "b"}


def test_load_folder_keys_by_name_and_skips_other_files(tmp_path):
    (tmp_path / "doelen.yaml").write_text("a")
    (tmp_path / "notes.txt").write_text("b")
    (tmp_path / ".hidden.yaml").write_text("c")
    loaded = load_folder(tmp_path, (".yaml", ".yml"), lambda p: p.read_text())
    assert loaded == {"doelen": "a"}


def test_load_folder_refuses_duplicate_names(tmp_path):
    (tmp_path / "doelen.yaml").write_text("a")
    (tmp_path / "doelen.yml").write_text("b")
    with pytest.raises(DefinitionError) as caught:
        load_folder(tmp_path, (".yaml", ".yml"), lambda p: p.read_text())
    assert str(problem_from_error(caught.value)).endswith(
        "doelen.yml:1: fout: de naam 'doelen' is al gebruikt bij doelen.yaml "
        "(kies een andere naam)"
    )


def test_missing_folder_means_no_definitions(tmp_path):
    assert load_folder(tmp_path / "nope", (".md",), str) == {}


def article(source_path="content/posts/x.md", **metadata):
    """An article as `choose` reads it, in a build of its own (sitekit.build)."""
    settings = {"BUILD": Build()}
    return SimpleNamespace(
        metadata=metadata, source_path=source_path, settings=settings
    )


def test_choose_by_metadata_default_and_none():
    known = {"doelen": "D", "ander": "A"}
    assert choose(article(worksheet="ander"), "Worksheet", "doelen", known) == "A"
    assert choose(article(), "Worksheet", "doelen", known) == "D"
    assert choose(article(worksheet="none"), "Worksheet", "doelen", known) is None
    assert choose(article(), "Worksheet", None, known) is None


def refused(caplog, *args, **kwargs) -> DefinitionError:
    """What `choose` refuses (sitekit.findings.refuse: the build goes on)."""
    caplog.clear()
    with caplog.at_level(FINDING, logger="sitekit.findings"):
        assert choose(*args, **kwargs) is None
    [record] = caplog.records
    return record.error


def test_choose_unknown_name_names_the_article_and_field(caplog):
    error = refused(
        caplog, article(worksheet="doelen2"), "Worksheet", None, {"doelen": 1}
    )
    assert str(problem_from_error(error)) == (
        "content/posts/x.md:1: fout: Worksheet: er is geen werkblad met de naam "
        "'doelen2' (bedoel je doelen? kies uit: doelen, of none voor geen werkblad)"
    )


def test_choose_reports_the_metadata_line_of_an_unknown_name(tmp_path, caplog):
    post = tmp_path / "x.md"
    post.write_text(
        "Title: X\nDate: 2024-01-01\nCta: vraag\nWorksheet: weg\n\nTekst.\n"
    )
    found = article(str(post), worksheet="weg")
    error = refused(caplog, found, "Worksheet", None, {"doelen": 1})
    assert str(problem_from_error(error)) == (
        f"{post}:4: fout: Worksheet: er is geen werkblad met de naam 'weg' "
        "(kies uit: doelen, of none voor geen werkblad)"
    )
    found = article(str(post), cta="weg")
    error = refused(caplog, found, "Cta", None, {"vraag": 1}, noun="call to action")
    assert ":3: fout: Cta: er is geen oproep met de naam 'weg'" in str(
        problem_from_error(error)
    )


def test_field_line_reads_only_the_header_as_markdown_does(tmp_path):
    post = tmp_path / "x.md"
    post.write_text(
        "\ufeffTitle: X\r\n    en verder\r\nwix_URL: /post/x\r\n\r\n"
        "Checklist: in de tekst\r\n",
        encoding="utf-8",
    )
    assert field_line(str(post), "Wix_url") == 3
    assert field_line(post, "checklist") is None  # in the text: no field
    assert field_line(tmp_path / "weg.md", "Title") is None


def test_line_with_tries_the_needles_in_order(tmp_path):
    page = tmp_path / "x.md"
    page.write_text("Title: Één\n\nLees [dit](/a/) en [dat](/b/).\n/b/\n")
    assert line_with(page, "/b/", "Title") == 3
    assert line_with(page, "", "/c/", "Title") == 1
    assert line_with(page, "/c/") is None
    assert line_with(tmp_path / "weg.md", "Title") is None
