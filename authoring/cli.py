"""Invoke's own command-line messages in Dutch, with an example for the author's tasks.

Invoke reads tasks.py before it reads the task's arguments, so its parser's messages
can be worded here: a missing argument, an unknown word, a flag without its value.
"""

import logging
import re

from invoke.parser.parser import ParseMachine

logger = logging.getLogger(__name__)

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


def speak_dutch() -> None:
    """Make Invoke's parser report its errors in Dutch."""
    if getattr(ParseMachine.error, "dutch", False):
        return
    english = ParseMachine.error

    def error(self, msg: str) -> None:
        english(self, dutch(msg))

    error.dutch = True
    ParseMachine.error = error
