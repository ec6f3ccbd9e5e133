"""Invoke's own command-line messages in Dutch, with an example for the author's tasks.

Invoke reads tasks.py before it reads the task's arguments, so its parser's messages
can be worded here: a missing argument, an unknown word, a flag without its value; and
the headings of `invoke --list` and `invoke --help <taak>`. Both hook into Invoke's
internals: should a later Invoke move them, its English stays, and nothing breaks.
"""

import builtins
import re

# What each task needs, as the author types it.
EXAMPLES = {
    "new-post": 'Geef een titel mee: invoke new-post "Mijn titel"',
    "import-wix": "Geef het bestand mee: invoke import-wix blog-feed.xml",
}
PATTERNS = [
    (
        re.compile(r"'(?P<task>[\w-]+)' did not receive required positional.*"),
        lambda m: EXAMPLES.get(
            m["task"], f"invoke {m['task']} mist iets: zie invoke --help {m['task']}"
        ),
    ),
    (
        re.compile(r"No idea what (?P<word>.*) is!"),
        lambda m: (
            f"Onbekende taak of optie: {m['word']} "
            "(invoke --list toont de taken, invoke --help <taak> wat ze nodig hebben)"
        ),
    ),
    (
        re.compile(r"Flag <Argument: (?P<flag>[\w-]+).*> needed value.*"),
        lambda m: (
            f"De optie --{m['flag'].replace('_', '-')} heeft een waarde nodig "
            "(zie invoke --help <taak>)"
        ),
    ),
]


def dutch(message: str) -> str:
    """Invoke's English message in Dutch; unknown messages stay as they are."""
    for pattern, wording in PATTERNS:
        match = pattern.fullmatch(message)
        if match:
            return wording(match)
    return message


# The headings Invoke prints around the tasks (invoke/program.py), line by line.
HEADINGS = [
    (r"Available( '[^']*')? tasks( \(.*\))?:", r"Beschikbare taken\1\2:"),
    (r"Subcommands:", "Subtaken:"),
    (r"Default( '[^']*')? task: (.*)", r"Standaardtaak\1: \2"),
    (r"Usage: (.*)", r"Gebruik: \1"),
    (r"Core options:", "Algemene opties:"),
    (r"Docstring:", "Uitleg:"),
    (r"Options:", "Opties:"),
    (r"( +)none", r"\1geen"),
]
HEADINGS_COMPILED = [(re.compile(rf"^{a}$", re.MULTILINE), b) for a, b in HEADINGS]
PLACEHOLDERS = {  # in the usage line
    "[--core-opts]": "[--algemene-opties]",
    "[--options]": "[--opties]",
    "[other tasks here ...]": "[andere taken ...]",
    "task1 [--task1-opts] ... taskN [--taskN-opts]": "taak [--opties] ...",
}


def dutch_heading(text: str) -> str:
    """A line Invoke prints around the tasks, in Dutch; other text as it is."""
    for pattern, wording in HEADINGS_COMPILED:
        text = pattern.sub(wording, text)
    if text.startswith("Gebruik: "):
        for english, placeholder in PLACEHOLDERS.items():
            text = text.replace(english, placeholder)
    return text


def print_in_dutch(*args, **kwargs) -> None:
    builtins.print(
        *(dutch_heading(a) if isinstance(a, str) else a for a in args), **kwargs
    )


def speak_dutch() -> None:
    """Make Invoke's parser errors and its help headings Dutch (else leave English)."""
    try:
        from invoke.parser.parser import ParseMachine
    except ImportError:
        ParseMachine = None
    english = getattr(ParseMachine, "error", None)
    if callable(english) and not getattr(english, "dutch", False):

        def error(self, msg: str) -> None:
            english(self, dutch(msg))

        error.dutch = True
        ParseMachine.error = error
    # Invoke's help and lists print with the built-in print: a module-level `print`
    # in invoke.program takes its place (the terminal's width is kept).
    try:
        from invoke import program
    except ImportError:
        return
    program.print = print_in_dutch
