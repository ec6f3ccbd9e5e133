// The form's answers read and written (only ever as text), rows, the outline.
import { formatNumber, parseNumber } from "./numbers.js";

export const all = (scope, selector) => [...scope.querySelectorAll(selector)];
export const repeated = (section) => section.dataset.min !== undefined;
export const rowsOf = (section) => all(section, "[data-row]");

// A new row's markup, "__n__" for its number: the server's template where a section may
// have no rows, else the server's first row, read before any answer or message is in it
// (`prepare`, first thing on the page). Either is the server's own: no answer in it.
const blanks = new WeakMap();
export function prepare(section) {
  const { section: name, item } = section.dataset;
  const first = rowsOf(section)[0];
  const html =
    section.querySelector("[data-template]")?.innerHTML ??
    first.outerHTML
      .replaceAll(`${name}-1-`, `${name}-__n__-`)
      .replace(`>${item} 1</legend>`, `>${item} __n__</legend>`)
      .replace(/(data-remove[^>]*>[^<]*) 1</, "$1 __n__<");
  blanks.set(section, html);
}
function template(section) {
  const element = document.createElement("template");
  element.innerHTML = blanks.get(section);
  return element.content;
}

// The names of the fields a reader fills in, in a section (or one of its rows).
function names(section) {
  const scope = repeated(section) ? template(section) : section;
  return [...new Set(all(scope, "[data-field]:not(output)").map((e) => e.dataset.field))];
}

export function read(scope, name) {
  const found = all(scope, `[data-field="${name}"]`);
  if (found[0]?.type === "radio") return found.find((e) => e.checked)?.value ?? "";
  return found[0]?.value ?? "";
}

function write(scope, name, value) {
  for (const element of all(scope, `[data-field="${name}"]`)) {
    if (element.type === "radio") element.checked = element.value === value;
    else element.value = value;
  }
}

// Every answer as text.
export function collect(sections) {
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

// Show saved answers.
export function apply(sections, data) {
  for (const section of sections) {
    const rows = data[section.dataset.section];
    if (!repeated(section)) {
      for (const name of names(section))
        if (typeof data[name] === "string") write(section, name, data[name]);
    } else if (Array.isArray(rows)) {
      setRowCount(section, rows.length);
      rowsOf(section).forEach((row, i) => {
        for (const name of names(section)) {
          const value = rows[i]?.[name];
          write(row, name, typeof value === "string" ? value : "");
        }
      });
    }
  }
}

export function addRow(section) {
  const html = blanks.get(section);
  const n = String(rowsOf(section).length + 1);
  section.querySelector("[data-rows]").insertAdjacentHTML("beforeend", html.replaceAll("__n__", n));
  update(section);
}

export function setRowCount(section, count) {
  const { min, max } = section.dataset;
  const wanted = Math.max(Number(min), Math.min(Number(max), count));
  while (rowsOf(section).length < wanted) addRow(section);
  while (rowsOf(section).length > wanted) rowsOf(section).pop().remove();
  update(section);
}

// Remove one row: the answers below it move up.
export function removeRow(section, row) {
  const data = collect([section]);
  data[section.dataset.section].splice(rowsOf(section).indexOf(row), 1);
  apply([section], data);
}

// Show "add" and "remove" only where the definition allows another row.
export function update(section) {
  const rows = rowsOf(section);
  section.querySelector("[data-add]").hidden = rows.length >= Number(section.dataset.max);
  for (const row of rows)
    row.querySelector("[data-remove]").hidden = rows.length <= Number(section.dataset.min);
}

// An answer as the reader saw it.
function shown(box) {
  const element = box.querySelector("[data-field], [data-verdict]");
  // A result's words ("20 uur per maand") once it has its number.
  if (element.tagName === "OUTPUT") return (element.querySelector("b") ?? element).textContent && element.textContent;
  if (element.type === "radio")
    return all(box, "input:checked").map((e) => e.labels[0].textContent.trim()).join("");
  return typed(element);
}
// A field's answer as the reader reads it: an amount in euros the Dutch way, a date
// day first, anything else as written.
export function typed(input) {
  const { value } = input;
  const number = parseNumber(value);
  if (input.dataset.kind === "money" && number !== null)
    return formatNumber(number, "money", Number(input.dataset.decimals));
  return input.type === "date" ? value.split("-").reverse().join("-") : value;
}

export const title = (scope) => scope.querySelector("legend").lastChild.textContent.trim();
// A question's box (.ws-field, .ws-verdict) and its label, as its label or legend starts.
const BOX = ".ws-field, .ws-verdict";
export const labelOf = (element) =>
  element.closest(BOX).querySelector("label, legend").firstChild.textContent.trim().replace(/:$/, "");
// [label, answer, a yes/no or short choice?]
const answers = (scope) => all(scope, BOX).map((box) => [labelOf(box), shown(box), box.matches(".ws-options")]);

// Every question with its answer, section by section, in the page's order; the result
// card (`card`) first, under its plain heading ("Jouw uitkomst", not both of its words).
export function outline(sections, card) {
  const results = card && [{ title: card.querySelector("h3").lastChild.textContent, result: true, items: answers(card), rows: [] }];
  return (results || []).concat(
    sections.map((section) => ({
      title: title(section),
      verdict: Boolean(section.dataset.rules),
      items: repeated(section) ? [] : answers(section),
      rows: repeated(section)
        ? rowsOf(section).map((row) => ({ title: title(row), items: answers(row) }))
        : [],
    })),
  );
}
