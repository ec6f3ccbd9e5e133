// The editor of `make serve` (authoring/editor.py), never part of the built site:
// the site's own post format for Decap CMS, the real page beside the editor, and the
// "Publiceren" button. Texts come from the page (data-strings), as on the site.
/* global CMS, createClass, h, jsyaml */
const script = document.currentScript;
const urls = JSON.parse(script.dataset.urls);
const strings = JSON.parse(script.dataset.strings);

// -- The site's header: `Key: value` lines, a blank line, the text -----------------
// Read as Python-Markdown's meta extension reads it (plugins/sitekit/header.py).
const META = /^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$/;
const MORE = /^[ ]{4,}(.*)$/;
// The fields the editor shows, in the order a new post writes them
// (authoring/new_post.py); modified and wix_url only place the others around them.
const ORDER = [
  "title", "slug", "date", "category", "tags", "summary", "worksheet", "checklist",
  "cta", "description", "image", "image_alt", "photo", "photo_alt", "modified",
  "wix_url", "status",
];
const SHOWN = ORDER.filter((name) => name !== "modified" && name !== "wix_url");
const HEADER = "__header"; // the header as read, so that a save keeps what it can

function split(text) {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const fields = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index];
    if (line.trim() === "") {
      index += 1;
      break;
    }
    const field = META.exec(line);
    const more = MORE.exec(line);
    if (field) {
      fields.push({ key: field[1], lines: [line], values: [field[2].trim()] });
    } else if (more && fields.length) {
      fields.at(-1).lines.push(line);
      fields.at(-1).values.push(more[1].trim());
    } else {
      break;
    }
    index += 1;
  }
  for (const field of fields) {
    field.name = field.key.toLowerCase();
    field.value = field.values.join("\n").trim();
  }
  const header = lines.slice(0, fields.reduce((n, f) => n + f.lines.length, 0));
  return { fields, header: header.join("\n"), body: lines.slice(index).join("\n") };
}

const pad = (n) => String(n).padStart(2, "0");

// A date as the site reads it (plugins/sitekit/dates.py), written day first.
function dayFirst(text) {
  const time = "(?:[ T]+(\\d{1,2})[:.](\\d{2})(?:[:.]\\d{2})?)?";
  const yearFirst = new RegExp(`^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})${time}$`);
  const dayFirst = new RegExp(`^(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})${time}$`);
  let m = yearFirst.exec(text);
  let parts = m && [m[3], m[2], m[1], m[4], m[5]];
  m = m || dayFirst.exec(text);
  parts = parts || (m && [m[1], m[2], m[3], m[4], m[5]]);
  if (!parts) return text;
  const [day, month, year, hour, minute] = parts;
  return `${pad(day)}-${pad(month)}-${year} ${pad(hour || 0)}:${pad(minute || 0)}`;
}

// The editor's value of a field from the header's text, and back.
function read(name, text) {
  if (name === "tags") return text.split(",").map((t) => t.trim()).filter(Boolean);
  if (name === "date") return dayFirst(text);
  if (name === "status") return text.toLowerCase() || "published";
  return text;
}

