// exports.js: text, Markdown, the calendar and the message that must fit.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  asCalendar,
  asText,
  fit,
  icsFold,
  icsText,
} from "../../plugins/embeds/static/js/exports.js";

const S = { empty: "(niet ingevuld)", filled_on: "Ingevuld op", rest: "[De rest staat in de download.]" };
const doc = {
  title: "Werkblad",
  about: "Post (1 januari 2026)",
  filled: "2-1-2026",
  sections: [
    {
      title: "Doelen",
      result: false,
      items: [],
      rows: [{ title: "Doel 1", items: [["Mijn doel", "Groeien\nmet plezier"], ["Datum", ""]] }],
    },
    { title: "Uitkomst", result: true, items: [["Omzet", "€ 900 per maand"]], rows: [] },
    { title: "Leeg", result: false, items: [["Vraag", ""]], rows: [] },
  ],
};

test("text and Markdown hold every question, answered or not", () => {
  const text = asText(doc, S);
  assert.match(text, /^Werkblad\n========\nPost \(1 januari 2026\)\nIngevuld op: 2-1-2026\n/);
  assert.match(text, /\n  Mijn doel: Groeien\n    met plezier\n/);
  assert.match(text, /Datum: \(niet ingevuld\)/);
  assert.match(asText(doc, S, true), /\n### Doel 1\n\n- \*\*Mijn doel:\*\* Groeien {2}\n {2}met plezier\n/);
});

test("a message that fits is whole: results first, answered questions only", () => {
  const message = fit(doc, S, "Hallo", 1000);
  assert.ok(message.startsWith("Hallo\n\nWerkblad"));
  assert.ok(message.indexOf("€ 900") < message.indexOf("Groeien"));
  assert.ok(!message.includes("(niet ingevuld)") && !message.includes("LEEG"));
  assert.ok(!message.includes(S.rest));
});

test("a message that does not fit keeps whole answers and says the rest is elsewhere", () => {
  const full = fit(doc, S, "Hallo", 1e6);
  for (let room = 40; room < full.length; room += 7) {
    const message = fit(doc, S, "Hallo", room);
    assert.ok(message.length <= room, `${message.length} > ${room}`);
    assert.ok(message.endsWith("\n\n" + S.rest));
    assert.ok(full.startsWith(message.slice(0, -S.rest.length - 2)));
    assert.ok(!message.includes("Groeien") || message.includes("met plezier"));
  }
  const encoded = (text) => encodeURIComponent(text).length;
  assert.ok(encoded(fit(doc, S, "Hallo", 150, encoded)) <= 150);
});

test("calendar values are escaped and folded at 75 octets", () => {
  assert.equal(icsText("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
  const folded = icsFold("SUMMARY:" + "é".repeat(60));
  assert.ok(folded.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75));
  assert.equal(folded.replace(/\r\n /g, ""), "SUMMARY:" + "é".repeat(60));
});

test("a calendar has an event per date with a stable uid, and none without dates", () => {
  const options = { product: "-//x//y//NL", description: "Post", host: "example.org" };
  assert.equal(asCalendar([], options), null);
  const events = [{ uid: "doelen-doelen-1-deadline", day: "2026-12-31", summary: "Groeien (Datum)" }];
  const one = asCalendar(events, { ...options, now: new Date("2026-01-01T10:00:00Z") });
  const two = asCalendar(events, { ...options, now: new Date("2026-02-01T10:00:00Z") });
  const uid = (ics) => ics.split("\r\n").find((line) => line.startsWith("UID:"));
  assert.equal(uid(one), "UID:doelen-doelen-1-deadline@example.org");
  assert.equal(uid(one), uid(two));
  assert.ok(one.includes("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101"));
  assert.ok(one.includes("DTSTAMP:20260101T100000Z"));
});
