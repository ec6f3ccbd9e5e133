"""Writing checklist PDFs: one per checklist in use, cached by a hash of its inputs.

The PDF is the page's own checklist markup (partials/checklist_list.html, inside
checklist_pdf.html) with the site's stylesheet plus pdf/checklist.css, rendered by
WeasyPrint with fillable checkboxes and tags (PDF/UA-1). Everything that goes into a PDF
(the HTML, stylesheets, fonts, logo, renderer and options) is hashed; a PDF whose hash
is in the cache is never rendered again. WeasyPrint is imported only when a PDF must be
rendered; two or more are spread over the cores.
"""

import atexit
import hashlib
import logging
import os
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from multiprocessing import get_context
from pathlib import Path
from urllib.parse import urljoin

from pelican.generators import Generator
from pelican.utils import sanitised_join
from sitekit.assets import AssetManifest
from sitekit.files import write_atomically
from sitekit.findings import asked

from . import pdf_fields
from .fetch import check_addresses, site_roots, url_fetcher

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
ASSETS = HERE / "pdf"
FONTCONFIG = ASSETS / "fonts.conf"
TEMPLATE = "checklist_pdf.html"
OUTPUT_DIR = "checklists"
OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_forms": True, "pdf_tags": True}
RENDERER = f"weasyprint=={version('weasyprint')}"


@dataclass(frozen=True)
class Job:
    """One PDF to render: HTML in, a file in the cache out."""

    name: str
    html: str
    base_url: str
    stylesheets: tuple[str, ...]
    identifier: bytes
    target: str
    roots: tuple[Path, ...]  # the folders it may load from (embeds/fetch.py)


# Per worker process: the parsed stylesheets and the fonts their @font-face rules
# load, by stylesheet paths. Parsing them and decompressing the WOFF2 fonts was most
# of a PDF's rendering time; every PDF of a build uses the same ones.
_styles: dict[tuple[str, ...], tuple] = {}
# Dropped before the interpreter tears down WeasyPrint's modules: a font set-up freed
# after that prints "Exception ignored … Traceback" on the way out (e.g. the preview).
atexit.register(_styles.clear)


def styles(paths: tuple[str, ...]) -> tuple:
    """The font configuration and parsed stylesheets for these paths, made once."""
    if paths not in _styles:
        with warnings.catch_warnings():
            # Our fontconfig lists no system fonts on purpose; WeasyPrint warns.
            warnings.simplefilter("ignore")
            from weasyprint import CSS
            from weasyprint.text.fonts import FontConfiguration
        fonts = FontConfiguration()
        sheets = [CSS(filename=path, font_config=fonts) for path in paths]
        _styles[paths] = (fonts, sheets)
    return _styles[paths]


def render(job: Job) -> str:
    """Render one job to its target (runs in a worker process)."""
    fonts, sheets = styles(job.stylesheets)  # first: it imports WeasyPrint quietly
    from weasyprint import HTML

    fetcher = url_fetcher(job.roots)  # files of the site only (embeds/fetch.py)
    document = HTML(string=job.html, base_url=job.base_url, url_fetcher=fetcher)
    data = document.write_pdf(
        stylesheets=sheets,
        font_config=fonts,
        pdf_identifier=job.identifier,
        **OPTIONS,
    )
    write_atomically(Path(job.target), pdf_fields.with_appearances(data))
    return job.name


def _browser_css_notes(record: logging.LogRecord) -> bool:
    """Turn WeasyPrint's notes on CSS it skips into debug messages: site.css is
    written for browsers (media features, text-size-adjust, ...); the PDF needs none.
    Other WeasyPrint warnings and errors (a missing alt text, a font that cannot be
    loaded) keep their level, so they fail a build run with --fatal warnings."""
    if (
        record.levelno == logging.WARNING
        and record.name == "weasyprint"
        and (f"{os.sep}weasyprint{os.sep}css{os.sep}" in record.pathname)
    ):
        logger.debug("WeasyPrint skipped: %s", record.getMessage())
        return False
    return True


def _prepare_worker() -> None:
    """Let the worker's fontconfig see no system fonts, only @font-face ones; any
    other WeasyPrint warning reaches Pelican's log (and fails a --fatal build)."""
    os.environ["FONTCONFIG_FILE"] = str(FONTCONFIG)
    logging.getLogger("weasyprint").addFilter(_browser_css_notes)


