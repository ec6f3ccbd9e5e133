"""Screenshots of every page type for review: 390, 768 and 1366 px, light and dark.

Builds the test site (content plus tests/fixtures/posts), serves it with the strict
CSP, and writes full-page PNGs and an index.html to compare them side by side.
Run with `invoke screenshots`. `invoke screenshots --echt` (review mode) builds only the
real content/ with the owner's details filled in and shoots what a design reviewer
judges (REVIEW), at 390 and 1366 px: no fixture posts, no test states.
"""

import html
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pelican.settings import read_settings  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.test_lead_magnet import POST as GATED_POST  # noqa: E402
from tests.browser.test_lead_magnet import mailing_forms  # noqa: E402
from tests.conftest import CHROMIUM_FLAGS, copy_content  # noqa: E402
from tests.support.funnel import build_with  # noqa: E402
from tests.support.server import SiteServer  # noqa: E402
from tests.support.worksheet import fill, pick, to_end  # noqa: E402

PAGES = {
    "home": "/",
    "diensten": "/diensten/",
    "over-mij": "/over-mij/",
    "contact": "/contact/",
    "blog": "/blog/",
    "artikel": "/blog/dilemmas/",
    "artikel-lange-inhoud": "/blog/lange-inhoud/",
    "artikel-gastauteur": "/blog/gastpost-engels/",
    "tag": "/blog/tag/planning/",
    "archief": "/blog/archief/",
    "zoeken": "/zoeken/",
    "privacy": "/privacy/",
    "bedankt": "/bedankt/",
    "offline": "/offline/",
    "404": "/bestaat-niet/",
}
# Every image shown in the first screen has loaded (a lazy one further down may not
# have been asked for yet): no empty space where a drawing belongs.
IMAGES_SHOWN = """() => [...document.images].every((img) => img.complete
  || !img.checkVisibility() || img.getBoundingClientRect().top > innerHeight)"""
WIDTHS = (390, 768, 1366)
SCHEMES = ("light", "dark")


def fill_in_worksheet(page) -> None:
    """Answers a reader might give, so the filled-in worksheet can be judged: the
    worksheet shows one step at a time, its third (the sums) at the end of this."""
    page.wait_for_selector("form.ws-stepped", state="attached")
    fill(page, "#ws-doelen-1-doel", "Twee nieuwe stallen als klant binnen een jaar")
    fill(page, "#ws-doelen-1-deadline", "2027-06-30")
    pick(page, "ws-doelen-1-helder-1")
    pick(page, "ws-doelen-1-concreet-2")
    fill(page, "#ws-afleidingen-1-taak", "Facturen en betalingsherinneringen")
    pick(page, "ws-afleidingen-1-zelf-2")
    pick(page, "ws-afleidingen-1-tijd-1")
    fill(page, "#ws-uurtarief", "45")
    fill(page, "#ws-uren_per_klant", "4")
    page.locator("#ws-uren_per_klant").blur()
    page.locator("#werkblad").scroll_into_view_if_needed()


def worksheet_last_step(page) -> None:
    """The last step (her next step), filled in, before "Bekijk mijn uitkomst"."""
    fill_in_worksheet(page)
    fill(page, "#ws-stap", "Een kennismakingsgesprek plannen")
    fill(page, "#ws-wanneer", "2027-01-15")
    page.locator("#ws-wanneer").blur()  # the reader's next tap, not the typing state
    page.locator("#werkblad").scroll_into_view_if_needed()


def worksheet_finish(page) -> None:
    """After her next step the end: the result card and the one main action."""
    fill_in_worksheet(page)
    fill(page, "#ws-stap", "Een kennismakingsgesprek plannen")
    fill(page, "#ws-wanneer", "2027-01-15")
    to_end(page)
    page.locator("#werkblad").scroll_into_view_if_needed()


