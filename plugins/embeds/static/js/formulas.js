// Formula trees of plugins/embeds/formula.py, evaluated by its rules.
const own = (object, key) => Object.hasOwn(object, key);

// A formula's value, or null (an empty field, a division by zero, an overflow).
export function evaluate(tree, values, computed = {}) {
  if (typeof tree === "number") return tree;
  const [op, a, b] = tree;
  if (op === "f") {
    if (own(computed, a)) return evaluate(computed[a], values, computed);
    return own(values, a) && typeof values[a] === "number" ? values[a] : null;
  }
  if (op === "sum") {
    const rows = own(values, a) && Array.isArray(values[a]) ? values[a] : [];
    const total = rows.reduce((t, v) => (typeof v === "number" ? t + v : t), 0);
    return Number.isFinite(total) ? total : null;
  }
  const x = evaluate(a, values, computed);
  if (op === "neg") return x === null ? null : -x;
  const y = evaluate(b, values, computed);
  if (x === null || y === null || (op === "/" && y === 0)) return null;
  const result = op === "+" ? x + y : op === "-" ? x - y : op === "*" ? x * y : x / y;
  return Number.isFinite(result) ? result : null;
}

// The fields a formula reads (through computed ones) that have no number yet, a field
// read twice named twice (worksheet.js gathers them in a Set).
export function missing(tree, values, computed = {}) {
  if (!Array.isArray(tree)) return [];
  const [op, a] = tree;
  if (op === "f" && own(computed, a)) return missing(computed[a], values, computed);
  if (op === "f") return typeof values[a] === "number" ? [] : [a];
  if (op === "sum") return [];
  return tree.slice(1).flatMap((t) => missing(t, values, computed));
}
