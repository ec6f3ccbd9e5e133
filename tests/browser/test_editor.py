"""The editor of `make serve` at /schrijven/ (Decap CMS, authoring/editor.py), driven
in Chromium: it writes the site's own post format, opens hand-written posts and saves
them byte for byte, shows the real page beside it, and publishes on its button only.
Nothing it loads comes from another host."""

import http.client
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import expect
from sitekit import owner

from tests.browser.test_preview import Preview
from tests.conftest import ROOT, copy_project
from tests.publish.test_deploy import project_copy
from tests.support.server import free_port

TITLE = "Hooi inkopen voor de winter: zo voorkom je een tekort"
SLUG = "hooi-inkopen-voor-de-winter-zo-voorkom-je-een-tekort"


@pytest.fixture(scope="module")
def browser_context_args(browser_context_args):
    """Her browser: Dutch, in the Netherlands."""
    return {
        **browser_context_args,
        "locale": "nl-NL",
        "timezone_id": "Europe/Amsterdam",
    }


class Editor(Preview):
    """The preview with its editor, in a copy of the project; every request the
    browser makes to another host than 127.0.0.1 is recorded and refused."""

    def __init__(self, project: Path):
        if not (project / "node_modules").exists():
            (project / "node_modules").symlink_to(ROOT / "node_modules")
        self.editor_port = free_port()
        super().__init__(project, "--editor-port", str(self.editor_port))
        self.foreign: list[str] = []

    def open(self, page, hash: str = ""):
        """Open the editor in `page` and log in to the local backend."""
        page.on("pageerror", lambda error: self.foreign.append(f"error: {error}"))
        page.context.route("**/*", self.local_only)
        page.goto(f"{self.url}/schrijven/{hash}")
        login = page.get_by_role("button", name="Inloggen")
        login.click()
        login.wait_for(state="detached")
        return page

    def local_only(self, route) -> None:
        if re.match(r"^(http://127\.0\.0\.1:\d+/|data:|blob:)", route.request.url):
            return route.continue_()
        self.foreign.append(route.request.url)
        return route.abort()


@pytest.fixture
def editor(tmp_path):
    with Editor(copy_project(tmp_path)) as running:
        yield running


def site_page(page):
    """The site's own page shown beside the editor (a frame in Decap's preview)."""
    return page.frame_locator("iframe").first.frame_locator(
        'iframe[title="Voorbeeld van deze pagina op je site"]'
    )


def save(page) -> None:
    page.get_by_text("Niet-opgeslagen wijzigingen").wait_for()
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.get_by_text("Nu opslaan").click()
    page.get_by_text("Wijzigingen opgeslagen").wait_for()


def saved(path: Path, expected: bytes) -> bytes:
    """The file once the save has reached it (or what it holds after 10 s)."""
    deadline = time.monotonic() + 10
    while path.read_bytes() != expected and time.monotonic() < deadline:
        time.sleep(0.1)
    return path.read_bytes()