def worksheet_mistakes(page) -> None:
    """An amount typed in words, then "Volgende": the messages and summary."""
    page.wait_for_selector("form.ws-stepped", state="attached")
    fill(page, "#ws-doelen-1-doel", "Twee nieuwe stallen als klant")
    fill(page, "#ws-afleidingen-1-taak", "Facturen")
    fill(page, "#ws-uurtarief", "veertig")
    page.locator("#ws-uurtarief").blur()
    page.click("[data-section=berekening] [data-step='1']")
    page.locator("#werkblad").scroll_into_view_if_needed()


def contact_sent(page) -> None:
    """The contact form after "send": the notice that her mail program opened."""
    page.fill("#contact-naam", "Anna de Vries")
    page.fill("#contact-bericht", "Ik wil graag kennismaken.")
    page.click("#contact-form button[type=submit]")
    page.wait_for_selector("[data-mail-opened]:not(:empty)")


def contact_mistakes(page) -> None:
    """The contact form sent empty: the summary and the messages at the fields."""
    page.click("#contact-form button[type=submit]")


def open_checklist(page) -> None:
    """The checklist unfolded, two items ticked."""
    page.click("[data-checklist-steps] > summary")
    for box in page.locator(".checklist-items input").all()[:2]:
        box.check()


def open_menu(page) -> None:
    """The menu opened on a phone (on a laptop it is a row already)."""
    toggle = page.locator(".nav-toggle > summary")
    if toggle.is_visible():
        toggle.click()


def search_results(page) -> None:
    page.wait_for_selector(".search-list li")


# States worth a look of their own: name, path, what the reader did.
STATES = {
    "artikel-werkblad": ("/blog/dilemmas/", fill_in_worksheet),
    "artikel-werkblad-einde": ("/blog/dilemmas/", worksheet_finish),
    "artikel-werkblad-fouten": ("/blog/dilemmas/", worksheet_mistakes),
    "artikel-checklist": ("/blog/dilemmas/", open_checklist),
    "contact-verstuurd": ("/contact/", contact_sent),
    "contact-fouten": ("/contact/", contact_mistakes),
    "zoeken-resultaten": ("/zoeken/?q=planning", search_results),
    "menu-open": ("/", open_menu),
}


# The lead magnet needs a mailing tool: a second build, with the lead-magnet test's
# gated post (GATED_POST) and mailing tool.
GATED_FORMS = mailing_forms("https://mailing.example")


def open_gate(page) -> None:
    page.click(".checklist-gate > summary")
    page.locator(".checklist-gate").scroll_into_view_if_needed()


GATED = {"lead-magnet": ("/blog/lokker/", open_gate)}


def worksheet_step(page) -> None:
    """A step in the middle (the sums, step 3 of 4), filled in."""
    fill_in_worksheet(page)
    page.locator("#ws-uurtarief").focus()


# Review mode: the pages and states a design reviewer judges, real content only. The
# article's top is its first screen; the worksheet's states are the worksheet alone.
REVIEW = {
    "home": ("/", None),
    "artikel": ("/blog/dilemmas/", None),
    "werkblad-stap": ("/blog/dilemmas/", worksheet_step),
    "werkblad-laatste-stap": ("/blog/dilemmas/", worksheet_last_step),
    "werkblad-einde": ("/blog/dilemmas/", worksheet_finish),
    "diensten": ("/diensten/", None),
    "over-mij": ("/over-mij/", None),
    "contact": ("/contact/", None),
}
REVIEW_WIDTHS = (390, 1366)


