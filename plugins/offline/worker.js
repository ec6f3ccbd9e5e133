// The site's service worker (plugins/offline): the pages a reader opened stay readable
// without a connection. The build writes BUILD above this comment: this build's cache
// version, the files every version keeps (hashed theme files, the offline page), the
// offline page's address, what it never keeps (itself, the search index) and the
// pattern of hashed names. Addresses are relative to this file: the site root.
const PREFIX = "hva-";
const CACHE = PREFIX + BUILD.version;
const ROOT = new URL("./", location.href);
const OFFLINE = new URL(BUILD.offline, ROOT).href;
// Theme files carry a hash of their content in their name: they never change
// (BUILD.hashed: the pattern of those names, sitekit.assets.HASHED_END).
const HASHED = new RegExp(BUILD.hashed);
const NEVER = BUILD.never.map((path) => ROOT.pathname + path);

const hashed = (url) => HASHED.test(url.pathname);

// Worth keeping: the site's own files, without a query (search results, a form's
// ?bron=), except the worker itself and the search index (search needs a connection).
function keepable(url) {
  return (
    url.origin === ROOT.origin &&
    url.pathname.startsWith(ROOT.pathname) &&
    !url.search &&
    !NEVER.some((path) => url.pathname.startsWith(path))
  );
}

// Only a whole, direct answer is kept (not a part of a PDF, not a redirect); a full
// device keeps nothing more, but the reader still gets the page.
async function keep(request, response) {
  if (response.status !== 200 || response.redirected) return;
  try {
    await (await caches.open(CACHE)).put(request, response);
  } catch (error) {
    console.warn("Offline: not kept", request.url ?? request, error);
  }
}

async function store(url) {
  try {
    await keep(url, await fetch(url, { cache: "no-cache" }));
  } catch {
    // Offline: nothing kept now; the next visit with a connection keeps it.
  }
}

// Stores those of the addresses that this build's cache does not hold yet.
async function keepMissing(urls) {
  const cache = await caches.open(CACHE);
  await Promise.all(urls.map(async (url) => (await cache.match(url)) || store(url)));
}

self.addEventListener("install", (event) => {
  const files = BUILD.precache.map((path) => new URL(path, ROOT).href);
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(files))
      .then(() => self.skipWaiting()),
  );
});

// A new build takes over at once: the pages kept by the old one are fetched again from
// this build (so their HTML names this build's CSS and JS), then the old caches go.
async function takeOver() {
  const old = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== CACHE);
  const urls = new Set();
  for (const name of old) {
    for (const request of await (await caches.open(name)).keys()) {
      if (!hashed(new URL(request.url))) urls.add(request.url);
    }
  }
  await keepMissing([...urls]);
  await Promise.all(old.map((name) => caches.delete(name)));
  await self.clients.claim();
}

self.addEventListener("activate", (event) => event.waitUntil(takeOver()));

// A page asks to keep itself, its images and its checklist PDF (the first visit is
// not served by this worker, and a PDF is kept before the reader needs it).
self.addEventListener("message", (event) => {
  const urls = (event.data?.keep ?? []).map((url) => new URL(url)).filter(keepable);
  event.waitUntil(keepMissing(urls));
});

async function cacheFirst(request) {
  const kept = await caches.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  await keep(request, response.clone());
  return response;
}

async function networkFirst(request, keepIt) {
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const kept = await caches.match(request, { ignoreSearch: true });
    if (kept) return kept;
    if (request.mode === "navigate") return caches.match(OFFLINE);
    throw error;
  }
  if (keepIt) await keep(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Forms (POST), other sites, the search index: straight to the network.
  if (request.method !== "GET" || url.origin !== ROOT.origin) return;
  if (hashed(url)) event.respondWith(cacheFirst(request));
  else if (keepable(url) || request.mode === "navigate") {
    event.respondWith(networkFirst(request, keepable(url)));
  }
});
