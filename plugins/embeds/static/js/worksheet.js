// Enhances the worksheet form: steps, messages, results, storage, exports, sending.
import { forget, openStore } from "./store.js";
import { evaluate, missing } from "./formulas.js";
import { formatNumber, parseNumber } from "./numbers.js";
import { asCalendar, asText, brief } from "./exports.js";
import { saveFile } from "./download.js";
import { fill } from "./fill.js";
import { HANDOFF, el, markField } from "./fielderror.js";
import * as F from "./form.js";

const { all, labelOf, repeated, rowsOf } = F;
const CONTACT_ROOM = 5000; // the contact form's message field (funnel: maxlength)


function enhance(form) {
  const sheet = form.dataset;
  const S = JSON.parse(sheet.strings);
  const t = (key, vars) => fill(S[key], vars);
  const root = form.closest("section");
  const $ = (selector) => root.querySelector(selector);
  const remember = $("[data-remember]");
  const mail = $("[data-mail]");
  const sections = all(form, "[data-section]");
  sections.filter(repeated).forEach(F.prepare);
  const store = openStore("worksheet:" + sheet.worksheet, sheet.version);
  const touched = new Set();
  let step = 0;
  let undo = null;

  const speak = (node, text) =>
    (node.textContent = node.textContent === text ? text + "\u00a0" : text);
  const say = (text) => speak($("[data-live]"), text);
  const tell = (text) => speak($("[data-status]"), text);
  const noticed = new Set();
  const notice = (key) => {
    if (!noticed.has(key))
      $("[data-notices]").append(el("p", { className: "ws-notice notice", role: "status", textContent: S[key] }));
    noticed.add(key);
  };

  // One section at a time, on every screen (embeds.css; on paper all of them); after
  // the last one the end (step sections.length): the result card, the action, the tools.
  function show(index, focus) {
    step = Math.max(0, Math.min(sections.length, index));
    sections.forEach((section, i) => section.classList.toggle("ws-current", i === step));
    form.classList.toggle("ws-at-end", step === sections.length);
    root.classList.toggle("ws-later", step > 0);
    if (!focus) return;
    form.scrollIntoView(); // the shown step (or the end) from its top
    form.querySelector(".ws-current>legend,h3[tabindex]")?.focus({ preventScroll: true });
  }

  // Wrong answers: a message next to the field, a summary at the top of the section.
  function problem(input, force) {
    const value = input.value.trim();
    const { kind } = input.dataset;
    if (kind && value && parseNumber(value) === null) return S["error_" + kind];
    if (input.required && !value && (force || touched.has(input))) return S.error_required;
    return "";
  }
  function validate(section, force) {
    const wrong = [];
    for (const input of all(section, "input[type=text], textarea, select, input[type=date]")) {
      const message = problem(input, force);
      if (message) wrong.push([input, message]);
      markField(input, message);
    }
    const box = section.querySelector("[data-errors]");
    box.hidden = !wrong.length;
    const list = el("ul");
    for (const [input, message] of wrong) {
      const text = `${labelOf(input)}: ${message}`;
      list.appendChild(el("li")).append(el("a", { href: "#" + input.id, textContent: text }));
    }
    box.replaceChildren(...(wrong.length ? [el("h3", { textContent: S.errors }), list] : []));
    return wrong.length;
  }

  function refresh() {
    const values = {};
    for (const input of all(form, "input[data-kind]")) {
      const value = parseNumber(input.value);
      const name = input.dataset.field;
      if (input.closest("[data-row]")) (values[name] ??= []).push(value);
      else values[name] = value;
    }
    const outputs = all(form, "output[data-formula]");
    const computed = Object.fromEntries(
      outputs.map((o) => [o.dataset.field, JSON.parse(o.dataset.formula)]),
    );
    const wanted = new Set();
    for (const output of outputs) {
      const { field, kind, decimals } = output.dataset;
      const value = evaluate(computed[field], values, computed);
      // The number alone: its words are the server's (worksheet_fields.html).
      const number = formatNumber(value, kind, +decimals);
      const figure = output.querySelector("b");
      if (figure.textContent !== number) figure.textContent = number;
      if (value === null) for (const name of missing(computed[field], values, computed)) wanted.add(name);
    }
    const labels = [...wanted].map((name) => labelOf(form.querySelector(`[data-field="${name}"]`)));
    for (const hint of all(form, "[data-hint]"))
      hint.textContent = labels.length ? t("missing", { fields: labels.join(", ") }) : "";
    // The main action once there is a result.
    $("[data-cta-shown]").hidden = !outputs.length || labels.length > 0;
    for (const section of sections.filter((s) => s.dataset.rules)) {
      const rules = JSON.parse(section.dataset.rules);
      const tested = rules.flatMap(([when]) => Object.keys(when));
      for (const row of rowsOf(section)) {
        const hit = rules.find(([when]) =>
          Object.entries(when).every(([name, v]) => F.read(row, name) === v),
        );
        const key = !tested.some((name) => F.read(row, name)) ? "" : hit ? hit[1] : section.dataset.otherwise;
        const output = row.querySelector("[data-verdict]");
        output.textContent = key && S["verdict_" + key];
        output.dataset.value = key;
      }
    }
    // On paper every answer shows whole, also what a text box would scroll away.
    for (const input of all(form, "textarea, input[type=text], input[type=date]")) {
      let copy = input.nextElementSibling;
      if (!copy?.matches(".ws-copy")) input.after((copy = el("span", { className: "ws-copy" })));
      copy.textContent = F.typed(input);
    }
    if (mail) mail.href = mailto();
  }
  const answers = () => ({ ...F.collect(sections), _step: step });
  function saved() {
    for (const code of store.notices) notice(code);
    remember.checked = store.remembered();
  }
  function changed() {
    // Save first: nothing shown or computed afterwards may keep answers from being kept.
    store.save(answers());
    saved();
    refresh();
  }

  const doc = () => ({
    title: sheet.sheetTitle,
    about: `${sheet.title} (${sheet.date})`,
    filled: new Date().toLocaleDateString("nl-NL"),
    sections: F.outline(sections, form.querySelector("[data-result]")),
  });
  const intro = () => t("mail_intro", { title: sheet.title });
  function mailto() {
    const subject = encodeURIComponent(t("mail_subject", { title: sheet.title }));
    const head = `mailto:${mail.dataset.email}?subject=${subject}&body=`;
    const encode = (text) => encodeURIComponent(text.toWellFormed());
    const room = +mail.dataset.mailMax - head.length; // data-mail-max: sitekit
    return head + encode(brief(doc(), S, intro(), room, (x) => encode(x).length));
  }
  function events() {
    const found = [];
    for (const section of sections) {
      const scopes = repeated(section) ? rowsOf(section) : [section];
      scopes.forEach((scope, i) => {
        for (const input of all(scope, "input[type=date]")) {
          if (!/^\d{4}-\d\d-\d\d$/.test(input.value)) continue;
          // Titled by her answer ("Doel: twee extra klanten"), not by the question.
          const what = all(scope, "textarea, input[type=text]:not([data-kind])")
            .map((e) => e.value.trim().replace(/\s+/g, " "))
            .find(Boolean);
          const item = section.dataset.item || F.title(section);
          found.push({
            uid: [sheet.worksheet, section.dataset.section, i + 1, input.dataset.field].join("-"),
            day: input.value,
            summary: what ? t("event", { item, what }) : F.title(scope),
          });
        }
      });
    }
    return found;
  }
  const file = (name, type, text) =>
    new File([text], t("file", { slug: sheet.slug }) + name, { type: `text/${type};charset=utf-8` });
  function calendar() {
    return asCalendar(events(), {
      product: `-//${sheet.site}//${sheet.worksheet}//NL`,
      description: `${sheet.title}\n${location.href.split("#")[0]}`,
      host: location.hostname || "localhost",
    });
  }
  function download(name, type, text) {
    const blob = file(name, type, text);
    saveFile(blob, blob.name);
  }
  const toggle = (selector, on, focus) => {
    $(selector).hidden = !on;
    if (focus) focus.focus();
  };
  const actions = {
    text: () => download(".txt", "plain", asText(doc(), S)),
    markdown: () => download(".md", "markdown", asText(doc(), S, true)),
    print() {
      const html = document.documentElement;
      html.classList.add("ws-printing"); // the worksheet alone (embeds.css)
      addEventListener("afterprint", () => html.classList.remove("ws-printing"), { once: true });
      print();
    },
    ics() {
      const ics = calendar();
      if (ics) download(".ics", "calendar", ics);
      else tell(S.no_dates);
    },
    // Every answer as a file (and the dates) to mail, WhatsApp or what she picks.
    share() {
      const ics = calendar();
      const files = [file(".txt", "plain", asText(doc(), S))];
      if (ics) files.push(file(".ics", "calendar", ics));
      const title = t("mail_subject", { title: sheet.title });
      navigator.share({ files, title }).catch(() => {}); // she closed the share sheet
    },
    clear: () => toggle("[data-confirm]", true, $("[data-action=wipe]")),
    keep: () => toggle("[data-confirm]", false, $("[data-action=clear]")),
    wipe() {
      // Every copy, the contact hand-off too; not the checklist's ticks.
      undo = answers();
      store.clear();
      forget(HANDOFF);
      form.reset();
      touched.clear();
      for (const section of sections) {
        if (repeated(section)) F.setRowCount(section, 0);
        validate(section);
      }
      refresh();
      show(0);
      toggle("[data-confirm]", false);
      $("[data-undo-text]").textContent = S.cleared;
      toggle("[data-undo]", true, $("[data-action=undo]"));
    },
    undo() {
      F.apply(sections, undo);
      show(undo._step); // back at the step she cleared from, the end
      changed();
      toggle("[data-undo]", false, $("[data-action=clear]"));
      say(S.restored);
    },
  };

  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("input", (event) => {
    if (event.target.getAttribute("aria-invalid")) validate(event.target.closest("[data-section]"));
    $("[data-undo]").hidden = true;
    changed();
  });
  form.addEventListener("change", (event) => {
    const input = event.target;
    // An amount as "45,00": its "€" stands before the box (embeds.css).
    if (input.dataset.kind === "money") input.value = F.typed(input).replace(/^€ /, "");
    touched.add(input);
    validate(input.closest("[data-section]"));
    changed();
  });
  root.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (button?.dataset.action) return actions[button.dataset.action]();
    // The end's "Vorige" sits outside every section.
    if (button?.dataset.step) {
      const current = sections[step];
      if (button.dataset.step === "1" && validate(current, true))
        return current.querySelector("[data-errors]").focus();
      show(+button.dataset.step + step, true);
      return changed();
    }
    const section = button?.closest("[data-section]");
    if (!section) return;
    const row = button.closest("[data-row]");
    let n = rowsOf(section).length + 1;
    if (button.matches("[data-remove]")) {
      n = rowsOf(section).indexOf(row) + 1;
      F.removeRow(section, row);
    } else if (button.matches("[data-add]")) F.addRow(section);
    else return;
    const rows = rowsOf(section);
    rows[Math.min(n, rows.length) - 1].querySelector("input, textarea, select").focus();
    say(t(row ? "removed" : "added", { item: section.dataset.item, n }));
    changed();
  });
  // The contact form opens with the same summary as the mail (forms.js reads it).
  form.querySelector("[data-contact]").addEventListener("click", () => {
    try {
      sessionStorage.setItem(HANDOFF, brief(doc(), S, intro(), CONTACT_ROOM));
    } catch {
      // Blocked storage: the contact form opens empty, as without JavaScript.
    }
  });
  const probe = [file(".txt", "plain", "")];
  $("[data-action=share]").hidden = !navigator.canShare?.({ files: probe });
  remember.addEventListener("change", () => {
    const kept = store.remember(remember.checked, answers());
    if (!kept && !store.notices.has("full")) notice("memory"); // blocked
    saved();
    say(remember.checked ? S.saved_local : S.saved_session);
  });
  store.watch((entry) => {
    F.apply(sections, entry.data);
    refresh();
    tell(S.synced);
  });

  const entry = store.load();
  if (entry) F.apply(sections, entry.data);
  const kept = entry?.data._step ?? 0;
  if (!Number.isInteger(kept)) notice("corrupt"); // a step that is no step: the first
  show(Number.isInteger(kept) ? kept : 0);
  saved();
  if (entry && entry.version !== sheet.version) {
    notice("changed");
    store.save(answers());
  }
  for (const section of sections.filter(repeated)) F.update(section);
  for (const element of all(root, "[data-nojs], [data-js], [data-tools]"))
    element.hidden = "nojs" in element.dataset;
  form.classList.add("ws-stepped");
  refresh();
}

const form = document.querySelector("form[data-worksheet]");
if (form) enhance(form);
