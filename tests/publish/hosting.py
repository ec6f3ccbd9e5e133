"""Helpers for the publishing tests: read back the files written for the host."""

from pathlib import Path

from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]
PUBLIC = "https://www.hippisch-va.example"
HOST = "www.hippisch-va.example"


def production_settings() -> dict:
    return read_settings(str(ROOT / "publishconf.py"))


def parse_headers_file(text: str) -> list[tuple[str, dict[str, str]]]:
    """`_headers` as (path pattern, headers) rules, in file order."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), {}))
            continue
        name, colon, value = line.strip().partition(":")
        assert colon and rules, f"not a header line under a path: {line!r}"
        rules[-1][1][name.strip()] = value.strip()
    return rules


def matches(pattern: str, path: str) -> bool:
    """Netlify/Cloudflare path matching, for the two forms we use: exact and /*."""
    if pattern.endswith("*"):
        return path.startswith(pattern[:-1])
    return path == pattern


def headers_for(rules, path: str) -> dict[str, str]:
    """The headers a host sends for a path: all matching rules, values joined."""
    found: dict[str, list[str]] = {}
    for pattern, headers in rules:
        if matches(pattern, path):
            for name, value in headers.items():
                found.setdefault(name, []).append(value)
    return {name: ", ".join(values) for name, values in found.items()}
