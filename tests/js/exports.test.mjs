// exports.js: text, Markdown, the calendar and the message that must fit.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  asCalendar,
  asText,
  brief,
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

test("a summary that fits is whole: results first, a line per row, answers only", () => {
  const message = brief(doc, S, "Hallo", 1000);
  assert.equal(message, "Hallo\n\nUitkomst\nOmzet: € 900 per maand\n\nDoelen\n- Groeien met plezier");
  assert.ok(!message.includes(S.rest));
});

test("a summary that does not fit shortens long answers alike and says so", () => {
  const rows = [1, 2, 3].map((n) => ({
    title: `Taak ${n}`,
    items: [["Taak", `taak${n} ` + "lang ".repeat(80)], ["Zelf?", "Nee", true], ["Besluit", "Uitbesteden"]],
  }));
  const long = { ...doc, sections: [...doc.sections, { title: "Taken", verdict: true, items: [], rows }] };
  const encoded = (text) => encodeURIComponent(text).length;
  for (const room of [500, 900, 1500]) {
    const message = brief(long, S, "Hallo", room, encoded);
    assert.ok(encoded(message) <= room, `${encoded(message)} > ${room}`);
    assert.ok(message.endsWith("\n\n" + S.rest));
    for (const n of [1, 2, 3]) assert.match(message, new RegExp(`- taak${n} .*… \\| Besluit: Uitbesteden`));
    assert.ok(!message.includes("Nee") && message.indexOf("Taken") < message.indexOf("Doelen"));
  }
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
  assert.ok(one.includes("BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Groeien (Datum)\r\nTRIGGER:-PT15H\r\nEND:VALARM"));
});
