// Dutch numbers; the rule of dutch_number (plugins/sitekit/filters.py) in JS.

// A number typed the Dutch way ("45,-", "€ 1.250,00", "45 euro"); null if none.
export function parseNumber(text) {
  let v = String(text ?? "")
    .toLowerCase()
    .replace(/€|eur(o's|os|o)?\b|\s/g, "")
    .replace(/,-+$/, "");
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+(,\d+)?$/.test(v))
    v = v.replace(/\./g, "").replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(v)) return null;
  const value = Number(v);
  return Number.isFinite(value) ? value : null;
}

// |value| rounded to `decimals` places.
function rounded(value, decimals) {
  const [mantissa, exponent = "0"] = String(Math.abs(value)).split("e");
  const [whole, fraction = ""] = mantissa.split(".");
  let digits = whole + fraction;
  let point = whole.length + Number(exponent);
  if (point < 0) [digits, point] = ["0".repeat(-point) + digits, 0];
  digits = digits.padEnd(point + decimals + 1, "0");
  const up = digits[point + decimals] >= "5" ? 1n : 0n;
  const text = (BigInt(digits.slice(0, point + decimals) || "0") + up)
    .toString()
    .padStart(decimals + 1, "0");
  return [text.slice(0, text.length - decimals), text.slice(text.length - decimals)];
}

// A number shown the Dutch way.
export function formatNumber(value, kind = "number", decimals = 2) {
  if (typeof value !== "number" || !Number.isFinite(value)) return "";
  let [whole, fraction] = rounded(value, decimals);
  whole = whole.replace(/\B(?=(\d{3})+$)/g, ".");
  if (kind !== "money") fraction = fraction.replace(/0+$/, "");
  const zero = /^[0.]*$/.test(whole + fraction);
  const text = (value < 0 && !zero ? "-" : "") + whole + (fraction ? "," + fraction : "");
  return kind === "money" ? "€ " + text : text;
}
