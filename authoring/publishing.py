"""`invoke publish` made safe: build into a fresh folder, run the quality gates there,
and only when everything passed replace what is deployed. A gate failure is told in
Dutch, one line per page: which post or page (else the built page), what is wrong,
what to do.
"""

import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from hosting.deploy import make_readable

from .messages import Problem

MANIFEST = "publish-manifest.json"  # what the last deploy published (CACHE_PATH)


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


def fresh_folder(root: Path) -> Path:
    """A new, empty folder in the project for one publish run (never output/)."""
    folder = Path(tempfile.mkdtemp(prefix=".publish-", dir=root))
    folder.chmod(0o755)  # mkdtemp's 700 would travel to the web root
    return folder


def written_item(context: dict | None):
    """The post or page a file Pelican writes comes from, by the context it writes
    with; None for anything else (an index, a feed)."""
    return (context or {}).get("article") or (context or {}).get("page")


def manifest_path(root: Path, settings: dict) -> Path:
    return root / settings.get("CACHE_PATH", "cache") / MANIFEST


def run_gates(
    site: Path, settings: dict, root: Path, written: dict, previous: dict
) -> tuple[list[Problem], dict]:
    """Run the gates (authoring/gates) on a build in `site`: the pages
    that changed since the `previous` deploy's manifest and one of every shape; the
    problems in Dutch, and the manifest of this build (to record once deployed).
    `written`: see `recorded_pages`."""
    from sitekit.security import content_security_policy

    from .gates import check, pages, words

    current = pages.manifest(site, root)
    choice = pages.chosen_pages(written, current, previous)
    policy = partial(content_security_policy, settings)
    found = check.run(site, settings["SITEURL"], choice, policy, root)
    return words.problems(found, site, written, root), current


def deploy_summary(before: dict, after: dict, verbose: bool = False) -> str:
    """One line: how many files are new, changed and removed since the last deploy;
    with `verbose` every file too."""
    from .gates.pages import changes

    found = changes(before, after)
    line = (
        f"{len(found['new'])} bestanden nieuw, {len(found['changed'])} gewijzigd, "
        f"{len(found['removed'])} weggehaald"
    )
    if verbose:
        marks = {"new": "nieuw", "changed": "gewijzigd", "removed": "weggehaald"}
        line += "".join(
            f"\n  {marks[kind]}: {path}"
            for kind, paths in found.items()
            for path in paths
        )
    return line


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