function written(name, value) {
  if (value === undefined || value === null) return "";
  if (name === "tags") return [...value].map((t) => String(t).trim()).filter(Boolean).join(", ");
  if (value instanceof Date) {
    const d = value;
    return `${pad(d.getDate())}-${pad(d.getMonth() + 1)}-${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }
  return String(value).replace(/\s*\n\s*/g, " ").trim();
}

function fromFile(text) {
  const { fields, header, body } = split(text);
  const data = { [HEADER]: header, body };
  for (const name of SHOWN) {
    const field = fields.find((f) => f.name === name);
    data[name] = read(name, field ? field.value : "");
  }
  return data;
}

// `always`: the fields a new file gets even when empty (a new post's first six).
const toFile = (always) => (data) => {
  const fresh = data[HEADER] === undefined;
  const { fields } = split(`${data[HEADER] || ""}\n\n`);
  for (const name of SHOWN) {
    const value = written(name, data[name]);
    const at = fields.findIndex((f) => f.name === name);
    const key = name[0].toUpperCase() + name.slice(1);
    if (at >= 0) {
      if (written(name, read(name, fields[at].value)) === value) continue;
      if (value === "" && !always.includes(name)) fields.splice(at, 1);
      else fields[at].lines = [`${fields[at].key}: ${value}`];
      continue;
    }
    const needed = fresh && always.includes(name);
    if (!needed && (value === "" || (name === "status" && value === "published"))) continue;
    const before = fields.findLastIndex((f) => ORDER.indexOf(f.name) >= 0
      && ORDER.indexOf(f.name) < ORDER.indexOf(name));
    fields.splice(before + 1, 0, { name, lines: [`${key}: ${value}`] });
  }
  const body = data.body || "";
  const header = fields.flatMap((f) => f.lines).join("\n");
  return `${header}\n\n${body}${body.endsWith("\n") ? "" : "\n"}`;
};

CMS.registerCustomFormat("pelican-post", "md", { fromFile, toFile: toFile(ORDER.slice(0, 6)) });
CMS.registerCustomFormat("pelican-page", "md", { fromFile, toFile: toFile(ORDER.slice(0, 2)) });

// -- Her settings file (content/instellingen.yaml) as the "Instellingen" form ---------
// Read with js-yaml; a save changes only the values that changed, in place, so her
// Dutch comments stay. Only a block whose shape changed (a menu item, a call to action
// or a service added, removed or renamed) is written anew, without comments inside
// it. The blocks of names she chooses (ctas, services) are lists in the form.
const NAMED = ["ctas", "services"];
const ORIGINAL = "__original"; // the file as read

const plain = (value) => JSON.parse(JSON.stringify(value ?? null));

function settingsFromFile(text) {
  const data = plain(jsyaml.safeLoad(text) || {});
  for (const key of NAMED) {
    data[key] = Object.entries(data[key] || {}).map(([name, v]) => ({ name, ...v }));
  }
  return { ...data, [ORIGINAL]: text };
}

// The form's values as the file holds them: empty text is null (nothing), lists of
// named blocks are blocks by name again, fields the form does not show stay as read.
function fileValue(value, was) {
  if (value === "" || value === undefined) return was === undefined ? undefined : null;
  if (Array.isArray(value)) return value.map((item, i) => fileValue(item, was?.[i]));
  if (value && typeof value === "object") {
    const found = { ...(was && typeof was === "object" ? was : {}) };
    for (const [key, v] of Object.entries(value)) {
      const kept = fileValue(v, found[key]);
      if (kept === undefined) delete found[key];
      else found[key] = kept;
    }
    return found;
  }
  return value;
}

function settingsValues(data, read) {
  const values = { ...read };
  for (const [key, value] of Object.entries(data)) {
    if (key === ORIGINAL) continue;
    if (NAMED.includes(key)) {
      const named = {};
      for (const { name, ...rest } of value || []) {
        named[String(name ?? "").trim()] = fileValue(rest, read[key]?.[name]);
      }
      values[key] = named;
      continue;
    }
    const kept = fileValue(value, read[key]);
    if (kept !== undefined) values[key] = kept;
  }
  return values;
}

// Each scalar's path ("business.phone", "menu.2.page") -> [path, value], depth first.
function leaves(value, path = "", found = new Map()) {
  const nested = value && typeof value === "object";
  if (nested && Object.keys(value).length) {
    for (const [key, v] of Object.entries(value)) leaves(v, path ? `${path}.${key}` : key, found);
  } else {
    found.set(path, value);
  }
  return found;
}

// Where each scalar is written: its line, and where its value starts and ends.
function places(lines) {
  const found = new Map();
  const stack = []; // {indent, path}
  const counters = new Map();
  lines.forEach((line, number) => {
    if (/^\s*(#.*)?$/.test(line)) return;
    const m = /^( *)(- +)?(.*)$/.exec(line);
    let indent = m[1].length;
    if (m[2]) {
      while (stack.length && stack.at(-1).indent >= indent) stack.pop();
      const parent = stack.at(-1)?.path ?? "";
      const n = (counters.get(parent) ?? -1) + 1;
      counters.set(parent, n);
      stack.push({ indent, path: parent ? `${parent}.${n}` : `${n}` });
      indent += m[2].length;
    }
    const pair = /^("[^"]*"|'[^']*'|[^'"#\s][^:#]*?) *:(?: +(.*))?$/.exec(m[3]);
    if (!pair) return;
    while (stack.length && stack.at(-1).indent >= indent) stack.pop();
    const key = pair[1].replace(/^(["'])(.*)\1$/, "$2");
    const parent = stack.at(-1)?.path ?? "";
    const path = parent ? `${parent}.${key}` : key;
    stack.push({ indent, path });
    const rest = pair[2] ?? "";
    if (rest === "" || rest.startsWith("#")) return;
    const start = line.length - rest.length;
    found.set(path, { number, start, end: start + valueLength(rest) });
  });
  return found;
}

// How long the value at the start of `rest` is, without its comment.
function valueLength(rest) {
  const quote = rest[0];
  if (quote === '"') return /^"(?:[^"\\]|\\.)*"/.exec(rest)?.[0].length ?? rest.length;
  if (quote === "'") return /^'(?:[^']|'')*'/.exec(rest)?.[0].length ?? rest.length;
  const comment = rest.search(/ +#/);
  return (comment < 0 ? rest : rest.slice(0, comment)).trimEnd().length;
}

// A value as YAML on one line, in the quotes it had when it had double ones.
function scalar(value, was) {
  if (typeof value === "string" && was.startsWith('"')) return JSON.stringify(value);
  if (value && typeof value === "object") return jsyaml.safeDump(value, { flowLevel: 0 }).trim();
  return jsyaml.safeDump(value, { lineWidth: -1 }).trim();
}

// The lines of top-level block `key`: its own line and those indented under it.
function block(lines, key) {
  const start = lines.findIndex((line) => line.startsWith(`${key}:`));
  let end = start + 1;
  while (end < lines.length && /^( +\S|- )/.test(lines[end])) end += 1;
  return [start, end];
}

function settingsToFile(data) {
  const text = data[ORIGINAL] ?? "";
  const read = plain(jsyaml.safeLoad(text) || {});
  const values = settingsValues(data, read);
  if (JSON.stringify(values) === JSON.stringify(read)) return text;
  const lines = text.split("\n");
  for (const key of Object.keys(values)) {
    if (JSON.stringify(values[key]) === JSON.stringify(read[key])) continue;
    const before = leaves(read[key], key);
    const after = leaves(values[key], key);
    const at = places(lines);
    const same = before.size === after.size
      && [...after.keys()].every((path) => before.has(path) && at.has(path));
    if (same) {
      for (const [path, value] of after) {
        if (JSON.stringify(value) === JSON.stringify(before.get(path))) continue;
        const { number, start, end } = at.get(path);
        const line = lines[number];
        lines[number] = line.slice(0, start) + scalar(value, line.slice(start, end)) + line.slice(end);
      }
      continue;
    }
    const written = jsyaml.safeDump({ [key]: values[key] }, { lineWidth: -1 }).trimEnd().split("\n");
    const [start, end] = block(lines, key);
    if (start < 0) lines.splice(lines.length - (lines.at(-1) === "" ? 1 : 0), 0, ...written);
    else lines.splice(start, end - start, ...written);
  }
  return lines.join("\n");
}

CMS.registerCustomFormat("pelican-settings", "yaml", {
  fromFile: settingsFromFile,
  toFile: settingsToFile,
});

// Decap's Dutch, with "Opslaan" for saving: "Publiceren" is putting the site online.
const merged = (phrases, changes) => {
  const keys = new Set([...Object.keys(phrases), ...Object.keys(changes)]);
  return Object.fromEntries([...keys].map((key) => [key, typeof changes[key] === "object"
    ? merged(phrases[key] || {}, changes[key])
    : (changes[key] ?? phrases[key])]));
};
CMS.registerLocale("nl", merged(CMS.getLocale("nl"), strings.decap));

// -- Beside the editor: the page as the site shows it -------------------------------
// The preview's own page (authoring/preview.py), with its error line at the top; it
// reloads by itself after each save.
const SitePage = (pattern) => createClass({
  render() {
    const data = this.props.entry.get("data");
    const slug = data.get("slug");
    const draft = data.get("status") === "draft";
    const url = (draft ? urls.drafts : pattern).replace("{slug}", slug || "");
    const address = `${window.location.origin}/${url}`;
    return h("div", { className: "site-page" },
      h("p", {}, strings.save_first, " ",
        h("a", { href: address, target: "_blank", rel: "noopener" }, strings.open)),
      slug ? h("iframe", { src: address, title: strings.preview }) : null);
  },
});
CMS.registerPreviewTemplate("posts", SitePage(urls.posts));
CMS.registerPreviewTemplate("pages", SitePage(urls.pages));
CMS.registerPreviewStyle(`${window.location.pathname}editor.css`);

// -- Publiceren: `invoke publish`, its lines as they come ------------------------
const token = document.querySelector('meta[name="editor-token"]').content;

async function publish(button, log) {
  const output = log.querySelector("pre");
  output.textContent = "";
  button.disabled = true;
  log.showModal();
  const add = (line) => {
    output.textContent += `${line}\n`;
    output.scrollTop = output.scrollHeight;
  };
  try {
    const response = await fetch("publiceren", {
      method: "POST",
      headers: { "X-Editor-Token": token },
    });
    if (!response.ok) throw new Error(response.status);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const events = buffer.split("\n\n");
      buffer = events.pop();
      for (const event of events) {
        const type = /^event: (.*)$/m.exec(event)?.[1];
        const line = /^data: (.*)$/m.exec(event)?.[1] ?? "";
        if (type === "line") add(line);
        if (type === "done") log.dataset.result = line === "0" ? "ok" : "failed";
      }
    }
  } catch {
    add(strings.failed);
    log.dataset.result = "failed";
  } finally {
    button.disabled = false;
  }
}

const button = document.querySelector(".publish-button");
const log = document.querySelector(".publish-log");
button.addEventListener("click", () => publish(button, log));
