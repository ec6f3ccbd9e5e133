"""Every mistake the author can meet, as one Dutch line: `bestand:regel: fout: wat er
mis is (wat je kunt doen)`.

The plugins raise a structured DefinitionError (file, field path, line) with an English
message for developers; Pelican logs English records. This module words both for the
author: `problem_from_error` for an error, `DutchBuildLog` for the log of a build, and
`run_pelican(settings_file, args, write)` to build with it: `invoke build` and `publish`
build through it, the preview through `dutch_build_log`; `write` receives each line
(print it, or show it in the preview's banner).
"""

import difflib
import logging
import re
import sys
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from embeds.errors import DefinitionError
from pelican.settings import DEFAULT_CONFIG
from pictures.resize import MAX_PIXELS, PictureError
from sitekit.dates import EXAMPLE as DATE_EXAMPLE
from sitekit.dates import DateError, SlugError
from sitekit.header import HeaderError
from sitekit.markup import MarkupError, Refusal

from .catalog import words
from .source import read_source, site_settings, slug_field, slug_for

ERROR, WARNING = "fout", "waarschuwing"
SETTINGS_NAME = "pelicanconf.py"
FATAL = "Warning or error encountered"  # Pelican's RuntimeError under --fatal


@dataclass(frozen=True, order=True)
class Problem:
    """One line of a report: where, how bad, what is wrong and what to do."""

    file: str
    line: int
    level: str
    message: str
    advice: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.level}: {self.message} ({self.advice})"

    @classmethod
    def error(cls, file: str, line: int, message: str, advice: str) -> "Problem":
        return cls(file, line, ERROR, message, advice)


def shown(
    path: str | Path, content: Path | None = None, root: Path | None = None
) -> str:
    """A file as the author finds it: from the project (`root`) or the current
    folder when inside it; a path Pelican gives relative to the content folder is
    shown with that folder."""
    path = Path(path)
    if not path.is_absolute():
        if content is not None and not path.exists() and (content / path).exists():
            path = content / path
        else:
            return path.as_posix()
    path = path.resolve()
    for base in (root, Path.cwd()):
        if base is not None and path.is_relative_to(base.resolve()):
            return path.relative_to(base.resolve()).as_posix()
    return str(path)


# -- the plugins' definition errors ---------------------------------------------------
KINDS = {
    "text": "tekst",
    "a whole number": "een heel getal",
    "a number": "een getal",
    "true or false": "true of false",
    "true/false": "true/false",
    "a name": "een naam",
    "a formula": "een formule",
    "a mapping": "een blok met sleutels",
    "a list": "een lijst",
    "an empty value": "niets",
    "a date as text, e.g. '2026-12-31'": "een datum als tekst, zoals '2026-12-31'",
}
NOUNS = {
    "worksheet": "werkblad",
    "checklist": "checklist",
    "call to action": "oproep",
    "cta": "oproep",
}
NOT_UTF8 = (
    "het bestand is geen UTF-8-tekst maar bijvoorbeeld Windows-1252",
    "open het en sla het op als UTF-8; in Kladblok: Opslaan als, Codering: UTF-8",
)
SAME_SLUG = (
    "geef een van beide een eigen Slug:, anders overschrijft de ene pagina de andere"
)
YAML_LAYOUT = (
    "controleer de inspringing: wat bij elkaar hoort, springt even ver in, met spaties"
)
NO_IMAGES = (
    "haal de afbeelding weg; een foto zet je in de post zelf, boven of onder de "
    "checklist"
)
STEPS = (
    "reken in stappen: maak een berekend veld voor een deel en gebruik dat in de "
    "volgende formule"
)
TASK = "begin elke taak met '- [ ] ': streepje, spatie, haakjes met een spatie ertussen"


def suggested_slug(text: str) -> str:
    """The slug Pelican makes of `text` (one the site accepts, sitekit.dates.SLUG)."""
    return slug_for(text, DEFAULT_CONFIG)


def _kind(text: str) -> str:
    for english, dutch in KINDS.items():
        if text == english or text.startswith(english + " "):
            return dutch + text[len(english) :]
    return text


def _choices(options: str, given: str = "") -> str:
    names = [o.strip() for o in options.replace(" or 'none'", "").split(",")]
    names = [n for n in names if n and n not in ("(none defined)", "(none)")]
    close = difflib.get_close_matches(given.strip("'"), names, 1, 0.6)
    hint = f"bedoel je {close[0]}? " if close else ""
    return f"{hint}kies uit: {', '.join(names) or 'nog niets'}"


def _yaml(problem: str) -> tuple[str, str]:
    if "\\t" in problem or "\t" in problem:
        return "er staat een tab in", "spring in met spaties, niet met tabs"
    return "de opmaak (YAML) klopt hier niet", YAML_LAYOUT


