// Answers kept on the reader's device, under the site's privacy model: sessionStorage
// by default; localStorage (with a version and an expiry) only for a widget whose
// "onthoud" box the reader ticked; in memory when storage is full or blocked. Nothing
// here ever leaves the device.

const PREFIX = "hva:";
const KEEP = 90 * 86400000; // 90 days, as theme/strings.yaml tells the reader
const memory = new Map();
const inMemory = {
  getItem: (key) => memory.get(key) ?? null,
  setItem: (key, value) => memory.set(key, String(value)),
  removeItem: (key) => memory.delete(key),
};

/** A storage that can at least be read (a full one still gives its entries). */
function storage(kind) {
  try {
    const found = window[kind];
    found.getItem(PREFIX);
    return found;
  } catch {
    return null;
  }
}

/** One remover for every copy of a key, in every storage. */
export function forget(key) {
  for (const place of [storage("localStorage"), storage("sessionStorage"), inMemory])
    place?.removeItem(key);
}

/**
 * A store for one widget, e.g. openStore("worksheet:doelen", "3f2a"). `version` names
 * the definition the answers were made with. `notices` collects codes for the page:
 * "corrupt" (an unreadable entry was thrown away), "memory" (storage is blocked),
 * "full" (writing failed: answers last until the page closes).
 */
export function openStore(name, version) {
  const key = PREFIX + name;
  const flag = key + ":remember";
  const notices = new Set();
  const local = storage("localStorage");
  const session = storage("sessionStorage");
  if (!session) notices.add("memory");
  const remembered = () => local?.getItem(flag) === "1";

  function read(place, raw = place?.getItem(key)) {
    if (raw == null) return null;
    let entry;
    try {
      entry = JSON.parse(raw);
    } catch {
      // Not JSON: thrown away as a foreign entry is.
    }
    const valid =
      entry?.kind === key &&
      typeof entry.version === "string" &&
      typeof entry.expires === "number" &&
      entry.data?.constructor === Object;
    if (!valid) notices.add("corrupt");
    else if (entry.expires > Date.now()) return entry;
    place.removeItem(key);
    return null;
  }

  function save(data) {
    const entry = JSON.stringify({
      kind: key,
      version,
      expires: Date.now() + KEEP,
      data,
    });
    const places = [remembered() && local, session, inMemory].filter(Boolean);
    const written = places.find((place) => {
      try {
        place.setItem(key, entry);
        return true;
      } catch {
        // Full or refused: try the next place.
        notices.add("full");
        if (place === local) local.removeItem(flag);
        return false;
      }
    });
    // Drop every other copy, so a reload never shows older answers than the reader has.
    for (const place of [local, ...places])
      if (place && place !== written) place.removeItem(key);
  }

  return {
    notices,
    remembered,
    /** The saved entry ({version, data}) or null. */
    load: () => read(local) || read(session) || read(inMemory),
    save,
    clear: () => forget(key),
    /** Keep this widget's entry on the device (or not); false when blocked. */
    remember(on, data) {
      if (!local) return false; // blocked
      try {
        if (on) local.setItem(flag, "1");
        else local.removeItem(flag);
      } catch {
        notices.add("full");
        return false;
      }
      save(data);
      return remembered() === on;
    },
    /** Call back with another tab's newer entry (only remembered ones are shared). */
    watch(callback) {
      addEventListener("storage", (event) => {
        if (event.key !== key || event.storageArea !== local || !event.newValue) return;
        const entry = read(local, event.newValue);
        if (entry) callback(entry);
      });
    },
  };
}
