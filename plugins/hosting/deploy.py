"""Deploying a built site: GitHub Pages (ghp-import) or rsync, for `invoke publish`."""

import logging
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from ghp_import import GhpError, ghp_import

logger = logging.getLogger(__name__)

TARGETS = ("github-pages", "netlify", "cloudflare", "rsync")


class DeployError(Exception):
    """A deployment that cannot start or did not finish: a code of the author's
    catalog (authoring/problems.nl.yaml) and its parameters."""

    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        details = ", ".join(f"{k}={v!r}" for k, v in sorted(params.items()))
        super().__init__(f"{code} ({details})" if details else code)


def make_readable(folder: Path) -> None:
    """Folders 755, files 644: what a web server's own user can read, whatever the
    build folder's mode (mkdtemp's 700) or the author's umask."""
    folder.chmod(0o755)
    for parent, folders, files in os.walk(folder):
        for name in folders:
            os.chmod(os.path.join(parent, name), 0o755)
        for name in files:
            os.chmod(os.path.join(parent, name), 0o644)


def target_settings(settings: dict, target: str | None) -> dict:
    """The chosen target and what it needs, checked before anything is built."""
    target = target or settings.get("DEPLOY_TARGET")
    if not target:
        raise DeployError("deploy-no-target", targets=list(TARGETS))
    if target not in TARGETS:
        raise DeployError("deploy-target-unknown", value=target, targets=list(TARGETS))
    chosen = {"target": target}
    if target == "github-pages":
        github = settings.get("GITHUB_PAGES") or {}
        host = urlsplit(settings.get("SITE_PUBLIC_URL") or "").hostname or ""
        default_cname = None if host.endswith(".github.io") else host or None
        chosen.update(
            remote=github.get("remote", "origin"),
            branch=github.get("branch", "gh-pages"),
            cname=github.get("cname", default_cname),
        )
    if target == "rsync":
        destination = settings.get("RSYNC_DESTINATION")
        if not destination:
            raise DeployError("rsync-no-destination")
        chosen["destination"] = destination
    return chosen


def github_pages(
    output: Path,
    remote: str,
    branch: str,
    cname: str | None,
    message: str,
    push: bool = True,
) -> None:
    """Commit output/ as the whole of `branch` (with CNAME, .nojekyll) and push it.

    Runs git in the current folder, which must be the project's repository.
    """
    make_readable(output)
    before = branch_commit(branch)
    try:
        ghp_import(
            str(output),
            remote=remote,
            branch=branch,
            cname=cname,
            nojekyll=True,
            mesg=message,
            push=push,
        )
    except (GhpError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "message", error)
        raise DeployError("ghp-import-failed", detail=str(detail)) from error
    if branch_commit(branch) in (before, ""):
        # ghp-import reports a failed commit on stdout only, and pushes anyway.
        raise DeployError("ghp-import-no-commit", branch=branch)


def branch_commit(branch: str) -> str:
    """The commit a local branch points at, or "" when there is no such branch."""
    result = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"],
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def rsync_command(output: Path, destination: str, dry_run: bool) -> list[str]:
    """rsync that removes old files only after every new one is in place, and
    leaves the web root and everything in it readable (755 and 644)."""
    rsync = shutil.which("rsync")
    if not rsync:
        raise DeployError("rsync-missing")
    command = [
        rsync,
        "--recursive",
        "--links",
        "--times",
        "--perms",
        "--chmod=D755,F644",
        "--compress",
        "--checksum",
        "--delay-updates",
        "--delete-after",
        "--itemize-changes",
    ]
    if dry_run:
        command.append("--dry-run")
    return [*command, f"{output}/", destination]


def rsync(output: Path, destination: str, dry_run: bool = False) -> str:
    """Mirror output/ to the destination; return rsync's list of changes."""
    result = subprocess.run(
        rsync_command(output, destination, dry_run), capture_output=True, text=True
    )
    if result.returncode != 0:
        detail = " ".join(result.stderr.split())  # one line
        raise DeployError("rsync-failed", code=result.returncode, detail=detail)
    return result.stdout
