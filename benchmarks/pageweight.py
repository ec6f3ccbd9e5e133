"""Page weight of the built site: bytes per page type and render-blocking requests.

Used by `invoke weight` (the report) and by tests/build/test_budgets.py (the budgets).
Every CSS and JS file a page loads is counted, including ES module imports and CSS
@imports followed transitively; images, icons and fonts are not.
"""

import gzip
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import brotli
from bs4 import BeautifulSoup

ORIGIN = "http://site.invalid/"
# import x from "./a.js"; import "./a.js"; export {x} from "./a.js"; import("./a.js")
JS_IMPORT = re.compile(
    r"""(?:\bimport|\bexport)\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+)["']"""
    r"""|\bimport\s*\(\s*["']([^"']+)["']\s*\)"""
)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)""")
GZIP_LEVEL = 6  # the zlib default, what servers compressing on the fly commonly use
BROTLI_QUALITY = 11  # what hosts that pre-compress static files use


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def brotlied(data: bytes) -> int:
    return len(brotli.compress(data, quality=BROTLI_QUALITY))


@dataclass
class Weight:
    """Raw, gzip and brotli bytes of one kind of resource (HTML, CSS or JS)."""

    raw: int = 0
    gzip: int = 0
    brotli: int = 0

    def add(self, data: bytes) -> None:
        self.raw += len(data)
        self.gzip += gzipped(data)
        self.brotli += brotlied(data)


@dataclass
class PageWeight:
    page: str
    html: Weight = field(default_factory=Weight)
    css: Weight = field(default_factory=Weight)
    js: Weight = field(default_factory=Weight)
    stylesheets: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    blocking: list[str] = field(default_factory=list)

    @property
    def total(self) -> Weight:
        parts = (self.html, self.css, self.js)
        kinds = ("raw", "gzip", "brotli")
        return Weight(*(sum(getattr(part, k) for part in parts) for k in kinds))

    @property
    def requests_before_render(self) -> int:
        """The HTML itself plus every render-blocking resource in its head."""
        return 1 + len(self.blocking)


def url_of(site: Path, file: Path) -> str:
    return urljoin(ORIGIN, file.relative_to(site).as_posix())


def file_of(site: Path, url: str) -> Path:
    """The built file behind a same-site URL; anything else is an error."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}/" != ORIGIN:
        raise ValueError(f"{url} is not on the site")
    path = site / parts.path.lstrip("/")
    if parts.path.endswith("/"):
        path = path / "index.html"
    if not path.is_file():
        raise FileNotFoundError(f"{parts.path} is referenced but not in {site}")
    return path


def imports_of(site: Path, file: Path) -> list[Path]:
    """The files a JS module or stylesheet imports; a foreign one is an error.

    A JS specifier that is neither a path nor a URL ("bare", like "lit") cannot load
    in a browser without an import map, so it is not followed.
    """
    text = file.read_text(encoding="utf-8")
    script = file.suffix in (".js", ".mjs")
    found = []
    for match in (JS_IMPORT if script else CSS_IMPORT).finditer(text):
        spec = next(group for group in match.groups() if group)
        bare = not spec.startswith(("./", "../", "/")) and "://" not in spec
        if not (script and bare):
            found.append(file_of(site, urljoin(url_of(site, file), spec)))
    return found


def with_imports(site: Path, files: list[Path]) -> list[Path]:
    """`files` and everything they import, transitively, each once, in load order."""
    seen: list[Path] = []
    pending = list(files)
    while pending:
        file = pending.pop(0)
        if file not in seen:
            seen.append(file)
            pending.extend(imports_of(site, file))
    return seen


def blocking_in_head(head) -> list[str]:
    """Stylesheets and classic synchronous scripts in the head block first render."""
    found = [
        link["href"]
        for link in head.select('link[rel~="stylesheet"][href]')
        if link.get("media", "all") != "print"
    ]
    for script in head.select("script[src]"):
        classic = script.get("type", "text/javascript") in ("text/javascript", "")
        if classic and not script.has_attr("async") and not script.has_attr("defer"):
            found.append(script["src"])
    return found


def weigh(site: Path, page: Path) -> PageWeight:
    """The weight of one built page with every stylesheet and script it loads."""
    html = page.read_bytes()
    doc = BeautifulSoup(html, "html.parser")
    base = url_of(site, page)
    result = PageWeight(page.relative_to(site).as_posix())
    result.html.add(html)
    links = doc.select('link[rel~="stylesheet"][href]')
    scripts = doc.select("script[src]") + doc.select('link[rel="modulepreload"][href]')
    css = [file_of(site, urljoin(base, link["href"])) for link in links]
    js = [file_of(site, urljoin(base, s.get("src") or s["href"])) for s in scripts]
    for file in with_imports(site, css):
        result.css.add(file.read_bytes())
        result.stylesheets.append(file.relative_to(site).as_posix())
    for file in with_imports(site, js):
        result.js.add(file.read_bytes())
        result.scripts.append(file.relative_to(site).as_posix())
    result.blocking = blocking_in_head(doc.head) if doc.head else []
    return result


def is_article(page: Path) -> bool:
    return 'property="og:type" content="article"' in page.read_text(encoding="utf-8")


def page_types(site: Path) -> dict[str, Path]:
    """One built page of each type, found by its place in the site."""
    blog = site / "blog"
    candidates = {
        "home": [site / "index.html"],
        "article": [p for p in sorted(blog.glob("*/index.html")) if is_article(p)],
        "blog index": [blog / "index.html"],
        "blog page 2": [blog / "pagina" / "2" / "index.html"],
        "category": sorted((blog / "categorie").glob("*/index.html")),
        "categories": [blog / "categorieen" / "index.html"],
        "tag": sorted((blog / "tag").glob("*/index.html")),
        "tags": [blog / "tags" / "index.html"],
        "archives": [blog / "archief" / "index.html"],
        "diensten": [site / "diensten" / "index.html"],
        "contact": [site / "contact" / "index.html"],
        "privacy": [site / "privacy" / "index.html"],
        "404": [site / "404.html"],
    }
    return {
        kind: found[0]
        for kind, files in candidates.items()
        if (found := [f for f in files if f.is_file()])
    }
