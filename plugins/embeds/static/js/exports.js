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

// A summary for the owner within `room`: the results, each row on one line (its
// answers with the verdict, yes/no answers left out), the rest last section first.
// When it does not fit, long answers are shortened alike, and a line S.rest says so.
export function brief(doc, S, intro, room, size = (text) => text.length) {
  const rank = (s) => (s.result ? 0 : s.verdict ? 1 : 2);
  const order = doc.sections.map((s, i) => [rank(s), -i, s]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const write = (cut) => {
    const clip = (v) => {
      const chars = [...v.trim().replace(/\s+/g, " ")];
      return chars.length > cut ? chars.slice(0, cut).join("").trimEnd() + "…" : chars.join("");
    };
    const blocks = [];
    for (const [, , s] of order) {
      const lines = s.items.filter(([, v]) => v.trim()).map(([label, v]) => `${colon(label)} ${clip(v)}`);
      for (const row of s.rows) {
        const parts = row.items.filter(([, v, yesNo]) => v.trim() && !yesNo);
        const line = parts.map(([label, v], i) => (i ? `${colon(label)} ${clip(v)}` : clip(v)));
        if (line.length) lines.push("- " + line.join(" | "));
      }
      if (lines.length) blocks.push([s.title, ...lines].join("\n"));
    }
    return [intro, ...blocks].join("\n\n");
  };
  const lengths = doc.sections.flatMap((s) => [...s.items, ...s.rows.flatMap((r) => r.items)]);
  let high = Math.max(0, ...lengths.map(([, v]) => [...v].length));
  if (size(write(high)) <= room) return write(high);
  let low = 0;
  const cut = (n) => write(n) + "\n\n" + S.rest;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (size(cut(middle)) <= room) low = middle;
    else high = middle - 1;
  }
  return cut(low);
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
      // A reminder at nine the morning before (the event starts at midnight).
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `DESCRIPTION:${icsText(summary)}`,
      "TRIGGER:-PT15H",
      "END:VALARM",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(icsFold).join("\r\n") + "\r\n";
}