# (pattern on the English message, Dutch message, advice); groups fill the templates.
_Rule = tuple[str, str | Callable, str | Callable]
RULES: list[_Rule] = [
    (
        r"not valid YAML: (?P<p>.*)",
        lambda m: _yaml(m["p"])[0],
        lambda m: _yaml(m["p"])[1],
    ),
    (
        r"anchors and aliases.*",
        "ankers en verwijzingen (& en *) kunnen hier niet",
        "schrijf de waarde voluit",
    ),
    (
        r"the file is empty.*",
        "het bestand is leeg",
        "begin met title: en sections:, zoals in content/worksheets/doelen.yaml",
    ),
    (
        r"not readable as UTF-8.*",
        lambda m: NOT_UTF8[0],
        lambda m: NOT_UTF8[1],
    ),
    (
        r"expected a mapping with (?P<k>.*)",
        "hier hoort een blok met {k}",
        "zet die sleutels eronder, een stap verder ingesprongen",
    ),
    (
        r"keys must be plain words",
        "een sleutel moet een gewoon woord zijn",
        YAML_LAYOUT,
    ),
    (r"appears twice", "deze sleutel staat er twee keer", "houd er één over"),
    (
        r"unknown key '(?P<k>[^']*)'; expected one of (?P<o>.*)",
        "onbekende sleutel '{k}'",
        lambda m: _choices(m["o"], m["k"]) + ", of " + YAML_LAYOUT,
    ),
    (r"missing (?P<k>'.*)", "{k} ontbreekt hier", "voeg het toe"),
    (r"expected a list", "hier hoort een lijst", "begin elke regel met '- '"),
    (
        r"expected at least one entry",
        "de lijst is leeg",
        "zet er minstens één regel in",
    ),
    (
        r"expected text, found an empty value",
        "hier hoort tekst, maar het is leeg",
        "vul het in of haal de regel weg",
    ),
    (
        r"expected a whole number of at least (?P<n>\d+), found (?P<v>.*)",
        "hier hoort een heel getal van minstens {n}, maar er staat {v}",
        "pas het getal aan",
    ),
    (r"expected a finite number", "dit getal is te groot", "schrijf een gewoon getal"),
    (
        r"expected (?P<e>.*), found (?P<f>.*)",
        lambda m: f"hier hoort {_kind(m['e'])}, maar er staat {_kind(m['f'])}",
        "pas de waarde aan",
    ),
    (
        r"(?P<v>.*) is not one of (?P<o>.*)",
        "{v} kan hier niet",
        lambda m: _choices(m["o"], m["v"]),
    ),
    (
        r"'(?P<v>[^']*)' is not a usable name.*",
        "'{v}' kan niet als naam",
        "gebruik kleine letters, cijfers en _, begin met een letter (en niet 'sum')",
    ),
    (
        r"a verdict needs a repeated section.*",
        "een oordeel (verdict) kan alleen bij een herhaalde sectie",
        "voeg repeat: toe aan de sectie of haal verdict: weg",
    ),
    (
        r"only a field of type choice has choices",
        "alleen een veld met type: choice heeft choices",
        "zet type: choice of haal choices: weg",
    ),
    (r"a choice appears twice", "een keuze staat er twee keer", "houd er één over"),
    (
        r"a field of type choice needs 'choices'",
        "een veld met type: choice heeft choices: nodig",
        "zet eronder een lijst met choices:",
    ),
    (
        r"only number and money fields can be computed",
        "alleen een veld met type: number of money kan berekend worden",
        "verander het type of haal compute: weg",
    ),
    (
        r"computed fields cannot be inside a repeated section",
        "een berekend veld kan niet in een herhaalde sectie",
        "zet het in een sectie zonder repeat:",
    ),
    (
        r"a computed field is filled in by its formula",
        "een berekend veld vult de formule zelf in",
        "haal deze regel weg",
    ),
    (
        r"expected a date written as 'YYYY-MM-DD' in quotes",
        "deze datum is niet te lezen",
        "schrijf hem tussen aanhalingstekens, jaar eerst: '2026-12-31'",
    ),
    (
        r"a rule can only test yes/no and choice fields",
        "een regel kan alleen ja/nee- en keuzevelden testen",
        "kies een veld met type: yesno of choice",
    ),
    (
        r"expected at least one condition",
        "deze regel test niets",
        "zet onder when: een veld",
    ),
    (
        r"the name '(?P<n>[^']*)' is already used by (?P<o>.*)",
        "de naam '{n}' is al gebruikt bij {o}",
        "kies een andere naam",
    ),
    (
        r"unknown field '(?P<f>[^']*)' in '(?P<e>.*)'; number and money fields are: "
        r"(?P<o>.*)",
        "de formule '{e}' noemt het onbekende veld '{f}'",
        lambda m: _choices(m["o"], m["f"]),
    ),
    (
        r"field '(?P<f>[^']*)' is (?P<k>\w+); formulas use number and money fields",
        "het veld '{f}' is {k}: een formule rekent alleen met number- en money-velden",
        "kies een ander veld",
    ),
    (
        r"field '(?P<f>[^']*)' is in the repeated section '(?P<s>[^']*)'.*",
        "het veld '{f}' staat in de herhaalde sectie '{s}'",
        "tel de rijen op met sum({f})",
    ),
    (
        r"sum\((?P<f>\w+)\) needs a field in a repeated section",
        "sum({f}) kan alleen met een veld uit een herhaalde sectie",
        "schrijf gewoon {f}",
    ),
    (
        r"formula '(?P<e>.*)' divides by zero",
        "de formule '{e}' deelt door nul",
        "deel door een veld of door een ander getal dan 0",
    ),
    (
        r"computed fields depend on each other in a circle: (?P<c>.*)",
        "berekende velden rekenen met elkaar in een kring: {c}",
        "laat één van de formules een ander veld gebruiken",
    ),
    (
        r"a formula of (?P<n>\d+) characters is longer than (?P<m>\d+)",
        "de formule is {n} tekens lang; een werkblad rekent met formules tot {m} "
        "tekens",
        STEPS,
    ),
    (
        r"a formula has more than (?P<m>\d+) steps in a row",
        "de formule heeft meer dan {m} rekenstappen achter elkaar",
        STEPS,
    ),
    (
        r"formula '(?P<e>.*)': (?:unexpected|expected).*column (?P<c>\d+).*",
        "de formule '{e}' klopt niet bij teken {c}",
        "gebruik getallen, veldnamen, + - * / en haakjes",
    ),
    (
        r"formula '(?P<e>.*)': .*",
        "de formule '{e}' klopt niet",
        "gebruik getallen, veldnamen, + - * / en haakjes",
    ),
    (
        r"a formula is empty",
        "de formule is leeg",
        "schrijf een berekening, zoals a * b",
    ),
    # checklists
    (
        r"a checklist has one '# title'; this is a second",
        "een checklist heeft één titel (# ...), dit is een tweede",
        "maak er een groep van met ## ervoor",
    ),
    (
        r"a checklist starts with its title.*",
        "een checklist begint met de titel",
        "zet bovenaan een regel als: # Mijn checklist",
    ),
    (
        r"the group '(?P<g>.*)' has no task items",
        "de groep '{g}' heeft geen taken",
        TASK,
    ),
    (
        r"(?P<l>'.*') is not a task item.*",
        "{l} is geen taak",
        TASK + ", of laat een vervolgregel inspringen",
    ),
    (
        r"this task item has no text",
        "deze taak heeft geen tekst",
        "schrijf de taak na '- [ ] '",
    ),
    (
        r"a checklist item cannot contain a nested list",
        "een taak kan geen eigen lijst bevatten",
        "maak van elke regel een eigen taak",
    ),
    (
        r"a checklist item is one paragraph of text",
        "een taak is één alinea tekst",
        "haal de lege regel binnen de taak weg",
    ),
    (
        r"(?P<l>'.*') is not part of a checklist.*",
        "{l} hoort niet in een checklist",
        "gebruik een titel (# ...), tekst, groepen (## ...) en taken ('- [ ] ...')",
    ),
    (
        r"the checklist is empty.*",
        "de checklist is leeg",
        "begin met # Titel en zet er taken onder als '- [ ] Taak'",
    ),
    (
        r"the list is empty.*",
        "de checklist heeft geen taken",
        "voeg taken toe als '- [ ] Taak'",
    ),
    (
        r"the item '(?P<t>.*)' is already on line (?P<n>\d+)",
        "de taak '{t}' staat ook al op regel {n}",
        "haal er één weg of maak ze verschillend",
    ),
    (
        r"unknown header '(?P<k>[^']*)'.*",
        "onbekende regel '{k}:' boven de titel",
        "boven de titel kan alleen Article: met de slug van een post",
    ),
    (
        r"set twice \(also on line (?P<n>\d+)\)",
        "staat er twee keer (ook op regel {n})",
        "houd er één over",
    ),
    (
        r"names no post.*",
        "hier staat geen post",
        "schrijf de slug van een post, zoals dilemmas",
    ),
    (
        r"the file name '(?P<n>.*)' must be lowercase letters, digits, hyphens",
        "de bestandsnaam '{n}' kan niet",
        lambda m: (
            "gebruik kleine letters, cijfers en streepjes, zoals "
            + suggested_slug(m["n"])
        ),
    ),
    (
        r"'(?P<s>.*)' is not a published post that shows this checklist; name one of "
        r"(?P<o>[^(]*) \(.*",
        "'{s}' is geen gepubliceerde post met deze checklist",
        lambda m: _choices(m["o"], m["s"]),
    ),
    # names of definitions and calls to action
    (
        r"unknown (?P<k>worksheet|checklist|call to action|cta) '(?P<n>.*)'; "
        r"expected one of (?P<o>.*)",
        lambda m: f"er is geen {NOUNS[m['k']]} met de naam '{m['n']}'",
        lambda m: _choices(m["o"], m["n"]) + f", of none voor geen {NOUNS[m['k']]}",
    ),
    (
        r"must map names to blocks",
        "hier hoort een blok met oproepen",
        "zie het voorbeeld in pelicanconf.py",
    ),
    (
        r"must be a mapping.*",
        "hier hoort een blok met sleutels",
        "zie het voorbeeld in pelicanconf.py",
    ),
    (r"missing or empty", "dit ontbreekt of is leeg", "vul het in"),
    (
        r"unknown keys \[(?P<k>.*)\].*",
        "onbekende sleutels: {k}",
        "haal ze weg of controleer de spelling",
    ),
    # forms and statistics (FORMS, ANALYTICS)
    (
        r"'(?P<v>.*)' is not an http\(s\) URL",
        "'{v}' is geen webadres",
        "schrijf het volledige adres, beginnend met https://",
    ),
    (
        r"'(?P<v>.*)' is not a usable form field name",
        "'{v}' kan niet als naam van een formulierveld",
        "gebruik letters, cijfers, _ of -",
    ),
    (
        r"'(?P<v>.*)' is not a field of this form; expected one of (?P<o>.*)",
        "'{v}' is geen veld van dit formulier",
        lambda m: _choices(m["o"], m["v"]),
    ),
    (
        r"Netlify posts to the site itself; leave it out",
        "Netlify stuurt het formulier naar de site zelf",
        "haal endpoint weg",
    ),
    (
        r"unknown forms \[(?P<k>.*)\]; expected (?P<o>.*)",
        "onbekende formulieren: {k}",
        lambda m: _choices(m["o"]),
    ),
    (
        r"must (?:map form names|be a mapping with) .*",
        "hier hoort een blok met sleutels",
        "zie het voorbeeld in pelicanconf.py",
    ),
    (
        r"missing: the service named on the privacy page",
        "de naam van de dienst ontbreekt; die staat op de privacypagina",
        "vul name in",
    ),
    (
        r"'(?P<k>.*)' must be a data-\* attribute with a text value",
        "'{k}' kan niet: alleen data-...-attributen met tekst",
        'schrijf bijvoorbeeld "data-domain": "www.jouwsite.nl"',
    ),
    # what a checklist PDF may show (plugins/embeds/fetch.py)
    (
        r"the PDF may only show files of the site, not '(?P<v>.*)'",
        "de pdf mag alleen bestanden van de site tonen, niet '{v}'",
        NO_IMAGES,
    ),
    (
        r"\{static\} cannot show a file of the site in a checklist: '(?P<v>.*)'",
        "een checklist kan geen bestand van de site tonen met {{static}} ('{v}')",
        NO_IMAGES,
    ),
    (r"the PDF cannot find '(?P<v>.*)'", "de pdf vindt '{v}' niet", NO_IMAGES),
    # old Wix addresses
    (
        r"'(?P<v>.*)' is not an old address like /post/mijn-post",
        "'{v}' is geen oud adres",
        lambda m: (
            "schrijf het oude adres zonder spaties, zoals "
            f"/post/{suggested_slug(m['v'].rsplit('/', 1)[-1]) or 'mijn-post'}"
        ),
    ),
    (
        r"'(?P<v>.*)' is not a path like /post/mijn-post",
        "'{v}' is geen oud adres",
        "schrijf het als /post/mijn-post",
    ),
    (
        r"(?P<v>\S+) is claimed twice(?: \(already sent to (?P<t>\S+) by (?P<o>.*)\))?",
        lambda m: (
            f"het oude adres {m['v']} staat ook bij " + (m["o"] or "een andere post")
        ),
        "haal het bij één van beide weg",
    ),
    (
        r"'(?P<v>.*)' must be a page address relative to the site root.*",
        "'{v}' is geen adres op deze site",
        "schrijf het zonder / ervoor, zoals 'blog/dilemmas/'",
    ),
    (
        r"'(?P<v>.*)' is not a page of the site",
        "'{v}' is geen pagina van de site",
        "controleer het adres, zoals 'blog/dilemmas/'",
    ),
    (r"'(?P<v>.*)' twice", "'{v}' staat er twee keer", "houd er één over"),
]
_COMPILED = [(re.compile(p, re.DOTALL), m, a) for p, m, a in RULES]


