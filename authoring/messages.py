"""Every mistake the author can meet, as one Dutch line: `bestand:regel: fout: wat er
mis is (wat je kunt doen)`.

The plugins raise a DefinitionError (a code, file, field path, line, parameters; or
all of a file's, `findings`), worded from the catalog (`catalog.py`,
`problems.nl.yaml`); Pelican logs English records, which only this module reads by
pattern. It words both for the author: `problems_from_error` for an error,
`DutchBuildLog` for the log of a build, and `run_pelican(settings_file, args, write)`
to build with it: `invoke build` and `publish` build through it, the preview through
`dutch_build_log`; `write` receives each line (print it, or show it in the preview's
banner). Every report is in one order, `report_lines`: `invoke check`'s and the
build's lines are the same lines in the same order.
"""

import logging
import re
import sys
from contextlib import contextmanager
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from pelican.settings import DEFAULT_CONFIG
from pictures.resize import MAX_PIXELS, PictureError
from sitekit.dates import DateError, SlugError
from sitekit.errors import DefinitionError
from sitekit.findings import FINDING
from sitekit.header import HeaderError, read_source
from sitekit.lines import field_line, line_with
from sitekit.markup import MarkupError, Refusal
from sitekit.owner import (
    OWNER_FILE,
    SCHEMA,
    SettingsError,
    file_path,
    read,
    setting_line,
    setting_lines,
    setting_path,
)
from sitekit.reading import FieldMissing, ReadErrors

from .catalog import ERROR, Problem, worded, words  # noqa: F401 (ERROR: for lint.py)
from .source import site_settings, slug_field, slug_for

WARNING = "waarschuwing"
SETTINGS_NAME = "pelicanconf.py"
PREVIEW = "make serve"  # where a line about the preview itself is told
FATAL = "Warning or error encountered"  # Pelican's RuntimeError under --fatal


def shown(
    path: str | Path, content: Path | None = None, root: Path | None = None
) -> str:
    """A file as the author finds it: from the project (`root`) or the current
    folder when inside it; a path Pelican gives relative to the content folder is
    shown with that folder."""
    path = Path(path)
    if not path.is_absolute():
        if content is not None and not path.exists() and (content / path).exists():
            path = content / path
        else:
            return path.as_posix()
    path = path.resolve()
    for base in (root, Path.cwd()):
        if base is not None and path.is_relative_to(base.resolve()):
            return path.relative_to(base.resolve()).as_posix()
    return str(path)


# -- the plugins' definition errors ---------------------------------------------------


def suggested_slug(text: str) -> str:
    """The slug Pelican makes of `text` (one the site accepts, sitekit.dates.SLUG)."""
    return slug_for(text, DEFAULT_CONFIG)


def sets_itself(settings_file: Path, path: str) -> bool:
    """Whether the settings file assigns the setting at `path` (its name) itself."""
    name = re.split(r"[.\[]", path, maxsplit=1)[0]
    text = settings_file.read_text(encoding="utf-8") if settings_file.is_file() else ""
    return bool(name) and bool(re.search(rf"^{re.escape(name)}\s*=", text, re.M))


def settings_line(settings_file: Path, path: str) -> int:
    """The line of a settings file that sets the setting at `path` (e.g.
    `CTAS.kennismaking.title`): the last assignment of the name, then its keys."""
    try:
        lines = settings_file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    parts = [p for p in re.split(r"[.\[\]]+", path) if p]
    found = [n for n, text in enumerate(lines) if re.match(rf"{parts[0]}\s*=", text)]
    if not found:
        return 1
    number = found[-1]
    for key in parts[1:]:
        key = key.strip("'\"")
        number = next(
            (n for n in range(number, len(lines)) if f'"{key}"' in lines[n]), number
        )
    return number + 1


def problem_from_error(
    error: DefinitionError,
    content: Path | None = None,
    settings_file: Path | None = None,
) -> Problem:
    """A plugin's DefinitionError as the author reads it: its code's words from the
    catalog, at its file, line and field path (a setting's: where the build with
    `settings_file` gets it from)."""
    message, advice, _level = words(error.code, error.params)
    file, line, path = error.file, error.line, error.path
    if Path(file).name == SETTINGS_NAME and not Path(file).is_absolute():
        file, line = setting_place(path or "", line, settings_file)
        if path and Path(file).name == Path(OWNER_FILE).name:
            path = file_path(path)  # as she wrote it: forms.contact, not FORMS
    if path and not message.startswith(path):
        message = f"{path}: {message}"
    root = settings_file.parent if settings_file else None
    return Problem.error(shown(file, content, root), line or 1, message, advice)


