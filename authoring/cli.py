"""Invoke's own command-line messages in Dutch, with an example for the author's tasks.

Invoke reads tasks.py before it reads the task's arguments, so its parser's messages
can be worded here: a missing argument, an unknown word, a flag without its value; and
the headings of `invoke --list` and `invoke --help <taak>`; and a title in several
words without quotes (`invoke new-post Mijn nieuwe post`) is taken as one. These hook
into Invoke's internals: should a later Invoke move them, its English stays, and
nothing breaks.
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


# Tasks whose one argument is a title: several words after them are that title.
TITLED = ("new-post",)


def joined_titles(words: list[str], tasks) -> list[str]:
    """`new-post Mijn nieuwe post` as `new-post "Mijn nieuwe post"`: the words after
    a titled task, up to an option or the next task, are one title."""
    joined, index = [], 0
    while index < len(words):
        joined.append(words[index])
        index += 1
        if joined[-1] not in TITLED:
            continue
        end = index
        while end < len(words) and not words[end].startswith("-"):
            if words[end] in tasks:
                break
            end += 1
        if end - index > 1:
            joined.append(" ".join(words[index:end]))
            index = end
    return joined


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
    parse_tasks = getattr(program.Program, "parse_tasks", None)
    if callable(parse_tasks) and not getattr(parse_tasks, "dutch", False):

        def parse_with_titles(self) -> None:
            names = set(self.collection.task_names)
            names |= {
                a for aliases in self.collection.task_names.values() for a in aliases
            }
            self.core.unparsed = joined_titles(self.core.unparsed, names)
            parse_tasks(self)

        parse_with_titles.dutch = True
        program.Program.parse_tasks = parse_with_titles
