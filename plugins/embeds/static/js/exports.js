// The answers as files and messages, from the outline form.js reads (`doc`).

const colon = (label) => (/[?:]$/.test(label) ? label : label + ":");

// A section in parts never split (a question with its answer), as text or Markdown.
function sectionParts(section, S, answered, md) {
  const value = (v) =>
    v.trim() ? v.trim().replace(/\n/g, md ? "  \n  " : "\n    ") : md ? `_${S.empty}_` : S.empty;
  const item = ([label, v]) => (md ? `- **${colon(label)}** ` : `${colon(label)} `) + value(v);
  const keep = (items) => (answered ? items.filter(([, v]) => v.trim()) : items);
  const { title } = section;
  const parts = [md ? `## ${title}\n` : title.toUpperCase() + "\n" + "-".repeat(title.length)];
  parts.push(...keep(section.items).map(item));
  for (const row of section.rows) {
    const items = keep(row.items);
    if (items.length) parts.push(md ? `\n### ${row.title}\n` : "\n" + row.title);
    parts.push(...items.map((i) => (md ? "" : "  ") + item(i)));
  }
  return parts;
}

const head = (doc, S, md) =>
  (md ? [`# ${doc.title}\n`, doc.about + "  "] : [doc.title, "=".repeat(doc.title.length), doc.about])
    .concat(`${S.filled_on}: ${doc.filled}`)
    .join("\n");

// Every answer as plain text, or as Markdown (`md`).
export function asText(doc, S, md = false) {
  const sections = doc.sections.map((s) => sectionParts(s, S, false, md).join("\n"));
  return [head(doc, S, md), ...sections].join("\n\n") + "\n";
}

// The answers within `room`: results first, whole answers, then a line S.rest.
export function fit(doc, S, intro, room, size = (text) => text.length) {
  const answered = (s) => [...s.items, ...s.rows.flatMap((r) => r.items)].some(([, v]) => v.trim());
  const order = doc.sections.filter(answered).sort((a, b) => b.result - a.result);
  const blocks = [[head(doc, S)], ...order.map((s) => sectionParts(s, S, true))];
  const whole = [intro, ...blocks.map((parts) => parts.join("\n"))].join("\n\n");
  if (size(whole) <= room) return whole;
  let text = intro;
  for (const parts of blocks) {
    let glue = "\n\n";
    for (const part of parts) {
      if (size(text + glue + part + "\n\n" + S.rest) > room) return text + "\n\n" + S.rest;
      text += glue + part;
      glue = "\n";
    }
  }
  return text; // not reached: the whole text did not fit
}

// Escape text for an iCalendar property value (RFC 5545, 3.3.11).
export function icsText(text) {
  return String(text).replace(/[\\;,]/g, "\\$&").replace(/\r?\n/g, "\\n");
}

// Fold a content line into lines of at most 75 octets (RFC 5545, 3.1).
export function icsFold(line) {
  const encoder = new TextEncoder();
  let out = "";
  let size = 0;
  for (const char of line) {
    const octets = encoder.encode(char).length;
    if (size + octets > 75) {
      out += "\r\n ";
      size = 1;
    }
    out += char;
    size += octets;
  }
  return out;
}

// An all-day event per date; a uid names the date's place: a new export updates.
export function asCalendar(events, { product, description, host, now = new Date() }) {
  if (!events.length) return null;
  const stamp = now.toISOString().replace(/[-:]|\.\d+/g, "");
  const compact = (date) => date.toISOString().slice(0, 10).replace(/-/g, "");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${product}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
  ];
  for (const { uid, day, summary } of events) {
    const start = new Date(day + "T00:00:00Z");
    lines.push(
      "BEGIN:VEVENT",
      `UID:${uid}@${host}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(start)}`,
      `DTEND;VALUE=DATE:${compact(new Date(+start + 864e5))}`,
      `SUMMARY:${icsText(summary)}`,
      `DESCRIPTION:${icsText(description)}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(icsFold).join("\r\n") + "\r\n";
}
