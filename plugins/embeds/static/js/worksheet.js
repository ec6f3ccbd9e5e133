// The worksheet under an article: enhances the server-rendered form with live
// computed outputs and verdicts, rows to add and remove, answers kept on the device
// (store.js), exports (Markdown, text, print, .ics) and sending the answers.
// Whatever the reader types is only ever handled as text (value, textContent).
import { openStore, remembering, setRemembering } from "./store.js";

const MAIL_LINK = 1900;
const all = (scope, selector) => [...scope.querySelectorAll(selector)];
const own = (object, key) => Object.hasOwn(object, key);

/** A number written the Dutch way ("€ 1.250,50", "2,5", "1.250"); null if none. */
export function parseNumber(text) {
  let value = String(text ?? "").replace(/[€\s]/g, "");
  if (value.includes(",")) value = value.replace(/\./g, "").replace(",", ".");
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(value)) value = value.replace(/\./g, "");
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : null;
}

/** Show a number the Dutch way: "2,5", "1.250"; money as "€ 1.250,50". */
export function formatNumber(value, kind) {
  if (value === null || !Number.isFinite(value)) return "";
  let [whole, decimals] = Math.abs(value).toFixed(2).split(".");
  whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  if (kind !== "money") decimals = decimals.replace(/0+$/, "");
  const text = (value < 0 ? "-" : "") + whole + (decimals ? "," + decimals : "");
  return kind === "money" ? "€ " + text : text;
}

/** Evaluate a formula tree (built by plugins/embeds/formula.py) with its rules. */
export function evaluate(tree, values, computed = {}) {
  if (typeof tree === "number") return tree;
  const [op, a, b] = tree;
  if (op === "f") {
    if (own(computed, a)) return evaluate(computed[a], values, computed);
    return own(values, a) && typeof values[a] === "number" ? values[a] : null;
  }
  if (op === "sum") {
    const rows = own(values, a) && Array.isArray(values[a]) ? values[a] : [];
    return rows.reduce((total, v) => (typeof v === "number" ? total + v : total), 0);
  }
  const x = evaluate(a, values, computed);
  if (op === "neg") return x === null ? null : -x;
  const y = evaluate(b, values, computed);
  if (x === null || y === null || (op === "/" && y === 0)) return null;
  const result = op === "+" ? x + y : op === "-" ? x - y : op === "*" ? x * y : x / y;
  return Number.isFinite(result) ? result : null;
}

/** Escape text for an iCalendar property value (RFC 5545, 3.3.11). */
export function icsText(text) {
  return String(text)
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r?\n/g, "\\n");
}

/** Fold a content line into lines of at most 75 octets (RFC 5545, 3.1). */
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

