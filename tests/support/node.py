"""The site's JavaScript modules called from Python tests, in one Node process."""

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "plugins" / "embeds" / "static" / "js"
NODE_FLAGS = [
    "--experimental-detect-module",
    "--disable-warning=MODULE_TYPELESS_PACKAGE_JSON",
]


class NodeModules:
    """`call("numbers.js", "formatNumber", 2.5)`: the function's JSON result."""

    def __enter__(self) -> "NodeModules":
        runner = Path(__file__).with_name("node_call.mjs")
        self.process = subprocess.Popen(
            ["node", *NODE_FLAGS, str(runner)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        return self

    def call(self, module: str, name: str, *args):
        request = {"module": str(SCRIPTS / module), "name": name, "args": list(args)}
        self.process.stdin.write(json.dumps(request, allow_nan=False) + "\n")
        self.process.stdin.flush()
        reply = json.loads(self.process.stdout.readline())
        assert "error" not in reply, reply["error"]
        return reply["result"]

    def __exit__(self, *problem) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=10)
