"""Tasks for writing, checking and publishing the site: `invoke --list` shows them."""

import shlex
import shutil
import sys
from pathlib import Path

from invoke import Exit, task
from pelican.settings import DEFAULT_CONFIG

from authoring.cli import speak_dutch
from authoring.source import settings_values

ROOT = Path(__file__).parent
DEV_SETTINGS = "pelicanconf.py"
PUBLISH_SETTINGS = "publishconf.py"


def settings_of(name: str) -> dict:
    """The values a settings file sets, over Pelican's defaults (paths as written)."""
    return {**DEFAULT_CONFIG, **settings_values(ROOT / name)}


# Reading the settings also makes plugins/ importable (see pelicanconf.py). A mistake
# in the owner's settings file (the line's cause: its SettingsError) is told by each
# task that reads them; the preview starts anyway and shows it in its banner.
try:
    OUTPUT = ROOT / settings_of(DEV_SETTINGS)["OUTPUT_PATH"]
except SystemExit as stop:
    if stop.__cause__ is None:  # pelicanconf.py itself cannot be read: stop here
        raise
    OUTPUT = ROOT / DEFAULT_CONFIG["OUTPUT_PATH"]
HOST, PORT = "127.0.0.1", 8000
speak_dutch()  # Invoke's own messages (a missing argument...) in Dutch


def pelican_run(
    settings_file: str, *extra: str, done: bool = True, checked: bool = False
) -> None:
    """Build the site; every problem is one Dutch line (authoring/messages.py), the
    same `invoke check` prints; an error (any warning of Pelican's own, so no post is
    silently dropped) fails the build, and a failed build exits. `checked`: the check
    ran just before and showed the warnings already."""
    from authoring.messages import run_pelican

    code = run_pelican(
        ROOT / settings_file, list(extra), done=done, warnings=not checked
    )
    if code:
        sys.exit(code)


@task
def clean(c):
    """Haal de gebouwde site (output/) weg."""
    shutil.rmtree(OUTPUT, ignore_errors=True)


@task
def build(c):
    """Bouw de site in output/ om te bekijken; elke fout op één regel."""
    pelican_run(DEV_SETTINGS)


@task
def rebuild(c):
    """Bouw de site opnieuw vanaf nul: eerst output/ leeg."""
    pelican_run(DEV_SETTINGS, "--delete-output-directory")


@task(pre=[build])
def serve(c):
    """Bouw de site en laat hem zien op http://127.0.0.1:8000, zonder herladen."""
    pelican_run(DEV_SETTINGS, "--listen", "--bind", HOST, "--port", str(PORT))


@task(
    help={
        "port": "de poort van het voorbeeld (standaard 8000)",
        "editor-port": "de poort waarop de editor opslaat (standaard 8081)",
    }
)
def livereload(c, port=str(PORT), editor_port=8081):
    """Voorbeeld op http://127.0.0.1:8000 dat zichzelf bijwerkt als je opslaat, met
    de editor op http://127.0.0.1:8000/schrijven/."""
    from authoring.preview import serve as preview

    sys.exit(preview(ROOT / DEV_SETTINGS, HOST, port, editor_port))


@task(
    help={
        "target": "github-pages, netlify, cloudflare of rsync "
        "(standaard: DEPLOY_TARGET in publishconf.py)",
        "dry-run": "rsync: alleen laten zien wat er verandert; github-pages: wel "
        "vastleggen, niet versturen",
        "verbose": "laat elk nieuw, gewijzigd en weggehaald bestand zien",
    }
)
def publish(c, target=None, dry_run=False, verbose=False):
    """Publiceer de site: controleren, bouwen, keuren, en pas dan online zetten.

    Bouwt in een eigen, nieuwe map (niet output/), draait daar alle controles en zet
    de site alleen online als alles goed is; gaat er iets mis, dan blijft alles zoals
    het was. Alleen wat sinds de vorige keer veranderde wordt opnieuw gekeurd (en van
    elke soort pagina er één); de links altijd allemaal.
    """
    from authoring.publishing import Interrupted, interruptible

    try:
        with interruptible():
            deploy(target, dry_run, verbose)
    except Interrupted as stopped:
        raise Exit(
            "Publiceren afgebroken: de tijdelijke map en de controles zijn opgeruimd. "
            "Start invoke publish opnieuw om te publiceren.",
            code=128 + stopped.signum,
        ) from None


TASK = "publish"  # where a line about publishing itself is told