def setting_place(
    path: str, line: int | None, settings_file: Path | None
) -> tuple[Path, int]:
    """Where the setting at `path` (e.g. `CTAS.kennismaking.title`) is written for a
    build with `settings_file`: publishconf.py's line when it sets it itself (it
    overrides pelicanconf.py), else its line of the owner's settings, or of
    `pelicanconf.py` when that sets it itself."""
    given = settings_file or Path.cwd() / SETTINGS_NAME
    if given.name != SETTINGS_NAME and sets_itself(given, path):
        return given, settings_line(given, path)
    base = given.parent / SETTINGS_NAME
    return owner_line(base, path) or (base, line or settings_line(base, path))


def problems_from_error(
    error: DefinitionError,
    content: Path | None = None,
    settings_file: Path | None = None,
) -> list[Problem]:
    """Every finding a DefinitionError holds (a file's, collected), worded."""
    return [
        problem_from_error(found, content, settings_file) for found in error.findings
    ]


@lru_cache(maxsize=4)
def owner_lines(owner: Path, version: tuple) -> dict[str, int]:
    """The lines of the owner's settings by setting path, read once per version of
    the file (its modification time and size)."""
    return setting_lines(read(owner)[1])


def owner_line(settings_file: Path, path: str) -> tuple[Path, int] | None:
    """The owner's settings file and the line of the setting at `path` (e.g.
    `CTAS.kennismaking.title`), when the setting is hers and `pelicanconf.py` does not
    set it itself."""
    name = re.split(r"[.\[]", path, maxsplit=1)[0]
    if not name or sets_itself(settings_file, path):
        return None
    owner = settings_file.parent / OWNER_FILE
    try:
        stat = owner.stat()
        lines = owner_lines(owner, (stat.st_mtime_ns, stat.st_size))
    except (SettingsError, OSError):
        return None
    line = setting_line(lines, path)
    if not line and name in {setting_path(key) for key in SCHEMA}:
        line = 1  # hers, but not in the file (left out: empty)
    return (owner, line) if line else None


# -- the report: its order --------------------------------------------------------

# More of one kind than this are one line with the count and the first places.
GROUPED = 5
SHOWN_PLACES = 3
# What makes two findings one kind: the same level and advice, and the same message
# once the names, addresses and numbers in it are left out.
_PARTICULAR = re.compile(r"'[^']*'|\S*[/.:]\S*|\d+")


def kind(problem: Problem) -> tuple:
    return (problem.level, problem.advice, _PARTICULAR.sub("…", problem.message))


def report_lines(problems: list[Problem], every: bool = False) -> list[str]:
    """The lines of a report (`invoke check`, a build, the preview's banner), the
    same whatever order the problems came in: errors before warnings, each file's
    findings together, by line; more than GROUPED findings of one kind are one line
    with the count and the first places (unless `every`)."""
    ordered = sorted(set(problems), key=lambda p: (p.level != ERROR, p))
    groups: dict[tuple, list[Problem]] = {}
    for problem in ordered:
        groups.setdefault(kind(problem), []).append(problem)
    told = []
    for problem in ordered:
        group = groups[kind(problem)]
        if every or len(group) <= GROUPED:
            told.append(str(problem))
        elif problem is group[0]:
            places = ", ".join(f"{p.file}:{p.line}" for p in group[:SHOWN_PLACES])
            told.append(
                f"{len(group)}× {problem.level}: {problem.message} ({problem.advice}): "
                f"{places}, …; invoke check --alles toont ze allemaal"
            )
    return told


# -- Pelican's own records ----------------------------------------------------------
def empty_alt_line(path: Path, image: str) -> int | None:
    """The line showing `image` without a description: `![](...)` or `alt=""`."""
    empty = re.compile(r"!\[\s*\]\([^)]*" + re.escape(image) + r'|alt=""')
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    found = (n for n, t in enumerate(lines, 1) if image in t and empty.search(t))
    return next(found, None) or line_with(path, image)


def not_utf8(file: str) -> Problem:
    return worded(file, 1, "not-utf8")


def date_problem(file: str, line: int, error: DateError) -> Problem:
    return worded(file, line, error.code, error.params)


