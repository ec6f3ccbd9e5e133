"""Parsing and validating checklists (content/checklists/*.md), attaching them to posts.

A checklist is a Markdown file: an optional header (`Article: slug`, the post its PDF
links back to), one `# Title`, a short intro, then task-list items (`- [ ] ...`),
optionally grouped under `## Headings`. Anything else fails with the file and line, so
an author's slip never turns into a silently odd list.
"""

import hashlib
import logging
import pickle
import re
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

import markdown_it
from markdown_it import MarkdownIt
from pelican.utils import slugify
from sitekit.attach import all_articles, choose, site_default
from sitekit.dates import SLUG as NAME
from sitekit.errors import DefinitionError
from sitekit.files import write_atomically

from .loading import DEFINITIONS, load_folder

logger = logging.getLogger(__name__)

FOLDER, SUFFIXES = DEFINITIONS["checklist"]
TASK = "[ ] "
# `Article: slug` above the title: the one post the checklist's PDF links back to.
HEADER = re.compile(r"([A-Za-z][A-Za-z_-]*)\s*:\s*(.*)")
HEADER_KEYS = ("article",)
# An intro line that was meant as a task item: `-[ ] ...`, `[x] ...`, `-[] ...`.
ALMOST_TASK = re.compile(r"[-*+]?\s*\[[ xX]?\]")
SLUG_SUBSTITUTIONS = [(r"[^\w\s-]", ""), (r"\s+", "-"), (r"-{2,}", "-")]
# Raw HTML is escaped, not passed through: checklist text is content, not markup.
_markdown = MarkdownIt("commonmark", {"html": False})


@dataclass
class Item:
    id: str
    html: str
    text: str
    line: int


@dataclass
class Group:
    title: str
    line: int = 0
    intro_html: str = ""
    items: list[Item] = field(default_factory=list)


@dataclass
class Checklist:
    """A parsed checklist; `article`, `used`, `pdf_*` are filled in during a build.

    `article` is the one post the PDF links back to: the one named in the header
    (`article_slug`), else the first published post (by date) that shows the list.
    One post, not all of them, so the PDF neither grows nor changes with every post.
    """

    name: str
    title: str
    intro_html: str
    groups: list[Group]
    source: str
    version: str
    article_slug: str = ""
    article_line: int | None = None
    article: object = None
    used: bool = False
    pdf_url: str = ""
    pdf_bytes: int = 0
    list_html: str = ""  # the tickable list as pages show it, rendered once a build

    @property
    def page_prefix(self) -> str:
        """Starts the ids of the list's boxes on a page, to keep them unique there."""
        return f"checklist-{self.name}-"

    @property
    def items(self) -> list[Item]:
        return [item for group in self.groups for item in group.items]

    @property
    def pdf_kilobytes(self) -> int:
        """The PDF's size in kB (1000 bytes), rounded up, as printed on the link."""
        return -(-self.pdf_bytes // 1000)


def parse_checklist(path: Path) -> Checklist:
    """Read and validate one checklist file."""
    name = path.stem
    if not NAME.fullmatch(name):
        raise DefinitionError(path, "checklist-file-name", value=name)
    source = path.read_text(encoding="utf-8")
    return parse_source(source, name, str(path))


def parse_source(source: str, name: str, file: str) -> Checklist:
    """Parse checklist Markdown; errors name `file` and the line."""
    lines = source.splitlines()

    def fail(code: str, line: int | None, path: str = "", **params):
        return DefinitionError(file, code, path, line, **params)

    header = _read_header(lines, fail)
    # The header lines become blank, so every line number stays the file's own.
    body = "\n" * len(header) + "\n".join(lines[len(header) :])
    tokens = _markdown.parse(body)

    def quote(line: int) -> str:
        return lines[line - 1].strip()[:60]

    title = None
    intro: list[str] = []
    groups: list[Group] = []
    ids: dict[str, Item] = {}
    texts: dict[str, Item] = {}
    index = 0
    while index < len(tokens):
        token = tokens[index]
        line = token.map[0] + 1 if token.map else None
        if token.type == "heading_open" and token.tag == "h1":
            if title is not None:
                raise fail("checklist-title-twice", line)
            title = tokens[index + 1].content.strip()
            index += 3
            continue
        if title is None:
            raise fail("checklist-no-title", line or 1)
        if token.type == "heading_open" and token.tag == "h2":
            heading = tokens[index + 1].content.strip()
            if groups and not groups[-1].items:
                empty = groups[-1]
                raise fail("group-empty", empty.line, group=empty.title)
            groups.append(Group(title=heading, line=line))
            index += 3
            continue
        if token.type == "paragraph_open":
            html = _markdown.renderer.render(
                tokens[index : index + 3], _markdown.options, {}
            )
            start, end = token.map
            for number in range(start, end):
                if ALMOST_TASK.match(lines[number].strip()):
                    raise fail("not-a-task", number + 1, text=quote(number + 1))
            group = groups[-1] if groups else None
            if group is None and not ids:
                intro.append(html)
            elif group is not None and not group.items:
                group.intro_html += html
            else:
                raise fail("not-a-task", line, text=quote(line))
            index += 3
            continue
        if token.type in ("bullet_list_open", "ordered_list_open"):
            if not groups:
                groups.append(Group(title=""))
            index = _read_list(tokens, index, groups[-1], ids, texts, lines, fail)
            continue
        raise fail("not-checklist", line, text=quote(line))
    if title is None:
        raise fail("checklist-empty", 1)
    if not ids:
        raise fail("checklist-no-tasks", 1)
    if groups and not groups[-1].items:
        empty = groups[-1]
        raise fail("group-empty", empty.line, group=empty.title)
    return Checklist(
        name=name,
        title=title,
        intro_html="".join(intro),
        groups=groups,
        source=file,
        version=hashlib.sha256(source.encode()).hexdigest()[:12],
        article_slug=header.get("article", ("", None))[0],
        article_line=header.get("article", ("", None))[1],
    )


def _read_header(lines: list[str], fail) -> dict[str, tuple[str, int]]:
    """The `Key: value` lines at the top, by lower-case key, with their line."""
    header: dict[str, tuple[str, int]] = {}
    for number, text in enumerate(lines, 1):
        match = HEADER.fullmatch(text.strip())
        if not text.strip() or not match:
            break
        key, value = match[1].lower(), match[2].strip()
        if key not in HEADER_KEYS:
            raise fail("checklist-header-unknown", number, key=match[1])
        if key in header:
            raise fail("header-twice", number, match[1], first=header[key][1])
        if not value:
            raise fail("article-empty", number, match[1])
        header[key] = (value, number)
    return header


def _read_list(tokens, index, group, ids, texts, lines, fail) -> int:
    """Read one Markdown list of task items into `group`; return the next index."""
    close = tokens[index].type.replace("_open", "_close")
    index += 1
    while tokens[index].type != close:
        start, end = tokens[index].map
        line = start + 1
        marker = lines[start].strip()[:60]
        head = tokens[index + 1 : index + 4]
        content = head[1].content if head[0].type == "paragraph_open" else ""
        if tokens[index].markup not in ("-", "*", "+") or not content.startswith("[ ]"):
            raise fail("not-a-task", line, text=marker)
        if not content[3:].strip():
            raise fail("task-empty", line)
        for number in range(start + 1, end):
            text = lines[number]
            if text.strip() and not text[:1].isspace():
                raise fail("not-a-task", number + 1, text=text.strip()[:60])
        index += 4
        while tokens[index].type != "list_item_close":
            extra = tokens[index]
            where = extra.map[0] + 1 if extra.map else line
            if extra.type.endswith("_list_open"):
                raise fail("task-nested-list", where)
            raise fail("task-paragraphs", where)
        _add_item(content[len(TASK) :].strip(), line, group, ids, texts, fail)
        index += 1
    return index + 1


def _add_item(content, line, group, ids, texts, fail) -> None:
    html = _markdown.renderInline(content)
    text = unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip())
    if text in texts:
        raise fail("task-twice", line, text=text, first=texts[text].line)
    base = slugify(text, SLUG_SUBSTITUTIONS)[:40].strip("-") or "taak"
    item_id, number = base, 2
    while item_id in ids:
        item_id, number = f"{base}-{number}", number + 1
    item = Item(id=item_id, html=html, text=text, line=line)
    ids[item_id] = texts[text] = item
    group.items.append(item)