def _fill(template, match: re.Match) -> str:
    if callable(template):
        return template(match)
    return template.format(**{k: v or "" for k, v in match.groupdict().items()})


def dutch_wording(message: str) -> tuple[str, str]:
    """The Dutch message and advice for a plugin's English message."""
    for pattern, message_nl, advice in _COMPILED:
        match = pattern.fullmatch(message.strip())
        if match:
            return _fill(message_nl, match), _fill(advice, match)
    return f"er klopt iets niet: {message}", "kijk goed naar deze regel"


def settings_line(settings_file: Path, path: str) -> int:
    """The line of `pelicanconf.py` that sets the setting at `path` (e.g.
    `CTAS.kennismaking.title`): the last assignment of the name, then its keys."""
    try:
        lines = settings_file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    parts = [p for p in re.split(r"[.\[\]]+", path) if p]
    found = [n for n, text in enumerate(lines) if re.match(rf"{parts[0]}\s*=", text)]
    if not found:
        return 1
    number = found[-1]
    for key in parts[1:]:
        key = key.strip("'\"")
        number = next(
            (n for n in range(number, len(lines)) if f'"{key}"' in lines[n]), number
        )
    return number + 1


def problem_from_error(
    error: DefinitionError, content: Path | None = None, root: Path | None = None
) -> Problem:
    """A plugin's DefinitionError as the author reads it: its code's words from the
    catalog (a sentence not converted to a code yet: by RULES)."""
    if error.coded:
        message, advice, _level = words(error.code, error.params)
    else:
        message, advice = dutch_wording(error.code)
    if error.path and not message.startswith(error.path):
        message = f"{error.path}: {message}"
    line = error.line
    file = error.file
    if Path(file).name == SETTINGS_NAME and not Path(file).is_absolute():
        settings_file = (root or Path.cwd()) / SETTINGS_NAME
        line = line or settings_line(settings_file, error.path or "")
        file = settings_file
    return Problem.error(shown(file, content, root), line or 1, message, advice)