def status_problem(file: str, line: int, status: str) -> Problem:
    return worded(file, line, "status-unknown", {"value": status})


def static_by_filename(file: str, line: int, target: str) -> Problem:
    return worded(file, line, "link-static-as-filename", {"target": target})


# What reStructuredText may not do in a post (DOCUTILS_SETTINGS): docutils' message.
RST_REFUSED = {
    '"raw" directive disabled': "rst-raw",
    '"include" directive disabled': "rst-include",
}
RST_MESSAGE = re.compile(
    r":(?P<line>\d+): \((?:WARNING|ERROR|SEVERE)/\d\) (?P<text>.+)"
)


def rst_problem(file: str, error: Exception) -> Problem | None:
    """docutils stops a reStructuredText post: its line, in Dutch."""
    found = RST_MESSAGE.search(str(error))
    if not found:
        return None
    text = found["text"].strip()
    code = RST_REFUSED.get(text.rstrip("."), "rst-invalid")
    return worded(file, int(found["line"]), code, {"detail": text})


def settings_problem(error: SettingsError, root: Path) -> Problem:
    """A mistake in the owner's settings (sitekit.owner), at its line there."""
    message, advice, level = words(error.code, error.params)
    if error.path:
        message = f"{error.path}: {message}"
    return Problem(shown(error.file, root=root), error.line, level, message, advice)


def refused(file: str, line: int, refusal: Refusal) -> Problem:
    """HTML a post may not contain: the same line from `check` and the build."""
    return worded(file, line, f"refused-{refusal.kind}", {"what": refusal.what})


def slug_problem(file: str, line: int, error: SlugError) -> Problem:
    return worded(file, line, error.code, error.params)


# Pelican skips content without a title (or an article without a date).
MISSING_FIELD = {"title": "title-missing", "date": "date-missing"}


def missing_field(file: str, path: Path, field: str) -> Problem:
    """Pelican skips content without a title: an empty file, or one line missing
    (at line 1), or empty (at its line: sitekit.reading refuses an empty title)."""
    try:
        empty = not path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        empty = False
    if empty or field not in MISSING_FIELD:
        return worded(
            file, 1, "file-empty" if empty else "build-failed", {"detail": field}
        )
    return worded(file, field_line(path, field) or 1, MISSING_FIELD[field])


def field_twice(file: str, line: int, name: str, first: int) -> Problem:
    return worded(file, line, "field-twice", {"name": name, "first": first})


def lost_fields(file: str, line: int, name: str) -> Problem:
    """A line that is no field cuts the header short (sitekit.header.lost_field)."""
    return worded(file, line, "fields-cut-short", {"name": name})


def field_continued(file: str, line: int, name: str) -> Problem:
    """Markdown reads a header line starting with a tab or four spaces as the next
    line of the field above it."""
    return worded(file, line, "field-continued", {"name": name})


def duplicate_field(file: str, path: Path, key: str) -> Problem:
    """Pelican's "Duplicate definition": a field written twice, or continued."""
    try:
        same = [f for f in read_source(path).fields if f.name.lower() == key]
    except (OSError, UnicodeDecodeError):
        same = []
    if len(same) > 1:
        return field_twice(file, same[1].line, same[1].name, same[0].line)
    if same:
        return field_continued(file, same[0].line + 1, same[0].name)
    return worded(file, 1, "field-twice-unplaced", {"name": key})


def missing_alt(file: str, line: int, image: str) -> Problem:
    return worded(file, line, "image-alt-missing", {"image": image})


def broken_link(file: str, line: int, link: str) -> Problem:
    return worded(file, line, "link-missing", {"link": link})


def not_an_image(file: str, line: int, link: str) -> Problem:
    return worded(file, line, "image-unreadable", {"link": link})


def picture_problem(file: str, line: int, link: str, error: PictureError) -> Problem:
    """An image the site does not publish, told at the page that shows it."""
    params = {"link": link, "detail": error.detail, "most": round(MAX_PIXELS / 1e6)}
    return worded(file, line, f"picture-{error.reason}", params)


def busy_port(port: int | str) -> Problem:
    """The line for a preview that cannot start: another program has the port."""
    return worded(PREVIEW, 0, "port-busy", {"port": port, "other": int(port) + 1})


