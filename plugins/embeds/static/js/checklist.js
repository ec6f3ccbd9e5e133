// The article's checklist: keeps the reader's ticks on this device (store.js: session
// by default, the device only after "onthoud"), offers to forget them, and shows a
// notice when saved ticks could not be read. It counts her ticks ("4 van 17") and
// prints or downloads her own list with them (the PDF is the empty list). Without
// this script the list still works on screen and on paper.
import { saveFile } from "./download.js";
import { fill } from "./fill.js";
import { openStore } from "./store.js";

for (const root of document.querySelectorAll("[data-checklist]")) enhance(root);

function enhance(root) {
  const store = openStore("checklist:" + root.dataset.checklist, root.dataset.version);
  const boxes = [...root.querySelectorAll("input[data-item]")];
  const controls = root.querySelector("[data-checklist-controls]");
  const remember = root.querySelector("input[data-remember]");
  const status = root.querySelector("[data-checklist-status]");
  const say = (code) => { status.textContent = status.dataset[code] || ""; };

  const ticked = readTicks(store.load());
  if (ticked === null) {
    store.clear();
    store.notices.add("corrupt");
  }
  for (const box of boxes) box.checked = Boolean(ticked?.has(box.dataset.item));
  const progress = root.querySelector("[data-checklist-progress]");
  const count = () => {
    const done = boxes.filter((box) => box.checked).length;
    const total = boxes.length;
    progress.textContent = fill(progress.dataset.checklistProgress, { done, total });
  };
  count();
  progress.hidden = false;
  const steps = root.querySelector("[data-checklist-steps]");
  if (ticked?.size) steps.open = true; // show the reader where she was
  addEventListener("beforeprint", () => (steps.open = true)); // the whole list on paper
  if (store.notices.has("corrupt")) say("corrupt");
  else if (store.notices.has("memory")) say("memory");

  root.querySelector("[data-checklist-form]").addEventListener("submit", (event) => {
    event.preventDefault();
  });
  const ticks = () => ({
    ticked: boxes.filter((box) => box.checked).map((box) => box.dataset.item),
  });
  const show = (entry) => {
    const ids = readTicks(entry) || new Set();
    for (const box of boxes) box.checked = ids.has(box.dataset.item);
    count();
  };
  root.addEventListener("change", (event) => {
    if (!event.target.matches("input[data-item]")) return;
    count();
    store.save(ticks());
    if (store.notices.has("full") || store.notices.has("memory")) say("memory");
    remember.checked = store.remembered();
  });

  // Only this checklist's ticks: the worksheet remembers its answers itself.
  remember.checked = store.remembered();
  remember.addEventListener("change", () => {
    if (!store.remember(remember.checked, ticks())) {
      remember.checked = store.remembered();
      say("blocked");
    }
  });
  store.watch(show); // another tab ticked something

  root.querySelector("[data-checklist-clear]").addEventListener("click", () => {
    store.clear();
    for (const box of boxes) box.checked = false;
    count();
    say("cleared");
  });

  // Her list on paper: this checklist alone, every box as she ticked it (print CSS).
  root.querySelector("[data-checklist-print]").addEventListener("click", () => {
    document.documentElement.classList.add("checklist-printing");
    addEventListener(
      "afterprint",
      () => document.documentElement.classList.remove("checklist-printing"),
      { once: true },
    );
    print();
  });
  const save = root.querySelector("[data-checklist-save]");
  save.addEventListener("click", () => {
    const text = listText(root, progress.textContent, save.dataset.source);
    saveFile(new Blob([text], { type: "text/plain;charset=utf-8" }), save.dataset.checklistSave);
  });
  controls.hidden = false;
}

// Her list as plain text: title, progress, each group and each step with [x] or [ ],
// and the page it belongs to. Windows line ends, so Notepad shows the lines too.
function listText(root, progress, source) {
  const flat = (node) => node.textContent.replace(/\s+/g, " ").trim();
  const lines = [flat(root.querySelector("h2")), progress];
  const form = root.querySelector("[data-checklist-form]");
  for (const part of form.querySelectorAll("legend, li")) {
    if (part.tagName === "LEGEND") {
      lines.push("", flat(part));
    } else {
      const box = part.querySelector("input").checked ? "[x]" : "[ ]";
      lines.push(`${box} ${flat(part.querySelector("label"))}`);
    }
  }
  lines.push("", `${source} ${document.title}`, location.href.split("#")[0]);
  return lines.join("\r\n") + "\r\n";
}

/** The ticked item ids of a saved entry; an empty set when none; null when corrupt. */
function readTicks(entry) {
  if (!entry) return new Set();
  const list = entry.data.ticked;
  if (!Array.isArray(list) || !list.every((id) => typeof id === "string")) return null;
  return new Set(list);
}
