"""The worksheet in real Chromium, with the strict CSP: filling in, computing, rows,
keyboard use, storage under the privacy model, exports, sending, robustness."""

import json
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from embeds.formula import evaluate, parse
from embeds.worksheet import dutch_number

pytestmark = pytest.mark.browser
PATH = "/blog/dilemmas/"
HOSTILE = "<img src=x onerror=alert(1)>"
KEY = "hva:worksheet:doelen"


@pytest.fixture
def sheet(probe):
    """The Dilemma's article with its enhanced worksheet, watched by the probe."""
    dialogs = []
    probe.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    probe.goto(PATH)
    probe.page.wait_for_selector("[data-tools]:not([hidden])")
    probe.dialogs = dialogs
    return probe


def fill_in(page):
    page.fill("#ws-doelen-1-doel", HOSTILE)
    page.fill("#ws-doelen-1-deadline", "2026-12-31")
    page.check("#ws-doelen-1-helder-1")
    page.fill("#ws-afleidingen-1-taak", "Facturen, offertes; btw")
    page.check("#ws-afleidingen-1-zelf-2")
    page.check("#ws-afleidingen-1-tijd-1")
    page.fill("#ws-afleidingen-2-taak", "Lessen geven")
    page.check("#ws-afleidingen-2-zelf-1")
    page.fill("#ws-uurtarief", "1250,5")
    page.locator("#ws-uurtarief").blur()
    page.fill("#ws-uren_per_klant", "4")
    page.fill("#ws-stap", "Bellen\nmet Wilhelmien")


def test_filling_in_computes_outputs_and_verdicts(sheet):
    page = sheet.page
    fill_in(page)
    assert page.input_value("#ws-uurtarief") == "€ 1.250,50"
    assert page.text_content("#ws-uren_kwijt") == "20"
    assert page.text_content("#ws-omzet_kwijt") == "€ 25.010,00"
    assert page.text_content("#ws-klanten_extra") == "5"
    assert page.get_attribute("#ws-uren_kwijt", "aria-live") == "polite"
    assert page.text_content("#ws-afleidingen-1-besluit") == "Uitbesteden"
    assert page.text_content("#ws-afleidingen-2-besluit") == "Zelf houden"
    assert page.text_content("#ws-afleidingen-3-besluit") == ""
    page.check("#ws-afleidingen-3-zelf-2")
    assert page.text_content("#ws-afleidingen-3-besluit") == "Twijfel"
    page.fill("#ws-uren_per_klant", "0")
    assert page.text_content("#ws-klanten_extra") == ""
    page.fill("#ws-uren_per_klant", "vier")
    assert page.get_attribute("#ws-uren_per_klant", "aria-invalid") == "true"
    page.fill("#ws-uren_per_klant", "4")
    assert page.get_attribute("#ws-uren_per_klant", "aria-invalid") is None
    # Hostile text stays text: no element made of it, no script run.
    assert page.input_value("#ws-doelen-1-doel") == HOSTILE
    assert page.locator(".worksheet img").count() == 0
    assert sheet.dialogs == []
    assert sheet.csp_violations() == [] and sheet.errors == []
    assert sheet.axe_violations() == []


def test_rows_are_added_and_removed_by_keyboard(sheet):
    page = sheet.page
    add = page.locator('[data-section="doelen"] [data-add]')
    add.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "ws-doelen-2-doel"
    assert page.text_content("[data-live]") == "Doel 2 toegevoegd."
    page.keyboard.type("Tweede doel")
    # The date field takes a Tab per part (day, month, year) before the radios.
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "radio":
            break
    assert page.evaluate("document.activeElement.id") == "ws-doelen-2-helder-1"
    page.keyboard.press("Space")
    assert page.is_checked("#ws-doelen-2-helder-1")
    for n in (3, 4, 5):
        add.focus()
        page.keyboard.press("Space")
        page.keyboard.type(f"Doel nummer {n}")
    assert add.is_hidden()
    assert page.locator('[data-section="doelen"] [data-row]').count() == 5
    remove = page.get_by_role("button", name="Verwijder doel 2")
    remove.focus()
    page.keyboard.press("Enter")
    rows = page.locator('[data-section="doelen"] [data-row]')
    assert rows.count() == 4
    assert page.input_value("#ws-doelen-2-doel") == "Doel nummer 3"
    assert not page.is_checked("#ws-doelen-2-helder-1")
    assert page.evaluate("document.activeElement.id") == "ws-doelen-2-doel"
    assert page.text_content("[data-live]") == "Doel 2 verwijderd."
    assert add.is_visible()
    for _ in range(3):
        page.get_by_role("button", name=re.compile(r"^Verwijder doel")).first.click()
    assert rows.count() == 1
    assert page.locator('[data-section="doelen"] [data-remove]').is_hidden()
    assert sheet.errors == []


