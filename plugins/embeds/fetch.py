"""What WeasyPrint may load for a checklist PDF: files of the theme and the content
folder (and the PDF's own assets), nothing else: no web address, no other file.

Before a PDF is rendered, every address in its HTML is checked here, so a checklist
that names a remote image, an absolute path, a file that is not there or `{static}`
(which only posts understand) stops the build with its file and line.
WeasyPrint's own fetcher is then wrapped so that it refuses the same addresses.
"""

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup
from sitekit.errors import DefinitionError
from sitekit.lines import line_with

ASSETS = Path(__file__).parent / "pdf"
ATTRIBUTES = ("src", "href", "data", "poster")  # links (<a>) are never fetched


def site_roots(settings: dict) -> tuple[Path, ...]:
    """The folders a checklist PDF may load from: its own assets, the theme and the
    content folder."""
    folders = (ASSETS, Path(settings["THEME"]), Path(settings["PATH"]))
    return tuple(folder.resolve() for folder in folders)


def allowed(url: str, roots: tuple[Path, ...]) -> bool:
    """True for a file:// address inside one of `roots`, and for inline data."""
    parts = urlsplit(url)
    if parts.scheme == "data":
        return True
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return False
    path = Path(unquote(parts.path)).resolve()
    return any(path.is_relative_to(root) for root in roots)


def problem(value: str, url: str, roots: tuple[Path, ...]) -> str | None:
    """The code of what keeps the PDF from loading `value` (at `url`), or None."""
    if re.search(r"\{(?:static|filename|attach)\}", value):
        return "pdf-static"
    if not allowed(url, roots):
        return "pdf-outside"
    parts = urlsplit(url)
    if parts.scheme == "file" and not Path(unquote(parts.path)).is_file():
        return "pdf-missing"
    return None


def check_addresses(
    html: str, base_url: str, checklist, roots: tuple[Path, ...]
) -> None:
    """Stop the build at the checklist line that names an address it may not load."""
    base = Path(base_url).resolve().as_uri() + "/"
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        if tag.name == "a":
            continue
        for attribute in ATTRIBUTES:
            value = unquote((tag.get(attribute) or "").strip())
            found = value and problem(value, urljoin(base, value), roots)
            if found:
                line = line_with(checklist.source, value)
                raise DefinitionError(checklist.source, found, line=line, value=value)


def url_fetcher(roots: tuple[Path, ...]):
    """WeasyPrint's fetcher, limited to the addresses `allowed` accepts in `roots`;
    any other stops the rendering."""
    from weasyprint.urls import URLFetcher

    class LocalOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if not allowed(url, roots):
                raise ValueError(f"not loaded for a checklist PDF: {url}")
            return super().fetch(url, headers)

    return LocalOnly(allowed_protocols=("file", "data"), fail_on_errors=True)