# -- Pelican's own records ----------------------------------------------------------
def header_line(path: Path, key: str) -> int:
    """The line of the header field `key` of a post; 1 when it has none."""
    try:
        field = read_source(path).first(key)
    except (OSError, UnicodeDecodeError):
        return 1
    return field.line if field else 1


def line_with(path: Path, needle: str) -> int:
    """The first line of `path` containing `needle`; 1 when none does."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, text in enumerate(lines, 1) if needle in text), 1)


def not_utf8(file: str) -> Problem:
    return Problem.error(file, 1, *NOT_UTF8)


def date_problem(file: str, line: int, error: DateError) -> Problem:
    return Problem.error(file, line, str(error), f"schrijf hem als {DATE_EXAMPLE}")


STATUSES = "published, draft of hidden"


def status_problem(file: str, line: int, status: str) -> Problem:
    return Problem.error(
        file, line, f"onbekende status '{status}'", f"gebruik {STATUSES}"
    )


def static_by_filename(file: str, line: int, target: str) -> Problem:
    return Problem.error(
        file,
        line,
        f"de link {{filename}}{target} wijst naar een afbeelding of bestand, niet "
        "naar een post",
        f"schrijf {{static}}{target}",
    )


# What a post may not contain (sitekit.markup), by kind: (what is wrong, advice).
REFUSED = {
    "frame": (
        "een ingesloten frame (<{what}>) kan niet op de site",
        "zet er een gewone link neer, zoals [Bekijk de video](https://...)",
    ),
    "script": (
        "een script (<script>) kan niet in een post",
        "haal het weg; werkbladen, checklists en formulieren komen van de site zelf",
    ),
    "style": (
        "eigen opmaak ({what}) kan niet in een post",
        "haal het weg; de site verzorgt de opmaak: gebruik **vet**, *schuin* "
        "of ## koppen",
    ),
    "handler": (
        "de code {what}=... kan niet in een post",
        "haal het weg; een gewone link werkt zonder code",
    ),
    "element": (
        "de HTML-code {what} kan niet in een post",
        "haal het weg; schrijf tekst, koppen, lijsten, links en afbeeldingen in "
        "Markdown, formulieren komen van de site zelf",
    ),
    "attribute": (
        "de HTML-code {what}=... kan niet in een post",
        "haal het weg; de site geeft links en afbeeldingen zelf wat ze nodig hebben",
    ),
    "address": (
        "een adres dat begint met {what} kan niet in een post",
        "gebruik een webadres dat begint met https://, of mailto: voor e-mail",
    ),
}


# What reStructuredText may not do in a post (DOCUTILS_SETTINGS): docutils' message.
RST_REFUSED = {
    '"raw" directive disabled': (
        "HTML in een reStructuredText-post (.. raw::) kan niet op de site",
        "schrijf het als gewone tekst, of zet de post om naar Markdown",
    ),
    '"include" directive disabled': (
        "een ander bestand invoegen (.. include::) kan niet in een post",
        "zet de tekst zelf in de post",
    ),
}
RST_MESSAGE = re.compile(
    r":(?P<line>\d+): \((?:WARNING|ERROR|SEVERE)/\d\) (?P<text>.+)"
)


def rst_problem(file: str, error: Exception) -> Problem | None:
    """docutils stops a reStructuredText post: its line, in Dutch."""
    found = RST_MESSAGE.search(str(error))
    if not found:
        return None
    message, advice = RST_REFUSED.get(
        found["text"].strip().rstrip("."),
        (
            f"de reStructuredText klopt hier niet: {found['text']}",
            "kijk naar deze regel en de regel erboven",
        ),
    )
    return Problem.error(file, int(found["line"]), message, advice)


def refused(file: str, line: int, refusal: Refusal) -> Problem:
    """HTML a post may not contain: the same line from `check` and the build."""
    message, advice = REFUSED[refusal.kind]
    return Problem.error(file, line, message.format(what=refusal.what), advice)


def slug_problem(file: str, line: int, error: SlugError) -> Problem:
    suggestion = suggested_slug(getattr(error, "value", "")) or "mijn-post"
    return Problem.error(file, line, str(error), f"schrijf Slug: {suggestion}")


def missing_field(file: str, path: Path, field: str) -> Problem:
    """Pelican skips content without a title: an empty file, or one line missing."""
    try:
        empty = not path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        empty = False
    if empty:
        return Problem.error(
            file,
            1,
            "het bestand is leeg",
            "schrijf er een post in of verwijder het; "
            'invoke new-post "Mijn titel" maakt een begin',
        )
    examples = {"title": "Title: Mijn titel", "date": "Date: 01-02-2025 10:00"}
    noun = {"title": "titel", "date": "datum"}.get(field, field)
    return Problem.error(
        file,
        1,
        f"de post heeft geen {noun}",
        f"zet bovenaan een regel als: {examples.get(field, field.title() + ': ...')}",
    )


def field_twice(file: str, line: int, name: str, first: int) -> Problem:
    return Problem.error(
        file,
        line,
        f"het veld {name} staat er twee keer (ook op regel {first})",
        "haal een van beide weg",
    )


def lost_fields(file: str, line: int, name: str) -> Problem:
    """A line that is no field cuts the header short (sitekit.header.lost_field)."""
    return Problem.error(
        file,
        line,
        "deze regel is geen veld (Naam: waarde), dus de velden eronder tellen niet "
        f"mee, zoals {name}",
        "maak er een veld van of haal de regel weg; zet na de velden een lege regel",
    )


def field_continued(file: str, line: int, name: str) -> Problem:
    """Markdown reads a header line starting with a tab or four spaces as the next
    line of the field above it."""
    return Problem.error(
        file,
        line,
        "deze regel begint met een tab of spaties en telt daardoor mee als "
        f"vervolg van {name}",
        "haal de tab of spaties aan het begin van de regel weg",
    )


def duplicate_field(file: str, path: Path, key: str) -> Problem:
    """Pelican's "Duplicate definition": a field written twice, or continued."""
    try:
        same = [f for f in read_source(path).fields if f.name.lower() == key]
    except (OSError, UnicodeDecodeError):
        same = []
    if len(same) > 1:
        return field_twice(file, same[1].line, same[1].name, same[0].line)
    if same:
        return field_continued(file, same[0].line + 1, same[0].name)
    return Problem.error(
        file, 1, f"het veld {key} staat er twee keer", "haal een van beide weg"
    )


