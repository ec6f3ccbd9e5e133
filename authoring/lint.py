"""The content check: every problem in the posts and pages, in words the author knows.

One source of truth: each post is read with the build's own reader (metadata processed
field by field, so one bad field does not hide the others) and made into Pelican's own
Article or Page, whose slug, URL and file the check uses; worksheets, checklists, calls
to action and old Wix addresses are checked by the parsers and validators the build
calls, and their errors are worded by authoring/messages.py exactly as the build words
them. What only the check knows (links, headings, what the publish gates refuse) is
found by walking the post's HTML and mapped back to the line of the source.
"""

import difflib
import logging
import re
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from zoneinfo import ZoneInfo

from embeds.attach import NONE, choose, site_default
from embeds.checklist import parse_checklist
from embeds.errors import DefinitionError
from embeds.fetch import check_addresses, site_roots
from embeds.loading import DEFINITIONS, load_folder
from embeds.worksheet import parse_file as parse_worksheet
from funnel.cta import choose_cta, load_ctas
from funnel.readiness import funnel_findings
from hosting.redirects import collect_redirects
from markdown import Markdown
from markdown.extensions.meta import META_RE
from pelican.contents import Article, Page
from pelican.readers import (
    _DISCARD,
    DUPLICATES_DEFINITIONS_ALLOWED,
    MarkdownReader,
    default_metadata,
)
from pictures.resize import PictureError, refusal
from sitekit.dates import DateError, SlugError
from sitekit.header import KNOWN_FIELDS, Source, lost_field
from sitekit.markup import AllowedMarkup, MarkupError, Refusal
from sitekit.owner import SettingsError, site_menu
from sitekit.reading import ReusingMarkdownReader

from .messages import (
    ERROR,
    SETTINGS_NAME,
    WARNING,
    Problem,
    broken_link,
    date_problem,
    dutch_build_log,
    field_continued,
    field_twice,
    line_with,
    lost_fields,
    missing_alt,
    missing_field,
    not_an_image,
    not_utf8,
    picture_problem,
    problem_from_error,
    refused,
    settings_problem,
    shown,
    slug_problem,
    static_by_filename,
    status_problem,
    worded,
)
from .new_post import PLACEHOLDER
from .source import SETTINGS_FILE, read_source, site_settings
from .wix_check import check_imported

logger = logging.getLogger(__name__)

STATUSES = ("published", "draft", "hidden")
PARSERS = {"worksheet": parse_worksheet, "checklist": parse_checklist}
FENCE = re.compile(r"^\s*(```|~~~)")
DUTCH_FIELDS = {
    "titel": "Title",
    "datum": "Date",
    "categorie": "Category",
    "samenvatting": "Summary",
    "beschrijving": "Description",
    "werkblad": "Worksheet",
    "checklijst": "Checklist",
}
INTRASITE = re.compile(r"^[{|](?P<what>\w+)[|}](?P<value>.*)$")
EXTERNAL = ("http:", "https:", "mailto:", "tel:", "data:", "//")
PAGE_SUFFIXES = ("", ".html", ".htm")
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif"}


def readable(image: Path) -> bool:
    """Whether Pillow (which the build resizes pictures with) can read `image`."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(image):
            return True
    except (OSError, UnidentifiedImageError):
        return False


@dataclass
class Document:
    """A post or page as the check sees it."""

    source: Source
    kind: str  # "article" or "page"
    display: str
    metadata: dict
    html: str
    slug: str = ""
    url: str = ""
    save_as: str = ""
    content: object = None  # Pelican's Article or Page
    errors: dict = field(default_factory=dict)  # field -> what reading it raised


class ElementCollector(AllowedMarkup):
    """Images, links and headings of a post's HTML, and what the site refuses in it
    (sitekit.markup), in document order."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self._heading: dict | None = None

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        attributes = dict(attrs)
        if tag == "img":
            self.found.append(("img", attributes))
        elif tag == "a" and attributes.get("href") is not None:
            self.found.append(("a", attributes))
        elif re.fullmatch(r"h[1-6]", tag):
            self._heading = {"level": int(tag[1]), "text": ""}
            self.found.append(("h", self._heading))

    def refuse(self, refusal: Refusal) -> None:
        self.found.append(("refused", {"refusal": refusal, "needle": refusal.needle}))

    def handle_endtag(self, tag):
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = None

    def handle_data(self, data):
        if self._heading is not None:
            self._heading["text"] += data


