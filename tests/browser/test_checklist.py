"""The checklist in a real browser: ticks kept as promised, cleared; the download."""

import json
import re

import pytest

from tests.support.pdf import pdf_text
from tests.support.probe import wait_until

URL = "/blog/dilemmas/"
KEY = "hva:checklist:uitbesteden"
REMEMBER = "Onthoud alleen mijn vinkjes in deze checklist, 90 dagen op dit apparaat"


def boxes(page):
    """The checklist's boxes, unfolded as a reader does (the list starts folded)."""
    steps = page.locator("[data-checklist-steps]")
    if not steps.evaluate("details => details.open"):
        steps.locator("summary").click()
    return page.locator("section.checklist .checklist-items input[type=checkbox]")


def ticked(page) -> list[bool]:
    return [box.is_checked() for box in boxes(page).all()]


def reload(probe):
    probe.page.reload()
    probe.page.wait_for_load_state("networkidle")


def clean(probe) -> None:
    assert probe.csp_violations() == []
    assert probe.errors == []


@pytest.mark.browser
def test_tick_reload_untick_clear(probe):
    page = probe.page
    probe.goto(URL)
    count = boxes(page).count()
    assert count > 10
    page.get_by_label("Ik heb mijn doelstellingen voor mezelf opgeschreven.").check()
    boxes(page).nth(2).check()
    reload(probe)
    assert ticked(page) == [i in (0, 2) for i in range(count)]

    boxes(page).nth(0).uncheck()
    reload(probe)
    assert ticked(page) == [i == 2 for i in range(count)]
    # Not remembering: the ticks live in this tab's session only.
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert page.evaluate(f"sessionStorage.getItem('{KEY}')")

    page.get_by_role("button", name="Wis mijn vinkjes").click()
    assert ticked(page) == [False] * count
    assert (
        page.locator("[data-checklist-status]").inner_text()
        == "Je vinkjes zijn gewist."
    )
    reload(probe)
    assert ticked(page) == [False] * count
    assert page.evaluate(f"sessionStorage.getItem('{KEY}')") is None
    clean(probe)


@pytest.mark.browser
def test_remembering_keeps_ticks_on_this_device(probe, context):
    page = probe.page
    probe.goto(URL)
    boxes(page).nth(1).check()
    page.get_by_label(REMEMBER).check()
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert saved["data"]["ticked"] == [boxes(page).nth(1).get_attribute("data-item")]

    other = context.new_page()  # a new tab: a fresh sessionStorage
    other.goto(probe.base_url + URL)
    other.wait_for_load_state("networkidle")
    assert boxes(other).nth(1).is_checked()
    assert other.get_by_label(REMEMBER).is_checked()

    other.get_by_label(REMEMBER).uncheck()
    assert other.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert boxes(other).nth(1).is_checked()
    clean(probe)


@pytest.mark.browser
@pytest.mark.parametrize(
    "stored",
    [
        "{niet json",
        json.dumps({"kind": KEY, "version": "x", "expires": 9e15, "data": []}),
        json.dumps(
            {"kind": KEY, "version": "x", "expires": 9e15, "data": {"ticked": "ja"}}
        ),
    ],
)
def test_corrupt_storage_gives_a_notice_not_a_broken_page(probe, stored):
    page = probe.page
    probe.goto(URL)
    page.evaluate("([key, value]) => sessionStorage.setItem(key, value)", [KEY, stored])
    reload(probe)
    assert not any(ticked(page))
    status = page.locator("[data-checklist-status]").inner_text()
    assert status == (
        "Je eerder opgeslagen vinkjes konden niet worden gelezen en zijn gewist."
    )
    assert page.evaluate(f"sessionStorage.getItem('{KEY}')") is None
    boxes(page).nth(0).check()  # and it works again
    reload(probe)
    assert boxes(page).nth(0).is_checked()
    clean(probe)


