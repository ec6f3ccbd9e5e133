"""The content check: every problem in the posts and pages, in words the author knows.

Each post is read with Pelican's own Markdown reader (metadata processed field by field,
so one bad field does not hide the others) and its HTML is walked with an HTML parser;
what is found there is mapped back to the line of the source that wrote it.
"""

import difflib
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from zoneinfo import ZoneInfo

from embeds.loading import DEFINITIONS
from markdown import Markdown
from markdown.extensions.meta import META_RE
from pelican.readers import _DISCARD, MarkdownReader
from pelican.utils import slugify

from .new_post import PLACEHOLDER
from .source import SETTINGS_FILE, Source, read_source, site_settings, slug_for
from .wix_check import check_imported

logger = logging.getLogger(__name__)

ERROR, WARNING = "fout", "waarschuwing"
NONE = "none"
STATUSES = ("published", "draft", "hidden")
# Fields the site reads; a field that is a near miss of one of these is a typo.
KNOWN_FIELDS = [
    "title",
    "date",
    "modified",
    "category",
    "tags",
    "summary",
    "description",
    "slug",
    "status",
    "worksheet",
    "checklist",
    "cta",
    "lang",
    "translation",
    "template",
    "url",
    "save_as",
    "author",
    "authors",
    "wix_url",
    "import_hash",
]
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


@dataclass(frozen=True, order=True)
class Problem:
    """One line of the report: where, how bad, what is wrong and what to do."""

    file: str
    line: int
    level: str
    message: str
    advice: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.level}: {self.message} ({self.advice})"


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


