"""The link gate, in-process over the whole output every time (it takes a second):
every internal link and source resolves to a file of the site, and every link has
text a reader (and a screen reader) can follow."""

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from . import Finding

SOURCES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
}
NOT_FETCHED = ("mailto:", "tel:", "javascript:", "data:", "blob:", "sms:")
LOCAL = "http://site.invalid"  # the origin the gates give a site without SITEURL


class PageLinks(HTMLParser):
    """The addresses a page refers to, (line, address), and its links without
    text, (line, address)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.addresses: list[tuple[int, str]] = []
        self.textless: list[tuple[int, str]] = []
        self.open_link: list | None = None  # [line, href, has text]

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        line = self.getpos()[0]
        for name in SOURCES.get(tag, ()):
            value = (values.get(name) or "").strip()
            if name == "srcset":
                for candidate in filter(None, value.split(",")):
                    self.addresses.append((line, candidate.split()[0]))
            elif value:
                self.addresses.append((line, value))
        if tag == "a" and "href" in values:
            named = any(values.get(k) for k in ("aria-label", "aria-labelledby"))
            self.open_link = [line, values["href"] or "", named]
        elif tag == "img" and self.open_link is not None and values.get("alt"):
            self.open_link[2] = True

    def handle_data(self, data):
        if self.open_link is not None and data.strip():
            self.open_link[2] = True

    def handle_endtag(self, tag):
        if tag == "a" and self.open_link is not None:
            line, href, named = self.open_link
            if not named:
                self.textless.append((line, href))
            self.open_link = None


def target(address: str, page_url: str, public: str) -> str | None:
    """The site path an address on a page points at; None for another site or for
    what is not fetched (mail, phone, a fragment of the page itself)."""
    if not address or address.startswith("#") or address.startswith(NOT_FETCHED):
        return None
    url = urljoin(page_url, address)
    if not url.startswith(public + "/"):
        return None
    return unquote(urlsplit(url).path[len(urlsplit(public).path) :])


def resolves(path: str, files: set[str]) -> bool:
    """Whether a host serving the site answers `path` with a file."""
    path = path.lstrip("/")
    if path == "" or path.endswith("/"):
        return path + "index.html" in files
    return path in files or path + "/index.html" in files


def site_base(public_url: str) -> str:
    """The address the site is checked at: its SITEURL, else LOCAL; no final /."""
    return (public_url or LOCAL).rstrip("/")


def page_url(page: str, public: str) -> str:
    return f"{public}/{page.removesuffix('index.html')}"


def check_links(site: Path, public_url: str = "") -> list[Finding]:
    """Every broken internal address and every link without text in the site."""
    public = site_base(public_url)
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    findings = []
    for page in sorted(p for p in files if p.endswith(".html")):
        parser = PageLinks()
        parser.feed((site / page).read_text(encoding="utf-8", errors="replace"))
        here = page_url(page, public)
        for line, address in parser.addresses:
            path = target(address, here, public)
            if path is not None and not resolves(path, files):
                findings.append(Finding("link-broken", page, line, {"url": address}))
        for line, address in parser.textless:
            findings.append(Finding("link-without-text", page, line, {"url": address}))
    return findings