class DutchBuildLog(logging.Handler):
    """Turns the records of a Pelican build into Dutch problem lines.

    Problems are kept in `problems`, each once (`report_lines` orders them). Pelican's
    own progress and the consequences of an earlier problem (the RuntimeError of
    --fatal, "Could not process" after a warning) are dropped. The plugins' findings
    (sitekit.findings, logged below WARNING) are worded from the catalog.
    """

    def __init__(self, content: Path, settings_file: Path):
        super().__init__(FINDING)
        self.content = Path(content)
        self.settings_file = Path(settings_file)  # the build's (publishconf.py...)
        self.root = self.settings_file.parent
        self.problems: list[Problem] = []
        self.unread: set[Path] = set()  # posts the build could not read

    def emit(self, record: logging.LogRecord) -> None:
        finding = getattr(record, "finding", None)
        refused = getattr(record, "error", None)
        if finding is None and refused is None and record.levelno < logging.WARNING:
            return
        try:
            if refused is not None:
                found = problem_from_error(refused, self.content, self.settings_file)
            else:
                found = self.finding(finding) if finding else self.translate(record)
        except Exception:  # the report must never hide the problem itself
            found = self.unknown("", record.getMessage())
        for problem in found if isinstance(found, list) else [found]:
            if problem and problem not in self.problems:
                self.problems.append(problem)

    @property
    def failed(self) -> bool:
        """Whether any problem is an error (warnings do not fail a build)."""
        return any(getattr(p, "level", ERROR) == ERROR for p in self.problems)

    def finding(self, finding) -> Problem:
        """A plugin's finding (sitekit.findings), worded from the catalog; one about
        a setting at the line that sets it."""
        file, line = finding.source_path, finding.line
        if finding.setting:
            file, line = setting_place(finding.setting, None, self.settings_file)
        return worded(shown(file, self.content, self.root), line, finding.code,
                      finding.params)  # fmt: skip

    def exception_raised(self, error: Exception) -> None:
        """An exception that stopped a build, told as Pelican's `main` logs it."""
        self.handle(
            logging.makeLogRecord(
                {"msg": "%s: %s", "args": (type(error).__name__, error)}
                | {"levelno": logging.CRITICAL, "levelname": "CRITICAL"}
            )
        )

    def source(self, relative) -> tuple[str, Path]:
        path = Path(str(relative))
        path = path if path.is_absolute() else self.content / path
        return shown(path, root=self.root), path

    def translate(self, record: logging.LogRecord) -> Problem | list | str | None:
        error = record.exc_info[1] if record.exc_info else sys.exc_info()[1]
        if record.msg == "%s: %s" and record.args and len(record.args) == 2:
            error = record.args[1] if isinstance(record.args[1], Exception) else error
        if isinstance(error, RuntimeError) and str(error) == FATAL:
            return None  # the problem that made the build stop was reported already
        if isinstance(error, DefinitionError):
            return problems_from_error(error, self.content, self.settings_file)
        if isinstance(error, SettingsError):
            return settings_problem(error, self.root)
        message = str(record.msg)
        args = record.args if isinstance(record.args, tuple) else ()
        if message.startswith("Keyboard interrupt received"):
            return None  # the author stopped the preview herself
        if message.startswith("Could not listen on port") and args:
            return busy_port(args[0])
        if message.startswith("Could not process") and args:
            file, path = self.source(args[0])
            self.unread.add(path.resolve())
            found = []
            for one in error.errors if isinstance(error, ReadErrors) else [error]:
                told = self.unreadable(file, path, one)
                found += told if isinstance(told, list) else [told]
            return found
        if message.startswith("Skipping %s: could not find information about"):
            file, path = self.source(getattr(args[0], "source_path", args[0]))
            self.unread.add(path.resolve())  # skipped: a link to it is told already
            return missing_field(file, path, str(args[1]))
        if message.startswith("Duplicate definition of"):
            file, path = self.source(args[1])
            return duplicate_field(file, path, str(args[0]))
        if message.startswith("Empty alt attribute for image"):
            file, path = self.source(args[1])
            return missing_alt(file, empty_alt_line(path, str(args[0])), str(args[0]))
        if message.startswith("Unknown status"):
            file, path = self.source(getattr(args[1], "source_path", args[1]))
            return status_problem(file, field_line(path, "status"), str(args[0]))
        if message.startswith("{filename} used for linking to static"):
            file, path = self.source(getattr(args[1], "source_path", args[1]))
            target = "/" + str(args[0]).lstrip("/")
            return static_by_filename(file, line_with(path, str(args[0])), target)
        if message.startswith("Unable to find '%s', skipping url replacement"):
            if (self.content / str(args[0]).lstrip("/")).resolve() in self.unread:
                return None  # a link to a post told already: it could not be read
            return self.broken_link(str(args[0]))
        if message.startswith("Cannot get modification stamp") and args:
            missing = Path(str(args[0]))  # a {static} link to a file that isn't there
            if missing.is_relative_to(self.content) and not missing.exists():
                return self.broken_link(missing.relative_to(self.content).as_posix())
        if message.startswith(("There are %s items", "There are %s original")):
            paths = [Path(str(a)) for a in args[-int(args[0]) :]]
            slug = re.search(r'slug "([^"]*)"', str(args[1]))
            return self.same_slug(slug[1] if slug else "", paths)
        if isinstance(error, PictureError):
            return self.picture(error)
        if error.__class__.__name__ == "UnidentifiedImageError":
            image = re.search(r"'(.+)'", str(error))
            if image and Path(image[1]).is_relative_to(self.content):
                return self.not_an_image(Path(image[1]))
        if error.__class__.__name__ == "FileOverwriteFailedError":
            return self.same_address(str(error))
        if record.levelno < logging.WARNING:
            return None
        if isinstance(error, UnicodeDecodeError):  # a definition: find the file
            return self.not_utf8_file()
        if getattr(error, "filename", None) and getattr(error, "lineno", None):
            return worded(  # a template (Jinja) or Python file of the site
                shown(error.filename, root=self.root),
                error.lineno,
                "site-code-broken",
                {"detail": str(error)},
            )
        named = [getattr(a, "source_path", a) for a in args]
        files = [str(a) for a in named if str(a).endswith((".md", ".markdown"))]
        return self.unknown(
            self.source(files[0])[0] if files else "", record.getMessage()
        )

    def unreadable(self, file: str, path: Path, error) -> Problem | list[Problem]:
        """The lines of one mistake that kept Pelican from reading a post."""
        if isinstance(error, DateError):
            line = field_line(path, getattr(error, "field", "date"))
            return date_problem(file, line, error)
        if isinstance(error, SlugError):
            return slug_problem(file, field_line(path, "slug"), error)
        if isinstance(error, HeaderError):
            return lost_fields(file, error.line, error.field)
        if isinstance(error, FieldMissing):
            return missing_field(file, path, error.field)
        if isinstance(error, MarkupError):
            lines = error.lines
            if error.field:
                lines = [field_line(path, error.field)] * len(lines)
            return [
                refused(file, n, r) for n, r in zip(lines, error.refused, strict=True)
            ]
        if isinstance(error, UnicodeDecodeError):
            return not_utf8(file)
        if error.__class__.__name__ == "SystemMessage":  # docutils
            return rst_problem(file, error) or self.unknown(file, str(error))
        return self.unknown(file, str(error or ""))

    def unknown(self, file: str, detail: str) -> Problem:
        """A record no rule knows: still one line, with the detail for a developer."""
        found = worded(file or SETTINGS_NAME, 1, "build-failed", {"detail": detail})
        return replace(found, message=found.message.rstrip(": "))

    def not_utf8_file(self) -> Problem:
        """The first file of the content folder that is not UTF-8 text."""
        for path in sorted(self.content.rglob("*")):
            try:
                if path.is_file() and path.suffix in (".md", ".yaml", ".yml"):
                    path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                return not_utf8(shown(path, root=self.root))
        return worded(SETTINGS_NAME, 1, "build-failed-not-utf8")

    def linked_from(self, target: str) -> tuple[str, int, str] | None:
        """The first post that links to `target`: its file, line and the link."""
        for path in sorted(self.content.rglob("*.md")):
            text = path.read_text(encoding="utf-8", errors="replace")
            if target in text:
                link = next(
                    (
                        w
                        for w in re.findall(r"[{|]\w+[}|][^\s)\]]*", text)
                        if target in w
                    ),
                    target,
                ).rstrip(")")
                return shown(path, root=self.root), line_with(path, target), link
        return None

    def broken_link(self, target: str) -> Problem:
        """Pelican does not say which post links; the first that does is named."""
        return broken_link(*(self.linked_from(target) or (SETTINGS_NAME, 1, target)))

    def not_an_image(self, image: Path) -> Problem:
        """An image file Pillow cannot read, told at the post that shows it."""
        relative = image.relative_to(self.content).as_posix()
        found = self.linked_from(relative)
        return not_an_image(
            *(found or (shown(image, root=self.root), 1, "{static}/" + relative))
        )

    def picture(self, error: PictureError) -> Problem:
        """An image the site does not publish, at the first post that names it."""
        file, line, link = self.linked_from(error.target) or (
            SETTINGS_NAME,
            1,
            error.target,
        )
        if error.reason == "outside":
            link = error.target
        return picture_problem(file, line, link, error)

    def same_address(self, text: str) -> list[Problem]:
        """Two posts or pages written to one file: find them by their slug."""
        written = re.search(r'"([^"]+)"', text)
        slug = Path(written[1]).parent.name if written else ""
        users = []
        for path in sorted(self.content.rglob("*.md")):
            try:
                field = slug_field(read_source(path))
            except (OSError, UnicodeDecodeError):
                continue
            if field and suggested_slug(field.value) == slug:
                users.append(path)
        return self.same_slug(slug, users)

    def same_slug(self, slug: str, paths: list[Path]) -> list[Problem]:
        """Every file with the slug, each naming the others (as `check` does)."""
        if len(paths) < 2:
            return [worded(SETTINGS_NAME, 1, "slug-taken-unplaced", {"value": slug})]
        found = []
        for path in sorted(paths):
            others = ", ".join(
                shown(o, root=self.root) for o in sorted(paths) if o != path
            )
            line = field_line(path, "slug") or field_line(path, "title")
            params = {"value": slug, "others": others}
            found.append(
                worded(shown(path, root=self.root), line, "slug-taken", params)
            )
        return found


