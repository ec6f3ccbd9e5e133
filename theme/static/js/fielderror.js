// The worksheet's answers on their way to the contact form (sessionStorage): the
// worksheet writes them, forms.js puts them in the message field.
export const HANDOFF = "hva:handoff";

// An element with its properties: el("p", { className: "notice", textContent }). Here
// for markField; worksheet.js makes its elements with it too (one copy in its budget).
export const el = (tag, props) => Object.assign(document.createElement(tag), props);

// A field's error message, one markup in every form (forms.js: the site's forms;
// worksheet.js): <p class="field-error" id="{field's id}-error"> just before the field
// (GOV.UK: label, message, field), the field aria-invalid and described by the message
// after what already described it (its hint). An empty message takes it away. The
// look: .field-error in forms.css.
export function markField(field, message) {
  const id = field.id + "-error";
  const old = document.getElementById(id);
  if ((old?.textContent ?? "") === message) return;
  old?.remove();
  const ids = (field.getAttribute("aria-describedby") ?? "").split(" ").filter((x) => x && x !== id);
  if (message) {
    field.before(el("p", { id, className: "field-error", textContent: message }));
    field.setAttribute("aria-invalid", "true");
    ids.push(id);
  } else field.removeAttribute("aria-invalid");
  if (ids.length) field.setAttribute("aria-describedby", ids.join(" "));
  else field.removeAttribute("aria-describedby");
}
