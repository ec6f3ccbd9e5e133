// Answers kept on the reader's device, under the site's privacy model:
// sessionStorage by default; localStorage (with a version and an expiry) only after the
// reader opts in with "onthoud op dit apparaat"; an in-memory fallback when storage is
// full or blocked. Nothing here ever leaves the device.

const PREFIX = "hva:";
const REMEMBER = PREFIX + "remember";
const DAY = 86400000;

function usable(kind) {
  try {
    const storage = window[kind];
    const probe = PREFIX + "probe";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

const memory = new Map();
const memoryStorage = {
  getItem: (key) => (memory.has(key) ? memory.get(key) : null),
  setItem: (key, value) => memory.set(key, String(value)),
  removeItem: (key) => memory.delete(key),
};

/** Whether the reader chose to keep answers on this device. */
export function remembering() {
  const local = usable("localStorage");
  return Boolean(local && local.getItem(REMEMBER) === "1");
}

/**
 * A store for one thing the reader fills in, e.g. openStore("worksheet:doelen", "3f2a").
 * `version` identifies the definition the answers were made with.
 * Notices are codes for the page to show: "corrupt" (an unreadable entry was thrown
 * away), "memory" (storage is blocked or full: answers last until the tab closes).
 */
export function openStore(name, version, { days = 90 } = {}) {
  const key = PREFIX + name;
  const notices = new Set();
  const session = usable("sessionStorage");
  const local = usable("localStorage");
  if (!session) notices.add("memory");

  const target = () => (remembering() && local) || session || memoryStorage;

  function read(storage) {
    const raw = storage && storage.getItem(key);
    if (raw === null || raw === undefined) return null;
    try {
      const entry = JSON.parse(raw);
      const valid =
        entry && typeof entry === "object" && entry.kind === key &&
        typeof entry.version === "string" && typeof entry.expires === "number" &&
        entry.data && typeof entry.data === "object" && !Array.isArray(entry.data);
      if (!valid) throw new Error("foreign entry");
      if (entry.expires < Date.now()) {
        storage.removeItem(key);
        return null;
      }
      return entry;
    } catch {
      storage.removeItem(key);
      notices.add("corrupt");
      return null;
    }
  }

  return {
    notices,
    /** The saved entry ({version, saved, data}) or null. */
    load() {
      return read(target()) || read(local) || read(session) || read(memoryStorage);
    },
    save(data) {
      const entry = JSON.stringify({
        kind: key,
        version,
        saved: new Date().toISOString(),
        expires: Date.now() + days * DAY,
        data,
      });
      let written = target();
      try {
        written.setItem(key, entry);
      } catch {
        // Full or refused: keep the answers in memory for this page, and drop the
        // failing storage's older entry below, so a reload never shows stale answers.
        notices.add("memory");
        written = memoryStorage;
        written.setItem(key, entry);
      }
      for (const other of [local, session, memoryStorage]) {
        if (other && other !== written) other.removeItem(key);
      }
    },
    clear() {
      for (const storage of [local, session, memoryStorage]) {
        if (storage) storage.removeItem(key);
      }
    },
  };
}

/**
 * Turn "onthoud op dit apparaat" on or off for the whole site, moving every saved
 * entry to the storage that now applies. Returns false when localStorage is blocked.
 */
export function setRemembering(on) {
  const local = usable("localStorage");
  const session = usable("sessionStorage") || memoryStorage;
  if (!local) return false;
  if (on) local.setItem(REMEMBER, "1");
  else local.removeItem(REMEMBER);
  const [from, to] = on ? [session, local] : [local, session];
  const keys = from === memoryStorage ? [...memory.keys()] : Object.keys(from);
  for (const key of keys) {
    if (!key.startsWith(PREFIX) || key === REMEMBER) continue;
    to.setItem(key, from.getItem(key));
    from.removeItem(key);
  }
  return true;
}
