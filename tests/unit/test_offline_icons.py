"""The app icons are drawn once and then taken from the build's cache folder."""

from offline.icons import DRAWN_BY, ICONS, write_icons

PNG = b"\x89PNG\r\n\x1a\n"


def test_icons_are_drawn_into_the_cache_once_and_then_read_from_it(tmp_path):
    cache, output = tmp_path / "cache", tmp_path / "output"
    entries = write_icons(output, "theme/img", cache)
    kept = sorted(cache.glob("*.png"))
    assert len(kept) == len(entries) == len(ICONS)
    assert all(DRAWN_BY in path.name for path in kept)
    assert sorted(p.read_bytes() for p in kept) == sorted(
        (output / entry["src"]).read_bytes() for entry in entries
    )

    # The next build takes the kept bytes as they are: it does not draw again.
    marked = cache / f"icon-192-{DRAWN_BY}.png"
    marked.write_bytes(marked.read_bytes() + b"kept")
    again = write_icons(tmp_path / "next", "theme/img", cache)
    small = next(entry for entry in again if entry["sizes"] == "192x192")
    assert (tmp_path / "next" / small["src"]).read_bytes().endswith(b"kept")


def test_icons_drawn_by_other_code_are_not_used(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "icon-192-0000000000000000.png").write_bytes(b"old drawing")
    entries = write_icons(tmp_path / "output", "theme/img", cache)
    assert (cache / "icon-192-0000000000000000.png").read_bytes() == b"old drawing"
    for entry in entries:
        assert (tmp_path / "output" / entry["src"]).read_bytes().startswith(PNG)
