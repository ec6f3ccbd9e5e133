"""`invoke publish` made safe: build into a fresh folder, run the quality gates there,
and only when everything passed replace what is deployed. A gate failure is told in
Dutch, one line per page: which post or page (else the built page), what is wrong,
what to do.
"""

import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import urlsplit

from hosting.deploy import make_readable

from .messages import Problem, shown

logger = logging.getLogger(__name__)

REPORT = "gates-report.xml"  # pytest's JUnit XML, kept next to the fresh build
# What each gate checks: (what is wrong with a page, what to do).
GATES = {
    "test_every_page_and_stylesheet_is_valid": (
        "de HTML van deze pagina is niet geldig",
        "controleer de HTML die je zelf in de post schreef, of schrijf het als gewone "
        "Markdown",
    ),
    "test_no_broken_internal_links": (
        "deze pagina linkt naar een adres dat niet bestaat",
        "controleer de links in de post; een eigen post link je met "
        "{filename}/posts/naam.md",
    ),
    "test_every_page_is_clean": (
        "deze pagina doet in de browser iets wat de site niet toestaat: een script, "
        "een frame, opmaak of een bron van een andere website",
        "haal ingesloten frames, scripts en style= uit de post; zet een gewone link "
        "neer",
    ),
}
OTHER_GATE = (
    "de controle {name} vond een fout",
    "draai invoke gates en lees de melding, of vraag hulp met het verslag erbij",
)
URL = re.compile(r"https?://[^\s'\",)\]}]+")
PAGE = re.compile(
    r"(?:^|[\s'\"(,])(/[\w\-./%]*?(?:\.html|/))(?::(\d+))?(?=[\s'\":,)]|$)"
)


