// numbers.js: reading what people type, showing numbers the Dutch way.
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatNumber, parseNumber } from "../../plugins/embeds/static/js/numbers.js";

test("reads money and numbers as Dutch people write them", () => {
  const typed = ["45", "45,50", "€ 45", "€45", "45,-", "45 euro", "45 euro's", "EUR 45"];
  assert.deepEqual(typed.map(parseNumber), [45, 45.5, 45, 45, 45, 45, 45, 45]);
  assert.equal(parseNumber("1.250"), 1250);
  assert.equal(parseNumber("1.250,00"), 1250);
  assert.equal(parseNumber("1.250.000,5"), 1250000.5);
  assert.equal(parseNumber("2.5"), 2.5);
  assert.equal(parseNumber("-3"), -3);
});

test("anything else is no number", () => {
  for (const text of ["veertig", "", " ", "12 uur", "1,2,3", "€", "1..2", null, "1e5"])
    assert.equal(parseNumber(text), null, String(text));
});

test("22 digits are a number, shown without an exponent", () => {
  const value = parseNumber("1234567890123456789012");
  assert.equal(value, 1.2345678901234568e21);
  assert.equal(formatNumber(value, "money"), "€ 1.234.567.890.123.456.800.000,00");
});

test("rounds half away from zero on the decimal value", () => {
  assert.equal(formatNumber(0.125), "0,13");
  assert.equal(formatNumber(-0.125), "-0,13");
  assert.equal(formatNumber(2.675, "money"), "€ 2,68");
  assert.equal(formatNumber(2.5, "number", 0), "3");
  assert.equal(formatNumber(-0.001), "0");
  assert.equal(formatNumber(1e-7, "money"), "€ 0,00");
});

test("groups thousands, keeps money's cents, drops a number's trailing zeros", () => {
  assert.equal(formatNumber(1250.5), "1.250,5");
  assert.equal(formatNumber(1250.5, "money"), "€ 1.250,50");
  assert.equal(formatNumber(900, "money", 0), "€ 900");
  assert.equal(formatNumber(8), "8");
  assert.equal(formatNumber(null), "");
  assert.equal(formatNumber(Infinity), "");
});
