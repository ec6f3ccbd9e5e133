// Calls functions of the site's ES modules for Python tests, one JSON line per call:
// in {"module": "<path>", "name": "<export>", "args": [...]}, out {"result": ...}.
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

const modules = new Map();
for await (const line of createInterface({ input: process.stdin })) {
  const { module, name, args } = JSON.parse(line);
  if (!modules.has(module)) modules.set(module, await import(pathToFileURL(module).href));
  let reply;
  try {
    reply = { result: modules.get(module)[name](...args) ?? null };
  } catch (error) {
    reply = { error: String(error) };
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
}
