// The form's answers read and written (only ever as text), rows, the outline.
import { formatNumber, parseNumber } from "./numbers.js";

export const all = (scope, selector) => [...scope.querySelectorAll(selector)];
export const repeated = (section) => section.dataset.min !== undefined;
export const rowsOf = (section) => all(section, "[data-row]");
const template = (section) => section.querySelector("[data-template]").content;

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
  // The template is the server's own markup: no answer is ever in it.
  const html = section.querySelector("[data-template]").innerHTML;
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
  if (element.tagName === "OUTPUT") return element.textContent;
  const value = read(box, element.dataset.field);
  if (element.type === "radio")
    return all(box, "input:checked").map((e) => e.labels[0].textContent.trim()).join("");
  if (element.dataset.kind === "money" && parseNumber(value) !== null)
    return formatNumber(parseNumber(value), "money", +element.dataset.decimals);
  if (element.type === "date" && value) return value.split("-").reverse().join("-");
  return value;
}

export const title = (scope) => scope.querySelector("legend").lastChild.textContent.trim();
const answers = (scope) => all(scope, "[data-label]").map((box) => [box.dataset.label, shown(box)]);

// Every question with its answer, section by section, in the page's order.
export function outline(sections) {
  return sections.map((section) => ({
    title: title(section),
    result: Boolean(section.querySelector("output[data-formula]")),
    items: repeated(section) ? [] : answers(section),
    rows: repeated(section)
      ? rowsOf(section).map((row) => ({ title: title(row), items: answers(row) }))
      : [],
  }));
}
