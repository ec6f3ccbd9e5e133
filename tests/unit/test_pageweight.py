"""The page-weight measure counts what a browser would load, imports included."""

import gzip

import pytest

from benchmarks.pageweight import gzipped, weigh

HEAD = """<!doctype html><html lang="nl"><head><title>t</title>
<link rel="stylesheet" href="../css/site.css">
<link rel="stylesheet" href="/css/print.css" media="print">
<script src="/js/old.js"></script>
<script src="/js/late.js" defer></script>
<script type="module" src="/js/app.js"></script>
<link rel="icon" href="/img/icon.svg">
</head><body><img src="/img/photo.jpg" alt=""></body></html>"""


def write(root, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


@pytest.fixture
def site(tmp_path):
    write(
        tmp_path,
        {
            "blog/index.html": HEAD,
            "css/site.css": '@import url("parts/base.css");\nbody{color:red}',
            "css/parts/base.css": "html{margin:0}",
            "css/print.css": "a{color:black}",
            "js/old.js": "var x = 1;",
            "js/late.js": "let y = 2;",
            "js/app.js": 'import { a } from "./lib/a.js";\nexport * from "./b.js";',
            "js/lib/a.js": 'import "../b.js";\nconst c = import("./c.js");',
            "js/b.js": "export const b = 1;",
            "js/lib/c.js": "export default 3;",
            "img/photo.jpg": "x" * 50000,
            "img/icon.svg": "<svg></svg>",
        },
    )
    return tmp_path


def test_counts_every_stylesheet_and_script_with_their_imports(site):
    weight = weigh(site, site / "blog/index.html")
    assert weight.stylesheets == ["css/site.css", "css/print.css", "css/parts/base.css"]
    assert sorted(weight.scripts) == [
        "js/app.js",
        "js/b.js",
        "js/late.js",
        "js/lib/a.js",
        "js/lib/c.js",
        "js/old.js",
    ]
    css = [(site / name).read_bytes() for name in weight.stylesheets]
    assert weight.css.raw == sum(len(data) for data in css)
    assert weight.css.gzip == sum(len(gzip.compress(d, 6, mtime=0)) for d in css)
    assert weight.html.raw == len(HEAD.encode())
    assert weight.total.gzip == weight.html.gzip + weight.css.gzip + weight.js.gzip
    assert weight.total.raw < 2000, "images and icons are not counted"


def test_only_head_stylesheets_and_classic_scripts_block_render(site):
    weight = weigh(site, site / "blog/index.html")
    assert weight.blocking == ["../css/site.css", "/js/old.js"]
    assert weight.requests_before_render == 3


def test_a_missing_import_is_an_error_not_zero_bytes(site):
    (site / "js/b.js").unlink()
    with pytest.raises(FileNotFoundError, match="/js/b.js"):
        weigh(site, site / "blog/index.html")


def test_a_third_party_script_is_an_error(site):
    page = site / "blog/index.html"
    page.write_text(HEAD.replace("/js/old.js", "https://cdn.example/x.js"))
    with pytest.raises(ValueError, match="not on the site"):
        weigh(site, page)


def test_compression_is_deterministic():
    data = b"paard " * 1000
    assert gzipped(data) == gzipped(data) < len(data) / 10