def missing_alt(file: str, line: int, image: str) -> Problem:
    return Problem.error(
        file,
        line,
        f"de afbeelding {image} heeft geen beschrijving (alt-tekst)",
        "schrijf tussen de haken wat er op de foto staat: "
        "![Paard in de wei]({static}/images/" + image + ")",
    )


def broken_link(file: str, line: int, link: str) -> Problem:
    return Problem.error(
        file,
        line,
        f"de link {link} wijst naar een bestand dat niet bestaat",
        "controleer de naam en de map, bijvoorbeeld {filename}/posts/dilemmas.md "
        "of {static}/images/foto.jpg",
    )


def not_an_image(file: str, line: int, link: str) -> Problem:
    return Problem.error(
        file,
        line,
        f"{link} is geen afbeelding die de site kan lezen (beschadigd, of een ander "
        "soort bestand)",
        "open de foto in een fotoprogramma en sla hem opnieuw op als JPEG of PNG",
    )


PICTURES = {  # resize.PictureError's reasons: (what is wrong, what to do)
    "heic": (
        "{link} is een HEIC-foto, die de site niet kan publiceren",
        "exporteer hem als JPEG; op de iPhone: Instellingen > Camera > Indelingen > "
        "Meest compatibel",
    ),
    "svg": (
        "{link} is een SVG-tekening; die publiceert de site niet, want een SVG kan "
        "scripts en verborgen gegevens bevatten",
        "sla hem op als PNG",
    ),
    "other": (
        "{link} is geen foto; uit content/images/ publiceert de site alleen foto's "
        "(JPEG, PNG, WebP, GIF of TIFF)",
        "zet er een foto neer of haal de link weg",
    ),
    "large": (
        "{link} is {detail} megapixel, meer dan de {most} die de site verwerkt",
        "verklein de foto, bijvoorbeeld tot 4000 pixels breed, en sla hem opnieuw op",
    ),
    "outside": (
        "Image: {link} is geen foto in content/images/",
        "zet de foto in content/images/ en schrijf Image: images/naam.jpg",
    ),
}