def test_answers_last_for_the_tab_unless_remembered(sheet, context):
    page = sheet.page
    fill_in(page)
    page.reload()
    page.wait_for_selector("[data-tools]:not([hidden])")
    assert page.input_value("#ws-doelen-1-doel") == HOSTILE
    assert page.text_content("#ws-omzet_kwijt") == "€ 25.010,00"
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    other = context.new_page()
    other.goto(sheet.base_url + PATH)
    assert other.input_value("#ws-doelen-1-doel") == ""
    other.close()

    page.check("#ws-remember")
    assert page.text_content("[data-live]") == (
        "Je antwoorden worden op dit apparaat bewaard."
    )
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert stored["data"]["afleidingen"][1]["taak"] == "Lessen geven"
    assert page.evaluate(f"sessionStorage.getItem('{KEY}')") is None
    other = context.new_page()
    other.goto(sheet.base_url + PATH)
    other.wait_for_selector("[data-tools]:not([hidden])")
    assert other.input_value("#ws-doelen-1-doel") == HOSTILE
    assert other.is_checked("#ws-remember")
    other.click("text=Wis mijn antwoorden")
    assert other.input_value("#ws-doelen-1-doel") == ""
    assert other.input_value("#ws-dagen") == "2,5"
    # Remembering is a choice for the whole site (the checklist too), not an answer.
    assert other.is_checked("#ws-remember")
    assert other.text_content("[data-live]") == "Je antwoorden zijn gewist."
    keys = other.evaluate(
        "[...Object.keys(localStorage), ...Object.keys(sessionStorage)]"
    )
    assert [k for k in keys if k.startswith("hva:")] == ["hva:remember"]
    other.close()
    fresh = context.new_page()
    fresh.goto(sheet.base_url + PATH)
    assert fresh.input_value("#ws-doelen-1-doel") == ""


def test_a_new_browser_sees_nothing(browser, base_url, sheet):
    fill_in(sheet.page)
    other = browser.new_context()
    page = other.new_page()
    page.goto(base_url + PATH)
    page.wait_for_selector("[data-tools]:not([hidden])")
    assert page.input_value("#ws-afleidingen-1-taak") == ""
    other.close()


def test_exports_hold_every_answer_as_text(sheet, tmp_path):
    page = sheet.page
    fill_in(page)
    files, names = {}, []
    for button in ["Download als Markdown", "Download als tekst", "in mijn agenda"]:
        with page.expect_download() as info:
            page.click(f"button:has-text('{button}')")
        download = info.value
        path = tmp_path / download.suggested_filename
        names.append(download.suggested_filename)
        download.save_as(path)
        files[path.suffix] = path.read_bytes().decode("utf-8")
    markdown, text, ics = files[".md"], files[".txt"], files[".ics"]
    # Named from strings.yaml (ws_js_file), the calendar's PRODID from SITENAME.
    assert names == [
        "werkblad-dilemmas.md",
        "werkblad-dilemmas.txt",
        "werkblad-dilemmas.ics",
    ]
    for export in (markdown, text):
        assert "Dilemma's (15 januari 2024)" in export
        assert "Ingevuld op" in export
        assert HOSTILE in export
        assert "Mijn besluit: Uitbesteden" in export.replace("**", "")
        assert "Omzet die je in die uren had kunnen maken: € 25.010,00" in (
            export.replace("**", "")
        )
        assert "Is het helder? Ja" in export.replace("**", "")
        assert "31-12-2026" in export
    assert markdown.startswith("# Wat zijn jouw doelstellingen?\n")
    assert "\n### Taak 1\n" in markdown
    assert text.startswith("Wat zijn jouw doelstellingen?\n=====")

    assert "\n" not in ics.replace("\r\n", "")
    lines = ics.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2:] == ["END:VCALENDAR", ""]
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = ics.replace("\r\n ", "").split("\r\n")
    assert unfolded.count("BEGIN:VEVENT") == 1
    assert "DTSTART;VALUE=DATE:20261231" in unfolded
    assert "PRODID:-//Hippisch virtueel assistent//doelen//NL" in unfolded
    assert "DTEND;VALUE=DATE:20270101" in unfolded
    assert any(re.fullmatch(r"DTSTAMP:\d{8}T\d{6}Z", line) for line in unfolded)
    assert any(re.fullmatch(r"UID:\S+@127\.0\.0\.1", line) for line in unfolded)
    assert f"SUMMARY:Deadline: {HOSTILE}" in unfolded
    assert sheet.errors == []
    # Print opens the browser's own print dialog (replaced here: headless has none).
    page.evaluate("() => { window.print = () => (window.printed = ++window.calls); }")
    page.evaluate("() => { window.calls = 0; }")
    page.click("button:has-text('Afdrukken')")
    assert page.evaluate("window.printed") == 1


