"""Checklist PDFs across builds: the cache, identical bytes, builds that fail."""

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import build_site
from tests.publish.hosting import PUBLIC

CONTENT_CACHE = ("CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true")
POST = "Title: {title}\nDate: 2024-0{n}-01 10:00\n{extra}\nTekst van post {n}.\n"
CHECKLIST = (
    "# Lijst {name}\n\nIntro.\n\n## Groep\n\n- [ ] Eerste taak\n- [ ] Tweede taak\n"
)


@pytest.fixture
def small_site(tmp_path: Path, monkeypatch) -> Path:
    """Two posts with two checklists: "een" (the default) and "twee"."""
    monkeypatch.setenv("COLUMNS", "300")  # keep Pelican's log lines unwrapped
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "checklists").mkdir()
    for name in ("een", "twee"):
        (content / "checklists" / f"{name}.md").write_text(
            CHECKLIST.format(name=name), encoding="utf-8"
        )
    (content / "posts/a.md").write_text(
        POST.format(title="A", n=1, extra=""), encoding="utf-8"
    )
    (content / "posts/b.md").write_text(
        POST.format(title="B", n=2, extra="Checklist: twee"), encoding="utf-8"
    )
    return content


def build(content: Path, output: Path, cache: Path, *extra: str):
    return build_site(
        content,
        output,
        "pelicanconf.py",
        f'CACHE_PATH="{cache}"',
        'CHECKLIST_DEFAULT="een"',
        'WORKSHEET_DEFAULT="none"',
        *extra,
    )


def cached(cache: Path) -> dict[str, int]:
    """Each cached PDF (by name, i.e. by input hash) with its modification time."""
    return {
        path.relative_to(cache).as_posix(): path.stat().st_mtime_ns
        for path in sorted((cache / "checklists").rglob("*.pdf"))
    }


def pdfs(output: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((output / "checklists").glob("*"))}


def ok(result) -> None:
    assert result.returncode == 0, result.stdout + result.stderr


def test_second_build_renders_nothing_and_an_edit_renders_only_its_pdf(
    small_site, tmp_path
):
    output, cache = tmp_path / "output", tmp_path / "cache"
    ok(build(small_site, output, cache))
    first, first_pdfs = cached(cache), pdfs(output)
    assert sorted(first_pdfs) == ["een.pdf", "twee.pdf"]
    assert [key.split("/")[1] for key in first] == ["een", "twee"]

    # Again, with Pelican's content cache: articles now come from the cache.
    ok(build(small_site, output, cache, *CONTENT_CACHE))
    ok(build(small_site, output, cache, *CONTENT_CACHE))
    assert cached(cache) == first  # same inputs, same files, untouched
    assert pdfs(output) == first_pdfs
    page = (output / "blog/a/index.html").read_text(encoding="utf-8")
    assert "Download als PDF</a>" in page and 'data-checklist="een"' in page

    definition = small_site / "checklists/twee.md"
    definition.write_text(
        definition.read_text().replace("Tweede taak", "Tweede, gewijzigde taak")
    )
    een_mtime = (output / "checklists/een.pdf").stat().st_mtime_ns
    ok(build(small_site, output, cache))
    after = cached(cache)
    een = {key: value for key, value in first.items() if "/een/" in key}
    assert {key: value for key, value in after.items() if "/een/" in key} == een
    twee = [key for key in after if "/twee/" in key]
    assert len(twee) == 1 and twee[0] not in first  # re-rendered, old one pruned
    assert pdfs(output)["een.pdf"] == first_pdfs["een.pdf"]
    assert (output / "checklists/een.pdf").stat().st_mtime_ns == een_mtime
    assert pdfs(output)["twee.pdf"] != first_pdfs["twee.pdf"]
    fields = PdfReader(output / "checklists/twee.pdf").get_fields()
    assert "tweede-gewijzigde-taak" in fields