@pytest.mark.browser
def test_without_javascript_it_is_a_plain_printable_list(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + URL)
    page.emulate_media(media="print")  # folded on screen, whole on paper
    assert page.locator(".checklist-items li").nth(12).is_visible()
    page.emulate_media(media="screen")
    assert boxes(page).count() > 10
    assert not page.locator("[data-checklist-controls]").is_visible()
    boxes(page).nth(0).check()
    assert boxes(page).nth(0).is_checked()
    assert page.locator(".checklist-download a").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".checklist-items").first.is_visible()
    assert not page.locator(".checklist-download a").is_visible()
    context.close()


@pytest.mark.browser
def test_download_link_serves_the_pdf_at_the_printed_size(probe):
    page = probe.page
    probe.goto(URL)
    link = page.locator(".checklist-download a")
    assert link.inner_text().strip() == "Download als PDF"
    size = page.locator(".checklist-download .download-size").inner_text().strip()
    printed = re.fullmatch(r"(\d+) kB", size)
    assert printed
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    body = response.body()
    assert body.startswith(b"%PDF-")
    assert int(printed[1]) == -(-len(body) // 1000)


@pytest.mark.browser
def test_remembered_ticks_follow_into_another_open_tab(probe, context):
    page = probe.page
    probe.goto(URL)
    boxes(page)
    page.get_by_label(REMEMBER).check()
    other = context.new_page()
    other.goto(probe.base_url + URL)
    other.wait_for_load_state("networkidle")
    boxes(page).nth(3).check()
    wait_until(
        other,
        "document.querySelectorAll('.checklist-items input:checked').length === 1",
    )
    assert boxes(other).nth(3).is_checked()
    assert other.evaluate("localStorage.getItem('hva:worksheet:doelen')") is None
    clean(probe)


FIRST = "Ik heb mijn doelstellingen voor mezelf opgeschreven."


def tick_four(page) -> int:
    count = boxes(page).count()
    for index in (0, 1, 2, 5):
        boxes(page).nth(index).check()
    return count


@pytest.mark.browser
def test_progress_counts_her_ticks(probe):
    page = probe.page
    page.set_viewport_size({"width": 390, "height": 844})
    probe.goto(URL)
    progress = page.locator("[data-checklist-progress]")
    count = boxes(page).count()
    assert progress.inner_text() == f"0 van {count} afgevinkt"
    tick_four(page)
    assert progress.inner_text() == f"4 van {count} afgevinkt"
    reload(probe)
    assert progress.inner_text() == f"4 van {count} afgevinkt"
    page.get_by_role("button", name="Wis mijn vinkjes").click()
    assert progress.inner_text() == f"0 van {count} afgevinkt"
    assert probe.axe_violations() == []
    clean(probe)


@pytest.mark.browser
def test_her_list_downloads_as_text_with_her_ticks(probe):
    page = probe.page
    probe.goto(URL)
    count = tick_four(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download mijn lijst").click()
    assert download.value.suggested_filename == "checklist-uitbesteden.txt"
    with open(download.value.path(), encoding="utf-8", newline="") as file:
        text = file.read()
    lines = text.split("\r\n")
    assert lines[1] == f"4 van {count} afgevinkt"
    assert f"[x] {FIRST}" in lines
    assert sum(line.startswith("[x] ") for line in lines) == 4
    assert sum(line.startswith("[ ] ") for line in lines) == count - 4
    assert lines[-2].endswith(URL)
    clean(probe)


@pytest.mark.browser
def test_her_list_prints_alone_with_her_ticks(probe, tmp_path):
    page = probe.page
    probe.goto(URL)
    count = tick_four(page)
    page.evaluate("window.print = () => { window.printed = true; }")  # no dialog
    page.get_by_role("button", name="Print mijn lijst").click()
    assert page.evaluate("window.printed") is True
    pdf = tmp_path / "lijst.pdf"
    page.pdf(path=str(pdf))
    text = pdf_text(pdf)
    assert f"☑ {FIRST}" in text
    assert text.count("☑") == 4 and text.count("☐") == count - 4
    assert f"4 van {count} afgevinkt" in text
    # The checklist alone: not the post, not the worksheet.
    assert "Dilemma's" not in text and "Werkblad" not in text
    clean(probe)
