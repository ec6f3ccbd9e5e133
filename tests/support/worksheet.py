"""The worksheet with its script shows one step at a time, on every screen: tests
reach a field as a reader does, with the step's "Volgende" and "Vorige" buttons
(which go on only once the step's required answers are in)."""

from playwright.sync_api import Page

SECTIONS = "form[data-worksheet] [data-section]"
# The step holding an element: its section's; the result and the end are a step of
# their own after the last section, the title, intro and memory with the first.
STEP_OF = f"""(target) => {{
  const sections = [...document.querySelectorAll("{SECTIONS}")];
  const element = document.querySelector(target);
  const section = element.closest("[data-section]");
  if (section) return sections.indexOf(section);
  return element.closest("[data-end], [data-result]") ? sections.length : 0;
}}"""
# The step shown: -1 without the script (every step shows), the end after the last.
CURRENT = f"""() => {{
  const sections = [...document.querySelectorAll("{SECTIONS}")];
  if (document.querySelector("form.ws-at-end")) return sections.length;
  return sections.findIndex((s) => s.classList.contains("ws-current"));
}}"""


def to_step(page: Page, index: int) -> None:
    """Walk to step `index` (from 0); fails with the step's messages if it stops.
    Without the script every step shows: nothing to walk."""
    while (now := page.evaluate(CURRENT)) not in (index, -1):
        section = page.locator(SECTIONS).nth(now)
        # The shown one: the end's "Vorige" is outside every section.
        step = 1 if now < index else -1
        page.locator(f"form[data-worksheet] [data-step='{step}']:visible").click()
        if page.evaluate(CURRENT) == now:
            messages = section.locator("[data-errors]").inner_text()
            raise AssertionError(f"step {now + 1} does not go on: {messages}")


def reach(page: Page, selector: str) -> None:
    """Walk to the step that shows the element."""
    to_step(page, page.evaluate(STEP_OF, selector))


def to_end(page: Page) -> None:
    """Walk past the last step to the end: the result card and what follows it."""
    to_step(page, page.locator(SECTIONS).count())


def fill(page: Page, selector: str, value: str) -> None:
    reach(page, selector)
    page.fill(selector, value)


def pick(page: Page, radio_id: str) -> None:
    """Pick an option of a segmented control as a reader does: on its label."""
    reach(page, f"#{radio_id}")
    page.click(f"label[for={radio_id}]")
