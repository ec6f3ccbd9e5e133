"""Parsing and validating checklists (content/checklists/*.md), attaching them to posts.

A checklist is a Markdown file: an optional header (`Article: slug`, the post its PDF
links back to), one `# Title`, a short intro, then task-list items (`- [ ] ...`),
optionally grouped under `## Headings`. Anything else fails with the file and line of
every mistake at once, so an author's slip never turns into a silently odd list.
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
    """Read and validate one checklist file; a DefinitionError holds every mistake
    in it (`findings`)."""
    name = path.stem
    found = []
    if not NAME.fullmatch(name):
        found.append(DefinitionError(path, "checklist-file-name", value=name))
    source = path.read_text(encoding="utf-8")
    try:
        checklist = parse_source(source, name, str(path))
    except DefinitionError as error:
        found += error.findings
    if found:
        raise DefinitionError.collected(found)
    return checklist


def parse_source(source: str, name: str, file: str) -> Checklist:
    """Parse checklist Markdown; a DefinitionError names `file` and the line of
    every mistake (`findings`), in the order of the file."""
    lines = source.splitlines()
    found: list[DefinitionError] = []

    def fail(code: str, line: int | None, path: str = "", **params) -> None:
        found.append(DefinitionError(file, code, path, line, **params))

    header, count = _read_header(lines, fail)
    # The header lines become blank, so every line number stays the file's own.
    body = "\n" * count + "\n".join(lines[count:])
    tokens = _markdown.parse(body)

    def quote(line: int) -> str:
        return lines[line - 1].strip()[:60]

    title = None
    untitled = False  # text came before the title (told once)
    intro: list[str] = []
    groups: list[Group] = []
    ids: dict[str, Item] = {}
    texts: dict[str, Item] = {}
    index = 0
    while index < len(tokens):
        token = tokens[index]
        line = token.map[0] + 1 if token.map else None
        if token.type == "heading_open" and token.tag == "h1":
            if title is not None and not untitled:
                fail("checklist-title-twice", line)
            else:
                title, untitled = tokens[index + 1].content.strip(), False
            index += 3
            continue
        if title is None:
            fail("checklist-no-title", line or 1)
            title, untitled = "", True
        if token.type == "heading_open" and token.tag == "h2":
            heading = tokens[index + 1].content.strip()
            if groups and not groups[-1].items:
                fail("group-empty", groups[-1].line, group=groups[-1].title)
            groups.append(Group(title=heading, line=line))
            index += 3
            continue
        if token.type == "paragraph_open":
            html = _markdown.renderer.render(
                tokens[index : index + 3], _markdown.options, {}
            )
            start, end = token.map
            almost = [
                n + 1 for n in range(start, end) if ALMOST_TASK.match(lines[n].strip())
            ]
            for number in almost:
                fail("not-a-task", number, text=quote(number))
            group = groups[-1] if groups else None
            if almost:  # told above
                index += 3
                continue
            if group is None and not ids:
                intro.append(html)
            elif group is not None and not group.items:
                group.intro_html += html
            else:
                fail("not-a-task", line, text=quote(line))
            index += 3
            continue
        if token.type in ("bullet_list_open", "ordered_list_open"):
            if not groups:
                groups.append(Group(title=""))
            index = _read_list(tokens, index, groups[-1], ids, texts, lines, fail)
            continue
        fail("not-checklist", line, text=quote(line))
        index = _closed(tokens, index) + 1
    if not found and title is None:
        fail("checklist-empty", 1)
    elif not found and not ids:
        fail("checklist-no-tasks", 1)
    if groups and not groups[-1].items:
        fail("group-empty", groups[-1].line, group=groups[-1].title)
    if found:
        raise DefinitionError.collected(found)
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


def _closed(tokens, index: int) -> int:
    """The index of the token that closes the one at `index` (itself if none)."""
    if tokens[index].nesting != 1:
        return index
    level = tokens[index].level
    return next(
        i
        for i in range(index + 1, len(tokens))
        if tokens[i].nesting == -1 and tokens[i].level == level
    )


def _read_header(lines: list[str], fail) -> tuple[dict[str, tuple[str, int]], int]:
    """The `Key: value` lines at the top, by lower-case key, with their line (a
    mistaken one is told and skipped), and how many lines they are."""
    header: dict[str, tuple[str, int]] = {}
    count = 0
    for number, text in enumerate(lines, 1):
        match = HEADER.fullmatch(text.strip())
        if not text.strip() or not match:
            break
        count = number
        key, value = match[1].lower(), match[2].strip()
        if key not in HEADER_KEYS:
            fail("checklist-header-unknown", number, key=match[1])
        elif key in header:
            fail("header-twice", number, match[1], first=header[key][1])
        elif not value:
            fail("article-empty", number, match[1])
        else:
            header[key] = (value, number)
    return header, count


def _read_list(tokens, index, group, ids, texts, lines, fail) -> int:
    """Read one Markdown list of task items into `group`; return the next index.
    An item that is no task is told and left out."""
    close = _closed(tokens, index)
    index += 1
    while index < close:
        end_item = _closed(tokens, index)
        _read_item(tokens[index:end_item], group, ids, texts, lines, fail)
        index = end_item + 1
    return close + 1


def _read_item(tokens, group, ids, texts, lines, fail) -> None:
    """One list item (its tokens, without the closing one) as a task of `group`."""
    start, end = tokens[0].map
    line = start + 1
    head = tokens[1:4]
    content = head[1].content if head[:1] and head[0].type == "paragraph_open" else ""
    if tokens[0].markup not in ("-", "*", "+") or not content.startswith("[ ]"):
        return fail("not-a-task", line, text=lines[start].strip()[:60])
    if not content[3:].strip():
        return fail("task-empty", line)
    for number in range(start + 1, end):
        text = lines[number]
        if text.strip() and not text[:1].isspace():
            return fail("not-a-task", number + 1, text=text.strip()[:60])
    if len(tokens) > 4:
        extra = tokens[4]
        where = extra.map[0] + 1 if extra.map else line
        nested = extra.type.endswith("_list_open")
        return fail("task-nested-list" if nested else "task-paragraphs", where)
    _add_item(content[len(TASK) :].strip(), line, group, ids, texts, fail)


def _add_item(content, line, group, ids, texts, fail) -> None:
    html = _markdown.renderInline(content)
    text = unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip())
    if text in texts:
        return fail("task-twice", line, text=text, first=texts[text].line)
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