def test_two_clean_builds_give_identical_bytes(small_site, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1705309200")
    ok(build(small_site, tmp_path / "out1", tmp_path / "cache1"))
    ok(build(small_site, tmp_path / "out2", tmp_path / "cache2"))
    first, second = pdfs(tmp_path / "out1"), pdfs(tmp_path / "out2")
    assert first == second and len(first) == 2
    info = PdfReader(tmp_path / "out1/checklists/een.pdf").metadata
    assert info["/CreationDate"].startswith("D:20240115090000")


def failure(result) -> str:
    assert result.returncode != 0
    return re.sub(r"\s+", " ", result.stdout + result.stderr)


def test_unknown_checklist_in_a_post_fails_with_file_and_line(small_site, tmp_path):
    (small_site / "posts/b.md").write_text(
        POST.format(title="B", n=2, extra="Checklist: onbekend"), encoding="utf-8"
    )
    output = tmp_path / "output"
    message = failure(build(small_site, output, tmp_path / "cache"))
    assert (
        "posts/b.md:3: Checklist: definition-unknown (kind='checklist', "
        "options=['een', 'twee'], value='onbekend')"
    ) in message
    assert not list(output.rglob("*.html")) and not list(output.rglob("*.pdf"))


def test_a_malformed_checklist_fails_the_build_with_file_and_line(small_site, tmp_path):
    definition = small_site / "checklists/twee.md"
    definition.write_text(definition.read_text() + "gewone regel\n")
    output = tmp_path / "output"
    message = failure(build(small_site, output, tmp_path / "cache"))
    assert "checklists/twee.md:9: not-a-task (text='gewone regel')" in message
    assert not list(output.rglob("*.html")) and not list(output.rglob("*.pdf"))


def test_an_unknown_default_fails_the_build(small_site, tmp_path):
    result = build_site(
        small_site,
        tmp_path / "output",
        "pelicanconf.py",
        f'CACHE_PATH="{tmp_path / "cache"}"',
        'CHECKLIST_DEFAULT="weg"',
        'WORKSHEET_DEFAULT="none"',
    )
    assert "CHECKLIST_DEFAULT: definition-unknown (kind='checklist'" in failure(result)


def pdf_links(path: Path) -> list[str]:
    """The links in a PDF that point at posts."""
    return [
        annotation.get_object()["/A"]["/URI"]
        for page in PdfReader(path).pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
        and "/blog/" in annotation.get_object()["/A"]["/URI"]
    ]


def test_the_pdf_links_one_post_and_new_posts_leave_it_alone(small_site, tmp_path):
    twee = small_site / "checklists/twee.md"
    twee.write_text("Article: b\n\n" + twee.read_text(), encoding="utf-8")
    output, cache = tmp_path / "output", tmp_path / "cache"
    ok(build(small_site, output, cache))
    first, first_pdfs = cached(cache), pdfs(output)
    assert pdf_links(output / "checklists/een.pdf") == [f"{PUBLIC}/blog/a/"]
    assert pdf_links(output / "checklists/twee.pdf") == [f"{PUBLIC}/blog/b/"]

    # A newer post showing "een" and an older one showing "twee":
    # "een" still links its first post, "twee" the post its header names.
    for n, title, extra in ((3, "C", ""), (1, "D", "Checklist: twee")):
        (small_site / f"posts/{title.lower()}.md").write_text(
            POST.format(title=title, n=n, extra=extra).replace("-01 ", "-02 "),
            encoding="utf-8",
        )
    ok(build(small_site, output, cache))
    assert cached(cache) == first  # nothing rendered again
    assert pdfs(output) == first_pdfs


def test_a_header_naming_a_post_without_the_checklist_fails(small_site, tmp_path):
    twee = small_site / "checklists/twee.md"
    twee.write_text("Article: a\n\n" + twee.read_text(), encoding="utf-8")
    message = failure(build(small_site, tmp_path / "output", tmp_path / "cache"))
    assert (
        "checklists/twee.md:1: Article: article-not-showing (options=['b'], value='a')"
    ) in message
