"""One build's state: what the plugins collect and derive while Pelican runs.

sitekit starts one `Build` at `initialized` and keeps it in the settings under `BUILD`;
Pelican copies the settings into the generators' shared context, so every handler
finds the same object, from the settings or from a context (`of`). The next build (the
preview runs one per save) starts a new one: nothing stays behind in a module.
"""

from types import SimpleNamespace

KEY = "BUILD"


class Build(SimpleNamespace):
    """sitekit keeps the UI strings in `ui` (theme/strings.yaml with UI_STRINGS);
    every other plugin its own state in an attribute of its own (`pictures`, ...).
    `context` holds the values derived from the settings for the templates
    (`CTA_BLOCKS`, `FORM_SETUP`, ...): sitekit puts them in the generators' context at
    generator_init, and the settings stay as the owner wrote them."""

    def __init__(self) -> None:
        super().__init__(context={})

    def __reduce__(self):
        # Pelican's content cache pickles each post with its settings: the state of
        # the build that wrote the cache is of no use to the next one.
        return (Build, ())


def start(settings: dict) -> Build:
    """A new build's state, in its settings (at initialized)."""
    settings[KEY] = Build()
    return settings[KEY]


def of(mapping: dict) -> Build:
    """The state of the build that `mapping` (its settings, or a context) belongs to."""
    return mapping[KEY]
