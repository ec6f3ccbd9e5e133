"""The app icons are drawn once and then taken from the build's cache folder."""

from pathlib import Path

from offline.icons import ICONS, write_icons

PNG = b"\x89PNG\r\n\x1a\n"
ROOT = Path(__file__).resolve().parents[2]
MARK = (ROOT / "theme" / "static" / "img" / "icon.svg").read_text(encoding="utf-8")


def test_icons_are_drawn_into_the_cache_once_and_then_read_from_it(tmp_path):
    cache, output = tmp_path / "cache", tmp_path / "output"
    entries = write_icons(output, "theme/img", cache, MARK)
    kept = sorted(cache.glob("*.png"))
    assert len(kept) == len(entries) == len(ICONS)
    assert sorted(p.read_bytes() for p in kept) == sorted(
        (output / entry["src"]).read_bytes() for entry in entries
    )

    # The next build takes the kept bytes as they are: it does not draw again.
    marked = next(cache.glob("icon-192-*.png"))
    marked.write_bytes(marked.read_bytes() + b"kept")
    again = write_icons(tmp_path / "next", "theme/img", cache, MARK)
    small = next(entry for entry in again if entry["sizes"] == "192x192")
    assert (tmp_path / "next" / small["src"]).read_bytes().endswith(b"kept")

    # Another drawing of the mark (a changed icon.svg, another colour) draws anew.
    write_icons(
        tmp_path / "other", "theme/img", cache, MARK.replace("2d5a37", "5a2d37")
    )
    assert len(list(cache.glob("*.png"))) == 2 * len(ICONS)


def test_icons_drawn_by_other_code_are_not_used(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "icon-192-0000000000000000.png").write_bytes(b"old drawing")
    entries = write_icons(tmp_path / "output", "theme/img", cache, MARK)
    assert (cache / "icon-192-0000000000000000.png").read_bytes() == b"old drawing"
    for entry in entries:
        assert (tmp_path / "output" / entry["src"]).read_bytes().startswith(PNG)
