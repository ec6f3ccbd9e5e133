"""The one error type of the plugins: a finding as data (a code, where, parameters).

The code names the mistake; `authoring/problems.nl.yaml` holds its Dutch words, with
`{name}` for each parameter (lists stay lists).
"""

# The file a settings error points at (DefinitionError.file).
SETTINGS_FILE = "pelicanconf.py"


class DefinitionError(Exception):
    """A problem in a content file, located by file, path inside it and line:
    `code` names it, `params` are its data; `findings`: this one, or all the file's
    (`collected`)."""

    def __init__(
        self,
        file: str,
        code: str,
        path: str = "",
        line: int | None = None,
        **params,
    ):
        self.file = str(file)
        self.path = path
        self.line = line
        self.code = code
        self.params = params
        self.findings = [self]  # every finding of the file, when they are collected
        super().__init__(str(self))

    @classmethod
    def collected(cls, findings: list["DefinitionError"]) -> "DefinitionError":
        """One error for every finding of a file (at least one): the first, holding
        them all in `findings`, so the author reads them all at once."""
        first = findings[0]
        first.findings = list(findings)
        return first

    @property
    def message(self) -> str:
        """For developers: the code and its parameters."""
        if not self.params:
            return self.code
        details = ", ".join(f"{k}={v!r}" for k, v in sorted(self.params.items()))
        return f"{self.code} ({details})"

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        return f"{where}: {self.path + ': ' if self.path else ''}{self.message}"
