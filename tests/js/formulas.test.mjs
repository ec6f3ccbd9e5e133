// formulas.js: the formula trees of plugins/embeds/formula.py, evaluated.
import { test } from "node:test";
import assert from "node:assert/strict";
import { evaluate, missing } from "../../plugins/embeds/static/js/formulas.js";

const values = { a: 2, b: 4, empty: null, rows: [1, null, 2.5] };

test("evaluates arithmetic, fields and sums", () => {
  assert.equal(evaluate(["+", ["f", "a"], ["*", ["f", "b"], 3]], values), 14);
  assert.equal(evaluate(["neg", ["/", ["f", "a"], ["f", "b"]]], values), -0.5);
  assert.equal(evaluate(["sum", "rows"], values), 3.5);
  assert.equal(evaluate(["sum", "none"], values), 0);
});

test("an empty field, a division by zero or an overflow gives no result", () => {
  assert.equal(evaluate(["+", ["f", "a"], ["f", "empty"]], values), null);
  assert.equal(evaluate(["/", ["f", "a"], 0], values), null);
  assert.equal(evaluate(["*", 1e200, 1e200], values), null);
  assert.equal(evaluate(["sum", "big"], { big: [1.7e308, 1.7e308] }), null);
  assert.equal(evaluate(["f", "toString"], values), null); // no inherited names
});

test("computed fields are evaluated through their own formulas", () => {
  const computed = { c: ["*", ["f", "a"], ["f", "b"]] };
  assert.equal(evaluate(["+", ["f", "c"], 1], values, computed), 9);
});

test("names the empty fields a result waits for", () => {
  const computed = { c: ["*", ["f", "a"], ["f", "empty"]] };
  assert.deepEqual(missing(["/", ["f", "c"], ["f", "other"]], values, computed), [
    "empty",
    "other",
  ]);
  assert.deepEqual(missing(["f", "a"], values), []);
});
