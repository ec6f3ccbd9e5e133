"""A gated publish against the everyday build of the same site, in the same run.

Run with `invoke bench --publish`. Per size: a copy of the project with the corpus
(benchmarks/corpus.py) as its content, the owner's placeholder addresses filled in
and rsync into a local folder as its target. Timed, as whole `invoke` processes
(what the author waits for): `invoke build`; a *full* `invoke publish` (no manifest
of an earlier deploy, no compressed copies cached: every page checked, every file
compressed); and publishing *again* after one sentence was added to one post.
"""

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.corpus import build_corpus
from tests.conftest import ROOT, copy_project

WORK = ROOT / "benchmarks" / "work"
POST = "posts/bench/bench-1.md"
TARGETS = {"full": 15, "again": 5}  # issue 24: at most this many builds


def project(size: int) -> Path:
    folder = WORK / f"publish-n{size}"
    shutil.rmtree(folder, ignore_errors=True)
    build_corpus(copy_project(folder), size)
    for name in ("requirements.txt", "package-lock.json"):
        shutil.copyfile(ROOT / name, folder / name)
    (folder / "node_modules").symlink_to(ROOT / "node_modules")
    conf = folder / "pelicanconf.py"
    conf.write_text(conf.read_text().replace("hippisch-va.example", "stal-test.nl"))
    with open(folder / "publishconf.py", "a", encoding="utf-8") as settings:
        settings.write('DEPLOY_TARGET = "rsync"\n')
        settings.write(f"RSYNC_DESTINATION = {str(folder / 'www') + '/'!r}\n")
    return folder


def timed(folder: Path, *task: str) -> tuple[float, float]:
    """Wall and CPU seconds of one `invoke` task in `folder` (CPU: the process and
    the children it waited for: Pelican, Java, Chromium); it must succeed."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "invoke", *task],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"invoke {' '.join(task)} failed:\n{out[-3000:].decode()}")
    return seconds, usage.ru_utime + usage.ru_stime


def measure(size: int, repeats: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds of build (three builds a repeat: it is short and
    the machine shared), full publish and publish again, at one size."""
    folder = project(size)
    timed(folder, "build")  # unmeasured: pictures and icons cached, as every day
    found: dict[str, list[tuple[float, float]]] = {"build": [], "full": [], "again": []}
    for repeat in range(repeats):
        found["build"] += [timed(folder, "build") for _ in range(3)]
        shutil.rmtree(folder / "cache" / "compressed", ignore_errors=True)
        (folder / "cache" / "publish-manifest.json").unlink(missing_ok=True)
        found["full"].append(timed(folder, "publish"))
        post = folder / "content" / POST
        post.write_text(
            post.read_text(encoding="utf-8") + f"\nNog een zin ({repeat}).\n",
            encoding="utf-8",
        )
        found["again"].append(timed(folder, "publish"))
    return {
        kind: (
            statistics.median(wall for wall, _ in runs),
            statistics.median(cpu for _, cpu in runs),
        )
        for kind, runs in found.items()
    }


def run(sizes: list[int], repeats: int) -> str:
    lines = [
        f"Seconds of whole `invoke` processes, medians ({repeats} publishes of each "
        f"kind, {3 * repeats} builds); *CPU* counts the process and the children it "
        "waited for (Pelican, Java, Chromium). Ratios to `invoke build` of the same "
        f"site in the same run (targets: full publish ≤ {TARGETS['full']}×, publish "
        f"again after one changed post ≤ {TARGETS['again']}×), in wall and CPU time.",
        "",
        "| posts | build wall s | build CPU s | full publish wall s | CPU s | × build "
        "wall | × build CPU | publish again wall s | CPU s | × build wall | × build "
        "CPU |",
        "|" + " ---: |" * 11,
    ]
    for size in sizes:
        print(f"publish benchmark: {size} posts", flush=True)
        found = measure(size, repeats)
        (wall, cpu) = found["build"]
        cells = [str(size), f"{wall:.1f}", f"{cpu:.1f}"]
        for kind in ("full", "again"):
            kind_wall, kind_cpu = found[kind]
            cells += [f"{kind_wall:.1f}", f"{kind_cpu:.1f}"]
            cells += [f"{kind_wall / wall:.1f}", f"{kind_cpu / cpu:.1f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