# With the content cache on, parsed checklists are kept in CACHE_PATH by a hash of
# their path, source and this parser, so a rebuild parses only the files that changed.
CACHE_FILE = "checklist-sources.pickle"
_PARSER = hashlib.sha256(
    Path(__file__).read_bytes() + markdown_it.__version__.encode()
).digest()


def _read_cache(cache: Path) -> dict:
    try:
        with open(cache, "rb") as stream:
            known = pickle.load(stream)
        return known if isinstance(known, dict) else {}
    except Exception:  # missing, truncated or from another version: parse again
        return {}


def _write_cache(cache: Path, kept: dict) -> None:
    write_atomically(cache, pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))


def load_checklists(content: Path, cache: Path | None = None) -> dict[str, Checklist]:
    """Every checklist in `content`/checklists, by name; `cache`: a file to keep
    parsed checklists in (only files that parse are kept)."""
    if cache is None:
        return load_folder(content / FOLDER, SUFFIXES, parse_checklist)
    known = _read_cache(cache)
    kept: dict[bytes, Checklist] = {}

    def parse(path: Path) -> Checklist:
        key = hashlib.sha256(
            _PARSER + str(path).encode() + b"\0" + path.read_bytes()
        ).digest()
        kept[key] = known[key] if key in known else parse_checklist(path)
        return kept[key]

    found = load_folder(content / FOLDER, SUFFIXES, parse)
    if kept.keys() != known.keys():
        _write_cache(cache, kept)  # before the build attaches articles to them
    return found


def attach_checklists(generator) -> dict[str, Checklist]:
    """Give each article its checklist (`article.checklist`; None when off)."""
    settings = generator.settings
    cached = settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE")
    cache = Path(settings["CACHE_PATH"]) / CACHE_FILE if cached else None
    checklists = load_checklists(Path(settings["PATH"]), cache)
    default = site_default(settings, "checklist", checklists)
    published = set(map(id, generator.articles))
    shown_in: dict[str, list] = {name: [] for name in checklists}
    for article in all_articles(generator):
        checklist = choose(article, "Checklist", default, checklists)
        article.checklist = checklist
        if checklist is not None:
            checklist.used = True
            if id(article) in published:
                shown_in[checklist.name].append(article)
    for name, checklist in checklists.items():
        checklist.article = home_article(checklist, shown_in[name])
    return checklists


def home_article(checklist: Checklist, shown_in: list):
    """The published post the checklist's PDF links back to; None when none shows it.

    The header's `Article:` when set (it must show this checklist), else the first
    post by date, which only changes when that post goes away or is back-dated past.
    """
    if not checklist.article_slug:
        return min(shown_in, key=lambda a: (a.date, a.url), default=None)
    for article in shown_in:
        if article.slug == checklist.article_slug:
            return article
    if not shown_in:
        return None
    raise DefinitionError(
        checklist.source,
        "article-not-showing",
        "Article",
        checklist.article_line,
        value=checklist.article_slug,
        options=sorted({a.slug for a in shown_in}),
    )