def deploy(target: str | None, dry_run: bool, verbose: bool) -> None:
    """What `publish` does: check, build and gate in a fresh folder, then deploy."""
    from hosting.deploy import DeployError, github_pages, rsync, target_settings

    from authoring.gates import ToolMissing, tools
    from authoring.gates.pages import read_manifest, write_manifest
    from authoring.messages import worded
    from authoring.publishing import deploy_summary, manifest_path, replace_folder

    settings = settings_of(PUBLISH_SETTINGS)
    try:
        chosen = target_settings(settings, target)
    except DeployError as error:
        raise Exit(str(worded(TASK, 0, error.code, error.params)), code=2) from None
    # Her mistakes first (they need no tools), with the settings of publishing.
    content_check(settings=PUBLISH_SETTINGS, quiet=True)
    try:
        tools.check_all(ROOT)
    except ToolMissing as error:
        raise Exit(str(error), code=2) from None
    recorded = manifest_path(ROOT, settings)
    before = read_manifest(recorded)
    site, after = publish_build(settings, before)
    try:
        if chosen["target"] == "github-pages":
            github_pages(
                site,
                chosen["remote"],
                chosen["branch"],
                chosen["cname"],
                "Site bijgewerkt met invoke publish",
                push=not dry_run,
            )
        elif chosen["target"] == "rsync":
            told = rsync(site, chosen["destination"], dry_run=dry_run)
            print(told if verbose and dry_run else "", end="")
    except DeployError as error:
        raise Exit(str(worded(TASK, 0, error.code, error.params)), code=1) from None
    finally:
        if chosen["target"] in ("github-pages", "rsync"):
            shutil.rmtree(site, ignore_errors=True)
    if chosen["target"] in ("netlify", "cloudflare"):
        replace_folder(site, ROOT / settings["OUTPUT_PATH"])
    done = {
        "github-pages": f"naar de branch {chosen.get('branch')}",
        "rsync": f"naar {chosen.get('destination')}",
        "netlify": "in output/; de host zet die map online",
        "cloudflare": "in output/; de host zet die map online",
    }[chosen["target"]]
    if not dry_run:
        write_manifest(recorded, after)
    summary = deploy_summary(before, after, verbose and not dry_run)
    print(("Proefrun: " if dry_run else "Gepubliceerd ") + f"{done}: {summary}")


def publish_build(settings: dict, before: dict) -> tuple[Path, dict]:
    """Build for production into a fresh folder and run the gates there (see
    `authoring.publishing.run_gates`); stops the task (the folder removed) unless
    everything passed. The folder, and the manifest of what it holds."""
    from authoring.gates.pages import recorded_pages
    from authoring.publishing import fresh_folder, run_gates

    site = fresh_folder(ROOT)
    print("De site wordt gebouwd.", flush=True)
    try:
        with recorded_pages(site) as written:  # a page's post and shape
            pelican_run(PUBLISH_SETTINGS, "-o", str(site), done=False, checked=True)
        try:
            problems, after = run_gates(site, settings, ROOT, written, before)
        except RuntimeError as error:  # a tool that failed, not her content
            raise Exit(
                f"Niet gepubliceerd: de controles konden niet draaien ({error}).",
                code=2,
            ) from None
        if problems:
            for problem in problems:
                print(problem)
            raise Exit(
                "Niet gepubliceerd: de controles vonden de fouten hierboven. "
                "Los ze op en probeer het opnieuw.",
                code=1,
            )
    except BaseException:
        shutil.rmtree(site, ignore_errors=True)
        raise
    return site, after


def content_check(
    content: str | None = None,
    settings: str = DEV_SETTINGS,
    quiet: bool = False,
    every: bool = False,
) -> None:
    """The content check with `settings`; stops the task when it finds an error."""
    from authoring.lint import main as lint_main

    folder = Path(content) if content else None
    if lint_main(ROOT / settings, folder, quiet=quiet, every=every):
        sys.exit(1)


@task(
    help={
        "content": "een andere map om te controleren dan content/",
        "alles": "elke melding op een eigen regel, ook als er veel van één soort zijn",
    }
)
def check(c, content=None, alles=False):
    """Controleer posts, pagina's, werkbladen en checklists: één regel per probleem.

    Elke regel zegt waar (bestand:regel), wat er mis is en wat je kunt doen. Wat de
    bouw zou tegenhouden, meldt check als fout; een voorbeeldadres in je instellingen
    als waarschuwing (pas invoke publish weigert het).
    """
    content_check(content, every=alles)


@task
def gates(c):
    """Voor ontwikkelaars: bouw en keur de hele site (HTML, toegankelijkheid, CSP,
    links); elke fout op één regel."""
    from authoring.gates import ToolMissing, pages, tools
    from authoring.publishing import run_gates

    settings = settings_of(DEV_SETTINGS)
    try:
        tools.check_all(ROOT)
    except ToolMissing as error:
        raise Exit(str(error), code=2) from None
    with pages.recorded_pages(OUTPUT) as written:
        pelican_run(DEV_SETTINGS, done=False)
    try:
        problems, current = run_gates(OUTPUT, settings, ROOT, written, {})
    except RuntimeError as error:
        raise Exit(f"De controles konden niet draaien: {error}", code=2) from None
    for problem in problems:
        print(problem)
    if problems:
        raise Exit(f"{len(problems)} fouten gevonden.", code=1)
    # With no previous manifest the gates checked every page.
    checked = sum(page.endswith(".html") for page in current["files"])
    print(f"Alles in orde: {checked} pagina's gekeurd.")


