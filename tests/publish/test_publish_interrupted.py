"""`invoke publish` stopped by a real SIGTERM or SIGINT while the gates run: its
fresh build folder, its gate report and the gates' Java and Chromium are gone, and
it says so in one Dutch line."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.publish.hosting import ROOT
from tests.publish.test_deploy import git, project_copy


def processes() -> dict[int, tuple[int, str, str]]:
    """Every process: pid -> (parent pid, state, command line)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        fields = stat.rpartition(")")[2].split()
        found[int(entry.name)] = (int(fields[1]), fields[0], command)
    return found


def descendants(pid: int) -> dict[int, str]:
    """The processes started by `pid`, directly or not: pid -> command line."""
    table = processes()
    found, todo = {}, [pid]
    while todo:
        parent = todo.pop()
        for child, (ppid, _state, command) in table.items():
            if ppid == parent and child not in found:
                found[child] = command
                todo.append(child)
    return found


def alive(pids) -> list[str]:
    table = processes()
    return [table[p][2] for p in pids if p in table and table[p][1] != "Z"]


@pytest.mark.parametrize(
    "signum, waits_for",
    [(signal.SIGTERM, "chrom"), (signal.SIGINT, "java")],
    ids=["SIGTERM while Chromium runs", "SIGINT while Java runs"],
)
def test_an_interrupted_publish_leaves_nothing_behind(tmp_path, signum, waits_for):
    server = tmp_path / "www"
    project = project_copy(
        tmp_path / "project", DEPLOY_TARGET="rsync", RSYNC_DESTINATION=f"{server}/"
    )
    shutil.copyfile(ROOT / ".gitignore", project / ".gitignore")
    git("init", "--quiet", cwd=project)
    git("add", "-A", cwd=project)
    git("-c", "user.name=T", "-c", "user.email=t@x", "commit", "-qm", "x", cwd=project)
    publish = subprocess.Popen(
        [sys.executable, "-m", "invoke", "publish"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen: dict[int, str] = {}
    deadline = time.monotonic() + 400
    while not any(waits_for in command for command in seen.values()):
        assert publish.poll() is None, publish.communicate()
        assert time.monotonic() < deadline, seen
        seen |= descendants(publish.pid)
        time.sleep(0.2)
    seen |= descendants(publish.pid)
    os.kill(publish.pid, signum)
    out, err = publish.communicate(timeout=60)

    assert publish.returncode == 128 + signum, out + err
    assert err.strip() == (
        "Publiceren afgebroken: de tijdelijke map en de controles zijn opgeruimd. "
        "Start invoke publish opnieuw om te publiceren."
    )
    assert "Traceback" not in out + err
    assert not list(project.glob(".publish-*"))
    assert not list(project.rglob("*gates-report*"))
    assert git("status", "--porcelain", cwd=project) == ""
    assert not server.exists()
    deadline = time.monotonic() + 15
    while alive(seen) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert alive(seen) == []
