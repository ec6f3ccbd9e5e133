// store.js: the privacy model, per widget, with full and blocked storage.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";

class FakeStorage {
  constructor() {
    this.items = new Map();
    this.full = false;
  }
  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }
  setItem(key, value) {
    if (this.full) throw new Error("QuotaExceededError");
    this.items.set(key, String(value));
  }
  removeItem(key) {
    this.items.delete(key);
  }
  get length() {
    return this.items.size;
  }
  key(index) {
    return [...this.items.keys()][index] ?? null;
  }
}
const listeners = [];
globalThis.addEventListener = (type, listener) => listeners.push(listener);
const { openStore, forget } = await import("../../plugins/embeds/static/js/store.js");
beforeEach(() => {
  globalThis.window = { localStorage: new FakeStorage(), sessionStorage: new FakeStorage() };
  listeners.length = 0;
  forget("hva:worksheet:doelen"); // the in-memory copy lasts as long as the module
});
const local = () => window.localStorage.items;
const session = () => window.sessionStorage.items;

test("answers stay in the session unless this widget is remembered", () => {
  const sheet = openStore("worksheet:doelen", "v1");
  const list = openStore("checklist:x", "v1");
  sheet.save({ doel: "Groeien" });
  assert.ok(session().has("hva:worksheet:doelen") && local().size === 0);
  assert.equal(list.remember(true, { ticked: ["a"] }), true);
  assert.deepEqual([...local().keys()].sort(), ["hva:checklist:x", "hva:checklist:x:remember"]);
  assert.equal(sheet.remembered(), false); // the checklist's choice is its own
  assert.equal(sheet.load().data.doel, "Groeien");
  assert.equal(sheet.remember(true, { doel: "Groeien" }), true);
  assert.ok(local().has("hva:worksheet:doelen") && !session().has("hva:worksheet:doelen"));
  sheet.remember(false, { doel: "Groeien" });
  assert.ok(!local().has("hva:worksheet:doelen") && session().has("hva:worksheet:doelen"));
});

test("a full device storage falls back to the session and says so", () => {
  const sheet = openStore("worksheet:doelen", "v1");
  sheet.remember(true, { doel: "a" });
  window.localStorage.full = true;
  sheet.save({ doel: "b" });
  assert.ok(sheet.notices.has("full"));
  assert.equal(sheet.remembered(), false);
  assert.equal(sheet.load().data.doel, "b");
  assert.ok(!local().has("hva:worksheet:doelen")); // no stale copy
});

test("a full storage still gives what it holds", () => {
  openStore("worksheet:doelen", "v1").save({ doel: "eerder" });
  window.sessionStorage.full = true;
  const sheet = openStore("worksheet:doelen", "v1");
  assert.equal(sheet.load().data.doel, "eerder");
  sheet.save({ doel: "nu" });
  assert.equal(sheet.load().data.doel, "nu"); // in memory, for this page
  assert.ok(sheet.notices.has("full"));
});

test("corrupt, foreign and expired entries are thrown away", () => {
  session().set("hva:worksheet:doelen", "{not json");
  const sheet = openStore("worksheet:doelen", "v1");
  assert.equal(sheet.load(), null);
  assert.ok(sheet.notices.has("corrupt") && !session().has("hva:worksheet:doelen"));
  for (const foreign of [JSON.stringify({ kind: "other", data: {} }), "null", "42"]) {
    session().set("hva:worksheet:doelen", foreign);
    const store = openStore("worksheet:doelen", "v1");
    assert.equal(store.load(), null);
    assert.ok(store.notices.has("corrupt") && !session().has("hva:worksheet:doelen"));
  }
  const old = { kind: "hva:worksheet:doelen", version: "v", expires: 1, data: {} };
  session().set("hva:worksheet:doelen", JSON.stringify(old));
  const fresh = openStore("worksheet:doelen", "v1");
  assert.equal(fresh.load(), null);
  assert.ok(!fresh.notices.has("corrupt"));
});

test("blocked storage keeps answers in memory and cannot remember", () => {
  Object.defineProperty(window, "localStorage", { get() { throw new Error("blocked"); } });
  Object.defineProperty(window, "sessionStorage", { get() { throw new Error("blocked"); } });
  const sheet = openStore("worksheet:blocked", "v1");
  assert.ok(sheet.notices.has("memory"));
  sheet.save({ doel: "hier" });
  assert.equal(sheet.load().data.doel, "hier");
  assert.equal(sheet.remember(true, {}), false);
});

test("another tab's remembered answers arrive; forget removes every copy", () => {
  const sheet = openStore("worksheet:doelen", "v1");
  const seen = [];
  sheet.watch((entry) => seen.push(entry.data.doel));
  const entry = { kind: "hva:worksheet:doelen", version: "v1", expires: Date.now() + 1e6, data: { doel: "ander tabblad" } };
  for (const listener of listeners)
    listener({ key: "hva:worksheet:doelen", storageArea: window.localStorage, newValue: JSON.stringify(entry) });
  assert.deepEqual(seen, ["ander tabblad"]);
  session().set("hva:handoff", "x");
  local().set("hva:handoff", "x");
  forget("hva:handoff");
  assert.ok(!session().has("hva:handoff") && !local().has("hva:handoff"));
});

test("a site-wide flag of an unreleased version is a foreign key: it harms nothing", () => {
  // For three days of development (never released) one "hva:remember" flag kept every
  // widget; now each widget has its own. Such a flag and the entry it kept still load.
  const kept = { kind: "hva:checklist:x", version: "v1", expires: Date.now() + 1e6, data: { ticked: ["a"] } };
  local().set("hva:remember", "1");
  local().set("hva:checklist:x", JSON.stringify(kept));
  const list = openStore("checklist:x", "v1");
  assert.equal(list.remembered(), false);
  assert.deepEqual(list.load().data, { ticked: ["a"] });
  assert.equal(list.notices.size, 0);
  list.save({ ticked: ["a", "b"] }); // not remembered: into the session
  assert.deepEqual(openStore("checklist:x", "v1").load().data, { ticked: ["a", "b"] });
  assert.ok(!local().has("hva:checklist:x") && session().has("hva:checklist:x"));
  assert.equal(openStore("worksheet:doelen", "v1").load(), null);
});
