"""The worksheet's JavaScript modules pass their own unit tests in Node (tests/js)."""

import subprocess

from tests.support.node import NODE_FLAGS, ROOT


def test_the_worksheet_modules_pass_their_node_tests():
    folder = ROOT / "tests" / "js"
    tests = sorted(str(path) for path in folder.glob("*.test.mjs"))
    assert len(tests) >= 4, tests
    result = subprocess.run(
        ["node", *NODE_FLAGS, "--test", *tests],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