def check_content(
    settings_file: Path = SETTINGS_FILE,
    content: Path | None = None,
    now: datetime | None = None,
    publishing: bool = False,
) -> list[Problem]:
    """Every problem in the site's content, sorted by file and line. When publishing,
    placeholders the owner has not yet replaced are errors rather than warnings."""
    settings = site_settings(settings_file)
    root = Path(settings_file).resolve().parent
    content = Path(content or root / settings["PATH"]).resolve()
    settings["PATH"] = str(content)  # as `pelican <content>` sets it
    zone = ZoneInfo(settings["TIMEZONE"])
    now = now or datetime.now(zone)
    built, written = dry_build(Path(settings_file), content)
    checker = Checker(settings, root, content, now, publishing, written)
    checked = checker.run()
    told = {(p.file, p.message) for p in checked}
    return sorted({*checked, *(p for p in built if (p.file, p.message) not in told)})


def dry_build(
    settings_file: Path, content: Path
) -> tuple[list[Problem], set[str] | None]:
    """The build as `invoke build` runs it, into a folder thrown away afterwards and
    without the costly outputs (the search index, the checklists' PDFs, compressed
    copies), going on past every problem: its problems, and every path it wrote."""
    from pelican import Pelican
    from sitekit.findings import outputs

    root = settings_file.resolve().parent
    with tempfile.TemporaryDirectory(prefix="check-") as output:
        settings = site_settings(
            settings_file,
            PATH=str(content),
            OUTPUT_PATH=output,
            CACHE_PATH=str(root / site_settings(settings_file)["CACHE_PATH"]),
            SEARCH_INDEX=False,
            CHECKLIST_PDF=False,
            PRECOMPRESS=False,
        )
        with dutch_build_log(content, root, write=lambda line: None) as log:
            try:
                Pelican(settings).run()
            except Exception as error:  # noqa: BLE001 (told to the author, by `log`)
                log.exception_raised(error)
                return log.problems, None  # what it would write is not known
        return log.problems, set(outputs())


# More of one kind than this are one line with the count and the first places.
GROUPED = 5
SHOWN_PLACES = 3
# What makes two findings one kind: the same level and advice, and the same message
# once the names, addresses and numbers in it are left out.
_PARTICULAR = re.compile(r"'[^']*'|\S*[/.:]\S*|\d+")


def kind(problem: Problem) -> tuple:
    return (problem.level, problem.advice, _PARTICULAR.sub("…", problem.message))


def lines(problems: list[Problem], every: bool = False) -> list[str]:
    """The report: errors before warnings, each file's findings together; more than
    GROUPED findings of one kind are one line with the count and the first places
    (unless `every`)."""
    ordered = sorted(problems, key=lambda p: (p.level != ERROR, p))
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


def report(
    problems: list[Problem], publishing: bool = False, every: bool = False
) -> int:
    """Print the problems and a closing line; the exit code: 1 when any is an error.
    When publishing, a clean check says nothing: the publish itself reports."""
    for line in lines(problems, every):
        print(line)
    errors = sum(p.level == ERROR for p in problems)
    warnings = len(problems) - errors
    if not problems:
        if not publishing:
            print("Alles in orde: geen problemen gevonden.")
    else:
        print(f"{errors} fout(en), {warnings} waarschuwing(en).")
    if errors:
        print("Los de fouten op voordat je publiceert.")
    return 1 if errors else 0


def main(
    settings_file: Path = SETTINGS_FILE,
    content: Path | None = None,
    publishing: bool = False,
    every: bool = False,
) -> int:
    """Run the check and print the report (`every`: each finding on its own line);
    returns the exit code."""
    if content is not None and not Path(content).is_dir():
        print(
            f"{content}: fout: map niet gevonden (geef de map met je posts mee, "
            "bijvoorbeeld: invoke check --content content)"
        )
        return 1
    found = check_content(settings_file, content, publishing=publishing)
    return report(found, publishing, every)


