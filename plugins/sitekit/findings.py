"""Findings the build reports instead of raising, and what the build writes.

`report(source_path, line, code, **params)` logs a finding (`report_setting(path,
code, **params)` one about the setting at `path`, such as `BUSINESS.kvk`, told at its
line of the owner's settings or the settings file; `refuse(error)` one a plugin raised
as an error with a code): a code of the author's
catalog (authoring/problems.nl.yaml, which words it and gives its level) at a file
and line, with its parameters as data. It is logged below WARNING, so Pelican's
`--fatal warnings` does not stop the build at the first one: every finding of every
file comes out, and the build's log (authoring/messages.py, DutchBuildLog) words
each and fails the build on an error.

`outputs(settings)` is every path (relative to the output folder) the build asked to
have written: pages and feeds as the writer writes them (`content_written`,
`feed_written`, or `asked` by a writer that skips one), static files, the theme's
files and what a plugin declares with `asked` (a checklist's PDF). A link resolves
when its target is among them. They are kept in the build's state (sitekit.build).
"""

import logging
from dataclasses import dataclass, field
from pathlib import Path

from pelican import signals

from . import build
from .errors import SETTINGS_FILE

FINDING = logging.INFO + 5  # below WARNING: a finding never stops the build itself
logger = logging.getLogger(__name__)
logger.setLevel(FINDING)  # reported whatever level Pelican gives the root logger


@dataclass(frozen=True)
class Finding:
    source_path: str
    line: int
    code: str
    params: dict = field(default_factory=dict, hash=False)
    setting: str = ""  # the path of the setting it is about (at SETTINGS_FILE)


def report(source_path, line: int, code: str, **params) -> None:
    """A finding of `code` at line `line` of `source_path` (a post, or a file of
    the site such as the settings)."""
    finding = Finding(str(source_path), line or 1, code, params)
    logger.log(
        FINDING, "%s:%d: %s %r", finding.source_path, line, code, params,
        extra={"finding": finding},
    )  # fmt: skip


def report_setting(path: str, code: str, **params) -> None:
    """A finding of `code` about the setting at `path` (`BUSINESS.kvk`, `FORMS`):
    the author's tools find the file and line that set it (as for a DefinitionError
    at SETTINGS_FILE)."""
    finding = Finding(SETTINGS_FILE, 0, code, params, setting=path)
    logger.log(
        FINDING, "%s: %s %r", path, code, params, extra={"finding": finding}
    )  # fmt: skip


def refuse(settings: dict, error: Exception) -> None:
    """Report a plugin's error (a DefinitionError: code, file, field path, line,
    parameters) without stopping the build here, so every one is told; the build
    still fails (`stop_before_writing`, `fail_at_the_end`). Returns None, for the
    caller's "nothing here"."""
    state = build.of(settings)
    state.refused = [*getattr(state, "refused", []), error]
    logger.log(FINDING, "%s", error, extra={"error": error})


def refused(settings: dict) -> list[Exception]:
    return getattr(build.of(settings), "refused", [])


def stop_before_writing(pelican) -> None:
    """With warnings fatal (`pelican --fatal warnings`, `invoke build`, publish), a
    build that refused something stops before it writes anything (at get_writer),
    with the first error refused (told already: said once)."""
    from pelican.log import FatalLogger

    if refused(pelican.settings) and FatalLogger.fatal_lvl <= logging.WARNING:
        raise refused(pelican.settings)[0]


def fail_at_the_end(pelican) -> None:
    """Otherwise (plain `pelican`, `invoke check`, the preview) it fails at its end
    (finalized), once every finding is told."""
    if refused(pelican.settings):
        raise refused(pelican.settings)[0]


def outputs(settings: dict) -> set[str]:
    """What the build of `settings` (or of a context) asked to have written so far."""
    state = build.of(settings)
    if not hasattr(state, "outputs"):
        state.outputs = set()
    return state.outputs


def asked(settings: dict, path) -> None:
    """Record that the build writes `path` (absolute, or relative to the output)."""
    path = Path(path)
    if path.is_absolute():
        path = path.resolve().relative_to(Path(settings["OUTPUT_PATH"]).resolve())
    outputs(settings).add(path.as_posix().lstrip("/"))


def on_written(path, context: dict, **kwargs) -> None:
    asked(context, path)


def on_static_finalized(generator) -> None:
    """Static files and the theme's: copied, not written by the writer."""
    settings = generator.settings
    for item in generator.staticfiles:
        asked(settings, item.save_as)
    for folder in settings["THEME_STATIC_PATHS"]:
        base = Path(settings["THEME"]) / folder
        for file in base.rglob("*") if base.is_dir() else ():
            if file.is_file():
                relative = file.relative_to(base).as_posix()
                asked(settings, f"{settings['THEME_STATIC_DIR']}/{relative}")


def register() -> None:
    signals.content_written.connect(on_written)
    signals.feed_written.connect(on_written)
    signals.static_generator_finalized.connect(on_static_finalized)
    signals.get_writer.connect(stop_before_writing)
