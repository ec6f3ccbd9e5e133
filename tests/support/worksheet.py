"""The worksheet with its script shows one step at a time, on every screen: tests
reach a field as a reader does, with the step's "Volgende" and "Vorige" buttons
(which go on only once the step's required answers are in)."""

from playwright.sync_api import Page

SECTIONS = "form[data-worksheet] [data-section]"
# The step holding an element: its section's; the result and the end come with the
# last step, the title, intro and memory with the first.
STEP_OF = f"""(target) => {{
  const sections = [...document.querySelectorAll("{SECTIONS}")];
  const element = document.querySelector(target);
  const section = element.closest("[data-section]");
  if (section) return sections.indexOf(section);
  return element.closest("[data-end], [data-result]") ? sections.length - 1 : 0;
}}"""
CURRENT = f"""() => [...document.querySelectorAll("{SECTIONS}")]
  .findIndex((s) => s.classList.contains("ws-current"))"""


def to_step(page: Page, index: int) -> None:
    """Walk to step `index` (from 0); fails with the step's messages if it stops.
    Without the script every step shows: nothing to walk."""
    while (now := page.evaluate(CURRENT)) not in (index, -1):
        section = page.locator(SECTIONS).nth(now)
        # The shown one: the last step's "Vorige" is at the end, outside its section.
        step = 1 if now < index else -1
        page.locator(f"form[data-worksheet] [data-step='{step}']:visible").click()
        if page.evaluate(CURRENT) == now:
            messages = section.locator("[data-errors]").inner_text()
            raise AssertionError(f"step {now + 1} does not go on: {messages}")


def reach(page: Page, selector: str) -> None:
    """Walk to the step that shows the element."""
    to_step(page, page.evaluate(STEP_OF, selector))


def to_end(page: Page) -> None:
    """Walk to the last step: the result card and the end under it."""
    to_step(page, page.locator(SECTIONS).count() - 1)


def fill(page: Page, selector: str, value: str) -> None:
    reach(page, selector)
    page.fill(selector, value)


def pick(page: Page, radio_id: str) -> None:
    """Pick an option of a segmented control as a reader does: on its label."""
    reach(page, f"#{radio_id}")
    page.click(f"label[for={radio_id}]")