def picture_problem(file: str, line: int, link: str, error: PictureError) -> Problem:
    """An image the site does not publish, told at the page that shows it."""
    message, advice = PICTURES[error.reason]
    most = round(MAX_PIXELS / 1e6)
    return Problem.error(
        file, line, message.format(link=link, detail=error.detail, most=most), advice
    )


def busy_port(port: int | str) -> str:
    """The line for a preview that cannot start: another program has the port."""
    port = int(port)
    return (
        f"poort {port}: fout: deze poort is al in gebruik, waarschijnlijk door een "
        "ander voorbeeld (stop dat met Ctrl+C in zijn terminal, of kies een andere "
        f"poort: make serve PORT={port + 1})"
    )


class DutchBuildLog(logging.Handler):
    """Turns the records of a Pelican build into Dutch problem lines.

    Problems are kept in `problems` and each is printed once via `write`. Pelican's
    own progress and the consequences of an earlier problem (the RuntimeError of
    --fatal, "Could not process" after a warning) are dropped.
    """

    def __init__(self, content: Path, root: Path, write=print):
        super().__init__(logging.WARNING)
        self.content = Path(content)
        self.root = Path(root)
        self.write = write
        self.problems: list[Problem] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            found = self.translate(record)
        except Exception:  # the report must never hide the problem itself
            found = Problem.error("?", 1, record.getMessage(), "zie de melding")
        for problem in found if isinstance(found, list) else [found]:
            if problem and problem not in self.problems:
                self.problems.append(problem)
                self.write(str(problem))

    def exception_raised(self, error: Exception) -> None:
        """An exception that stopped a build, told as Pelican's `main` logs it."""
        self.handle(
            logging.makeLogRecord(
                {"msg": "%s: %s", "args": (type(error).__name__, error)}
                | {"levelno": logging.CRITICAL, "levelname": "CRITICAL"}
            )
        )

    def source(self, relative) -> tuple[str, Path]:
        path = Path(str(relative))
        path = path if path.is_absolute() else self.content / path
        return shown(path), path

    def translate(self, record: logging.LogRecord) -> Problem | list | str | None:
        error = record.exc_info[1] if record.exc_info else sys.exc_info()[1]
        if record.msg == "%s: %s" and record.args and len(record.args) == 2:
            error = record.args[1] if isinstance(record.args[1], Exception) else error
        if isinstance(error, RuntimeError) and str(error) == FATAL:
            return None  # the problem that made the build stop was reported already
        if isinstance(error, DefinitionError):
            return problem_from_error(error, self.content, self.root)
        message = str(record.msg)
        args = record.args if isinstance(record.args, tuple) else ()
        if message.startswith("Keyboard interrupt received"):
            return None  # the author stopped the preview herself
        if message.startswith("Could not listen on port") and args:
            return busy_port(args[0])
        if message.startswith("Could not process") and args:
            file, path = self.source(args[0])
            if isinstance(error, DateError):
                line = header_line(path, getattr(error, "field", "date"))
                return date_problem(file, line, error)
            if isinstance(error, SlugError):
                return slug_problem(file, header_line(path, "slug"), error)
            if isinstance(error, HeaderError):
                return lost_fields(file, error.line, error.field)
            if isinstance(error, MarkupError):
                lines = error.lines
                if error.field:
                    lines = [header_line(path, error.field)] * len(lines)
                return [
                    refused(file, n, r)
                    for n, r in zip(lines, error.refused, strict=True)
                ]
            if isinstance(error, UnicodeDecodeError):
                return not_utf8(file)
            if error.__class__.__name__ == "SystemMessage":  # docutils
                return rst_problem(file, error) or self.unknown(file, str(error))
            return self.unknown(file, str(error or ""))
        if message.startswith("Skipping %s: could not find information about"):
            file, path = self.source(getattr(args[0], "source_path", args[0]))
            return missing_field(file, path, str(args[1]))
        if message.startswith("Duplicate definition of"):
            file, path = self.source(args[1])
            return duplicate_field(file, path, str(args[0]))
        if message.startswith("Empty alt attribute for image"):
            file, path = self.source(args[1])
            return missing_alt(file, line_with(path, str(args[0])), str(args[0]))
        if message.startswith("Unknown status"):
            file, path = self.source(getattr(args[1], "source_path", args[1]))
            return status_problem(file, header_line(path, "status"), str(args[0]))
        if message.startswith("{filename} used for linking to static"):
            file, path = self.source(getattr(args[1], "source_path", args[1]))
            target = "/" + str(args[0]).lstrip("/")
            return static_by_filename(file, line_with(path, str(args[0])), target)
        if message.startswith("Unable to find '%s', skipping url replacement"):
            return self.broken_link(str(args[0]))
        if message.startswith("Cannot get modification stamp") and args:
            missing = Path(str(args[0]))  # a {static} link to a file that isn't there
            if missing.is_relative_to(self.content) and not missing.exists():
                return self.broken_link(missing.relative_to(self.content).as_posix())
        if message.startswith(("There are %s items", "There are %s original")):
            paths = [Path(str(a)) for a in args[-int(args[0]) :]]
            slug = re.search(r'slug "([^"]*)"', str(args[1]))
            return self.same_slug(slug[1] if slug else "", paths)
        if isinstance(error, PictureError):
            return self.picture(error)
        if error.__class__.__name__ == "UnidentifiedImageError":
            image = re.search(r"'(.+)'", str(error))
            if image and Path(image[1]).is_relative_to(self.content):
                return self.not_an_image(Path(image[1]))
        if error.__class__.__name__ == "FileOverwriteFailedError":
            return self.same_address(str(error))
        if record.levelno < logging.WARNING:
            return None
        if isinstance(error, UnicodeDecodeError):  # a definition: find the file
            return self.not_utf8_file()
        if getattr(error, "filename", None) and getattr(error, "lineno", None):
            return Problem.error(  # a template (Jinja) or Python file of the site
                shown(error.filename, root=self.root),
                error.lineno,
                f"de site kan niet worden gebouwd: {error}",
                "dit is een fout in de opmaak van de site, niet in je tekst; "
                "vraag hulp met deze melding erbij",
            )
        named = [getattr(a, "source_path", a) for a in args]
        files = [str(a) for a in named if str(a).endswith((".md", ".markdown"))]
        return self.unknown(
            self.source(files[0])[0] if files else "", record.getMessage()
        )

    def unknown(self, file: str, detail: str) -> Problem:
        """A record no rule knows: still one line, with the detail for a developer."""
        return Problem.error(
            file or SETTINGS_NAME,
            1,
            f"de site kan niet worden gebouwd: {detail}".rstrip(": "),
            "kijk naar deze regel of vraag hulp met deze melding erbij",
        )

    def not_utf8_file(self) -> Problem:
        """The first file of the content folder that is not UTF-8 text."""
        for path in sorted(self.content.rglob("*")):
            try:
                if path.is_file() and path.suffix in (".md", ".yaml", ".yml"):
                    path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                return not_utf8(shown(path))
        return self.unknown("", "een bestand is geen UTF-8-tekst")

    def linked_from(self, target: str) -> tuple[str, int, str] | None:
        """The first post that links to `target`: its file, line and the link."""
        for path in sorted(self.content.rglob("*.md")):
            text = path.read_text(encoding="utf-8", errors="replace")
            if target in text:
                link = next(
                    (
                        w
                        for w in re.findall(r"[{|]\w+[}|][^\s)\]]*", text)
                        if target in w
                    ),
                    target,
                ).rstrip(")")
                return shown(path), line_with(path, target), link
        return None

    def broken_link(self, target: str) -> Problem:
        """Pelican does not say which post links; the first that does is named."""
        return broken_link(*(self.linked_from(target) or (SETTINGS_NAME, 1, target)))

    def not_an_image(self, image: Path) -> Problem:
        """An image file Pillow cannot read, told at the post that shows it."""
        relative = image.relative_to(self.content).as_posix()
        found = self.linked_from(relative)
        return not_an_image(*(found or (shown(image), 1, "{static}/" + relative)))

    def picture(self, error: PictureError) -> Problem:
        """An image the site does not publish, at the first post that names it."""
        file, line, link = self.linked_from(error.target) or (
            SETTINGS_NAME,
            1,
            error.target,
        )
        if error.reason == "outside":
            link = error.target
        return picture_problem(file, line, link, error)

    def same_address(self, text: str) -> list[Problem]:
        """Two posts or pages written to one file: find them by their slug."""
        written = re.search(r'"([^"]+)"', text)
        slug = Path(written[1]).parent.name if written else ""
        users = []
        for path in sorted(self.content.rglob("*.md")):
            try:
                field = slug_field(read_source(path))
            except (OSError, UnicodeDecodeError):
                continue
            if field and suggested_slug(field.value) == slug:
                users.append(path)
        return self.same_slug(slug, users)

    def same_slug(self, slug: str, paths: list[Path]) -> list[Problem]:
        """Every file with the slug, each naming the others (as `check` does)."""
        if len(paths) < 2:
            return [self.unknown("", f"twee pagina's krijgen de slug {slug}")]
        found = []
        for path in sorted(paths):
            others = ", ".join(shown(o) for o in sorted(paths) if o != path)
            line = header_line(path, "slug")
            line = line if line > 1 else header_line(path, "title")
            message = f"de slug '{slug}' heeft {others} ook"
            found.append(Problem.error(shown(path), line, message, SAME_SLUG))
        return found