@pytest.mark.browser
def test_a_post_written_in_the_editor_is_the_file_she_would_write(
    page, editor, tmp_path
):
    photo = tmp_path / "IMG_2041 paard in de wei.jpg"
    Image.new("RGB", (4000, 3000), (120, 90, 40)).save(photo, quality=95)
    editor.open(page, "#/collections/posts/new")
    page.get_by_label("Titel").fill(TITLE)
    page.get_by_label("Slug (het adres)").fill(SLUG)
    page.get_by_label("Datum").fill("2025-02-01T10:00")  # shown day first to her
    page.get_by_label("Tags").fill("hooi, stalbeheer")
    page.get_by_label("Samenvatting").fill("Hoeveel hooi heb je nodig, en wanneer?")
    page.get_by_label("Werkblad onder de post").click()
    page.get_by_role("option", name="doelen").click()
    page.get_by_role("button", name="Kies een afbeelding").click()
    page.locator("input[type=file]").set_input_files(photo)
    page.get_by_role("button", name="Gebruik selectie").click()
    page.get_by_label("Beschrijving van de omslagfoto").fill("Twee paarden in de wei")
    body = page.locator("[data-slate-editor]")
    body.click()
    body.type("Een zin over hooibalen en stalplanning.")
    body.press("Enter")
    page.get_by_role("button", name="Voeg component toe").click()
    page.get_by_text("Image", exact=True).click()
    body.get_by_role("button", name="Kies een afbeelding").click()
    page.get_by_text("img_2041-paard-in-de-wei.jpg").click()  # uploaded above
    page.get_by_role("button", name="Gebruik selectie").click()
    body.get_by_label("Alt text").fill("Hooibalen in de schuur")
    save(page)

    # The site's own format, in the order `invoke new-post` writes it.
    post = editor.project / f"content/posts/{SLUG}.md"
    assert post.read_text(encoding="utf-8") == (
        f"Title: {TITLE}\n"
        f"Slug: {SLUG}\n"
        "Date: 01-02-2025 10:00\n"
        "Category: Ondernemen\n"
        "Tags: hooi, stalbeheer\n"
        "Summary: Hoeveel hooi heb je nodig, en wanneer?\n"
        "Worksheet: doelen\n"
        "Image: images/img_2041-paard-in-de-wei.jpg\n"  # a name fit for an address
        "Image_alt: Twee paarden in de wei\n"
        "\n"
        "Een zin over hooibalen en stalplanning.\n"
        "\n"
        "![Hooibalen in de schuur]({static}/images/img_2041-paard-in-de-wei.jpg)\n"
    )
    uploaded = editor.project / "content/images/img_2041-paard-in-de-wei.jpg"
    assert uploaded.read_bytes() == photo.read_bytes()

    # Beside the editor: the post as the site shows it, worksheet and photo included.
    shown = site_page(page)
    expect(shown.locator("h1")).to_have_text(TITLE, timeout=30_000)
    expect(shown.locator("#werkblad")).to_have_count(1)
    expect(shown.get_by_role("img", name="Twee paarden in de wei")).to_have_count(1)
    expect(shown.get_by_role("img", name="Hooibalen in de schuur")).to_have_count(1)

    result = subprocess.run(
        [sys.executable, "-m", "invoke", "check"],
        cwd=editor.project,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert SLUG not in result.stdout
    assert editor.foreign == []


@pytest.mark.browser
def test_a_hand_written_post_opens_with_its_fields_and_saves_byte_for_byte(
    page, editor
):
    path = editor.project / "content/posts/dilemmas.md"
    original = path.read_bytes()
    editor.open(page, "#/collections/posts/entries/dilemmas")
    title = page.get_by_label("Titel")
    assert title.input_value() == "Dilemma's"
    assert page.get_by_label("Datum").input_value() == "2024-01-15T09:00"
    assert page.get_by_label("Tags").input_value() == (
        "uitbesteden, administratie, doelstellingen, planning"
    )
    assert page.get_by_label("Samenvatting").input_value().startswith("Twijfel je")

    title.fill("Dilemma's bij het uitbesteden")
    save(page)
    changed = original.replace(
        b"Title: Dilemma's\n", b"Title: Dilemma's bij het uitbesteden\n", 1
    )
    assert saved(path, changed) == changed
    page.reload()  # the saved file opens again with its fields
    expect(title).to_have_value("Dilemma's bij het uitbesteden")
    title.fill("Dilemma's")
    save(page)
    assert saved(path, original) == original

    # A page keeps the fields the editor does not show (Template) where they were.
    page.goto(f"{editor.url}/schrijven/#/collections/pages/entries/over-mij")
    page.reload()
    path = editor.project / "content/pages/over-mij.md"
    original = path.read_bytes()
    description = page.get_by_label("Beschrijving voor zoekmachines")
    text = (
        "Wilhelmien, hippisch virtueel assistent voor ondernemers in de paardenbranche."
    )
    expect(description).to_have_value(text)
    description.fill(text + " Ook in de winter.")
    save(page)
    changed = original.replace(text.encode(), (text + " Ook in de winter.").encode())
    assert saved(path, changed) == changed
    page.reload()
    expect(description).to_have_value(text + " Ook in de winter.")
    description.fill(text)
    save(page)
    assert saved(path, original) == original
    assert editor.foreign == []


@pytest.mark.browser
def test_beside_the_editor_the_preview_shows_her_mistake_in_dutch(page, editor):
    (editor.project / "content/posts/kapot.md").write_text(
        "Title: Kapot\nSlug: kapot\nDate: morgen ofzo\nCategory: Ondernemen\n\n"
        "Tekst.\n",
        encoding="utf-8",
    )
    editor.wait_for("kapot.md")
    editor.open(page, "#/collections/posts/entries/kapot")
    expect(page.get_by_label("Titel")).to_have_value("Kapot")
    alert = site_page(page).locator(".preview-error p").first
    expect(alert).to_have_text(
        "content/posts/kapot.md:3: fout: de datum 'morgen ofzo' is niet te lezen "
        "(schrijf hem als 01-02-2025 10:00 voor 1 februari 2025, of 2025-02-01 10:00)",
        timeout=30_000,
    )
    assert editor.foreign == []


def listening(port: int) -> list[str]:
    """The local addresses that listen on `port` (from /proc/net/tcp)."""
    found = []
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if state == "0A" and int(hex_port, 16) == port:
            found.append(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
    return found


def test_the_editor_server_listens_on_127_0_0_1_only_and_stops_with_the_preview(
    tmp_path,
):
    with Editor(copy_project(tmp_path)) as running:
        deadline = time.monotonic() + 20
        while not listening(running.editor_port):
            assert time.monotonic() < deadline, running.log()
            time.sleep(0.2)
        assert listening(running.editor_port) == ["127.0.0.1"]
        assert f"{running.url}/schrijven/" in running.log()
    assert listening(running.editor_port) == []


def test_a_busy_editor_port_is_one_dutch_line_and_the_preview_runs_on(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        project = copy_project(tmp_path)
        (project / "node_modules").symlink_to(ROOT / "node_modules")
        with Preview(project, "--editor-port", str(port)) as running:
            log = running.wait_for("poort")
            assert [line for line in log.splitlines() if "poort" in line] == [
                f"make serve: let op: poort {port} is al in gebruik, dus de editor op "
                f"{running.url}/schrijven/ kan niet opslaan (stop het andere "
                "programma op die poort, of start opnieuw met invoke livereload "
                f"--editor-port {port + 1})"
            ]
            assert "Error" not in log


def post(url: str, token: str | None, **headers: str) -> int:
    """POST /schrijven/publiceren as another page or program could."""
    host = url.removeprefix("http://")
    connection = http.client.HTTPConnection(host, timeout=30)
    sent = {"Host": host, "Origin": url, **headers}
    if token is not None:
        sent["X-Editor-Token"] = token
    connection.request("POST", "/schrijven/publiceren", headers=sent)
    status = connection.getresponse().status
    connection.close()
    return status


@pytest.mark.browser
def test_publiceren_answers_only_the_editor_page_and_streams_the_publish(
    page, tmp_path
):
    server = tmp_path / "www"
    project = project_copy(
        tmp_path / "project", DEPLOY_TARGET="rsync", RSYNC_DESTINATION=f"{server}/"
    )
    with Editor(project) as editor:
        html = http.client.HTTPConnection(editor.url.removeprefix("http://"))
        html.request("GET", "/schrijven/")
        response = html.getresponse()
        policy = response.getheader("Content-Security-Policy")
        token = re.search(
            r'name="editor-token" content="([^"]+)"', response.read().decode()
        )[1]
        assert "frame-ancestors 'none'" in policy and "https:" not in policy
        # Refused: no token, a wrong one, another origin, another host name.
        assert post(editor.url, None) == 403
        assert post(editor.url, token[::-1]) == 403
        assert post(editor.url, token, Origin="http://evil.example") == 403
        assert post(editor.url, token, Host=f"localhost:{editor.port}") == 403
        assert not server.exists()

        editor.open(page)
        page.get_by_role("button", name="Publiceren", exact=True).click()
        log = page.locator(".publish-log")
        log.get_by_text("De site wordt gebouwd.").wait_for()
        assert not log.get_by_text("Klaar").count()  # the lines come as they come
        page.locator(".publish-log[data-result]").wait_for(timeout=300_000)
        lines = log.locator("pre").inner_text().splitlines()
        assert log.get_attribute("data-result") == "ok", lines
        assert re.fullmatch(
            rf"Gepubliceerd naar {re.escape(str(server))}/: \d+ bestanden nieuw, "
            r"0 gewijzigd, 0 weggehaald",
            lines[-2],
        ), lines[-2:]
        assert lines[-1] == "Klaar: de site is gepubliceerd."
        assert "Traceback" not in "\n".join(lines)
    # The published site has the posts and nothing of the editor.
    assert (server / "blog/dilemmas/index.html").is_file()
    assert not (server / "schrijven").exists()
    assert not [
        path
        for path in server.rglob("*.html")
        if "/schrijven/" in path.read_text(encoding="utf-8")
    ]
    assert editor.foreign == []


def built(path: Path, text: str, timeout: float = 90) -> str:
    """The built file once it holds `text` (the preview rebuilds after a save)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = path.read_text(encoding="utf-8") if path.is_file() else ""
        if text in found:
            return found
        time.sleep(0.2)
    return found


@pytest.mark.browser
def test_her_settings_change_in_the_instellingen_form_and_keep_her_comments(
    page, editor
):
    path = editor.project / "content/instellingen.yaml"
    original = path.read_bytes()
    editor.wait_for("Bijgewerkt (hele site")
    editor.open(page, "#/collections/instellingen/entries/instellingen")
    phone = page.get_by_label("Telefoonnummer")
    expect(phone).to_have_value("")
    expect(page.get_by_label("E-mailadres")).to_have_value("info@hippisch-va.example")
    expect(page.get_by_label("Merkkleur")).to_have_value("#2d5a37")

    # Changed and changed back: the same file, byte for byte, comments and all.
    phone.fill("06 12345678")
    phone.fill("")
    save(page)
    time.sleep(1)  # a rewritten file would have arrived by now
    assert path.read_bytes() == original

    phone.fill("06 12345678")
    page.get_by_label("Merkkleur").fill("#1f4e79")
    save(page)
    changed = original.replace(
        b"  phone: null # bijv.", b"  phone: 06 12345678 # bijv.", 1
    ).replace(b'brand_colour: "#2d5a37"', b'brand_colour: "#1f4e79"', 1)
    assert changed != original
    assert saved(path, changed) == changed
    values, _lines = owner.read(path)  # the loader takes it
    assert values["business"]["phone"] == "06 12345678"
    assert values["brand_colour"] == "#1f4e79"

    # The rebuilt site: the footer's phone link and the colour in its stylesheet.
    home = built(editor.project / "output/index.html", "tel:+31612345678")
    footer = re.search(r"<footer.*</footer>", home, re.S)[0]
    assert '<a href="tel:+31612345678">06 12345678</a>' in footer
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:  # the stylesheet the rebuilt home page links
        home = (editor.project / "output/index.html").read_text(encoding="utf-8")
        name = re.search(r'href="\./(theme/css/site\.[0-9a-f]+\.css)"', home)[1]
        css = editor.project / "output" / name
        if css.is_file() and "--accent:#1f4e79;" in css.read_text(encoding="utf-8"):
            break
        time.sleep(0.2)
    assert "--accent:#1f4e79;" in css.read_text(encoding="utf-8")
    assert editor.foreign == []


@pytest.mark.browser
def test_a_colour_she_saves_that_cannot_be_read_is_the_loaders_dutch_line(page, editor):
    editor.wait_for("Bijgewerkt (hele site")
    editor.open(page, "#/collections/instellingen/entries/instellingen")
    page.get_by_label("Merkkleur").fill("#ffe600")  # yellow: text on it is unreadable
    save(page)
    line = (editor.project / "content/instellingen.yaml").read_text(
        encoding="utf-8"
    ).splitlines().index('brand_colour: "#ffe600"') + 1
    told = editor.wait_for(f"content/instellingen.yaml:{line}: fout: brand_colour: ")
    assert "Traceback" not in told
    page.goto(f"{editor.url}/")
    alert = page.locator(".preview-error p").first
    expect(alert).to_contain_text(
        f"content/instellingen.yaml:{line}: fout: brand_colour: met #ffe600 is tekst "
        "niet goed genoeg te lezen"
    )
    assert editor.foreign == []


@pytest.mark.browser
def test_a_menu_item_added_in_the_form_rewrites_only_the_menu(page, editor):
    path = editor.project / "content/instellingen.yaml"
    original = path.read_bytes()
    editor.wait_for("Bijgewerkt (hele site")
    editor.open(page, "#/collections/instellingen/entries/instellingen")
    page.get_by_role("button", name="Voeg menu-item toe").click()
    page.get_by_label("Wat er staat", exact=True).last.fill("Privacy")
    page.get_by_label("Pagina", exact=True).last.click()
    page.get_by_role("option", name="privacy", exact=True).click()
    save(page)
    changed = original.replace(
        b"    page: contact\n",
        b"    page: contact\n  - label: Privacy\n    page: privacy\n",
    )
    assert saved(path, changed) == changed  # every comment where it was
    assert owner.read(path)[0]["menu"][-1] == {"label": "Privacy", "page": "privacy"}
    home = built(editor.project / "output/index.html", ">Privacy</a>")
    nav = re.search(r"<nav.*?</nav>", home, re.S)[0]
    assert re.search(r'<a href="[^"]*privacy/"[^>]*>Privacy</a>', nav), nav
    assert editor.foreign == []
