// The site's forms, enhanced: accessible error messages on top of the browser's own
// checks, a refusal to send when the honeypot is filled, and the contact form filled
// in from the worksheet ("hva:contact-message" in sessionStorage, "bron" in the URL).
// Without this script the forms still work: the browser checks the required fields.

const MESSAGE_KEY = "hva:contact-message";
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

function takeStoredMessage() {
  try {
    const message = sessionStorage.getItem(MESSAGE_KEY);
    sessionStorage.removeItem(MESSAGE_KEY);
    return typeof message === "string" ? message : "";
  } catch {
    return ""; // storage blocked: the reader types the message herself
  }
}

function sourceFromUrl() {
  const bron = new URLSearchParams(location.search).get("bron");
  return bron && SLUG.test(bron) ? bron : "";
}

function prefillContact(form) {
  const bron = sourceFromUrl();
  if (bron) form.elements.bron.value = bron;
  const message = takeStoredMessage();
  const field = form.querySelector("textarea");
  if (message && field && !field.value) {
    field.value = field.maxLength > 0 ? message.slice(0, field.maxLength) : message;
  }
}

function prefillMailLink(paragraph) {
  const link = paragraph.querySelector("a[href^='mailto:']");
  const message = takeStoredMessage();
  if (link && message) link.href += `&body=${encodeURIComponent(message.slice(0, 1800))}`;
}

function errorFor(field, form) {
  const { validity } = field;
  if (validity.valueMissing) {
    return field.type === "checkbox" ? form.dataset.errorConsent : form.dataset.errorRequired;
  }
  if (validity.typeMismatch && field.type === "email") return form.dataset.errorEmail;
  return form.dataset.errorInvalid;
}

function clearError(field) {
  const error = document.getElementById(`${field.id}-fout`);
  if (error) error.remove();
  field.removeAttribute("aria-invalid");
  const rest = (field.getAttribute("aria-describedby") || "")
    .split(" ")
    .filter((id) => id && id !== `${field.id}-fout`);
  if (rest.length) field.setAttribute("aria-describedby", rest.join(" "));
  else field.removeAttribute("aria-describedby");
}

function showError(field, text) {
  const error = document.createElement("p");
  error.id = `${field.id}-fout`;
  error.className = "field-error";
  error.textContent = text;
  field.closest(".field").append(error);
  field.setAttribute("aria-invalid", "true");
  const ids = (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
  field.setAttribute("aria-describedby", [...ids, error.id].join(" "));
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
    fields.forEach(clearError);
    const invalid = fields.filter((field) => !field.validity.valid);
    invalid.forEach((field) => showError(field, errorFor(field, form)));
    if (invalid.length) {
      event.preventDefault();
      summary.textContent = form.dataset.errorSummary.replace("{n}", invalid.length);
      invalid[0].focus();
    } else {
      summary.textContent = "";
    }
  });

  const recheck = (event) => {
    const field = event.target;
    if (field.getAttribute("aria-invalid") === "true" && field.validity.valid) {
      clearError(field);
    }
  };
  form.addEventListener("input", recheck);
  form.addEventListener("change", recheck);
}

for (const form of document.querySelectorAll("form[data-form]")) {
  if (form.dataset.form === "contact") prefillContact(form);
  enhance(form);
}
for (const paragraph of document.querySelectorAll("[data-mail-fallback='contact']")) {
  prefillMailLink(paragraph);
}
