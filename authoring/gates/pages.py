"""Which built page comes from which post, what shape each page has, what was
published last time (the manifest), and so which pages the HTML and browser gates
must see.

Check what changed, never less than what matters: the gates see every page whose
bytes changed since the last deploy, plus one page of every shape, every time. A
change to what shapes every page (theme, plugins, settings, the gates, the tools)
makes every page count as changed. Lists (tags, categories, authors, the blog's
pages) get one page of their shape in the browser: their content cannot change
what axe or the CSP find there, as each post is checked on its own page.
"""

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..publishing import written_item

# What shapes every page: a change here re-checks the whole site.
INPUTS = (
    "theme",
    "plugins",
    "authoring/gates",
    "pelicanconf.py",
    "publishconf.py",
    "package-lock.json",
    "requirements.txt",
)
LISTS = ("tag", "category", "author", "list")


@dataclass
class Written:
    """A page Pelican wrote: the post or page it comes from (None for a list), and
    its shape (`article`, `page:<template>`, `tag`, `list:<name>`...)."""

    source: Path | None
    shape: str


def shape_of(path: str, context: dict) -> str:
    """The shape of a written page, from the context Pelican wrote it with."""
    item = written_item(context)
    if item is not None:
        return "article" if "article" in context else f"page:{item.template}"
    for kind in ("tag", "category", "author"):
        if kind in context:
            return kind
    if context.get("page_name"):
        return f"list:{context['page_name']}"
    return f"other:{path}"


@contextmanager
def recorded_pages(site: Path) -> Iterator[dict[str, Written]]:
    """While Pelican builds into `site`: each written file (its path in `site`), the
    post or page it comes from and its shape (Pelican's writer tells, as it
    writes)."""
    from pelican import signals

    pages: dict[str, Written] = {}

    def record(path, context=None, **kwargs) -> None:
        written, base = Path(path).resolve(), site.resolve()
        if written.is_relative_to(base):
            relative = written.relative_to(base).as_posix()
            item = written_item(context)
            source = Path(item.source_path) if item is not None else None
            pages[relative] = Written(source, shape_of(relative, context or {}))

    signals.content_written.connect(record, weak=False)
    try:
        yield pages
    finally:
        signals.content_written.disconnect(record)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def inputs_digest(root: Path) -> str:
    """One hash over every file that shapes every page."""
    total = hashlib.sha256()
    for name in INPUTS:
        base = root / name
        files = sorted(base.rglob("*")) if base.is_dir() else [base]
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                total.update(file.relative_to(root).as_posix().encode() + b"\0")
                total.update(digest(file).encode())
    return total.hexdigest()


def manifest(site: Path, root: Path) -> dict:
    """What a deploy of `site` publishes: every output path with its content hash,
    and the hash of what shapes every page."""
    files = {
        p.relative_to(site).as_posix(): digest(p)
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }
    return {"inputs": inputs_digest(root), "files": files}


def read_manifest(path: Path) -> dict:
    """The manifest of the last deploy; empty when there was none (or it is
    unreadable, which counts as none: everything is checked)."""
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
        return found if isinstance(found.get("files"), dict) else {}
    except (OSError, ValueError, AttributeError):
        return {}


def write_manifest(path: Path, found: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(found, indent=0, sort_keys=True), encoding="utf-8")


def changes(before: dict, after: dict) -> dict[str, list[str]]:
    """The files new, changed and removed between two manifests."""
    old, new = before.get("files", {}), after["files"]
    return {
        "new": sorted(set(new) - set(old)),
        "changed": sorted(p for p in set(new) & set(old) if new[p] != old[p]),
        "removed": sorted(set(old) - set(new)),
    }


@dataclass
class Choice:
    """The pages the HTML checker sees, and those the browser opens (True: the one
    page of its shape, which also waits for the network to go quiet)."""

    html: list[str]
    browser: dict[str, bool]
    full: bool


def chosen_pages(written: dict[str, Written], current: dict, previous: dict) -> Choice:
    """What the HTML and browser gates check this time (see the module's text)."""
    pages = sorted(p for p in current["files"] if p.endswith(".html"))
    full = previous.get("inputs") != current["inputs"]
    old = previous.get("files", {})
    changed = {p for p in pages if full or old.get(p) != current["files"][p]}
    shapes: dict[str, list[str]] = {}
    for page in pages:
        shape = written[page].shape if page in written else f"other:{page}"
        shapes.setdefault(shape, []).append(page)
    browser: dict[str, bool] = {}
    for shape, members in shapes.items():
        fresh = [p for p in members if p in changed]
        browser[(fresh or members)[0]] = True
        if not shape.startswith(LISTS):
            browser.update((p, browser.get(p, False)) for p in fresh)
    html = sorted(changed | set(browser))
    return Choice(html, dict(sorted(browser.items())), full)
