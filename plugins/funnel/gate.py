"""The optional lead magnet: a post's checklist PDF behind a newsletter signup.

`Checklist_gate: nieuwsbrief` in a post's header turns the download button of its
checklist into a short signup posted to the mailing tool (FORMS["newsletter"] with
provider "mailing"). After the tool's double opt-in, the tool sends the reader to
/bedankt/<checklist>/ (written here), which has the PDF and a link back to the post.
The PDF keeps its plain URL; without a mailing tool the download stays free.
"""

from pelican.generators import Generator
from sitekit.attach import NONE, all_articles
from sitekit.errors import DefinitionError
from sitekit.lines import field_line

from .forms import NEWSLETTER_THANKS_PATH, THANKS_PATH, newsletter_thanks

GATE_KEY = "Checklist_gate"
GATES = ("nieuwsbrief",)
THANKS_URL = THANKS_PATH + "{name}/"
TEMPLATE = "checklist_thanks"
NEWSLETTER_TEMPLATE = "newsletter_thanks"


def gate_of(article) -> str | None:
    """The gate an article asks for in its header; None when it asks for none."""
    value = str(article.metadata.get(GATE_KEY.lower(), NONE)).strip().lower()
    if value in ("", NONE):
        return None
    where = dict(path=GATE_KEY, line=field_line(article.source_path, GATE_KEY))
    if value not in GATES:
        raise DefinitionError(
            article.source_path,
            "value-not-allowed",
            **where,
            value=value,
            options=[*GATES, NONE],
        )
    if not getattr(article, "checklist", None):
        raise DefinitionError(
            article.source_path,
            "gate-no-checklist",
            **where,
        )
    return value


def attach_gates(generator) -> None:
    """Give every article its `checklist_gate` (None: the download is free) and the
    context the thank-you pages to write, one per gated checklist."""
    mailing = generator.context["FORM_SETUP"]["newsletter"]["provider"] == "mailing"
    gates: dict[str, dict] = {}
    for article in sorted(all_articles(generator), key=lambda a: a.date):
        article.checklist_gate = None
        if not gate_of(article) or not mailing:
            continue
        checklist = article.checklist
        url = THANKS_URL.format(name=checklist.name)
        gate = gates.setdefault(
            checklist.name, {"checklist": checklist, "article": article, "url": url}
        )
        # Back to the post the PDF itself names, when that one is gated too.
        if checklist.article is article:
            gate["article"] = article
        article.checklist_gate = gate
    generator.context["CHECKLIST_GATES"] = gates


class GateThanksGenerator(Generator):
    """Writes /bedankt/<checklist>/ for every checklist behind a signup, and
    /bedankt/nieuwsbrief/ when a newsletter signup comes back to the site."""

    def generate_output(self, writer) -> None:
        if self.context.get("NEWSLETTER_SHOWN") and newsletter_thanks(
            self.context["FORM_SETUP"]
        ):
            writer.write_file(
                NEWSLETTER_THANKS_PATH + "index.html",
                self.get_template(NEWSLETTER_TEMPLATE),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=NEWSLETTER_THANKS_PATH,
                signed_up=True,
            )
        gates = self.context.get("CHECKLIST_GATES") or {}
        template = self.get_template(TEMPLATE)
        for _name, gate in sorted(gates.items()):
            writer.write_file(
                gate["url"] + "index.html",
                template,
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=gate["url"],
                gate=gate,
                signed_up=True,
            )