class Checker:
    """Reads every post and page once, then checks each and all together."""

    def __init__(
        self,
        settings: dict,
        root: Path,
        content: Path,
        now: datetime,
        publishing: bool = False,
        written: set[str] | None = None,
    ):
        self.known = None if written is None else {"", *written}
        self.publishing = publishing
        self.settings = settings
        self.root = root
        self.content = content
        self.now = now
        self.zone = ZoneInfo(settings["TIMEZONE"])
        self.problems: list[Problem] = []
        self.documents: list[Document] = []
        self.reader = ReusingMarkdownReader(settings)

    # -- reporting ---------------------------------------------------------------
    def display(self, path: Path) -> str:
        """The path as the author sees it: from the project folder when inside it."""
        return shown(path.resolve(), root=self.root)

    def add(self, doc_or_file, line: int, code: str, **params):
        """A finding of `code` (authoring/problems.nl.yaml) at a post or file."""
        file = doc_or_file.display if isinstance(doc_or_file, Document) else doc_or_file
        self.problems.append(worded(file, line, code, params))

    # -- reading -----------------------------------------------------------------
    def files(self, kind: str) -> list[Path]:
        folders = self.settings["ARTICLE_PATHS" if kind == "article" else "PAGE_PATHS"]
        excludes = self.settings[
            "ARTICLE_EXCLUDES" if kind == "article" else "PAGE_EXCLUDES"
        ]
        found = []
        for folder in folders:
            for path in sorted((self.content / folder).rglob("*")):
                relative = path.relative_to(self.content)
                if (
                    not path.is_file()
                    or any(part.startswith(".") for part in relative.parts)
                    or any(relative.is_relative_to(e) for e in excludes)
                ):
                    continue
                if path.suffix.lstrip(".") in MarkdownReader.file_extensions:
                    found.append(path)
                else:
                    self.add(
                        self.display(path),
                        1,
                        "not-markdown",
                        name=path.name,
                        folder=self.display(path.parent),
                    )
        return found

    def read(self, path: Path, kind: str) -> Document | None:
        display = self.display(path)
        try:
            source = read_source(path)
        except UnicodeDecodeError:
            self.problems.append(not_utf8(display))
            return None
        if not "".join(source.lines).strip():
            self.problems.append(missing_field(display, path, "title"))
            return None
        reader = self.reader
        reader._md = Markdown(**reader.settings["MARKDOWN"])
        html = reader._md.convert("\n".join(source.lines))
        reader._md.preprocessors.deregister("meta")
        doc = Document(source, kind, display, {}, html)
        for item in source.fields:
            key = item.name.lower()
            if key in doc.metadata:
                continue
            value = item.value
            if key in self.settings["FORMATTED_FIELDS"]:
                reader._md.reset()
                value = reader._md.convert(value)
            try:
                processed = reader.process_metadata(key, value)
                if processed is not _DISCARD:
                    doc.metadata[key] = processed
            except Exception as error:  # the build stops here: reported per field
                logger.debug("%s: %s: %s", display, key, error)
                doc.errors[key] = error
        self.as_pelican_content(doc)
        return doc

    def as_pelican_content(self, doc: Document) -> None:
        """Pelican's own Article or Page: its slug, URL and file are the build's."""
        kind = Article if doc.kind == "article" else Page
        defaults = default_metadata(self.settings, self.reader.process_metadata)
        metadata = {**defaults, **doc.metadata}
        try:
            content = kind(
                doc.html,
                metadata,
                settings=self.settings,
                source_path=str(doc.source.path),
                context={},
            )
        except Exception as error:  # reported by the field checks below
            logger.debug("%s: %s", doc.display, error)
            return
        doc.slug = getattr(content, "slug", "") or ""
        if doc.slug:
            doc.content = content
            doc.url, doc.save_as = content.url, content.save_as

    # -- the checks --------------------------------------------------------------
    def run(self) -> list[Problem]:
        self.definitions = self.check_definitions()
        self.defaults = self.check_defaults()
        self.ctas = self.check_ctas()
        for kind in ("article", "page"):
            for path in self.files(kind):
                doc = self.read(path, kind)
                if doc:
                    self.documents.append(doc)
        for doc in self.documents:
            self.check_fields(doc)
            self.check_photo(doc)
        self.check_duplicates()
        self.check_redirects()
        self.taxonomies()
        for doc in self.documents:
            self.check_body(doc)
        self.check_settings()
        self.check_menu()
        return self.problems

    def check_fields(self, doc: Document) -> None:
        source, meta = doc.source, doc.metadata
        seen: set[str] = set()
        for item in source.fields:
            key = item.name.lower()
            if key in seen:
                first = source.first(key).line
                self.problems.append(
                    field_twice(doc.display, item.line, item.name, first)
                )
            elif len(item.values) > 1 and not DUPLICATES_DEFINITIONS_ALLOWED.get(
                key, True
            ):
                self.problems.append(
                    field_continued(doc.display, item.line + 1, item.name)
                )
            seen.add(key)
            hint = DUTCH_FIELDS.get(key) or next(
                iter(difflib.get_close_matches(key, KNOWN_FIELDS, 1, 0.8)), None
            )
            if key not in KNOWN_FIELDS and hint:
                self.add(
                    doc,
                    item.line,
                    "field-unknown",
                    name=item.name,
                    hint=hint.capitalize(),
                )
        self.check_interrupted_header(doc)
        self.check_title_and_slug(doc)
        for key, error in doc.errors.items():  # HTML in a Summary the site refuses
            if isinstance(error, MarkupError):
                line = source.first(key).line
                self.problems += [refused(doc.display, line, r) for r in error.refused]
        status = str(meta.get("status") or "published").lower()
        if status not in STATUSES:
            item = source.first("status")
            self.problems.append(status_problem(doc.display, item.line, item.value))
        self.check_date(doc, status)
        modified = doc.errors.get("modified")
        if isinstance(modified, DateError):
            line = source.first("modified").line
            self.problems.append(date_problem(doc.display, line, modified))
        self.check_choices(doc)
        if doc.kind == "article":
            self.check_summary(doc)
            self.check_cover_image(doc)

    def check_cover_image(self, doc: Document) -> None:
        """`Image:` names a photo in content/images/ (the build refuses anything else,
        findability.post_image)."""
        item = doc.source.first("image")
        if not item or not item.value.strip():
            return
        value = item.value.strip()
        source = (self.content / value.lstrip("/")).resolve()
        images = (self.content / "images").resolve()
        if not (source.is_relative_to(images) and source.is_file()) or refusal(source):
            error = PictureError(value, "outside")
            self.problems.append(picture_problem(doc.display, item.line, value, error))

    def check_photo(self, doc: Document) -> None:
        """The home page and "Over mij" show her photo once `Photo:` names one (the
        author box takes it from "Over mij"); until then they stand without it, and
        this reminds her: her photo is the strongest trust signal the site has."""
        template = str(doc.metadata.get("template") or "")
        if template in ("home", "about") and not doc.metadata.get("photo"):
            self.add(
                doc,
                1,
                "photo-missing",
            )

    def check_interrupted_header(self, doc: Document) -> None:
        """A line that is no field, with fields below it: those would be lost."""
        lost = lost_field(doc.source)
        if lost:
            self.problems.append(lost_fields(doc.display, *lost))

    def check_title_and_slug(self, doc: Document) -> None:
        source = doc.source
        title = source.first("title")
        if not title or not title.value:
            self.add(doc, title.line if title else 1, "title-missing")
        slug = source.first("slug")
        if slug and not slug.value:
            self.add(doc, slug.line, "slug-empty")
        if title and title.value and not doc.slug:
            self.add(doc, title.line, "slug-impossible")
        if "slug" in doc.errors and isinstance(doc.errors["slug"], SlugError):
            self.problems.append(
                slug_problem(doc.display, slug.line, doc.errors["slug"])
            )

    def check_date(self, doc: Document, status: str) -> None:
        item = doc.source.first("date")
        if not item:
            if doc.kind == "article":
                self.add(doc, 1, "date-missing")
            return
        if len(item.values) > 1:
            return  # a line below it continues it: told in check_fields
        if "date" in doc.errors:
            error = doc.errors["date"]
            if not isinstance(error, DateError):
                error = DateError("date-unreadable", value=item.value)
            self.problems.append(date_problem(doc.display, item.line, error))
            return
        date = doc.metadata.get("date")
        if date is None:
            return
        aware = date if date.tzinfo else date.replace(tzinfo=self.zone)
        if status != "draft" and aware > self.now:
            self.add(
                doc,
                item.line,
                "date-future",
                value=item.value,
            )

    # -- what the plugins validate, with the plugins' own code ----------------------
    def report_error(self, error: DefinitionError) -> None:
        self.problems.append(problem_from_error(error, self.content, self.root))

    def check_definitions(self) -> dict[str, dict]:
        """Every worksheet and checklist, each parsed as the build parses it; a file
        that fails is reported and still counts as a name, so posts naming it are
        not reported twice."""
        known: dict[str, dict] = {}
        for kind, (folder, suffixes) in DEFINITIONS.items():

            def parse(path: Path, kind=kind):
                try:
                    parsed = PARSERS[kind](path)
                    if kind == "checklist":
                        self.check_pdf_addresses(parsed)
                    return parsed
                except DefinitionError as error:
                    self.report_error(error)
                except UnicodeDecodeError:
                    self.problems.append(not_utf8(self.display(path)))

            try:
                known[kind] = load_folder(self.content / folder, suffixes, parse)
            except DefinitionError as error:
                self.report_error(error)
                known[kind] = {}
        return known

    def check_pdf_addresses(self, checklist) -> None:
        """What the checklist's PDF would load (an image, `{static}`), checked as the
        build checks it before rendering."""
        html = "".join(
            [checklist.intro_html]
            + [
                group.intro_html + "".join(i.html for i in group.items)
                for group in checklist.groups
            ]
        )
        theme_static = Path(self.settings["THEME"]).resolve() / "static"
        check_addresses(html, str(theme_static), checklist, site_roots(self.settings))

    def check_defaults(self) -> dict[str, str]:
        """WORKSHEET_DEFAULT and CHECKLIST_DEFAULT, each a name of its kind (or none).
        A wrong one is reported once, here; posts are checked without it."""
        defaults = {}
        for kind in DEFINITIONS:
            try:
                known = self.definitions[kind]
                defaults[kind] = site_default(self.settings, kind, known) or NONE
            except DefinitionError as error:
                self.report_error(error)
                defaults[kind] = NONE
        return defaults

    def check_ctas(self) -> dict:
        """The CTAS setting, validated by the funnel plugin. When it fails, posts are
        checked against its names without the default (reported once, here)."""
        self.cta_default = self.settings.get("CTA_DEFAULT") or NONE
        try:
            return load_ctas(self.settings)
        except DefinitionError as error:
            self.report_error(error)
            self.cta_default = NONE
            ctas = self.settings.get("CTAS")
            return {str(name): {"url": ""} for name in ctas or {}}

    def check_choices(self, doc: Document) -> None:
        """The worksheet, checklist and call to action a post names, chosen as the
        build chooses them."""
        if doc.kind != "article" or doc.content is None:
            return
        for kind in DEFINITIONS:
            default = self.defaults[kind]
            try:
                choose(doc.content, kind.title(), default, self.definitions[kind])
            except DefinitionError as error:
                self.report_error(error)
        if self.ctas or doc.source.first("cta"):
            try:
                choose_cta(doc.content, self.ctas, self.cta_default)
            except DefinitionError as error:
                self.report_error(error)

    def check_redirects(self) -> None:
        """Old Wix addresses, collected as the hosting plugin collects them: each
        post alone first, then all together (an address claimed twice)."""
        settings = {**self.settings, "WIX_REDIRECTS": {}}
        valid = []
        for doc in self.documents:
            if doc.content is None:
                continue
            try:
                collect_redirects(settings, [doc.content])
                valid.append(doc.content)
            except DefinitionError as error:
                self.report_error(error)
        try:
            collect_redirects(self.settings, valid)
        except DefinitionError as error:
            self.report_error(error)

    def check_summary(self, doc: Document) -> None:
        item = doc.source.first("summary")
        if item is None:
            self.add(
                doc,
                1,
                "summary-missing",
            )
        elif not item.value:
            self.add(doc, item.line, "summary-empty")

    def check_duplicates(self) -> None:
        """A slug (so a URL) or title used twice in one language: reported at every
        file using it. A translation (another Lang:) shares its original's slug."""
        default = self.settings["DEFAULT_LANG"]
        for key in ("slug", "title"):
            groups: dict[tuple, list[Document]] = {}
            for doc in self.documents:
                value = doc.slug if key == "slug" else doc.metadata.get("title")
                lang = str(doc.metadata.get("lang") or default).strip().lower()
                if value:
                    group = (doc.kind, lang, str(value).lower())
                    groups.setdefault(group, []).append(doc)
            for docs in groups.values():
                for doc in docs if len(docs) > 1 else []:
                    value = doc.slug if key == "slug" else doc.metadata["title"]
                    others = ", ".join(o.display for o in docs if o is not doc)
                    item = doc.source.first(key) or doc.source.first("title")
                    self.add(
                        doc,
                        item.line if item else 1,
                        "slug-taken" if key == "slug" else "title-taken",
                        value=value,
                        others=others,
                    )

    # -- the body ----------------------------------------------------------------
    def check_fields_in_body(self, doc: Document) -> None:
        """A field line below the blank line would be page text: `Status: draft`
        uncommented in place publishes the draft with those words on the page."""
        fenced = False
        interrupted = doc.source.interrupted is not None  # reported on its own
        for number in range(doc.source.body_start, len(doc.source.lines) + 1):
            text = doc.source.lines[number - 1]
            interrupted = interrupted and bool(text.strip())
            if FENCE.match(text):
                fenced = not fenced
            match = None if fenced or interrupted else META_RE.match(text)
            if match and match["key"].lower() in KNOWN_FIELDS:
                self.add(doc, number, "field-in-body", name=match["key"])

    def check_body(self, doc: Document) -> None:
        self.check_fields_in_body(doc)
        placeholder = doc.source.line_of(PLACEHOLDER, doc.source.body_start, exact=True)
        if placeholder:
            self.add(doc, placeholder, "placeholder-left")
        check_imported(self, doc)
        collector = ElementCollector()
        collector.feed(doc.html)
        cursor = doc.source.body_start
        level = 1  # the page title is the only h1
        for kind, attrs in collector.found:
            needle = {
                "img": attrs.get("src") or "",
                "a": attrs.get("href") or "",
                "h": attrs.get("text", "").strip(),
                "refused": attrs.get("needle", ""),
            }[kind]
            line = doc.source.line_of(needle, cursor)
            cursor = line
            if kind == "refused":
                self.problems.append(refused(doc.display, line, attrs["refusal"]))
            elif kind == "img":
                if not (attrs.get("alt") or "").strip():
                    image = Path(urlsplit(needle).path).name or needle
                    self.problems.append(missing_alt(doc.display, line, image))
                self.check_link(doc, line, needle, image=True)
            elif kind == "a":
                self.check_link(doc, line, needle)
            else:
                if attrs["level"] == 1:
                    self.add(doc, line, "heading-title", heading=needle)
                elif attrs["level"] > level + 1:
                    self.add(
                        doc,
                        line,
                        "heading-skip",
                        heading=needle,
                        wanted="#" * (level + 1),
                        written="#" * attrs["level"],
                    )
                level = attrs["level"]

    def check_link(self, doc: Document, line: int, href: str, image=False) -> None:
        noun = "afbeelding" if image else "pagina"
        href = href.strip()
        public = self.settings.get("SITE_PUBLIC_URL")
        if public and href.startswith(public.rstrip("/") + "/"):
            href = href[len(public.rstrip("/")) :]
        special = INTRASITE.match(href)
        if special:
            self.check_intrasite(doc, line, special["what"], special["value"], noun)
            return
        if image and href.lower().startswith(EXTERNAL[:2] + ("//",)):
            self.add(doc, line, "image-remote", url=href)
            return
        if not href or href.startswith(("#", "?")) or href.lower().startswith(EXTERNAL):
            return
        path = unquote(urlsplit(urljoin("/" + doc.url, href)).path).lstrip("/")
        if self.known is None or self.exists(path):
            return  # a build that stopped early: what it writes is not known
        if Path(path).suffix.lower() in PAGE_SUFFIXES or image:
            self.add(doc, line, "image-missing" if image else "page-missing", url=href)
        else:
            self.add(doc, line, "file-missing", url=href)

    def check_intrasite(self, doc, line, what, value, noun) -> None:
        value = unquote(value.split("#")[0].split("?")[0])
        if what in ("filename", "static", "attach"):
            base = self.content if value.startswith("/") else doc.source.path.parent
            target = (base / value.lstrip("/")).resolve()
            link = f"{{{what}}}{value}"
            images = (self.content / "images").resolve()
            if not target.is_file():
                self.problems.append(broken_link(doc.display, line, link))
            elif (
                what == "static"
                and target.is_relative_to(images)
                and (reason := refusal(target))
            ):
                error = PictureError(value, reason)
                self.problems.append(picture_problem(doc.display, line, link, error))
            elif (
                what == "static"
                and target.suffix.lower() in IMAGE_SUFFIXES
                and not readable(target)
            ):
                self.problems.append(not_an_image(doc.display, line, link))
            elif what == "filename" and target.suffix.lstrip(".") not in (
                MarkdownReader.file_extensions
            ):
                relative = "/" + target.relative_to(self.content).as_posix()
                self.problems.append(static_by_filename(doc.display, line, relative))
        elif what in ("tag", "category"):
            known = self.tags if what == "tag" else self.categories
            if value.lower() not in known:
                code = "tag-unknown" if what == "tag" else "category-unknown"
                self.add(doc, line, code, value=value)

    def exists(self, path: str) -> bool:
        path = path.lstrip("/")
        candidates = {path, path.rstrip("/") + "/index.html", path + "index.html"}
        return bool(candidates & self.known)

    def taxonomies(self) -> None:
        """The tags and categories of the posts the build publishes."""
        self.tags, self.categories = set(), set()
        for doc in self.documents:
            content = doc.content
            if content is None or content.status == "draft" or doc.kind != "article":
                continue
            self.categories.add(content.category.name.lower())
            self.tags |= {tag.name.lower() for tag in getattr(content, "tags", [])}

    # -- the settings ------------------------------------------------------------
    def check_menu(self) -> None:
        """The menu's pages, found as the build finds them (sitekit.owner)."""
        pages = [d.content for d in self.documents if d.kind == "page" and d.content]
        try:
            site_menu(self.settings, pages)
        except SettingsError as error:
            self.problems.append(settings_problem(error, self.root))

    def check_settings(self) -> None:
        """The placeholders the owner must replace and what the funnel still misses
        (the names chosen site-wide are checked first, in check_defaults and
        check_ctas)."""
        settings_file = Path(
            self.settings.get("OWNER_SETTINGS_FILE") or self.root / SETTINGS_NAME
        )
        display = self.display(settings_file)

        def line_of(anchor: str) -> int:  # `"kvk":`, `FORMS =`: the file's `kvk:`
            key = anchor.strip('"').removesuffix(" =").removesuffix('":').lower()
            written = f"{key}:" if settings_file.suffix == ".yaml" else anchor
            return line_with(settings_file, written)

        values = [("SITE_PUBLIC_URL", self.settings.get("SITE_PUBLIC_URL"))]
        values += list((self.settings.get("BUSINESS") or {}).items())
        for key, value in values:
            if isinstance(value, str) and ".example" in value:
                code = (
                    "example-address-publish" if self.publishing else "example-address"
                )
                line = line_with(settings_file, value)
                self.add(display, line, code, key=key, value=value)
        for found in funnel_findings(self.settings):
            level = ERROR if found.untrue else WARNING  # the same in every command
            line = line_of(found.anchor)  # worded by funnel.readiness itself, still
            self.problems.append(
                Problem(display, line, level, found.message, found.advice)
            )
