"""What the publish gates found, in Dutch: which page, what is wrong, what to do."""

import shutil
from pathlib import Path
from xml.sax.saxutils import quoteattr

from authoring.messages import run_pelican
from authoring.publishing import gate_problems, recorded_sources
from tests.conftest import ROOT

FAILURES = {
    "test_no_broken_internal_links": "AssertionError: url,status,state,parent\n"
    "http://127.0.0.1:8123/blog/weg/,404,BROKEN,http://127.0.0.1:8123/blog/kapot/",
    "test_every_page_is_clean": "AssertionError: assert {'/blog/kapot/': {'csp': "
    "['frame-src: https://x.nl/v']}} == {}",
}


def report(folder: Path, name: str, page: str = "/blog/kapot/", failure="") -> Path:
    """pytest's JUnit XML with one failed gate (its message about `page`)."""
    path = folder / "report.xml"
    failure = (failure or FAILURES[name]).replace("/blog/kapot/", page)
    path.write_text(
        f'<testsuites><testsuite><testcase name="{name}">'
        f"<failure message={quoteattr(failure)}>details</failure>"
        "</testcase></testsuite></testsuites>",
        encoding="utf-8",
    )
    return path


def site(folder: Path) -> Path:
    page = folder / "site/blog/kapot/index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<!doctype html>", encoding="utf-8")
    return folder / "site"


def test_each_gate_names_the_page_in_dutch(tmp_path):
    built = site(tmp_path)
    links = gate_problems(report(tmp_path, "test_no_broken_internal_links"), built)
    assert [str(p) for p in links] == [
        "blog/kapot/index.html:1: fout: deze pagina linkt naar een adres dat niet "
        "bestaat (controleer de links in de post; een eigen post link je met "
        "{filename}/posts/naam.md)"
    ]
    browser = gate_problems(report(tmp_path, "test_every_page_is_clean"), built)
    assert [str(p) for p in browser] == [
        "blog/kapot/index.html:1: fout: deze pagina doet in de browser iets wat de "
        "site niet toestaat: een script, een frame, opmaak of een bron van een "
        "andere website (haal ingesloten frames, scripts en style= uit de post; "
        "zet een gewone link neer)"
    ]


def test_a_gate_failure_names_the_post_the_page_was_built_from(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    post = content / "posts/dilemmas.md"
    text = post.read_text(encoding="utf-8")
    # An image from another site: the build allows it, the browser gate does not.
    remote = "![Video](https://x.nl/v)"
    twice = '<p id="inhoud">Dubbel.</p>'  # the id of the page's <main> as well
    text = text.replace("\n- Stel jezelf", f"\n{remote}\n\n{twice}\n\n- Stel jezelf", 1)
    post.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    told: list[str] = []
    with recorded_sources(site) as sources:
        args = [str(content), "-o", str(site)]
        assert run_pelican(ROOT / "pelicanconf.py", args, told.append) == 0, told
    # The browser gate names an address; the HTML checker, a line of the built page.
    built = (site / "blog/dilemmas/index.html").read_text(encoding="utf-8")
    html_line = built.splitlines().index(twice) + 1
    # The checker (with --also-check-css) names the line before the element.
    invalid = (
        f"AssertionError: /blog/kapot/index.html:{html_line - 1}: "
        "Duplicate ID “inhoud”."
    )
    blocked = (
        "AssertionError: assert {'/blog/kapot/': {'csp': "
        "['img-src: https://x.nl/v']}} == {}"
    )
    lines = text.splitlines()
    for gate, failure, mistake, wrong in [
        ("test_every_page_is_clean", blocked, remote, "deze pagina doet in de browser"),
        ("test_every_page_and_stylesheet_is_valid", invalid, twice, "de HTML van"),
    ]:
        failed = report(tmp_path, gate, "/blog/dilemmas/", failure)
        [problem] = gate_problems(failed, site, sources, tmp_path)
        assert str(problem).startswith(
            f"content/posts/dilemmas.md:{lines.index(mistake) + 1}: fout: {wrong}"
        )
