"""Reusing one Markdown parser reads every file exactly as Pelican's own reader."""

from pathlib import Path

import pytest
from pelican.readers import MarkdownReader
from pelican.settings import read_settings
from sitekit.reading import ReusingMarkdownReader

from tests.conftest import FIXTURES, ROOT

# Each leaves state a reused parser must not carry into the next file.
TRICKY = {
    "a-footnotes.md": "Title: A\n\nTekst[^1].\n\n"
    "[^1]: Voetnoot.\n\n*[KvK]: Kamer van Koophandel\n\nDe KvK belt.\n\n"
    "[ref]: https://example.org/a\n",
    "b-leaks.md": "Title: B\n\nDe KvK en [een link][ref] en een voetnoot[^1].\n",
    "c-extra.md": "Title: C\nTags: a, b\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n"
    'Term\n:   Uitleg\n\n<div markdown="1">*binnen*</div>\n\n'
    "```\ncode\n```\n\n## Kop {: #kop }\n",
    "d-no-meta.md": "Gewoon tekst, geen metadata.\n",
    "e-meta-again.md": "Title: E\nDate: 2024-01-01 10:00\n\nNa een bestand zonder.\n",
    "f-summary.md": "Title: F\nSummary: Met *nadruk*[^2].\n\nTekst[^2].\n\n"
    "[^2]: Noot.\n",
}


@pytest.fixture(scope="module")
def settings():
    return read_settings(str(ROOT / "pelicanconf.py"))


def sources(tmp_path: Path) -> list[Path]:
    for name, text in TRICKY.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    # Every post and page; checklists are not read as posts (plugins/embeds).
    real = [
        path
        for path in sorted((ROOT / "content").rglob("*.md"))
        + sorted(FIXTURES.rglob("*.md"))
        if "checklists" not in path.parts
    ]
    return sorted(tmp_path.glob("*.md")) + real + sorted(tmp_path.glob("*.md"))


def test_reused_parser_gives_the_same_content_and_metadata(settings, tmp_path):
    reusing = ReusingMarkdownReader(settings)
    files = sources(tmp_path)
    assert len(files) > len(TRICKY) * 2
    for path in files:
        expected = MarkdownReader(settings).read(str(path))
        assert reusing.read(str(path)) == expected, path.name
    assert reusing._md is reusing._parser, "the parser was not reused"


def test_the_tricky_files_exercise_what_they_claim(settings, tmp_path):
    reader = ReusingMarkdownReader(settings)
    results = {path.name: reader.read(str(path)) for path in sources(tmp_path)}
    a, _ = results["a-footnotes.md"]
    b, _ = results["b-leaks.md"]
    assert 'class="footnote"' in a and "<abbr" in a and "example.org/a" not in a
    assert "<abbr" not in b and "example.org/a" not in b and "footnote" not in b
    assert results["d-no-meta.md"][1] == {}
    assert results["e-meta-again.md"][1]["title"] == "E"


def test_an_aligned_table_is_read_with_classes_not_inline_styles(settings, tmp_path):
    post = tmp_path / "tarieven.md"
    post.write_text(
        "Title: Tarieven\n\n| Dienst | Uren | Prijs |\n| :-- | :-: | --: |\n"
        "| Facturatie | 4 | € 180 |\n",
        encoding="utf-8",
    )
    content, _ = ReusingMarkdownReader(settings).read(str(post))
    assert "style=" not in content
    assert '<td class="align-left">Facturatie</td>' in content
    assert '<th class="align-center">Uren</th>' in content
    assert '<td class="align-right">€ 180</td>' in content
