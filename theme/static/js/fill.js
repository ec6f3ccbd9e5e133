// A text the page hands a script (from theme/strings.yaml, in a data-* attribute) with
// its {placeholders} filled in: fill("{done} van {total} afgevinkt", { done: 4,
// total: 17 }). A value is put in as written (a "$&" in a search stays "$&"); a
// placeholder without a value stays as it is. One way for every script.
export const fill = (text, values) =>
  text.replace(/\{(\w+)\}/g, (placeholder, name) => values[name] ?? placeholder);