def test_calendar_escapes_and_folds_long_goals(sheet, tmp_path):
    page = sheet.page
    goal = "Groei, meer klanten; minder \\ administratie " + "é" * 60
    page.fill("#ws-doelen-1-doel", goal)
    page.fill("#ws-doelen-1-deadline", "2027-03-01")
    with page.expect_download() as info:
        page.click("button:has-text('in mijn agenda')")
    ics = info.value.path().read_bytes().decode("utf-8")
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))
    summary = next(
        line for line in ics.replace("\r\n ", "").split("\r\n") if "SUMMARY" in line
    )
    escaped = "Groei\\, meer klanten\\; minder \\\\ administratie " + "é" * 60
    assert summary == "SUMMARY:Deadline: " + escaped


def test_sending_by_mail_or_through_the_contact_form(sheet):
    page = sheet.page
    fill_in(page)
    href = page.get_attribute("[data-mail]", "href")
    assert href.startswith("mailto:info@hippisch-va.example?subject=")
    assert " " not in href and "\n" not in href
    query = parse_qs(urlsplit(href).query)
    assert query["subject"] == ['Mijn antwoorden op het werkblad bij "Dilemma\'s"']
    body = query["body"][0]
    assert len(href) <= 1900  # the encoded link, as mail programs count it
    assert HOSTILE in body and "€ 25.010,00" in body and "Bellen" in body
    assert "(niet ingevuld)" not in body and "Taak 3" not in body  # answers only
    page.fill("#ws-stap", "lang " * 500)
    href = page.get_attribute("[data-mail]", "href")
    body = parse_qs(urlsplit(href).query)["body"]
    assert len(href) <= 1900
    assert body[0].endswith("[… ingekort: download het werkblad voor al je antwoorden]")

    # The contact form takes the message out of sessionStorage (that is its part of
    # the contract); an empty page in its place lets us read what was handed over.
    page.route("**/contact/*", lambda route: route.fulfill(body="<!doctype html>"))
    page.click("[data-contact]")
    page.wait_for_url(re.compile(r"/contact/\?bron=dilemmas#contactformulier$"))
    message = page.evaluate("sessionStorage.getItem('hva:contact-message')")
    assert HOSTILE in message and "Lessen geven" in message


def test_corrupted_and_foreign_entries_are_thrown_away_with_a_notice(page, base_url):
    page.add_init_script(f"sessionStorage.setItem('{KEY}', '{{not json')")
    page.goto(base_url + PATH)
    notice = page.locator(".ws-notice")
    assert "onleesbaar" in notice.inner_text()
    assert page.input_value("#ws-doelen-1-doel") == ""
    page.fill("#ws-dagen", "3")
    assert page.text_content("#ws-uren_kwijt") == "24"


