"""A Markdown extension: an aligned table column (`|:--:|`) gets a class, not the
inline style Python-Markdown writes (the CSP refuses inline styles, and so does the
allow-list of sitekit.markup). prose.css aligns `.align-center` and `-right`; a cell
is left-aligned already."""

import re

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

ALIGN = re.compile(r"text-align:\s*(left|center|right);?")


class AlignClasses(Treeprocessor):
    def run(self, root) -> None:
        for cell in root.iter():
            if cell.tag not in ("th", "td"):
                continue
            found = ALIGN.fullmatch(cell.get("style", "").strip())
            if found:
                del cell.attrib["style"]
                classes = [cell.get("class", ""), f"align-{found[1]}"]
                cell.set("class", " ".join(filter(None, classes)))


class AlignedTables(Extension):
    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(AlignClasses(md), "aligned_tables", 5)


def makeExtension(**kwargs) -> AlignedTables:  # noqa: N802 (Markdown's name)
    return AlignedTables(**kwargs)
