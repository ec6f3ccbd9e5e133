"""Shared fixtures: one real build of the site per session, served with a strict CSP."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from authoring.gates.browser import CHROMIUM_FLAGS
from tests.support.server import SiteServer

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
# The test build: the real content plus fixture posts (hostile text, enough posts to
# paginate), with two posts a page so that pagination is exercised.
TEST_OVERRIDES = ["DEFAULT_PAGINATION=2"]


def build_site(
    content: Path, output: Path, settings: str = "pelicanconf.py", *extra: str
) -> subprocess.CompletedProcess:
    """Run Pelican the way the tasks do, with warnings fatal."""
    command = [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-s",
        str(ROOT / settings),
        "-o",
        str(output),
        "--fatal",
        "warnings",
        *(("-e", *extra) if extra else ()),
    ]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def copy_content(target: Path) -> Path:
    """A copy of content/ with the fixture posts and checklists added, to build from."""
    content = target / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(FIXTURES / "posts", content / "posts" / "fixtures")
    shutil.copytree(FIXTURES / "checklists", content / "checklists", dirs_exist_ok=True)
    return content


def copy_project(target: Path) -> Path:
    """What the build tasks need (content, theme, plugins, settings, tasks.py) in a
    folder of its own, so a test can change it freely."""
    for name in ("content", "theme", "plugins", "authoring"):
        shutil.copytree(ROOT / name, target / name)
    for name in ("pelicanconf.py", "publishconf.py", "tasks.py"):
        shutil.copyfile(ROOT / name, target / name)
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The built test site."""
    work = tmp_path_factory.mktemp("site")
    output = work / "output"
    result = build_site(copy_content(work), output, "pelicanconf.py", *TEST_OVERRIDES)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="session")
def production_site(tmp_path_factory) -> Path:
    """The site as `invoke publish` builds it: absolute URLs, feeds, clean output."""
    work = tmp_path_factory.mktemp("production")
    output = work / "output"
    output.mkdir()
    (output / "stale.html").write_text("left over from an earlier build")
    result = build_site(copy_content(work), output, "publishconf.py")
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="session")
def server(site):
    with SiteServer(site) as running:
        yield running


@pytest.fixture(scope="session")
def base_url(server) -> str:
    return server.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Service workers off, unless a test module turns them on (test_offline.py): the
    site's worker fetches pages itself, past `route` (stand-in pages)."""
    return {**browser_context_args, "service_workers": "block"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    chromium = shutil.which("chromium")
    assert chromium, "Chromium is missing: run scripts/system-deps"
    return {
        **browser_type_launch_args,
        "executable_path": chromium,
        "args": CHROMIUM_FLAGS,
    }


@pytest.fixture
def probe(page, base_url):
    """A page that records CSP violations, console errors and every request it makes."""
    from tests.support.probe import PageProbe

    return PageProbe(page, base_url)


# A fixture of its own module, shared by the publish and browser tests: imported here
# so that the session starts one nginx, not one per test module.
from tests.support.nginx import nginx  # noqa: E402, F401