@task
def lint(c):
    """Voor ontwikkelaars: controleer de stijl van de code (ruff)."""
    c.run(f"{shlex.quote(sys.executable)} -m ruff check .")
    c.run(f"{shlex.quote(sys.executable)} -m ruff format --check .")


@task(pre=[lint])
def test(c):
    """Voor ontwikkelaars: alle tests (unit, bouw, browser en de keuringen)."""
    c.run(f"{shlex.quote(sys.executable)} -m pytest", pty=False)


@task(
    name="new-post",
    help={"title": 'de titel van de post, tussen "aanhalingstekens"'},
)
def new_post(c, title):
    """Begin een nieuwe post: content/posts/<slug>.md met de datum van vandaag.

    Voorbeeld: invoke new-post "Mijn titel"
    """
    from authoring.new_post import PostExists
    from authoring.new_post import new_post as write_post

    try:
        path, url = write_post(title, ROOT / DEV_SETTINGS)
    except (PostExists, ValueError) as problem:
        print(problem)
        sys.exit(1)
    print(f"Nieuwe post: {path.relative_to(ROOT)}")
    from authoring.preview import running_address

    url = running_address(url, ROOT / DEV_SETTINGS)
    print(f"Bekijken (terwijl make serve draait): {url}")


@task(
    name="import-wix",
    help={
        "source": "blog-feed.xml, een opgeslagen postpagina (.html) of een "
        "tekstkopie (.txt)",
        "force": "ook een post overschrijven die na het overzetten is aangepast",
        "date": "datum van een tekstkopie, dag eerst: '15-01-2024 09:00'",
        "wix-url": "oude adres van een tekstkopie, zoals /post/dilemma-s",
        "owner": "jouw naam zoals hij op Wix onder je posts stond (mag vaker): die "
        "posts worden van jou, niet van een gastauteur",
    },
    iterable=["owner"],
)
def import_wix(c, source, force=False, date=None, wix_url=None, owner=None):
    """Zet oude Wix-posts over naar Markdown-posts in content/posts/.

    Voorbeeld: invoke import-wix blog-feed.xml
    """
    from authoring.wix_import import WixImportError, import_wix, report

    try:
        outcome = import_wix(
            Path(source),
            ROOT / DEV_SETTINGS,
            force,
            date,
            wix_url,
            owner_names=tuple(owner or ()),
        )
    except WixImportError as problem:
        print(problem.told(source))
        sys.exit(1)
    sys.exit(report(outcome, ROOT))


@task(
    help={
        "sizes": "article counts, comma-separated (default 300,1000; "
        "with --preview 1,100,300,1000)",
        "repeats": "cold builds per variant and size; with --preview, saves per "
        "size (default 3)",
        "stock": "also build stock Pelican with its simple theme (default on)",
        "write": "put the table into benchmarks/README.md (default on)",
        "profile": "instead, profile one full build of this many articles",
        "against": "instead, A/B the full build against the theme and plugins of "
        "this git ref, at the largest size, and check the output is byte-identical",
        "preview": "instead, time save -> reloaded page in the live preview",
        "layers": "instead, the CPU each plugin adds to a cold build of this many "
        "articles, against stock Pelican",
        "publish": "instead, a gated publish (full, and again after one changed "
        "post) against invoke build of the same site",
    }
)
def bench(
    c,
    sizes="",
    repeats=3,
    stock=True,
    write=True,
    profile=0,
    against="",
    preview=False,
    layers=0,
    publish=False,
):
    """Voor ontwikkelaars: meet bouwtijd en geheugen (zie benchmarks/README.md)."""
    args = ["--repeats", str(repeats)] + (["--sizes", sizes] if sizes else [])
    args += ["--preview"] if preview else []
    args += ["--publish"] if publish else []
    args += ["--profile", str(profile)] if profile else []
    args += ["--layers", str(layers)] if layers else []
    args += ["--against", against] if against else []
    args += [] if stock else ["--no-stock"]
    args += ["--write"] if write else []
    command = [sys.executable, "benchmarks/bench.py", *args]
    c.run(shlex.join(command), pty=False)


@task(
    help={
        "lighthouse": "Lighthouse on home, article, Diensten and contact (default on)",
        "write": "write the report to benchmarks/weight.md (default on)",
    }
)
def weight(c, lighthouse=True, write=True):
    """Voor ontwikkelaars: gewicht per soort pagina en Lighthouse (benchmarks/)."""
    args = [] if lighthouse else ["--no-lighthouse"]
    args += ["--write"] if write else []
    command = [sys.executable, "benchmarks/weight.py", *args]
    c.run(shlex.join(command), pty=False)


@task(
    help={
        "echt": "only the real content/, as a reader sees it, for a design review",
    }
)
def screenshots(c, echt=False):
    """Voor ontwikkelaars: schermafbeeldingen van elke soort pagina, licht en donker."""
    from scripts.screenshots import main

    print(f"Bekijk ze in {main(ROOT / 'screenshots', review=echt)}")
