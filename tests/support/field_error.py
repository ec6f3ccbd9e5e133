"""The one markup of a field's error message (theme/static/js/fielderror.js), read from
the page in the browser: the site's forms and the worksheet are held to the same."""

from playwright.sync_api import Page

_STATE = """(id) => {
  const field = document.getElementById(id);
  const error = document.getElementById(id + "-error");
  const danger = document.createElement("p");
  danger.style.color = "var(--danger)";
  document.body.append(danger);
  const look = (element) => {
    const style = getComputedStyle(element);
    return [style.color, style.fontWeight];
  };
  const state = {
    invalid: field.getAttribute("aria-invalid"),
    describedby: field.getAttribute("aria-describedby"),
    danger: look(danger)[0],
    error: error && {
      tag: error.tagName,
      className: error.className,
      text: error.textContent,
      before: error.nextElementSibling === field,
      shown: error.checkVisibility(),
      look: look(error),
    },
  };
  danger.remove();
  return state;
}"""


def field_error(page: Page, field_id: str) -> dict:
    return page.evaluate(_STATE, field_id)


def assert_field_error(page: Page, field_id: str, text: str, hints=()) -> None:
    """`text` (Dutch) in a <p class="field-error" id="{field_id}-error"> just before
    the field, in the danger colour, bold; the field invalid and described by its
    hints (ids), then the message."""
    state = field_error(page, field_id)
    assert state["error"] == {
        "tag": "P",
        "className": "field-error",
        "text": text,
        "before": True,
        "shown": True,
        "look": [state["danger"], "700"],
    }, state
    assert state["invalid"] == "true"
    assert state["describedby"] == " ".join([*hints, f"{field_id}-error"])


def assert_no_field_error(page: Page, field_id: str, hints=()) -> None:
    """The field's message gone, the field valid again, its hints kept."""
    state = field_error(page, field_id)
    assert state["error"] is None, state
    assert state["invalid"] is None
    assert state["describedby"] == (" ".join(hints) or None)