def test_changed_definition_keeps_answers_whose_fields_still_exist(page, base_url):
    entry = {
        "kind": KEY,
        "version": "oud",
        "saved": "2026-01-01T00:00:00Z",
        "expires": 4102444800000,
        "data": {
            "dagen": "3",
            "vervallen": "weg",
            "doelen": [{"doel": "Groeien", "oud": "x"}, {"doel": "Tweede"}],
            "afleidingen": "geen lijst",
        },
    }
    page.add_init_script(
        f"sessionStorage.setItem('{KEY}', {json.dumps(json.dumps(entry))})"
    )
    page.goto(base_url + PATH)
    assert "aangepast" in page.locator(".ws-notice").inner_text()
    assert page.input_value("#ws-dagen") == "3"
    assert page.input_value("#ws-doelen-2-doel") == "Tweede"
    assert page.text_content("#ws-uren_kwijt") == "24"
    saved = json.loads(page.evaluate(f"sessionStorage.getItem('{KEY}')"))
    assert "vervallen" not in saved["data"] and len(saved["version"]) == 12


def test_blocked_storage_keeps_answers_in_memory_with_a_notice(page, base_url):
    page.add_init_script(
        """for (const name of ["localStorage", "sessionStorage"]) {
          Object.defineProperty(window, name, {get() {
            throw new DOMException("blocked", "SecurityError"); }});
        }"""
    )
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url + PATH)
    assert "privé-modus" in page.locator(".ws-notice").inner_text()
    page.fill("#ws-uurtarief", "50")
    assert page.text_content("#ws-omzet_kwijt") == "€ 1.000,00"
    assert errors == []


def test_without_javascript_the_whole_form_is_there(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PATH)
    assert page.locator("form.ws-form fieldset.ws-section").count() == 4
    assert page.locator("[data-nojs]").is_visible()
    assert page.locator("[data-tools]").is_hidden()
    assert page.locator("[data-add]").first.is_hidden()
    page.fill("#ws-doelen-1-doel", "Op papier")
    assert page.input_value("#ws-dagen") == "2,5"
    page.emulate_media(media="print")
    assert page.locator("#ws-afleidingen-3-taak").is_visible()
    assert (
        page.evaluate("getComputedStyle(document.querySelector('#ws-stap')).minHeight")
        == "96px"
    )
    context.close()


PARITY = [
    ("a + b * c", {"a": 1.5, "b": 2, "c": 3}),
    ("(a + b) * c", {"a": 1.5, "b": 2, "c": 3}),
    ("a / b", {"a": 1, "b": 3}),
    ("a / b", {"a": 1, "b": 0}),
    ("a - b - c", {"a": 0.1, "b": 0.2, "c": 0.3}),
    ("a + b", {"a": 1, "b": None}),
    ("-a * -b", {"a": 2.5, "b": 4}),
    ("sum(r) * a", {"a": 0.1, "r": [0.1, None, 0.2, 7]}),
    ("sum(r)", {"r": []}),
    ("a * 1,5 + 2.25", {"a": 3}),
    ("x + 1", {"x": 2}),
    ("a * a * a * a", {"a": 1e200}),
    ("d", {"a": 12, "b": 5}),
]
COMPUTED = {"d": "a / b + x", "x": "a * 0.1"}


def test_formulas_give_the_same_results_in_python_and_the_browser(sheet):
    page = sheet.page
    src = page.get_attribute('script[src*="js/worksheet."]', "src")
    computed = {name: parse(text) for name, text in COMPUTED.items()}
    cases = [(parse(text), values) for text, values in PARITY]
    expected = [evaluate(tree, values, computed) for tree, values in cases]
    actual = page.evaluate(
        """async ([src, cases, computed]) => {
            const module = await import(new URL(src, location.href).href);
            return cases.map(([tree, values]) =>
                module.evaluate(tree, values, computed));
        }""",
        [src, cases, computed],
    )
    assert actual == expected
    assert expected[2] == 1 / 3 and expected[3] is None and expected[11] is None


NUMBERS = [0.0, 2.5, 8.0, 1250.5, 1234567.891, -3.0, 0.1 + 0.2, 1e6]


