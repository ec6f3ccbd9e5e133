"""`make serve`'s preview: a saved post shows by itself, mistakes show on the page,
deleted posts go, and after the background pass output/ is exactly a clean build."""

import ctypes
import filecmp
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import ROOT, copy_project
from tests.support.preview import FAST_PASS, FULL_PASS, READY
from tests.support.server import free_port
from tests.support.tasks import invoke

INVOKE = [sys.executable, "-m", "invoke"]


class Preview:
    """`invoke livereload` running in a copy of the project, so edits stay there."""

    def __init__(self, project: Path, *options: str):
        self.project = project
        self.options = options
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = project / "preview.log"

    def __enter__(self):
        self.log_file = open(self.log_path, "w")  # noqa: SIM115 (closed in __exit__)
        self.process = subprocess.Popen(
            [*INVOKE, "livereload", "--port", str(self.port), *self.options],
            cwd=self.project,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
        )
        self.wait_for(READY, 90)
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.stopped(within=10)
        self.log_file.close()

    def stopped(self, within: float) -> None:
        """Wait for the preview to end; kill it (and fail) if it does not."""
        try:
            self.process.wait(timeout=within)
        except subprocess.TimeoutExpired:
            self.process.kill()
            pytest.fail(f"the preview did not stop within {within} s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, text: str, timeout: float = 60, count: int = 1) -> str:
        """Wait until the log holds `text` `count` times."""
        deadline = time.monotonic() + timeout
        while self.log().count(text) < count:
            assert self.process.poll() is None, self.log()
            assert time.monotonic() < deadline, f"{text!r} not in:\n{self.log()}"
            time.sleep(0.1)
        return self.log()

    def write(self, relative: str, text: str) -> Path:
        path = self.project / "content" / relative
        path.write_text(text, encoding="utf-8")
        return path

    def append(self, relative: str, text: str) -> None:
        path = self.project / "content" / relative
        self.write(relative, path.read_text(encoding="utf-8") + text)

    def output(self) -> Path:
        return self.project / "output"


@pytest.fixture
def preview(tmp_path):
    with Preview(copy_project(tmp_path)) as running:
        yield running


def tree(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


@pytest.mark.browser
def test_saving_a_post_reloads_the_page(page, preview):
    page.goto(preview.url + "/blog/dilemmas/")
    preview.append("posts/dilemmas.md", "\nEen zin die er net bij kwam.\n")
    page.get_by_text("Een zin die er net bij kwam.").wait_for(timeout=15_000)


@pytest.mark.browser
def test_after_the_background_pass_output_is_byte_identical_to_a_clean_build(
    page, preview
):
    page.goto(preview.url + "/blog/dilemmas/")
    preview.append("posts/dilemmas.md", "\nHooi en stro.\n")
    # The fast pass shows the post at once and says search is catching up...
    page.get_by_text("Hooi en stro.").wait_for(timeout=15_000)
    preview.wait_for(FAST_PASS)
    # ... and the page reloads again when the full pass is done, without the note.
    preview.wait_for(FULL_PASS, count=2)
    page.locator(".preview-notice").first.wait_for(state="detached", timeout=15_000)
    clean = preview.project / "clean"
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "-s", "pelicanconf.py", "-o", str(clean)]
        + ["--fatal", "warnings"],
        cwd=preview.project,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    output = preview.output()
    assert tree(output) == tree(clean)
    files = [name for name in tree(clean) if (clean / name).is_file()]
    match, mismatch, errors = filecmp.cmpfiles(output, clean, files, shallow=False)
    assert (mismatch, errors) == ([], [])
    assert "Hooi en stro." in (output / "blog/dilemmas/index.html").read_text()


@pytest.mark.browser
def test_a_mistake_shows_its_line_over_the_last_good_page_until_it_is_mended(
    page, preview
):
    page.goto(preview.url + "/blog/dilemmas/")
    title = page.locator("h1").inner_text()
    broken = "Title: Kapot\nDate: morgen ofzo\n\nTekst.\n"
    preview.write("posts/kapot.md", broken)
    alert = page.locator(".preview-error")
    alert.wait_for(timeout=15_000)  # the page reloaded by itself
    # The Dutch line of `invoke build`, in the terminal and on the page.
    expected = (
        "content/posts/kapot.md:2: fout: de datum 'morgen ofzo' is niet te lezen "
        "(schrijf hem als 01-02-2025 10:00 voor 1 februari 2025, of 2025-02-01 10:00)"
    )
    printed = preview.wait_for("kapot.md").splitlines()
    assert [line for line in printed if "kapot.md" in line] == [expected]
    assert alert.locator("p").all_inner_texts() == [
        expected,
        "Hieronder staat de laatste versie die wel lukte.",
    ]
    assert "Done:" not in preview.log()  # no English from Pelican either
    assert page.locator("h1").inner_text() == title  # the last good version, below
    # The notice is the preview's: the built pages never have it.
    assert not [
        path
        for path in preview.output().rglob("*.html")
        if "preview-" in path.read_text(encoding="utf-8")
    ]
    preview.write("posts/kapot.md", "Title: Weer heel\nDate: 2024-02-01\n\nTekst.\n")
    alert.wait_for(state="detached", timeout=30_000)
    page.goto(preview.url + "/blog/archief/")
    assert page.get_by_text("Weer heel").is_visible()


@pytest.mark.browser
def test_a_pages_warnings_are_shown_on_it_quietly_and_the_page_is_updated(
    page, preview
):
    """A warning does not stop the build: the page shows what she saved, with the
    warning's line (the same as `invoke check`'s) above it, on that page only."""
    page.goto(preview.url + "/blog/dilemmas/")
    post = preview.project / "content/posts/dilemmas.md"
    text = post.read_text(encoding="utf-8").replace("Category:", "Categorie:")
    preview.write("posts/dilemmas.md", text.replace("\n\n", "\n\nHooi en stro.\n\n", 1))
    page.get_by_text("Hooi en stro.").wait_for(timeout=15_000)
    # The full pass after the page's own reloads it once more: wait that out (the
    # note that search is catching up goes), so no reload cuts a navigation short.
    preview.wait_for(FULL_PASS, count=2)
    expect(page.locator(".preview-notice:not(.preview-warning)")).to_have_count(0)
    expect(page.locator(".preview-warning p")).to_have_text(
        [
            "content/posts/dilemmas.md:4: waarschuwing: onbekend veld Categorie: de "
            "site leest het niet (bedoel je Category?)"
        ]
    )
    expect(page.locator(".preview-error")).to_have_count(0)
    page.goto(preview.url + "/diensten/")  # a page without warnings of its own
    assert page.locator(".preview-warning").count() == 0


@pytest.mark.browser
def test_a_template_change_rebuilds_every_page_and_a_broken_one_is_one_line(
    page, preview
):
    template = preview.project / "theme/templates/article.html"
    good = template.read_text(encoding="utf-8")
    page.goto(preview.url + "/blog/dilemmas/")
    template.write_text(good.replace("</h1>", "</h1><p>Nieuw sjabloon</p>", 1))
    page.get_by_text("Nieuw sjabloon").wait_for(timeout=30_000)
    assert "Nieuw sjabloon" in (
        preview.output() / "blog/dilemmas/index.html"
    ).read_text(encoding="utf-8")
    template.write_text(good.replace("</h1>", "{% if %}</h1>", 1))
    alert = page.locator(".preview-error p").first
    alert.wait_for(timeout=30_000)
    assert "article.html:" in alert.inner_text()
    assert "Traceback" not in preview.log()
    assert page.get_by_text("Nieuw sjabloon").is_visible()  # the last good version
    template.write_text(good)
    alert.wait_for(state="detached", timeout=30_000)
    assert page.get_by_text("Nieuw sjabloon").count() == 0


def found_by_search(page, url: str, word: str) -> list[str]:
    page.goto(f"{url}/zoeken/?q={word}")
    page.locator(".search-status").filter(has_text="gevonden").wait_for()
    return page.locator(".search-list h3 a").all_inner_texts()


@pytest.mark.browser
def test_a_deleted_post_disappears_from_the_preview_and_its_search(page, preview):
    post = preview.write(
        "posts/hoefsmid.md",
        "Title: De hoefsmid plannen\nDate: 2024-03-01\n\nDe zadelkamerplanning.\n",
    )
    preview.wait_for(FULL_PASS, count=2)
    assert found_by_search(page, preview.url, "zadelkamerplanning") == [
        "De hoefsmid plannen"
    ]
    page.goto("about:blank")  # no open page reloads while we look
    post.unlink()
    preview.wait_for(FULL_PASS, count=3)
    assert not (preview.output() / "blog/de-hoefsmid-plannen").exists()
    assert page.goto(preview.url + "/blog/de-hoefsmid-plannen/").status == 404
    assert found_by_search(page, preview.url, "zadelkamerplanning") == []
    assert "hoefsmid" not in (preview.output() / "sitemap.xml").read_text()


def test_new_post_prints_the_address_of_the_running_preview(preview):
    result = invoke("new-post", "Stalplanning", cwd=preview.project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{preview.url}/blog/stalplanning/" in result.stdout


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["INT", "TERM"])
def test_ctrl_c_stops_the_preview_whichever_thread_it_reaches(preview, signum):
    # The kernel hands a process's signal to any of its threads; send it to one
    # that is not the main thread, while the preview is idle.
    preview.wait_for(READY)
    pid = preview.process.pid
    threads = [int(tid) for tid in os.listdir(f"/proc/{pid}/task") if int(tid) != pid]
    assert threads, "the preview runs its watchers and server in threads"
    assert ctypes.CDLL(None, use_errno=True).tgkill(pid, threads[0], signum) == 0
    preview.stopped(within=5)
    assert preview.process.returncode == 0
    assert preview.log().endswith("Voorbeeld gestopt.\n")


def test_a_busy_port_gets_one_dutch_line_naming_the_fix(tmp_path):
    project = copy_project(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [*INVOKE, "livereload", "--port", str(port)],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"make serve: fout: poort {port} is al in gebruik, waarschijnlijk door een "
        "voorbeeld dat al draait (stop dat met Ctrl+C in het andere venster, of kies "
        f"een andere poort: make serve PORT={port + 1})"
    ]
    assert result.stderr == ""


def test_make_serve_passes_port_to_the_preview():
    result = subprocess.run(
        ["make", "--no-print-directory", "-n", "serve", "PORT=8001"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    # (On a fresh clone the install steps come first; the preview is the last.)
    assert result.stdout.splitlines()[-1].endswith("invoke livereload --port 8001")


def answer(url: str, path: str, host: str | None = None) -> int:
    """The status the preview gives `path`, asked with the Host header `host`."""
    import http.client
    from urllib.parse import urlsplit

    address = urlsplit(url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=20)
    connection.putrequest("GET", path, skip_host=host is not None)
    if host is not None:
        connection.putheader("Host", host)
    connection.endheaders()
    response = connection.getresponse()
    status = response.status
    connection.close()
    return status


def test_only_local_host_names_and_good_queries_are_answered(preview):
    port = preview.port
    assert answer(preview.url, "/") == 200
    assert answer(preview.url, "/", f"localhost:{port}") == 200
    # A page of another site whose name now points at 127.0.0.1 (DNS rebinding).
    assert answer(preview.url, "/", f"evil.example:{port}") == 421
    assert answer(preview.url, "/blog/dilemmas/", "evil.example") == 421
    assert answer(preview.url, "/_preview/events?since=1", "evil.example") == 421
    for since in ("9" * 5000, "abc", "-1", "%C2%B2", "1&since=x"):
        assert answer(preview.url, f"/_preview/events?since={since}") == 400
    assert "Traceback" not in preview.log()


def fetched(url: str) -> tuple[int, str]:
    """The status and the page the preview serves at `url`."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def banner(page: str) -> list[str]:
    """The lines of the preview's error banner on a served page."""
    import html
    import re

    found = re.search(
        r'<div class="preview-notice preview-error"[^>]*>(.*?)</div>', page
    )
    return (
        [html.unescape(p) for p in re.findall(r"<p>(.*?)</p>", found[1])]
        if found
        else []
    )


def test_a_broken_settings_file_at_start_up_shows_in_the_banner(tmp_path):
    """The preview starts anyway, and every page shows the settings file's line (not
    only the terminal); theme/ is watched meanwhile too (a change builds again);
    mended, the site is built and shown without it, with her settings' reminders
    folded away on every page."""
    project = copy_project(tmp_path)
    owner = project / "content" / "instellingen.yaml"
    good = owner.read_text(encoding="utf-8")
    owner.write_text(good.replace('brand_colour: "#2d5a37"', "brand_colour: bosgroen"))
    line = good.splitlines().index('brand_colour: "#2d5a37"') + 1
    expected = (
        f"content/instellingen.yaml:{line}: fout: brand_colour: 'bosgroen' is geen "
        'kleur (schrijf een kleur als "#2d5a37": een hekje en zes tekens 0-9 of a-f, '
        "tussen aanhalingstekens)"
    )
    with Preview(project) as preview:
        assert expected in preview.log().splitlines()
        status, page = fetched(preview.url + "/blog/dilemmas/")
        assert status == 404  # nothing could be built yet
        assert banner(page)[0] == expected
        told = preview.log().count(expected)
        template = project / "theme/templates/article.html"
        template.write_text(template.read_text(encoding="utf-8") + "\n")
        preview.wait_for(expected, timeout=30, count=told + 1)  # a pass: told again
        owner.write_text(good, encoding="utf-8")
        preview.wait_for(FULL_PASS, timeout=120)
        for address in ("/blog/dilemmas/", "/diensten/"):
            status, page = fetched(preview.url + address)
            assert (status, banner(page)) == (200, [])
            assert "<h1" in page
            assert reminders(page)[0] == "Herinneringen bij je instellingen (9)"
            assert (
                "content/instellingen.yaml:19: waarschuwing: business.email is nog "
                "een voorbeeldadres (info@hippisch-va.example) (vul je echte gegevens "
                "in voordat je publiceert)"
            ) in reminders(page)
    assert "Traceback" not in preview.log()


def reminders(page: str) -> list[str]:
    """The summary and lines of her settings' reminders on a served page."""
    import html
    import re

    found = re.search(r'<details class="preview-settings">(.*?)</details>', page)
    return [html.unescape(text) for text in re.findall(r">([^<]+)</", found[1])]


def test_every_mistake_of_a_checklist_is_a_line_of_the_banner(tmp_path):
    """A checklist with three different mistakes: the banner has all three lines, as
    `invoke check` and the build print them, not one at a time."""
    project = copy_project(tmp_path)
    checklist = project / "content" / "checklists" / "uitbesteden.md"
    text = checklist.read_text(encoding="utf-8")
    for old, new in (
        ("Article: dilemmas", "Artikel: dilemmas"),
        ("- [ ] Ik heb mijn doelstellingen", "-[ ] Ik heb mijn doelstellingen"),
        ("- [ ] Elke doelstelling is uitdagend.", "- [ ] "),
    ):
        assert old in text
        text = text.replace(old, new, 1)
    checklist.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    file = "content/checklists/uitbesteden.md"
    with Preview(project) as preview:
        _status, page = fetched(preview.url + "/blog/dilemmas/")
        told = banner(page)
    task = "-[ ] Ik heb mijn doelstellingen voor mezelf opgeschreven."
    assert [line.split(" (")[0] for line in told[:-1]] == [
        f"{file}:1: fout: onbekende regel 'Artikel:' boven de titel",
        f"{file}:{lines.index(task) + 1}: fout: '{task}' is geen taak",
        f"{file}:{lines.index('- [ ] ') + 1}: fout: deze taak heeft geen tekst",
    ]
    assert told[-1] == "Hieronder staat de laatste versie die wel lukte."