class ElementCollector(HTMLParser):
    """Images, links and headings of a post's HTML, in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict]] = []
        self._heading: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "img":
            self.found.append(("img", attributes))
        elif tag == "a" and attributes.get("href") is not None:
            self.found.append(("a", attributes))
        elif re.fullmatch(r"h[1-6]", tag):
            self._heading = {"level": int(tag[1]), "text": ""}
            self.found.append(("h", self._heading))

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
    zone = ZoneInfo(settings["TIMEZONE"])
    now = now or datetime.now(zone)
    checker = Checker(settings, root, content, now, publishing)
    return sorted(checker.run())


def report(problems: list[Problem]) -> int:
    """Print the problems and a closing line; the exit code: 1 when any is an error."""
    for problem in problems:
        print(problem)
    errors = sum(p.level == ERROR for p in problems)
    warnings = len(problems) - errors
    if not problems:
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
) -> int:
    """Run the check and print the report; returns the exit code."""
    return report(check_content(settings_file, content, publishing=publishing))


class Checker:
    """Reads every post and page once, then checks each and all together."""

    def __init__(
        self,
        settings: dict,
        root: Path,
        content: Path,
        now: datetime,
        publishing: bool = False,
    ):
        self.publishing = publishing
        self.settings = settings
        self.root = root
        self.content = content
        self.now = now
        self.zone = ZoneInfo(settings["TIMEZONE"])
        self.problems: list[Problem] = []
        self.documents: list[Document] = []
        self.reader = MarkdownReader(settings)

    # -- reporting ---------------------------------------------------------------
    def display(self, path: Path) -> str:
        """The path as the author sees it: from the project folder when inside it."""
        path = path.resolve()
        for base in (self.root, Path.cwd()):
            if path.is_relative_to(base):
                return str(path.relative_to(base))
        return str(path)

    def add(self, doc_or_file, line: int, level: str, message: str, advice: str):
        file = doc_or_file.display if isinstance(doc_or_file, Document) else doc_or_file
        self.problems.append(Problem(file, line, level, message, advice))

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
                    path.suffix.lstrip(".") not in MarkdownReader.file_extensions
                    or not path.is_file()
                    or any(part.startswith(".") for part in relative.parts)
                    or any(relative.is_relative_to(e) for e in excludes)
                ):
                    continue
                found.append(path)
        return found

    def read(self, path: Path, kind: str) -> Document | None:
        display = self.display(path)
        try:
            source = read_source(path)
        except UnicodeDecodeError as error:
            self.add(
                display,
                1,
                ERROR,
                f"het bestand is geen UTF-8 ({error.reason})",
                "sla het bestand op als UTF-8",
            )
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
            except Exception as error:  # Pelican raises plain ValueErrors here
                logger.debug("%s: %s: %s", display, key, error)
                doc.metadata[key] = None
        return doc

    # -- the checks --------------------------------------------------------------
    def run(self) -> list[Problem]:
        for kind in ("article", "page"):
            for path in self.files(kind):
                doc = self.read(path, kind)
                if doc:
                    self.documents.append(doc)
        for doc in self.documents:
            self.check_fields(doc)
        self.check_duplicates()
        self.known = self.known_outputs()
        for doc in self.documents:
            self.check_body(doc)
        self.check_settings()
        return self.problems

    def check_fields(self, doc: Document) -> None:
        source, meta = doc.source, doc.metadata
        seen: set[str] = set()
        for item in source.fields:
            key = item.name.lower()
            if key in seen:
                self.add(
                    doc,
                    item.line,
                    WARNING,
                    f"het veld {item.name} staat er twee keer",
                    "houd er één over; nu telt alleen de eerste",
                )
            seen.add(key)
            hint = DUTCH_FIELDS.get(key) or next(
                iter(difflib.get_close_matches(key, KNOWN_FIELDS, 1, 0.8)), None
            )
            if key not in KNOWN_FIELDS and hint:
                self.add(
                    doc,
                    item.line,
                    WARNING,
                    f"onbekend veld {item.name}: de site leest het niet",
                    f"bedoel je {hint.capitalize()}?",
                )
        self.check_interrupted_header(doc)
        self.check_title_and_slug(doc)
        status = str(meta.get("status") or "published").lower()
        if status not in STATUSES:
            item = source.first("status")
            self.add(
                doc,
                item.line,
                ERROR,
                f"onbekende status {item.value!r}",
                "gebruik published, draft of hidden",
            )
        self.check_date(doc, status)
        for key, (folder, suffixes) in DEFINITIONS.items():
            item = source.first(key)
            if item:
                self.check_name(doc, item.line, item.name, item.value, folder, suffixes)
        cta = source.first("cta")
        if cta:
            self.check_cta(doc, cta.line, cta.value)
        if doc.kind == "article":
            self.check_summary(doc)
        wix = source.first("wix_url")
        old = urlsplit(wix.value).path if wix and "://" in wix.value else None
        if wix and not (wix.value.startswith("/") or (old or "/") != "/"):
            self.add(
                doc,
                wix.line,
                ERROR,
                f"Wix_url {wix.value!r} is geen oud adres",
                "schrijf het oude adres, zoals /post/mijn-post of https://www.jouwsite.nl/post/mijn-post",
            )

    def check_interrupted_header(self, doc: Document) -> None:
        """A line that is no field, with fields below it: those would be lost."""
        source = doc.source
        if source.interrupted is None:
            return
        for line in source.lines[source.interrupted - 1 :]:
            if not line.strip():
                return
            match = META_RE.match(line)
            if match and match["key"].lower() in KNOWN_FIELDS:
                self.add(
                    doc,
                    source.interrupted,
                    ERROR,
                    "deze regel is geen veld (Naam: waarde), dus de velden eronder "
                    f"tellen niet mee, zoals {match['key']}",
                    "maak er een veld van of haal de regel weg; zet na de velden "
                    "een lege regel",
                )
                return

    def check_title_and_slug(self, doc: Document) -> None:
        source, meta = doc.source, doc.metadata
        title = source.first("title")
        if not title or not title.value:
            self.add(
                doc,
                title.line if title else 1,
                ERROR,
                "de post heeft geen titel",
                "zet bovenaan een regel als: Title: Mijn titel",
            )
        slug = source.first("slug")
        if slug and not slug.value:
            self.add(
                doc,
                slug.line,
                ERROR,
                "Slug is leeg",
                "vul een slug in, zoals mijn-post, of haal de regel weg",
            )
        doc.slug = (slug.value if slug and slug.value else "") or (
            slug_for(title.value, self.settings) if title and title.value else ""
        )
        if title and title.value and not doc.slug:
            self.add(
                doc,
                title.line,
                ERROR,
                "van deze titel kan geen webadres (slug) worden gemaakt",
                "voeg een regel toe als: Slug: mijn-post",
            )
        elif slug and slug.value and slug.value != slug_for(slug.value, self.settings):
            self.add(
                doc,
                slug.line,
                WARNING,
                f"de slug {slug.value!r} bevat tekens die niet in een webadres horen",
                f"gebruik bijvoorbeeld {slug_for(slug.value, self.settings)}",
            )
        kind = "ARTICLE" if doc.kind == "article" else "PAGE"
        fields = {
            "slug": doc.slug,
            "lang": meta.get("lang") or self.settings["DEFAULT_LANG"],
        }
        url = meta.get("url")
        save_as = meta.get("save_as")
        try:
            doc.url = (
                url
                if url is not None
                else self.settings[f"{kind}_URL"].format(**fields)
            )
            doc.save_as = save_as or self.settings[f"{kind}_SAVE_AS"].format(**fields)
        except (KeyError, IndexError):
            doc.url, doc.save_as = f"{doc.slug}/", f"{doc.slug}/index.html"

    def check_date(self, doc: Document, status: str) -> None:
        item = doc.source.first("date")
        if not item:
            if doc.kind == "article":
                self.add(
                    doc,
                    1,
                    ERROR,
                    "de post heeft geen datum",
                    "zet bovenaan een regel als: Date: 2026-11-28 10:00",
                )
            return
        date = doc.metadata.get("date")
        if date is None:
            self.add(
                doc,
                item.line,
                ERROR,
                f"de datum {item.value!r} is niet te lezen",
                "schrijf hem als jaar-maand-dag uur:minuut, bijvoorbeeld "
                "2026-11-28 10:00",
            )
            return
        aware = date if date.tzinfo else date.replace(tzinfo=self.zone)
        if status != "draft" and aware > self.now:
            self.add(
                doc,
                item.line,
                ERROR,
                f"de datum {item.value} ligt in de toekomst",
                "zet de datum van vandaag, of Status: draft zolang de post "
                "nog niet af is",
            )

    def check_name(self, where, line, field, name, folder, suffixes) -> None:
        if not name or name.lower() == NONE:
            return
        directory = self.content / folder
        names = sorted(
            p.stem
            for p in (directory.iterdir() if directory.is_dir() else [])
            if p.suffix in suffixes and not p.name.startswith((".", "_"))
        )
        if name in names:
            return
        close = difflib.get_close_matches(name, names, 1, 0.6)
        hint = f"bedoel je {close[0]}? " if close else ""
        choices = ", ".join(names) if names else "nog geen"
        noun = "werkblad" if folder == DEFINITIONS["worksheet"][0] else "checklist"
        self.add(
            where,
            line,
            ERROR,
            f"{field}: er is geen {noun} met de naam {name!r}",
            f"{hint}kies uit: {choices}; of schrijf none voor geen {noun}; "
            f"een {noun} staat in {folder}/<naam>{suffixes[0]}",
        )

    def check_cta(self, where, line: int, name: str, field: str = "Cta") -> None:
        """A call to action is named after a block of the CTAS setting."""
        names = sorted(self.settings.get("CTAS") or {})
        if name.lower() == NONE or name in names:
            return
        close = difflib.get_close_matches(name, names, 1, 0.6)
        hint = f"bedoel je {close[0]}? " if close else ""
        self.add(
            where,
            line,
            ERROR,
            f"{field}: er is geen oproep met de naam {name!r}",
            f"{hint}kies uit: {', '.join(names) or 'nog geen'}; of schrijf none voor "
            "geen oproep; de oproepen staan in pelicanconf.py bij CTAS",
        )

    def check_summary(self, doc: Document) -> None:
        item = doc.source.first("summary")
        if item is None:
            self.add(
                doc,
                1,
                WARNING,
                "de post heeft geen samenvatting",
                "voeg een regel toe als: Summary: één of twee zinnen; anders "
                "tonen overzichten en zoekmachines de eerste woorden van de tekst",
            )
        elif not item.value:
            self.add(
                doc,
                item.line,
                ERROR,
                "Summary is leeg",
                "schrijf één of twee zinnen over de post, of haal de regel weg",
            )

    def check_duplicates(self) -> None:
        """A slug (so a URL) or title used twice: reported at every file using it."""
        for key, level, noun in (("slug", ERROR, "slug"), ("title", WARNING, "titel")):
            groups: dict[tuple, list[Document]] = {}
            for doc in self.documents:
                value = doc.slug if key == "slug" else doc.metadata.get("title")
                if value:
                    groups.setdefault((doc.kind, str(value).lower()), []).append(doc)
            for docs in groups.values():
                for doc in docs if len(docs) > 1 else []:
                    value = doc.slug if key == "slug" else doc.metadata["title"]
                    others = ", ".join(o.display for o in docs if o is not doc)
                    item = doc.source.first(key) or doc.source.first("title")
                    self.add(
                        doc,
                        item.line if item else 1,
                        level,
                        f"de {noun} {value!r} heeft {others} ook",
                        f"kies een andere {noun}"
                        if key == "title"
                        else "geef een van beide een eigen Slug: anders overschrijft "
                        "de ene pagina de andere",
                    )

    # -- the body ----------------------------------------------------------------
    def check_body(self, doc: Document) -> None:
        placeholder = self.line_of(doc, PLACEHOLDER, doc.source.body_start, exact=True)
        if placeholder:
            self.add(
                doc,
                placeholder,
                WARNING,
                "de voorbeeldtekst van invoke new-post staat er nog",
                "vervang hem door je eigen tekst",
            )
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
            }[kind]
            line = self.line_of(doc, needle, cursor)
            cursor = line
            if kind == "img":
                if not (attrs.get("alt") or "").strip():
                    self.add(
                        doc,
                        line,
                        ERROR,
                        f"de afbeelding {needle} heeft geen beschrijving (alt-tekst)",
                        "schrijf tussen de haken wat er op de foto staat: "
                        "![Paard in de wei](...)",
                    )
                self.check_link(doc, line, needle, image=True)
            elif kind == "a":
                self.check_link(doc, line, needle)
            else:
                if attrs["level"] == 1:
                    self.add(
                        doc,
                        line,
                        WARNING,
                        f"de kop {needle!r} is even groot als de titel",
                        "begin koppen in de tekst met ## ",
                    )
                elif attrs["level"] > level + 1:
                    self.add(
                        doc,
                        line,
                        WARNING,
                        f"de kop {needle!r} slaat een niveau over",
                        f"gebruik {'#' * (level + 1)} in plaats van "
                        f"{'#' * attrs['level']}",
                    )
                level = attrs["level"]

    def line_of(
        self, doc: Document, needle: str, cursor: int, exact: bool = False
    ) -> int | None:
        """The source line that wrote `needle`, searching from `cursor` on.

        Not found: `cursor` (the best guess), or None when `exact`.
        """
        lines = doc.source.lines
        if needle:
            for start in (cursor, doc.source.body_start):
                for number in range(start, len(lines) + 1):
                    if needle in lines[number - 1]:
                        return number
        return None if exact else cursor

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
            self.add(
                doc,
                line,
                ERROR,
                f"de afbeelding {href} staat op een andere website",
                "download hem, zet hem in content/images/ en link hem met "
                "{static}/images/naam.jpg",
            )
            return
        if not href or href.startswith(("#", "?")) or href.lower().startswith(EXTERNAL):
            return
        path = unquote(urlsplit(urljoin("/" + doc.url, href)).path).lstrip("/")
        if self.exists(path):
            return
        if Path(path).suffix.lower() in PAGE_SUFFIXES or image:
            self.add(
                doc,
                line,
                ERROR,
                f"de link {href} wijst naar een {noun} die niet bestaat",
                "controleer het adres; een eigen post of pagina linkt "
                "u het veiligst met {filename}/posts/naam.md",
            )
        else:
            self.add(
                doc,
                line,
                WARNING,
                f"het bestand {href} is niet te vinden in content/",
                "zet het bestand in content/images/ of controleer het adres",
            )

    def check_intrasite(self, doc, line, what, value, noun) -> None:
        value = unquote(value.split("#")[0].split("?")[0])
        if what in ("filename", "static", "attach"):
            base = self.content if value.startswith("/") else doc.source.path.parent
            target = (base / value.lstrip("/")).resolve()
            if not target.is_file():
                self.add(
                    doc,
                    line,
                    ERROR,
                    f"de link {{{what}}}{value} wijst naar een bestand dat niet "
                    "bestaat",
                    "controleer de naam en de map, bijvoorbeeld "
                    "{filename}/posts/dilemmas.md",
                )
        elif what in ("tag", "category"):
            known = self.tags if what == "tag" else self.categories
            if value.lower() not in known:
                label = "tag" if what == "tag" else "categorie"
                self.add(
                    doc,
                    line,
                    ERROR,
                    f"de {label} {value!r} bestaat niet",
                    f"kies een {label} die een post gebruikt",
                )

    def exists(self, path: str) -> bool:
        path = path.lstrip("/")
        candidates = {path, path.rstrip("/") + "/index.html", path + "index.html"}
        return bool(candidates & self.known)

    def known_outputs(self) -> set[str]:
        """What the build writes, worked out from the content and the settings."""
        s = self.settings
        known: set[str] = {""}
        self.tags, self.categories = set(), set()
        for doc in self.documents:
            status = str(doc.metadata.get("status") or "published").lower()
            if status == "draft":
                continue
            known.add(doc.save_as.lstrip("/"))
            if doc.kind == "article":
                category = str(doc.metadata.get("category") or s["DEFAULT_CATEGORY"])
                self.categories.add(category.lower())
                known.add(self.url_for("CATEGORY", category))
                for tag in doc.metadata.get("tags") or []:
                    self.tags.add(str(tag).lower())
                    known.add(self.url_for("TAG", str(tag)))
        for name in s["DIRECT_TEMPLATES"]:
            known.add(s.get(f"{name.upper()}_SAVE_AS") or f"{name}.html")
        for key, value in s.items():
            if key.startswith("FEED_") and isinstance(value, str) and "{" not in value:
                known.add(value)
        for folder in s["STATIC_PATHS"]:
            for file in (self.content / folder).rglob("*"):
                if file.is_file():
                    relative = file.relative_to(self.content).as_posix()
                    extra = s["EXTRA_PATH_METADATA"].get(relative, {})
                    known.add(extra.get("save_as", relative))
        theme_static = Path(s["THEME"]) / "static"
        if not theme_static.is_absolute():
            theme_static = self.root / theme_static
        for file in theme_static.rglob("*"):
            if file.is_file():
                known.add(f"{s['THEME_STATIC_DIR']}/{file.relative_to(theme_static)}")
        return known

    def url_for(self, kind: str, name: str) -> str:
        s = self.settings
        subs = s.get(f"{kind}_REGEX_SUBSTITUTIONS") or s["SLUG_REGEX_SUBSTITUTIONS"]
        slug = slugify(
            name,
            regex_subs=subs,
            preserve_case=s["SLUGIFY_PRESERVE_CASE"],
            use_unicode=s["SLUGIFY_USE_UNICODE"],
        )
        return s[f"{kind}_SAVE_AS"].format(slug=slug, name=name)

    # -- the settings ------------------------------------------------------------
    def check_settings(self) -> None:
        """Names chosen site-wide, and the placeholders the owner must replace."""
        settings_file = self.root / "pelicanconf.py"
        lines = (
            settings_file.read_text(encoding="utf-8").splitlines()
            if settings_file.is_file()
            else []
        )
        display = self.display(settings_file)

        def line_of(text: str) -> int:
            return next((n for n, line in enumerate(lines, 1) if text in line), 1)

        def assigned(key: str) -> int:
            """The line of the last `KEY = ...`: the one Python keeps."""
            found = [
                n for n, line in enumerate(lines, 1) if line.startswith(key + " =")
            ]
            return found[-1] if found else 1

        for kind, (folder, suffixes) in DEFINITIONS.items():
            key = f"{kind.upper()}_DEFAULT"
            name = self.settings.get(key)
            if name:
                self.check_name(
                    display, assigned(key), key, str(name), folder, suffixes
                )
        default_cta = self.settings.get("CTA_DEFAULT")
        if default_cta:
            line = assigned("CTA_DEFAULT")
            self.check_cta(display, line, str(default_cta), "CTA_DEFAULT")
        values = [("SITE_PUBLIC_URL", self.settings.get("SITE_PUBLIC_URL"))]
        values += list((self.settings.get("BUSINESS") or {}).items())
        for key, value in values:
            if isinstance(value, str) and ".example" in value:
                self.add(
                    display,
                    line_of(value),
                    ERROR if self.publishing else WARNING,
                    f"{key} is nog een voorbeeldadres ({value})",
                    "vul je echte gegevens in voordat je publiceert",
                )
