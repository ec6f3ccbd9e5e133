"""What the publish gates found, in Dutch: which page, what is wrong, what to do."""

from pathlib import Path
from xml.sax.saxutils import quoteattr

from authoring.publishing import gate_problems

FAILURES = {
    "test_no_broken_internal_links": "AssertionError: url,status,state,parent\n"
    "http://127.0.0.1:8123/blog/weg/,404,BROKEN,http://127.0.0.1:8123/blog/kapot/",
    "test_every_page_is_clean": "AssertionError: assert {'/blog/kapot/': {'csp': "
    "['frame-src: https://x.nl/v']}} == {}",
}


def report(folder: Path, name: str) -> Path:
    path = folder / "report.xml"
    path.write_text(
        f'<testsuites><testsuite><testcase name="{name}">'
        f"<failure message={quoteattr(FAILURES[name])}>details</failure>"
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
