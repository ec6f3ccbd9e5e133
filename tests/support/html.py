"""Read built pages back."""

import re
from pathlib import Path

from bs4 import BeautifulSoup


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text_of(node) -> str:
    """The visible text of a node with white space folded, as a reader sees it."""
    return re.sub(r"\s+", " ", node.get_text(" ")).strip()