function enhance(form) {
  const S = JSON.parse(form.dataset.strings);
  const t = (key, vars = {}) =>
    S[key].replace(/\{(\w+)\}/g, (match, name) => (own(vars, name) ? vars[name] : match));
  const root = form.closest("section");
  const live = root.querySelector("[data-live]");
  const notices = root.querySelector("[data-notices]");
  const tools = root.querySelector("[data-tools]");
  const remember = tools.querySelector("[data-remember]");
  const mail = tools.querySelector("[data-mail]");
  const sections = all(form, "[data-section]");
  const repeated = (section) => section.dataset.min !== undefined;
  const rowsOf = (section) => all(section, "[data-row]");
  const template = (section) => section.querySelector("[data-template]").content;
  const store = openStore("worksheet:" + form.dataset.worksheet, form.dataset.version);

  const say = (text) => {
    live.textContent = live.textContent === text ? text + "\u00a0" : text;
  };
  const noticed = new Set();
  const notice = (key) => {
    if (noticed.has(key)) return;
    noticed.add(key);
    const p = document.createElement("p");
    p.className = "ws-notice";
    p.setAttribute("role", "status");
    p.textContent = S[key];
    notices.append(p);
  };

  function names(section) {
    const scope = repeated(section) ? template(section) : section;
    return [...new Set(all(scope, "[data-field]:not(output)").map((e) => e.dataset.field))];
  }
  function read(scope, name) {
    const found = all(scope, `[data-field="${name}"]`);
    if (found[0] && found[0].type === "radio") {
      return (found.find((e) => e.checked) || { value: "" }).value;
    }
    return found[0] ? found[0].value : "";
  }
  function write(scope, name, value) {
    for (const element of all(scope, `[data-field="${name}"]`)) {
      if (element.type === "radio") element.checked = element.value === value;
      else element.value = value;
    }
  }

  function collect() {
    const data = {};
    for (const section of sections) {
      if (repeated(section)) {
        data[section.dataset.section] = rowsOf(section).map((row) =>
          Object.fromEntries(names(section).map((name) => [name, read(row, name)])),
        );
      } else for (const name of names(section)) data[name] = read(section, name);
    }
    return data;
  }
  function apply(data) {
    for (const section of sections) {
      const fields = names(section);
      const rows = data[section.dataset.section];
      if (!repeated(section)) {
        for (const name of fields)
          if (typeof data[name] === "string") write(section, name, data[name]);
      } else if (Array.isArray(rows)) {
        setRowCount(section, rows.length);
        rowsOf(section).forEach((row, i) => {
          for (const name of fields) {
            const value = rows[i] && rows[i][name];
            write(row, name, typeof value === "string" ? value : "");
          }
        });
      }
    }
  }

  function addRow(section) {
    const fragment = template(section).cloneNode(true);
    const n = String(rowsOf(section).length + 1);
    const walker = document.createTreeWalker(
      fragment,
      NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) node.data = node.data.replaceAll("__n__", n);
      else for (const attr of node.attributes) attr.value = attr.value.replaceAll("__n__", n);
    }
    section.querySelector("[data-rows]").append(fragment);
    update(section);
  }
  function setRowCount(section, count) {
    const { min, max } = section.dataset;
    const wanted = Math.max(Number(min), Math.min(Number(max), count));
    while (rowsOf(section).length < wanted) addRow(section);
    while (rowsOf(section).length > wanted) rowsOf(section).pop().remove();
    update(section);
  }
  function update(section) {
    const rows = rowsOf(section);
    section.querySelector("[data-add]").hidden = rows.length >= Number(section.dataset.max);
    for (const row of rows)
      row.querySelector("[data-remove]").hidden = rows.length <= Number(section.dataset.min);
  }
  const firstField = (row) => row.querySelector("input, textarea, select");

  function removeRow(section, row) {
    const rows = rowsOf(section);
    const index = rows.indexOf(row);
    const data = collect()[section.dataset.section];
    data.splice(index, 1);
    rows.pop().remove();
    rowsOf(section).forEach((r, i) => {
      for (const name of names(section)) write(r, name, data[i][name]);
    });
    update(section);
    const left = rowsOf(section);
    firstField(left[Math.min(index, left.length - 1)]).focus();
    say(t("removed", { item: section.dataset.item, n: index + 1 }));
    changed();
  }

  function verdict(section, row) {
    const rules = JSON.parse(section.dataset.rules);
    const tested = new Set(rules.flatMap(([when]) => Object.keys(when)));
    if (![...tested].some((name) => read(row, name))) return "";
    const hit = rules.find(([when]) =>
      Object.entries(when).every(([name, v]) => read(row, name) === v),
    );
    return hit ? hit[1] : section.dataset.otherwise;
  }

  function refresh() {
    const values = {};
    for (const section of sections) {
      for (const input of all(section, "input[data-kind]")) {
        const name = input.dataset.field;
        const value = parseNumber(input.value);
        if (value === null && input.value.trim()) input.setAttribute("aria-invalid", "true");
        else input.removeAttribute("aria-invalid");
        if (repeated(section)) (values[name] = values[name] || []).push(value);
        else values[name] = value;
      }
    }
    const outputs = all(form, "output[data-formula]");
    const computed = Object.fromEntries(
      outputs.map((o) => [o.dataset.field, JSON.parse(o.dataset.formula)]),
    );
    for (const output of outputs) {
      const text = formatNumber(
        evaluate(computed[output.dataset.field], values, computed),
        output.dataset.kind,
      );
      if (output.textContent !== text) output.textContent = text;
    }
    for (const section of sections.filter((s) => s.dataset.rules)) {
      for (const row of rowsOf(section)) {
        const key = verdict(section, row);
        const output = row.querySelector("[data-verdict]");
        const text = key ? S["verdict_" + key] : "";
        if (output.textContent !== text) output.textContent = text;
        output.dataset.value = key;
      }
    }
    if (mail) {
      try {
        mail.href = mailto();
      } catch {
        mail.href = "mailto:" + mail.dataset.email; // as without JavaScript
      }
    }
  }
  function changed() {
    // Save first: nothing shown or computed afterwards may keep answers from being kept.
    store.save(collect());
    for (const code of store.notices) notice(code);
    refresh();
  }

  // Exports: one readable outline of every answer, computed values included.
  function shown(scope, name) {
    const element = scope.querySelector(`[data-field="${name}"], [data-verdict]`);
    const value = element.tagName === "OUTPUT" ? element.textContent : read(scope, name);
    if (element.type === "radio") {
      // What the reader saw next to her pick (values are stable identifiers, not text).
      const picked = all(scope, `[data-field="${name}"]`).find((e) => e.checked);
      return picked ? picked.closest("label").textContent.trim() : "";
    }
    if (element.dataset.kind === "money" && parseNumber(value) !== null)
      return formatNumber(parseNumber(value), "money");
    if (element.type === "date" && value) return value.split("-").reverse().join("-");
    return value;
  }
  function answers(scope) {
    return all(scope, "[data-label]").map((box) => {
      const field = box.querySelector("[data-field]");
      return [box.dataset.label, shown(box, field ? field.dataset.field : "")];
    });
  }
  function outline() {
    return sections.map((section) => ({
      title: section.querySelector("legend").textContent.trim(),
      items: repeated(section) ? [] : answers(section),
      rows: repeated(section)
        ? rowsOf(section).map((row) => ({
            title: row.querySelector("legend").textContent.trim(),
            items: answers(row),
          }))
        : [],
    }));
  }
  const colon = (label) => (/[?:]$/.test(label) ? label : label + ":");
  const today = () => new Date().toLocaleDateString("nl-NL");
  const about = () => `${form.dataset.title} (${form.dataset.date})`;

  /** The answers as plain text; `answered`: leave out what is not filled in. */
  function asText(answered = false) {
    const value = (v) => (v.trim() ? v.trim().replace(/\n/g, "\n    ") : S.empty);
    const keep = (items) => (answered ? items.filter(([, v]) => v.trim()) : items);
    const lines = [
      form.dataset.sheetTitle,
      "=".repeat(form.dataset.sheetTitle.length),
      about(),
      `${S.filled_on}: ${today()}`,
    ];
    for (const section of outline()) {
      lines.push("", section.title.toUpperCase(), "-".repeat(section.title.length));
      for (const [label, v] of keep(section.items))
        lines.push(`${colon(label)} ${value(v)}`);
      for (const row of section.rows) {
        const items = keep(row.items);
        if (items.length) lines.push("", row.title);
        for (const [label, v] of items) lines.push(`  ${colon(label)} ${value(v)}`);
      }
    }
    return lines.join("\n") + "\n";
  }
  function asMarkdown() {
    const value = (v) => (v.trim() ? v.trim().replace(/\n/g, "  \n  ") : `_${S.empty}_`);
    const item = ([label, v]) => `- **${colon(label)}** ${value(v)}`;
    const lines = [
      `# ${form.dataset.sheetTitle}`,
      "",
      about() + "  ",
      `${S.filled_on}: ${today()}`,
    ];
    for (const section of outline()) {
      lines.push("", `## ${section.title}`, "");
      lines.push(...section.items.map(item));
      for (const row of section.rows)
        lines.push("", `### ${row.title}`, "", ...row.items.map(item));
    }
    return lines.join("\n") + "\n";
  }
  function asCalendar() {
    const stamp = new Date().toISOString().replace(/[-:]|\.\d+/g, "");
    const lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      `PRODID:-//${icsText(form.dataset.site)}//${form.dataset.worksheet}//NL`,
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
    ];
    for (const section of sections.filter(repeated)) {
      rowsOf(section).forEach((row, i) => {
        const goal = read(row, names(section)[0]).trim();
        for (const input of all(row, "input[type=date]")) {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(input.value)) continue;
          const day = input.value.replace(/-/g, "");
          const next = new Date(
            Date.UTC(...input.value.split("-").map((v, k) => Number(v) - (k === 1))) + 864e5,
          );
          lines.push(
            "BEGIN:VEVENT",
            `UID:${form.dataset.worksheet}-${section.dataset.section}-${i + 1}-${day}-${stamp}@${location.hostname || "localhost"}`,
            `DTSTAMP:${stamp}`,
            `DTSTART;VALUE=DATE:${day}`,
            `DTEND;VALUE=DATE:${next.toISOString().slice(0, 10).replace(/-/g, "")}`,
            `SUMMARY:${icsText(t("deadline", { goal: goal || S.empty }))}`,
            `DESCRIPTION:${icsText(about() + "\n" + location.href.split("#")[0])}`,
            "END:VEVENT",
          );
        }
      });
    }
    lines.push("END:VCALENDAR");
    return lines.length > 6 ? lines.map(icsFold).join("\r\n") + "\r\n" : null;
  }
  function mailto() {
    const subject = encodeURIComponent(t("mail_subject", { title: form.dataset.title }));
    const head = `mailto:${mail.dataset.email}?subject=${subject}&body=`;
    // Mail programs cut or refuse long links: the whole encoded link stays within
    // MAIL_LINK characters (unanswered questions left out, to fit more answers), cut
    // between code points (never half an emoji).
    const room = MAIL_LINK - head.length;
    const intro = t("mail_intro", { title: form.dataset.title });
    const body = `${intro}\n\n${asText(true)}`.toWellFormed(); // no lone surrogates
    let encoded = encodeURIComponent(body);
    if (encoded.length > room) {
      const tail = encodeURIComponent("\n\n" + S.truncated);
      encoded = "";
      for (const char of body) {
        const part = encodeURIComponent(char);
        if (encoded.length + part.length + tail.length > room) break;
        encoded += part;
      }
      encoded += tail;
    }
    return head + encoded;
  }
  function download(name, type, text) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type }));
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  }

  const file = t("file", { slug: form.dataset.slug });
  const actions = {
    markdown: () => download(file + ".md", "text/markdown;charset=utf-8", asMarkdown()),
    text: () => download(file + ".txt", "text/plain;charset=utf-8", asText()),
    print: () => window.print(),
    ics() {
      const calendar = asCalendar();
      if (calendar) download(file + ".ics", "text/calendar;charset=utf-8", calendar);
      else say(S.no_deadlines);
    },
    clear() {
      // This worksheet only: the checklist on the page keeps its own ticks and button.
      store.clear();
      form.reset();
      for (const section of sections.filter(repeated)) setRowCount(section, 0);
      refresh();
      say(S.cleared);
    },
  };

  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("input", changed);
  form.addEventListener("change", (event) => {
    const input = event.target;
    const value = parseNumber(input.value);
    if (input.dataset.kind === "money" && value !== null)
      input.value = formatNumber(value, "money");
    changed();
  });
  form.addEventListener("click", (event) => {
    const button = event.target.closest("[data-add], [data-remove]");
    if (!button) return;
    const section = button.closest("[data-section]");
    if (button.matches("[data-remove]")) return removeRow(section, button.closest("[data-row]"));
    addRow(section);
    const rows = rowsOf(section);
    firstField(rows[rows.length - 1]).focus();
    say(t("added", { item: section.dataset.item, n: rows.length }));
    changed();
  });
  tools.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (button) actions[button.dataset.action]();
  });
  root.querySelector("[data-contact]").addEventListener("click", () => {
    try {
      sessionStorage.setItem(
        "hva:contact-message",
        `${t("mail_intro", { title: form.dataset.title })}\n\n${asText()}`,
      );
    } catch {
      // Blocked storage: the contact form opens empty, as without JavaScript.
    }
  });
  remember.addEventListener("change", () => {
    if (!setRemembering(remember.checked)) {
      remember.checked = false;
      notice("memory");
    }
    store.save(collect());
    say(remember.checked ? S.saved_local : S.saved_session);
  });

  const entry = store.load();
  if (entry) apply(entry.data);
  for (const code of store.notices) notice(code);
  if (entry && entry.version !== form.dataset.version) {
    notice("changed");
    store.save(collect());
  }
  remember.checked = remembering();
  for (const section of sections.filter(repeated)) update(section);
  for (const element of all(root, "[data-nojs]")) element.hidden = true;
  tools.hidden = false;
  refresh();
}

const form = document.querySelector("form[data-worksheet]");
if (form) enhance(form);
