// The site's forms, enhanced: accessible error messages on top of the browser's own
// checks, a refusal to send when the honeypot is filled, the contact form filled in
// from the worksheet (HANDOFF in sessionStorage), and where the reader
// came from ("bron" and "cta" in the URL of a call to action).
// A form with no provider (data-mailto) is shown only here: on submit it opens the
// reader's own mail program with her fields in it. Without this script the other forms
// still work (the browser checks the required fields), and a mail form stays a link.

import { HANDOFF, markField } from "./fielderror.js";
import { fill } from "./fill.js";

function takeStoredMessage() {
  try {
    const message = sessionStorage.getItem(HANDOFF);
    sessionStorage.removeItem(HANDOFF);
    return typeof message === "string" ? message : "";
  } catch {
    return ""; // storage blocked: the reader types the message herself
  }
}

// A value from the URL, if it is a slug as the site's build defines it (data-slug).
function fromUrl(form, name) {
  const value = new URLSearchParams(location.search).get(name);
  const slug = new RegExp(`^(?:${form.dataset.slug})$`);
  return value && slug.test(value) ? value : "";
}

function prefill(form) {
  for (const name of ["bron", "cta"]) {
    const value = fromUrl(form, name);
    if (value && form.elements[name]) form.elements[name].value = value;
  }
  if (form.dataset.form !== "contact") return;
  const message = takeStoredMessage();
  const field = form.querySelector("textarea");
  if (message && field && !field.value) {
    field.value = field.maxLength > 0 ? message.slice(0, field.maxLength) : message;
  }
}

// Whole characters as the reader sees them (an emoji, a letter with its accent).
function characters(text) {
  if (typeof Intl.Segmenter !== "function") return Array.from(text);
  const segmenter = new Intl.Segmenter("nl", { granularity: "grapheme" });
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

const crlf = (text) => text.replace(/\r?\n/g, "\r\n");

// mailto: with subject and body, at most `max` long (data-mail-max: longer links are
// refused by mail programs). When too long, the end of `text` (the fields, the message
// last) is cut by whole characters and marked; `tail` (where she came from) stays.
// `cut` says how many characters went.
function mailtoUrl(address, subject, text, tail, mark, max) {
  const start = `mailto:${address}?subject=${encodeURIComponent(subject)}&body=`;
  const url = (body) => start + encodeURIComponent(crlf(body));
  const full = url(text + tail);
  if (full.length <= max) return { url: full, cut: 0 };
  const chars = characters(text);
  const shortened = (count) => url(chars.slice(0, count).join("") + mark + tail);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (shortened(middle).length <= max) low = middle;
    else high = middle - 1;
  }
  return { url: shortened(low), cut: chars.length - low };
}

function sendByMail(form) {
  const lines = [];
  let text = "";
  for (const field of form.querySelectorAll("[data-label]")) {
    if (field.tagName === "TEXTAREA") text = field.value.trim();
    else if (field.value.trim()) lines.push(`${field.dataset.label}: ${field.value.trim()}`);
  }
  const body = lines.join("\n") + (text ? `\n\n${text}` : "");
  const { dataset } = form;
  const via = [form.elements.bron.value, form.elements.cta.value].filter(Boolean);
  const tail = `\n\n${dataset.sourceLabel}: ${via.join(", ")}`;
  const max = Number(dataset.mailMax);
  const { url, cut } = mailtoUrl(dataset.mailto, dataset.subject, body, tail, dataset.cutMark, max);
  const status = form.querySelector("[data-mail-opened]");
  const link = document.createElement("a");
  link.href = url;
  link.textContent = dataset.mailto;
  status.replaceChildren(`${dataset.opened} `, link, ".");
  if (cut) status.append(` ${fill(dataset.cut, { n: cut })}`);
  location.href = url;
}

function errorFor(field, form) {
  const { validity } = field;
  if (validity.valueMissing) {
    return field.type === "checkbox" ? form.dataset.errorConsent : form.dataset.errorRequired;
  }
  // `marieke@stal` passes type="email"; the field's pattern asks for a domain with a dot.
  const notAnAddress = validity.typeMismatch || validity.patternMismatch;
  if (notAnAddress && field.type === "email") return form.dataset.errorEmail;
  return form.dataset.errorInvalid;
}

function fieldsOf(form) {
  return [...form.elements].filter((el) => el.willValidate && !el.closest(".hp"));
}

function enhance(form) {
  form.noValidate = true; // our messages replace the browser's bubbles
  const summary = form.querySelector("[data-summary]");
  const honeypot = form.querySelector(".hp input");

  form.addEventListener("submit", (event) => {
    if (honeypot && honeypot.value) {
      event.preventDefault();
      summary.textContent = form.dataset.refused;
      return;
    }
    const fields = fieldsOf(form);
    for (const field of fields) markField(field, field.validity.valid ? "" : errorFor(field, form));
    const invalid = fields.filter((field) => !field.validity.valid);
    if (invalid.length) {
      event.preventDefault();
      summary.textContent = fill(form.dataset.errorSummary, { n: invalid.length });
      invalid[0].focus();
      return;
    }
    summary.textContent = "";
    if (form.dataset.mailto) {
      event.preventDefault();
      sendByMail(form);
    }
  });

  const recheck = (event) => {
    const field = event.target;
    if (field.getAttribute("aria-invalid") === "true" && field.validity.valid) {
      markField(field, "");
    }
  };
  form.addEventListener("input", recheck);
  form.addEventListener("change", recheck);
}

for (const form of document.querySelectorAll("form[data-form]")) {
  prefill(form);
  enhance(form);
  if (form.dataset.mailto) {
    form.hidden = false;
    const link = document.querySelector(`[data-mail-fallback='${form.dataset.form}']`);
    if (link) link.hidden = true;
  }
}
// A call to action that leads to the newsletter signup on the same page names itself.
const newsletter = document.querySelector("#nieuwsbrief ~ form[data-form]");
for (const link of document.querySelectorAll(".cta[data-cta] a[href='#nieuwsbrief']")) {
  link.addEventListener("click", () => {
    if (newsletter) newsletter.elements.cta.value = link.closest(".cta").dataset.cta;
  });
}