def render_all(jobs: list[Job]) -> None:
    """Render jobs: one in this process, more in worker processes, as many as there
    are cores (and jobs). WeasyPrint is imported only here, when a PDF is due."""
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers <= 1:
        # Fontconfig reads FONTCONFIG_FILE once, when WeasyPrint first renders; put
        # it back afterwards, or every program this process starts later (the gates'
        # Chromium) would find no fonts at all.
        before = os.environ.get("FONTCONFIG_FILE")
        _prepare_worker()
        try:
            for job in jobs:
                logger.info("Checklist PDF rendered: %s", render(job))
        finally:
            if before is None:
                os.environ.pop("FONTCONFIG_FILE", None)
            else:
                os.environ["FONTCONFIG_FILE"] = before
        return
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=get_context("fork"), initializer=_prepare_worker
    ) as pool:
        for name in pool.map(render, jobs):
            logger.info("Checklist PDF rendered: %s", name)


def input_files(settings: dict) -> tuple[list[Path], Path]:
    """The stylesheets of a checklist PDF (the parts of the site's stylesheet, then
    its own), and the folder its images resolve from."""
    theme_static = Path(settings["THEME"]).resolve() / "static"
    manifest = AssetManifest(settings)
    parts = manifest.css_parts("css/site.css") + manifest.css_parts("css/later.css")
    return [*(part.resolve() for part in parts), ASSETS / "checklist.css"], theme_static


def digest_of(html: str, files: list[Path]) -> str:
    """A hash of everything that shapes a PDF."""
    hasher = hashlib.sha256()
    for part in (RENDERER, repr(sorted(OPTIONS.items())), html):
        hasher.update(part.encode() + b"\0")
    for file in files:
        hasher.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    return hasher.hexdigest()


def creation_date() -> str | None:
    """The PDF's dates: from SOURCE_DATE_EPOCH when set, otherwise none at all."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    if not epoch.isdigit():
        raise ValueError(
            f"SOURCE_DATE_EPOCH: expected seconds since 1970, got {epoch!r}"
        )
    moment = datetime.fromtimestamp(int(epoch), UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class ChecklistPdfGenerator(Generator):
    """Renders (or takes from the cache) the PDF of every checklist in use."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pdfs: dict[str, Path] = {}

    def generate_context(self) -> None:
        checklists = self.context.get("CHECKLISTS") or {}
        cache = Path(self.settings["CACHE_PATH"]) / "checklists"
        stylesheets, base = input_files(self.settings)
        roots = site_roots(self.settings)
        files = [
            *stylesheets,
            base / "img/icon.svg",
            FONTCONFIG,
            *sorted((ASSETS / "fonts").glob("*.woff2")),
            Path(__file__),  # how it renders: options, fonts set-up
            Path(pdf_fields.__file__),
        ]
        template = self.get_template(TEMPLATE.removesuffix(".html"))
        public = self.settings["SITE_PUBLIC_URL"].rstrip("/") + "/"
        jobs = []
        for name, checklist in sorted(checklists.items()):
            if not checklist.used:
                continue
            # One post, not every post that shows the list: adding or retitling
            # another post changes neither the PDF nor its hash.
            home = checklist.article
            html = template.render(
                self.context,
                checklist=checklist,
                home={"title": home.title, "link": urljoin(public, home.url)}
                if home
                else None,
                created=creation_date(),
            )
            check_addresses(html, str(base), checklist, roots)
            digest = digest_of(html, files)
            cached = cache / name / f"{digest[:24]}.pdf"
            self.pdfs[name] = cached
            if not cached.exists():
                jobs.append(
                    Job(
                        name=name,
                        html=html,
                        base_url=str(base) + "/",
                        stylesheets=tuple(map(str, stylesheets)),
                        identifier=digest[:32].encode(),
                        target=str(cached),
                        roots=roots,
                    )
                )
        rendered = self.settings.get("CHECKLIST_PDF", True)  # off in `invoke check`
        if rendered:
            render_all(jobs)
        for name, cached in self.pdfs.items():
            checklist = checklists[name]
            checklist.pdf_url = f"{OUTPUT_DIR}/{name}.pdf"
            asked(self.settings, checklist.pdf_url)
            checklist.pdf_bytes = cached.stat().st_size if cached.exists() else 0
            if not rendered:
                continue
            for stale in cached.parent.glob("*.pdf"):
                if stale != cached:
                    stale.unlink()

    def generate_output(self, writer) -> None:
        if not self.settings.get("CHECKLIST_PDF", True):
            return
        for name, cached in sorted(self.pdfs.items()):
            target = Path(sanitised_join(self.output_path, OUTPUT_DIR, f"{name}.pdf"))
            data = cached.read_bytes()
            if target.exists() and target.read_bytes() == data:
                continue
            write_atomically(target, data)
            logger.debug("Checklist PDF written: %s", target)