def test_dutch_notation_is_the_same_in_python_and_the_browser(sheet):
    src = sheet.page.get_attribute('script[src*="js/worksheet."]', "src")
    shown = sheet.page.evaluate(
        """async ([src, numbers]) => {
            const m = await import(new URL(src, location.href).href);
            return numbers.map((n) => [m.formatNumber(n, "number"),
                m.formatNumber(n, "money"), m.parseNumber(m.formatNumber(n, "money"))]);
        }""",
        [src, NUMBERS],
    )
    expected = [
        [dutch_number(n), dutch_number(n, "money"), round(n, 2)] for n in NUMBERS
    ]
    assert shown == expected
    assert shown[3] == ["1.250,5", "€ 1.250,50", 1250.5]
    assert sheet.csp_violations() == []


@pytest.mark.parametrize("lead", ["", "x"])
def test_a_long_emoji_answer_is_saved_and_the_mail_link_decodes(sheet, lead):
    # Emoji are two UTF-16 units: with and without a lead character, any cut counted
    # in units lands inside one of them for one of the two runs.
    page = sheet.page
    answer = lead + "🐴🐎😀" * 700
    page.fill("#ws-doelen-1-doel", answer)
    saved = json.loads(page.evaluate(f"sessionStorage.getItem('{KEY}')"))
    assert saved["data"]["doelen"][0]["doel"] == answer
    href = page.get_attribute("[data-mail]", "href")
    assert href.startswith("mailto:info@hippisch-va.example?subject=")
    assert len(href) <= 1900
    body = unquote(href.split("&body=", 1)[1], errors="strict")
    assert body.endswith("[… ingekort: download het werkblad voor al je antwoorden]")
    assert "🐴🐎😀" in body and "\ufffd" not in body
    page.reload()
    page.wait_for_selector("[data-tools]:not([hidden])")
    assert page.input_value("#ws-doelen-1-doel") == answer
    assert sheet.errors == []


FULL_STORAGE = """
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (String(key).startsWith("hva:worksheet")) {
    throw new DOMException("full", "QuotaExceededError");
  }
  return setItem.call(this, key, value);
};
"""


def test_a_full_storage_keeps_answers_in_memory_and_drops_the_stale_entry(
    page, base_url
):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url + PATH)
    page.fill("#ws-dagen", "3")  # saved while saving still works
    assert page.evaluate(f"sessionStorage.getItem('{KEY}')")
    page.add_init_script(FULL_STORAGE)  # from the next load on, storage is full
    page.reload()
    page.wait_for_selector("[data-tools]:not([hidden])")
    assert page.input_value("#ws-dagen") == "3"
    assert page.locator(".ws-notice").count() == 0

    page.fill("#ws-dagen", "4")
    notice = page.locator(".ws-notice")
    assert notice.count() == 1 and "bewaard tot je deze pagina sluit" in (
        notice.inner_text()
    )
    # The older entry is gone from the storage that failed; the answers live on.
    assert page.evaluate(f"sessionStorage.getItem('{KEY}')") is None
    page.fill("#ws-uurtarief", "50")
    assert page.text_content("#ws-uren_kwijt") == "32"
    assert page.text_content("#ws-omzet_kwijt") == "€ 1.600,00"
    page.fill("#ws-uren_per_klant", "8")
    assert page.locator(".ws-notice").count() == 1  # said once, not per keystroke
    assert page.text_content("#ws-klanten_extra") == "4"
    # A reload never brings back the stale answers the reader had since changed.
    page.reload()
    page.wait_for_selector("[data-tools]:not([hidden])")
    assert page.input_value("#ws-dagen") == "2,5"
    assert errors == []


def test_clearing_the_worksheet_leaves_the_checklist_alone(sheet):
    page = sheet.page
    box = page.locator("section.checklist .checklist-items input[type=checkbox]").first
    box.check()
    page.fill("#ws-dagen", "3")
    clear = page.get_by_role("button", name="Wis mijn antwoorden")
    assert "checklist" in page.text_content(
        "#" + clear.get_attribute("aria-describedby")
    )
    clear.click()
    assert page.input_value("#ws-dagen") == "2,5"
    assert box.is_checked()
    assert page.evaluate(f"sessionStorage.getItem('{KEY}')") is None
    page.reload()
    page.wait_for_selector("[data-tools]:not([hidden])")
    assert page.input_value("#ws-dagen") == "2,5"
    assert page.locator(
        "section.checklist .checklist-items input[type=checkbox]"
    ).first.is_checked()
    assert sheet.errors == []
