"""Read built pages back."""

import re
from pathlib import Path

from bs4 import BeautifulSoup


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def fold(text: str) -> str:
    """Text with every run of white space folded to one space."""
    return re.sub(r"\s+", " ", text).strip()


def text_of(node) -> str:
    """The visible text of a node with white space folded, as a reader sees it."""
    return fold(node.get_text(" "))


def site_paths(site) -> list[str]:
    """The URL path of every HTML page in the build."""
    return [
        "/" + file.relative_to(site).as_posix().removesuffix("index.html")
        for file in sorted(site.rglob("*.html"))
    ]