@contextmanager
def dutch_build_log(content: Path, settings_file: Path, quiet: bool = True):
    """While one build runs: its problems go to a DutchBuildLog (given to the body)
    in place of the root logger's handlers, Pelican's console is quiet, and the
    warnings Pelican shows once per process are shown again (each build of the
    preview, one process, must see its own)."""
    from pelican import log as pelican_log
    from pelican import signals

    log = DutchBuildLog(content, settings_file)

    def stop_before_writing(pelican) -> None:
        """Under --fatal (`invoke build`, publish) an error reported while reading
        stops the build before it writes anything, as Pelican's own would."""
        if log.failed and pelican_log.FatalLogger.fatal_lvl <= logging.WARNING:
            raise RuntimeError(FATAL)

    signals.get_writer.connect(stop_before_writing, weak=False)
    top = logging.getLogger()
    # With a handler on the root logger, Pelican adds none of its own (basicConfig).
    saved, top.handlers = top.handlers[:], [log]
    pelican_log.console.quiet = quiet
    pelican_log.LimitFilter._raised_messages.clear()
    pelican_log.LimitFilter._group_count.clear()
    try:
        yield log
    finally:
        top.handlers = saved
        pelican_log.console.quiet = False
        signals.get_writer.disconnect(stop_before_writing)


