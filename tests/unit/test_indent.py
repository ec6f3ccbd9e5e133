"""A template's indentation does not reach the page, and no words or attributes run
together without it (sitekit/indent.py)."""

from jinja2 import Environment
from sitekit.indent import Unindent, unindent

FORM = """<form id="f"
  {% if netlify %}name="contact" data-netlify="true"{% endif %}
  data-error="Vul in.">
  <p>
    {{ words }}
  </p>
</form>"""


def render(source: str, name: str, **values) -> str:
    env = Environment(trim_blocks=True, lstrip_blocks=True, extensions=[Unindent])
    return env.from_string(env.preprocess(source, name)).render(**values)


def test_an_html_templates_lines_lose_their_indentation():
    page = render(FORM, "partials/form.html", netlify=False, words="  twee  woorden")
    assert (
        page
        == '<form id="f"\n data-error="Vul in.">\n<p>\n  twee  woorden\n</p>\n</form>'
    )


def test_after_a_tag_that_takes_the_newline_one_space_stays():
    page = render(FORM, "partials/form.html", netlify=True, words="x")
    assert 'data-netlify="true" data-error="Vul in."' in page


def test_other_templates_keep_their_indentation():
    assert unindent("a\n  b") == "a\nb"
    assert render("a\n  b", "nginx.conf") == "a\n  b"
