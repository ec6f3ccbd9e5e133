"""A gated publish against the everyday build of the same site, in the same run.

Run with `invoke bench --publish`. Per size: a copy of the project with the corpus
(benchmarks/corpus.py) as its content, the owner's placeholder addresses filled in
and rsync into a local folder as its target. Timed, as whole `invoke` processes
(what the author waits for): `invoke build`; a *full* `invoke publish` (no manifest
of an earlier deploy, no compressed copies cached: every page checked, every file
compressed); and publishing *again* after one sentence was added to one post.
"""

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


def timed(folder: Path, *task: str) -> float:
    """Wall seconds of one `invoke` task in `folder`; it must succeed."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "invoke", *task],
        cwd=folder,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"invoke {' '.join(task)} failed:\n{result.stdout[-3000:]}")
    return seconds


def measure(size: int, repeats: int) -> dict[str, float]:
    """Median seconds of build, full publish and publish again, at one size."""
    folder = project(size)
    timed(folder, "build")  # unmeasured: pictures and icons cached, as every day
    found: dict[str, list[float]] = {"build": [], "full": [], "again": []}
    for repeat in range(repeats):
        found["build"].append(timed(folder, "build"))
        shutil.rmtree(folder / "cache" / "compressed", ignore_errors=True)
        (folder / "cache" / "publish-manifest.json").unlink(missing_ok=True)
        found["full"].append(timed(folder, "publish"))
        post = folder / "content" / POST
        post.write_text(
            post.read_text(encoding="utf-8") + f"\nNog een zin ({repeat}).\n",
            encoding="utf-8",
        )
        found["again"].append(timed(folder, "publish"))
    return {kind: statistics.median(times) for kind, times in found.items()}


def run(sizes: list[int], repeats: int) -> str:
    lines = [
        f"Wall seconds of whole `invoke` processes, median of {repeats}; ratios to "
        "`invoke build` of the same site in the same run (targets: full publish "
        f"≤ {TARGETS['full']}×, publish again after one changed post "
        f"≤ {TARGETS['again']}×).",
        "",
        "| posts | build s | full publish s | × build | publish again s | × build |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in sizes:
        print(f"publish benchmark: {size} posts", flush=True)
        found = measure(size, repeats)
        build = found["build"]
        lines.append(
            f"| {size} | {build:.1f} | {found['full']:.1f} | "
            f"{found['full'] / build:.1f} | {found['again']:.1f} | "
            f"{found['again'] / build:.1f} |"
        )
    return "\n".join(lines) + "\n"