@contextmanager
def dutch_build_log(content: Path, root: Path, write, quiet: bool = True):
    """While one build runs: its problems go to a DutchBuildLog (given to the body)
    in place of the root logger's handlers, Pelican's console is quiet, and the
    warnings Pelican shows once per process are shown again (each build of the
    preview, one process, must see its own)."""
    from pelican import log as pelican_log

    log = DutchBuildLog(content, root, write)
    top = logging.getLogger()
    # With a handler on the root logger, Pelican adds none of its own (basicConfig).
    saved, top.handlers = top.handlers[:], [log]
    pelican_log.console.quiet = quiet
    pelican_log.LimitFilter._raised_messages.clear()
    pelican_log.LimitFilter._group_count.clear()
    try:
        yield log
    finally:
        top.handlers = saved
        pelican_log.console.quiet = False


def run_pelican(
    settings_file: Path, args: list[str], write=print, done: bool = True
) -> int:
    """Build with Pelican, every problem told as one Dutch line; the exit code.
    `done`: also say where the site is when the build succeeded."""
    from pelican import log as pelican_log
    from pelican import main as pelican_main
    from pelican import parse_arguments

    settings_file = Path(settings_file)
    root = settings_file.resolve().parent
    settings = site_settings(settings_file)
    argv = ["-s", str(settings_file), "--fatal", "warnings", *args]
    given = parse_arguments(argv)
    content = Path(given.path or settings["PATH"])
    listening = given.listen  # then Pelican's own "Serving site at" line is kept
    with dutch_build_log(content.resolve(), root, write, quiet=not listening) as log:
        try:
            pelican_main(argv)
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        finally:
            pelican_log.FatalLogger.fatal_lvl = logging.CRITICAL + 1
    if log.problems and not code:
        code = 1
    if done and not code and not listening:
        output = given.output or settings["OUTPUT_PATH"]
        write(f"Klaar: de site staat in {shown(output, root=root)}/")
    return code