def shoot(sites, target: Path, widths=WIDTHS) -> list[tuple[str, int, str, str]]:
    """Every job of every (server, jobs) pair at every width, light and dark."""
    shots = []
    with sync_playwright() as play:
        # A Dutch browser: its date fields read dd-mm-jjjj, as on a Dutch phone
        # (Chromium on Linux takes its language from LANGUAGE, not from --lang).
        browser = play.chromium.launch(
            executable_path=shutil.which("chromium"),
            args=CHROMIUM_FLAGS,
            env={**os.environ, "LANGUAGE": "nl"},
        )
        for scheme in SCHEMES:
            for width in widths:
                for server, jobs in sites:
                    for name, (path, act) in jobs.items():
                        # A fresh page each time: no answers kept from the last one.
                        page = browser.new_page(
                            viewport={"width": width, "height": 900},
                            color_scheme=scheme,
                            locale="nl-NL",
                        )
                        page.goto(server.url + path)
                        if act:
                            act(page)
                            # The pointer off the page: no hover state where the
                            # scroll left it.
                            page.mouse.move(0, 0)
                        page.wait_for_function(IMAGES_SHOWN)
                        file = f"{name}-{width}-{scheme}.png"
                        path = str(target / file)
                        if jobs is not REVIEW:
                            page.screenshot(path=path, full_page=True)
                        elif name.startswith("werkblad"):
                            page.locator("#werkblad").screenshot(path=path)
                        else:
                            page.screenshot(path=path, full_page=name != "artikel")
                        shots.append((name, width, scheme, file))
                        page.close()
        browser.close()
    return shots


def index(shots, target: Path) -> None:
    rows = []
    for name in dict.fromkeys(name for name, *_ in shots):
        cells = "".join(
            f'<figure><a href="{f}"><img src="{f}" width="{min(w, 420)}" alt=""></a>'
            f"<figcaption>{w} px, {s}</figcaption></figure>"
            for n, w, s, f in shots
            if n == name
        )
        rows.append(
            f"<section><h2>{html.escape(name)}</h2><div>{cells}</div></section>"
        )
    (target / "index.html").write_text(
        "<!doctype html><meta charset=utf-8><title>Screenshots</title>"
        "<style>div{display:flex;gap:1rem;overflow-x:auto;align-items:flex-start}"
        "img{border:1px solid #ccc}</style>" + "".join(rows),
        "utf-8",
    )


# The owner's details as a finished site has them, so that the footer, the contact
# page and the calls to action are judged as readers will see them: stand-ins of her
# details' shape (not hers, and not sequences a reviewer reads as a placeholder).
OWNER = {
    "BUSINESS": {
        "name": None,
        "owner": "Wilhelmien",
        "email": "wilhelmien@hippischva.nl",
        "phone": "06 28741935",
        "kvk": "81294537",
        "region": "Gelderland en omstreken",
    },
    "BOOKING_URL": "https://cal.example/wilhelmien/kennismaking",
    "BOOKING_TOOL": "Cal.com (VS)",
}


# A "vanaf" price on two services (an example; hers are hers to set in
# content/instellingen.yaml): the service cards with and without one. Review mode
# shows her own settings.
PRICED = {
    "Planning": {"icon": "agenda", "price": "€ 35 per uur"},
    "Administratie": {"icon": "invoice", "price": "€ 150 per maand"},
    "Agendabeheer": {"icon": "clock", "price": None},
    "Telefonische opvang": {"icon": "phone", "price": None},
}


def main(target: Path, review: bool = False) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as work:
        if review:
            content = Path(work) / "real" / "content"
            shutil.copytree(ROOT / "content", content)
            real = build_with(content.parent, content, **OWNER)
            with SiteServer(real) as server:
                index(shoot([(server, REVIEW)], target, REVIEW_WIDTHS), target)
            return target / "index.html"
        site = build_with(Path(work) / "site", **OWNER, SERVICES=PRICED)
        gated = Path(work) / "gated"
        content = copy_content(gated)
        (content / "posts" / "lokker.md").write_text(GATED_POST, "utf-8")
        gated_site = build_with(gated, content, FORMS=GATED_FORMS)
        settings = read_settings(
            str(ROOT / "pelicanconf.py"), override={"FORMS": GATED_FORMS}
        )
        pages = {name: (path, None) for name, path in PAGES.items()}
        with (
            SiteServer(site) as server,
            SiteServer(gated_site, settings=settings) as gated_server,
        ):
            sites = [(server, pages | STATES), (gated_server, GATED)]
            index(shoot(sites, target), target)
    return target / "index.html"


if __name__ == "__main__":
    print(main(ROOT / "screenshots"))