def run_pelican(
    settings_file: Path,
    args: list[str],
    write=print,
    done: bool = True,
    warnings: bool = True,
) -> int:
    """Build with Pelican, every problem told as one Dutch line, the lines of
    `invoke check` in its order (`report_lines`), once the build has ended; the exit
    code. `done`: also say where the site is when the build succeeded; `warnings`:
    tell the warnings too (not when the check just told them)."""
    from pelican import log as pelican_log
    from pelican import main as pelican_main
    from pelican import parse_arguments

    settings_file = Path(settings_file)
    root = settings_file.resolve().parent
    settings = site_settings(settings_file)
    argv = ["-s", str(settings_file), "--fatal", "warnings", *args]
    given = parse_arguments(argv)
    content = Path(given.path or settings["PATH"])
    listening = given.listen  # then Pelican's own "Serving site at" line is kept
    with dutch_build_log(content.resolve(), settings_file, quiet=not listening) as log:
        try:
            pelican_main(argv)
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        finally:
            pelican_log.FatalLogger.fatal_lvl = logging.CRITICAL + 1
            told = [p for p in log.problems if warnings or p.level == ERROR]
            for line in report_lines(told):
                write(line)
    if log.failed and not code:
        code = 1
    if done and not code and not listening:
        output = given.output or settings["OUTPUT_PATH"]
        write(f"Klaar: de site staat in {shown(output, root=root)}/")
    return code
