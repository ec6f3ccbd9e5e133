"""Build speed and memory: our plugins against plain Pelican, cold and warm.

Run with `invoke bench` (see benchmarks/README.md). Every build runs in its own
subprocess (benchmarks/build_once.py); its peak memory comes from os.wait4().
"""

import argparse
import hashlib
import importlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import build_corpus  # noqa: E402

SETTINGS = ROOT / "pelicanconf.py"
WORK = ROOT / "benchmarks" / "work"
README = ROOT / "benchmarks" / "README.md"
RUNNER = ROOT / "benchmarks" / "build_once.py"
# The plugin the issue measures (worksheets, checklists, PDFs). The other plugins are
# ones the theme cannot render without (sitekit's `asset`, `T` and `dutch_date`,
# funnel's forms in every page's footer), so "plain" keeps them.
UNDER_TEST = ("embeds",)


@dataclass
class Variant:
    name: str
    settings_file: str
    overrides: dict
    rebuilds: bool = True
    # Cold builds keep the cache folder (the checklist PDFs rendered by an earlier,
    # unmeasured build), so they measure the HTML build with the plugin's PDFs cached.
    keeps_cache: bool = False


@dataclass
class Run:
    build: float
    cpu: float
    wall: float
    rss_mb: float
    pdfs_written: int = 0


@dataclass
class Results:
    cold: dict = field(default_factory=dict)  # (size, variant) -> [Run]
    warm: dict = field(default_factory=dict)
    edit: dict = field(default_factory=dict)
    digests: dict = field(default_factory=dict)  # (size, variant) -> {tree digests}


def configured_plugins() -> list[str]:
    from pelican.settings import get_settings_from_file

    return list(get_settings_from_file(str(SETTINGS)).get("PLUGINS") or [])


def variants(work: Path, content: Path, stock: bool) -> list[Variant]:
    """plain = PLUGINS without the plugin under test; full = PLUGINS as configured;
    pdfs-cached = full, with the checklist PDFs already in its cache folder."""
    plugins = configured_plugins()
    plain = [p for p in plugins if p not in UNDER_TEST]
    # The site's stylesheet imports the plugin's part (embeds.css): plain keeps the
    # plugin's static files, so that it builds the same stylesheet without the plugin.
    static = ["static", *(str(ROOT / "plugins" / p / "static") for p in UNDER_TEST)]
    found = [
        Variant(
            "plain", str(SETTINGS), {"PLUGINS": plain, "THEME_STATIC_PATHS": static}
        ),
        Variant("full", str(SETTINGS), {"PLUGINS": plugins}),
        Variant(
            "pdfs-cached",
            str(SETTINGS),
            {"PLUGINS": plugins},
            rebuilds=False,
            keeps_cache=True,
        ),
    ]
    if stock:
        found.append(
            Variant(
                "stock",
                "",
                {
                    "THEME": "simple",
                    "PLUGINS": [],
                    "ARTICLE_PATHS": ["posts"],
                    "PAGE_PATHS": [],
                    "TIMEZONE": "Europe/Amsterdam",
                    "DEFAULT_LANG": "nl",
                    # Feeds off, as in our development settings.
                    "FEED_ALL_ATOM": None,
                    "CATEGORY_FEED_ATOM": None,
                    "AUTHOR_FEED_ATOM": None,
                    "AUTHOR_FEED_RSS": None,
                    "TRANSLATION_FEED_ATOM": None,
                },
                rebuilds=False,
            )
        )
    for variant in found:
        variant.overrides.update(
            PATH=str(content),
            OUTPUT_PATH=str(work / f"output-{variant.name}"),
            CACHE_PATH=str(work / f"cache-{variant.name}"),
        )
    return found


def measured(variant: Variant, **extra) -> Run:
    """One build in a fresh process: Pelican.run() time, wall time, peak RSS.

    os.wait4 gives this one child's rusage (RUSAGE_CHILDREN would be a running
    maximum over all of them).
    """
    overrides = {**variant.overrides, **extra}
    command = [sys.executable, str(RUNNER), variant.settings_file]
    command.append(json.dumps(overrides))
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    text = process.stdout.read()  # to EOF, so the child never blocks on a full pipe
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.stdout.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"build {variant.name} failed:\n{text}")
    timing = json.loads(
        next(line for line in reversed(text.splitlines()) if line.startswith("{"))
    )
    return Run(timing["build"], timing["cpu"], wall, usage.ru_maxrss / 1024)


