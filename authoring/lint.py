"""The content check (`invoke check`): the build itself, into a folder thrown away.

The build runs as `invoke build` runs it (Pelican in this process, with every plugin
and the rules the build reports without refusing, sitekit.rules) into a folder thrown
away afterwards, without the costly outputs, going on past each problem: every
problem is the line the build prints (authoring/messages.py, DutchBuildLog), her
settings' reminders included (funnel.readiness, sitekit.rules' example addresses: an
error with the settings of publishing, publishconf.py). Added here is what a Wix
import left to do (wix_check.py), a check of the author's tools, not of the site.
"""

import tempfile
from dataclasses import dataclass
from pathlib import Path

from sitekit.header import Source, read_source

from .messages import ERROR, Problem, dutch_build_log, report_lines, shown, worded
from .source import SETTINGS_FILE, site_settings
from .wix_check import check_imported


@dataclass
class Document:
    """A post as the Wix check reads it: its source lines and how it is named."""

    source: Source
    display: str


def check_content(
    settings_file: Path = SETTINGS_FILE, content: Path | None = None
) -> list[Problem]:
    """Every problem in the site's content, sorted by file and line, as a build with
    `settings_file` (pelicanconf.py, or publishconf.py when publishing) finds them."""
    settings = site_settings(settings_file)
    root = Path(settings_file).resolve().parent
    content = Path(content or root / settings["PATH"]).resolve()
    settings["PATH"] = str(content)  # as `pelican <content>` sets it
    built = dry_build(Path(settings_file), content)
    checked = Checker(settings, root, content).run()
    return sorted({*built, *checked})


def dry_build(settings_file: Path, content: Path) -> list[Problem]:
    """The build as `invoke build` runs it, into a folder thrown away afterwards and
    without the costly outputs (the search index, the checklists' PDFs, compressed
    copies), going on past every problem: its problems."""
    from pelican import Pelican

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
        with dutch_build_log(content, settings_file) as log:
            try:
                Pelican(settings).run()
            except Exception as error:  # noqa: BLE001 (told to the author, by `log`)
                log.exception_raised(error)
        return log.problems


def report(problems: list[Problem], quiet: bool = False, every: bool = False) -> int:
    """Print the problems and a closing line; the exit code: 1 when any is an error.
    `quiet`: a clean check says nothing (when publishing: the publish reports)."""
    for line in report_lines(problems, every):
        print(line)
    errors = sum(p.level == ERROR for p in problems)
    warnings = len(problems) - errors
    if not problems:
        if not quiet:
            print("Alles in orde: geen problemen gevonden.")
    else:
        print(f"{errors} fout(en), {warnings} waarschuwing(en).")
    if errors:
        print("Los de fouten op voordat je publiceert.")
    return 1 if errors else 0


def main(
    settings_file: Path = SETTINGS_FILE,
    content: Path | None = None,
    quiet: bool = False,
    every: bool = False,
) -> int:
    """Run the check and print the report (`every`: each finding on its own line,
    `quiet`: nothing when all is well); returns the exit code."""
    if content is not None and not Path(content).is_dir():
        print(
            f"{content}: fout: map niet gevonden (geef de map met je posts mee, "
            "bijvoorbeeld: invoke check --content content)"
        )
        return 1
    found = check_content(settings_file, content)
    return report(found, quiet, every)


class Checker:
    """What the author's tools add to the build's problems."""

    def __init__(self, settings: dict, root: Path, content: Path):
        self.settings = settings
        self.root = root
        self.content = content
        self.problems: list[Problem] = []

    def display(self, path: Path) -> str:
        """The path as the author sees it: from the project folder when inside it."""
        return shown(path.resolve(), root=self.root)

    def add(self, doc_or_file, line: int, code: str, **params):
        """A finding of `code` (authoring/problems.nl.yaml) at a post or file."""
        file = doc_or_file.display if isinstance(doc_or_file, Document) else doc_or_file
        self.problems.append(worded(file, line, code, params))

    def run(self) -> list[Problem]:
        for folder in self.settings["ARTICLE_PATHS"]:
            for path in sorted((self.content / folder).rglob("*.md")):
                try:
                    source = read_source(path)
                except (OSError, UnicodeDecodeError):
                    continue  # the build says so
                check_imported(self, Document(source, self.display(path)))
        return self.problems