class Interrupted(BaseException):
    """Publish stopped by SIGINT (Ctrl+C) or SIGTERM: unwinds past Pelican's own
    KeyboardInterrupt handler, so every folder and process of the run is cleaned up."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@contextmanager
def interruptible() -> Iterator[None]:
    """While publishing: SIGINT and SIGTERM raise Interrupted, once (a second
    signal does not cut the clean-up short)."""

    def interrupt(signum, frame):
        for name in watched:
            signal.signal(name, signal.SIG_IGN)
        raise Interrupted(signum)

    watched = (signal.SIGINT, signal.SIGTERM)
    saved = {name: signal.signal(name, interrupt) for name in watched}
    try:
        yield
    finally:
        for name, handler in saved.items():
            signal.signal(name, handler)


def stop_group(process: subprocess.Popen, grace: float = 10) -> None:
    """End a process started in a session of its own and everything it started
    (the gates' Java and Playwright, which closes its Chromium on SIGTERM)."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        process.poll()
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def fresh_folder(root: Path) -> Path:
    """A new, empty folder in the project for one publish run (never output/)."""
    folder = Path(tempfile.mkdtemp(prefix=".publish-", dir=root))
    folder.chmod(0o755)  # mkdtemp's 700 would travel to the web root
    return folder


def written_item(context: dict | None):
    """The post or page a file Pelican writes comes from, by the context it writes
    with; None for anything else (an index, a feed)."""
    return (context or {}).get("article") or (context or {}).get("page")


@contextmanager
def recorded_sources(site: Path) -> Iterator[dict[str, Path]]:
    """While Pelican builds into `site`: the post or page each written file comes
    from, by the file's path in `site` (Pelican's writer tells, as it writes)."""
    from pelican import signals

    sources: dict[str, Path] = {}

    def record(path, context=None, **kwargs) -> None:
        item = written_item(context)
        written = Path(path).resolve()
        if item is not None and written.is_relative_to(site.resolve()):
            sources[written.relative_to(site.resolve()).as_posix()] = Path(
                item.source_path
            )

    signals.content_written.connect(record, weak=False)
    try:
        yield sources
    finally:
        signals.content_written.disconnect(record)


def evidence_line(source: Path, text: str, page: str, built: str = "") -> int:
    """The line of `source` holding what the gate names: the text of the built
    page's line `built`, else an address (not the page's own); 1 when none does."""
    built = built.strip()
    unwrapped = re.sub(r"^<p>(.*)</p>$", r"\1", built)  # Markdown's paragraph
    needles = [built, unwrapped, re.sub(r"<[^>]+>", "", built).strip()]
    for url in URL.findall(text):
        path = urlsplit(url).path
        if path.strip("/") and path.strip("/") != Path(page).parent.as_posix():
            needles += [url, path]
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    for needle in (n for n in needles if len(n) >= 6):
        for number, line in enumerate(lines, 1):
            if needle in line:
                return number
    return 1


def built_line(page: Path, line: int, text: str) -> str:
    """The line of the built page a gate names; the HTML checker sometimes names the
    line before, so a neighbour holding a name it quotes (“inhoud”) is preferred."""
    lines = page.read_text(encoding="utf-8", errors="replace").splitlines()
    if not 1 < line <= len(lines):
        return ""
    # A quoted name counts as a tag (“p” is in almost every line) and, when it is
    # longer than a tag's usual name, as itself (an id, an address).
    quoted = [
        (f"<{q}", f"</{q}", *([q] if len(q) > 3 else []))
        for q in re.findall(r"“([^”]+)”", text)
    ]
    for candidate in (line, line + 1, line - 1):
        if 0 < candidate <= len(lines) and any(
            form in lines[candidate - 1] for forms in quoted for form in forms
        ):
            return lines[candidate - 1]
    return lines[line - 1]


def gate_problems(
    report: Path,
    site: Path,
    sources: dict[str, Path] | None = None,
    root: Path | None = None,
) -> list[Problem]:
    """The failed gates in pytest's JUnit XML, one Dutch line per page and gate,
    naming the post or page in `sources` it was built from, else the built page."""
    problems: list[Problem] = []
    try:
        cases = ElementTree.parse(report).getroot().iter("testcase")
    except (OSError, ElementTree.ParseError):
        cases = []
    for case in cases:
        failure = case.find("failure")
        if failure is None:
            failure = case.find("error")
        if failure is None:
            continue
        name = case.get("name", "").split("[")[0]
        message, advice = GATES.get(name, OTHER_GATE)
        text = (failure.get("message") or "") + "\n" + (failure.text or "")
        text = text.replace(str(site), "")
        pages: dict[str, int] = {}
        for line in text.splitlines():
            if ",BROKEN," in line:  # linkinator: url,status,state,parent,...
                text += "\n " + urlsplit(line.split(",")[3]).path
        for found in PAGE.finditer(text):
            page = found[1].lstrip("/")
            if (site / page / "index.html").is_file():
                page = (Path(page) / "index.html").as_posix()
            if (site / page).is_file():
                pages.setdefault(page, int(found[2] or 1))
        for page, line in sorted(pages.items()) or [("", 1)]:
            file = page or "site"
            source = (sources or {}).get(page)
            if source is not None:
                file = shown(source, root=root)
                built = built_line(site / page, line, text)
                line = evidence_line(source, text, page, built)
            problems.append(
                Problem.error(file, line, message.format(name=name), advice)
            )
    return sorted(set(problems))


def run_gates(
    site: Path, public_url: str, root: Path, sources: dict[str, Path] | None = None
) -> list[Problem]:
    """Run the quality gates on `site` (the quick ones first, the browser last);
    the problems they find, in Dutch; `sources`: see `recorded_sources`."""
    files = sorted((root / "tests/gates").glob("test_*.py"))
    files.sort(key=lambda path: "browser" in path.name)
    report = site.parent / f"{site.name}-{REPORT}"
    command = [sys.executable, "-m", "pytest", "-x", "-q", "--junitxml", str(report)]
    env = {**os.environ, "SITE_OUTPUT": str(site), "SITE_URL": public_url}
    process = subprocess.Popen(
        [*command, *map(str, files)],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # stopped as a whole, see stop_group
    )
    try:
        stdout, _ = process.communicate()
        failed = process.returncode
        problems = gate_problems(report, site, sources, root) if failed else []
    except BaseException:
        stop_group(process)
        raise
    finally:
        report.unlink(missing_ok=True)
    if failed and not problems:
        logger.debug("%s", stdout[-2000:])
        problems.append(
            Problem.error(
                "tests/gates",
                1,
                "de controles konden niet draaien",
                "draai invoke gates om te zien waarom",
            )
        )
    return problems


def replace_folder(fresh: Path, target: Path) -> None:
    """Put `fresh` in the place of `target`, readable by the host's web server, the
    old one removed only afterwards."""
    make_readable(fresh)
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)