def tree_digest(output: Path) -> str:
    """One hash over every output file's path and bytes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in output.rglob("*") if p.is_file()):
        digest.update(path.relative_to(output).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def pdf_stamps(output: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p): (p.stat().st_mtime_ns, p.stat().st_ino) for p in output.rglob("*.pdf")
    }


def changed(before: dict, after: dict) -> int:
    return sum(1 for path, stamp in after.items() if before.get(path) != stamp)


# What a keeps_cache variant keeps of its cache folder: the checklist PDFs
# (CACHE_PATH/checklists/, see plugins/embeds/pdf.py) and nothing else (not the app
# icons, pictures or content cache), so that it differs from a cold build only there.
KEPT = "checklists"


def reset(variant: Variant, cold: bool = False) -> None:
    """Empty the output and the cache (a cold build of keeps_cache: the output, and
    the cache but for the PDFs)."""
    shutil.rmtree(variant.overrides["OUTPUT_PATH"], ignore_errors=True)
    cache = Path(variant.overrides["CACHE_PATH"])
    if not (cold and variant.keeps_cache):
        shutil.rmtree(cache, ignore_errors=True)
    elif cache.is_dir():
        for entry in cache.iterdir():
            if entry.is_dir() and entry.name != KEPT:
                shutil.rmtree(entry)
            elif entry.is_file():
                entry.unlink()


def rebuilds(variant: Variant, content: Path, results: Results, size: int) -> None:
    """Prime the content cache, rebuild with nothing changed, then after one edit."""
    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    output = Path(variant.overrides["OUTPUT_PATH"])
    reset(variant)
    measured(variant, **cached)
    before = pdf_stamps(output)
    warm = measured(variant, **cached)
    warm.pdfs_written = changed(before, pdf_stamps(output))
    results.digests[(size, variant.name)].add(tree_digest(output))
    results.warm.setdefault((size, variant.name), []).append(warm)

    post = content / "posts" / "bench" / "bench-1.md"
    original = post.read_text(encoding="utf-8")
    post.write_text(original + "\nEen zin die er later bij kwam.\n", encoding="utf-8")
    try:
        before = pdf_stamps(output)
        edit = measured(variant, **cached)
        edit.pdfs_written = changed(before, pdf_stamps(output))
    finally:
        post.write_text(original, encoding="utf-8")
    results.edit.setdefault((size, variant.name), []).append(edit)


def run(sizes: list[int], repeats: int, stock: bool) -> Results:
    results = Results()
    WORK.mkdir(parents=True, exist_ok=True)
    for size in sizes:
        work = WORK / f"n{size}"
        content = build_corpus(work, size)
        found = variants(work, content, stock)
        for variant in found:
            if variant.keeps_cache:  # render its PDFs once, unmeasured
                reset(variant)
                measured(variant)
        for repeat in range(repeats):
            # Alternate the order so that drift in machine load hits both sides.
            order = found if repeat % 2 == 0 else list(reversed(found))
            for variant in order:
                reset(variant, cold=True)
                cold = measured(variant)
                results.cold.setdefault((size, variant.name), []).append(cold)
                output = Path(variant.overrides["OUTPUT_PATH"])
                digests = results.digests.setdefault((size, variant.name), set())
                digests.add(tree_digest(output))
                print(
                    f"{size:>5} {variant.name:<6} cold #{repeat + 1}: "
                    f"{cold.build:6.2f} s ({cold.cpu:6.2f} s CPU), "
                    f"{cold.rss_mb:6.1f} MB",
                    flush=True,
                )
            for variant in order:
                if variant.rebuilds:
                    rebuilds(variant, content, results, size)
                    last = results.warm[(size, variant.name)][-1]
                    edit = results.edit[(size, variant.name)][-1]
                    print(
                        f"{size:>5} {variant.name:<6} warm #{repeat + 1}: "
                        f"{last.cpu:6.2f} s CPU; edit one: {edit.cpu:6.2f} s CPU",
                        flush=True,
                    )
    return results


def profile(size: int) -> None:
    """One full build under cProfile; prints where the time goes, keeps the stats."""
    import pstats

    work = WORK / f"n{size}"
    full = variants(work, build_corpus(work, size), stock=False)[1]
    reset(full)
    stats = WORK / f"full-{size}.prof"
    command = [sys.executable, str(RUNNER), full.settings_file]
    subprocess.run([*command, json.dumps(full.overrides), str(stats)], check=True)
    pstats.Stats(str(stats)).sort_stats("cumulative").print_stats(40)
    print(f"Stats kept in {stats.relative_to(ROOT)} (python -m pstats {stats.name})")


# The plugins our theme cannot render without: sitekit (`asset`, `T`, `dutch_date`),
# funnel (the forms in every footer) and offline (its script in every page's head).
THEME_NEEDS = ("sitekit", "funnel", "offline")


def layers(size: int, repeats: int) -> str:
    """Where a cold build's CPU goes, plugin by plugin: the theme with what it needs,
    then each further plugin added in PLUGINS order (the last is the whole site),
    against stock Pelican; PDFs cached, cold builds alternating as in run()."""
    work = WORK / f"n{size}"
    found = variants(work, build_corpus(work, size), stock=True)
    plain, _full, cached, stock = found
    reset(cached)
    measured(cached)  # its PDFs, once, unmeasured
    plugins = configured_plugins()
    steps = [p for p in plugins if p not in THEME_NEEDS]
    builds = []
    for count in range(len(steps) + 1):
        chosen = [p for p in plugins if p in THEME_NEEDS or p in steps[:count]]
        variant = Variant(
            "theme" if not count else f"+ {steps[count - 1]}",
            cached.settings_file,
            {**cached.overrides, "PLUGINS": chosen},
            keeps_cache=True,
        )
        variant.overrides["OUTPUT_PATH"] = str(work / "output-layer")
        if "embeds" not in chosen:  # the stylesheet still imports its part
            static = plain.overrides["THEME_STATIC_PATHS"]
            variant.overrides["THEME_STATIC_PATHS"] = static
        builds.append(variant)
    builds.append(stock)
    runs: dict[str, list[Run]] = {}
    for repeat in range(repeats):
        for variant in builds if repeat % 2 == 0 else reversed(builds):
            reset(variant, cold=True)
            runs.setdefault(variant.name, []).append(measured(variant))
            print(f"{variant.name}: {runs[variant.name][-1].cpu:.2f} s CPU", flush=True)
    base = median(runs["stock"], "cpu")
    lines = [
        f"Where the CPU of a cold build goes, {size} posts, PDFs cached, median of "
        f"{repeats} (`invoke bench --layers {size}`): our theme with the plugins it "
        "cannot render without (sitekit, funnel, offline), then each other plugin "
        "added in `PLUGINS` order; the last row is the whole site.",
        "",
        "| build | CPU s | added CPU s | CPU vs stock |",
        "| --- | ---: | ---: | ---: |",
    ]
    before = None
    for name, found_runs in runs.items():
        cpu = median(found_runs, "cpu")
        added = "" if before is None or name == "stock" else f"{cpu - before:+.2f}"
        lines.append(f"| {name} | {cpu:.2f} | {added} | {cpu / base:.2f} |")
        before = cpu
    return "\n".join(lines) + "\n"


def against(ref: str, size: int, repeats: int) -> None:
    """Full builds with the theme and plugins of git `ref` against the working tree.

    Prints CPU medians and whether the two output trees are byte-identical: the check
    for a change meant to make the build faster without changing a byte.
    """
    import copy

    snapshot = WORK / "ref-snapshot"
    shutil.rmtree(snapshot, ignore_errors=True)
    snapshot.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", ref, "theme", "plugins"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(snapshot)], input=archive, check=True)
    work = WORK / f"n{size}"
    full = variants(work, build_corpus(work, size), stock=False)[1]
    old = copy.deepcopy(full)
    old.name = ref
    old.overrides.update(
        THEME=str(snapshot / "theme"),
        PLUGIN_PATHS=[str(snapshot / "plugins")],
        OUTPUT_PATH=str(work / "output-ref"),
        CACHE_PATH=str(work / "cache-ref"),
    )
    runs: dict[str, list[Run]] = {old.name: [], "working tree": []}
    for repeat in range(repeats):
        pair = [(old.name, old), ("working tree", full)]
        for name, variant in pair if repeat % 2 == 0 else reversed(pair):
            reset(variant)
            runs[name].append(measured(variant))
            print(f"{name}: {runs[name][-1].cpu:.2f} s CPU", flush=True)
    for name, found in runs.items():
        print(
            f"{name}: median {median(found, 'cpu'):.2f} s CPU, "
            f"{median(found, 'rss_mb'):.0f} MB"
        )
    trees = {tree_digest(Path(v.overrides["OUTPUT_PATH"])) for v in (old, full)}
    print(f"output byte-identical to {ref}: {'yes' if len(trees) == 1 else 'NO'}")
    if len(trees) != 1:
        raise SystemExit(1)


def median(runs: list[Run], attr: str) -> float:
    return statistics.median(getattr(r, attr) for r in runs)


def machine() -> str:
    model = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    import jinja2
    import markdown
    import pelican

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} CPUs ({model}), {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, Pelican {pelican.__version__}, "
        f"Markdown {markdown.__version__}, Jinja2 {jinja2.__version__}; "
        f"load average at start {load}"
    )


def table(results: Results, repeats: int, description: str) -> str:
    lines = [
        f"Machine: {description}.",
        "",
        f"Cold builds (no content cache, empty output), median of {repeats}. *CPU* "
        "and *wall* time `Pelican.run()`; *process* adds interpreter start, imports "
        "and plugin set-up (wall). Ratios to plain use CPU time, which a shared "
        "machine disturbs far less than wall time. *pdfs-cached* is *full* with the "
        "checklist PDFs already in its cache folder from an earlier build: the HTML "
        "build with the plugin, without rendering PDFs.",
        "",
        "| articles | variant | CPU s | wall s | process s | peak RSS MB "
        "| CPU vs plain | RSS vs plain | CPU vs stock |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for (size, name), runs in results.cold.items():
        plain = results.cold[(size, "plain")]
        stock = results.cold.get((size, "stock"))
        vs_stock = median(runs, "cpu") / median(stock, "cpu") if stock else None
        lines.append(
            f"| {size} | {name} | {median(runs, 'cpu'):.2f} "
            f"| {median(runs, 'build'):.2f} | {median(runs, 'wall'):.2f} "
            f"| {median(runs, 'rss_mb'):.0f} "
            f"| {median(runs, 'cpu') / median(plain, 'cpu'):.2f} "
            f"| {median(runs, 'rss_mb') / median(plain, 'rss_mb'):.2f} "
            f"| {f'{vs_stock:.2f}' if vs_stock else '-'} |"
        )
    lines += [
        "",
        "Rebuilds with the content cache on (`CACHE_CONTENT`, `LOAD_CONTENT_CACHE`), "
        "after a priming build, CPU and wall time of `Pelican.run()`: *warm* changes "
        "nothing, *edit one* appends a sentence to one article (`bench-1`). "
        "*PDFs* counts PDF files written (new or changed mtime), the "
        "largest over the runs.",
        "",
        "| articles | variant | warm CPU s | warm wall s | warm PDFs | edit one CPU s "
        "| edit one wall s | edit PDFs | peak RSS MB |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for key, warm in results.warm.items():
        edit = results.edit[key]
        lines.append(
            f"| {key[0]} | {key[1]} | {median(warm, 'cpu'):.2f} "
            f"| {median(warm, 'build'):.2f} | {max(r.pdfs_written for r in warm)} "
            f"| {median(edit, 'cpu'):.2f} | {median(edit, 'build'):.2f} "
            f"| {max(r.pdfs_written for r in edit)} "
            f"| {max(median(warm, 'rss_mb'), median(edit, 'rss_mb')):.0f} |"
        )
    same = all(len(found) == 1 for found in results.digests.values())
    lines += [
        "",
        "Output trees byte-identical across every cold build and warm rebuild of "
        f"each variant and size: {'yes' if same else '**NO**'}.",
    ]
    return "\n".join(lines) + "\n"


def write_readme(text: str, block: str = "bench") -> None:
    """Put `text` between the README's `<!-- block:start -->` and `:end` marks."""
    start, end = f"<!-- {block}:start -->", f"<!-- {block}:end -->"
    readme = README.read_text(encoding="utf-8")
    head, rest = readme.split(start, 1)
    _, tail = rest.split(end, 1)
    README.write_text(f"{head}{start}\n{text}{end}{tail}", encoding="utf-8")
    print(f"Results written to {README.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--sizes",
        help="article counts, a,b,... (default 300,1000; "
        "with --preview 1,100,300,1000)",
    )
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-stock", action="store_true", help="skip the reference")
    parser.add_argument("--write", action="store_true", help="update the README table")
    parser.add_argument("--profile", type=int, metavar="N", help="profile N articles")
    parser.add_argument("--against", metavar="REF", help="A/B with git REF's theme")
    parser.add_argument("--preview", action="store_true", help="save -> reloaded page")
    parser.add_argument("--layers", type=int, metavar="N", help="CPU per plugin")
    parser.add_argument("--publish", action="store_true", help="gated publish vs build")
    args = parser.parse_args(argv)
    default = "1,100,300,1000" if args.preview else "300,1000"
    sizes = [int(s) for s in (args.sizes or default).split(",")]
    for name in ("preview", "publish"):
        if getattr(args, name):
            run = importlib.import_module(f"benchmarks.{name}").run
            text = f"Machine: {machine()}.\n\n" + run(sizes, args.repeats)
            print(text)
            if args.write:
                write_readme(text, name)
            return None
    if args.profile:
        return profile(args.profile)
    if args.layers:
        text = f"Machine: {machine()}.\n\n" + layers(args.layers, args.repeats)
        print(text)
        if args.write:
            write_readme(text, "layers")
        return None
    if args.against:
        return against(args.against, sizes[-1], args.repeats)
    description = machine()
    print(description, flush=True)
    results = run(sizes, args.repeats, not args.no_stock)
    text = table(results, args.repeats, description)
    print(text)
    if args.write:
        write_readme(text)
    if any(len(found) != 1 for found in results.digests.values()):
        raise SystemExit("the same sources gave different output: see the digests")


if __name__ == "__main__":
    main()
