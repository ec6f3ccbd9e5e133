// Offline reading (plugins/offline): registers the site's service worker, asks it to
// keep this page and its checklist PDF, and on the offline page lists the kept posts.
// Without it (no JavaScript, an old browser) the site works as before, online.
const workers = navigator.serviceWorker;
const root = new URL("../../", import.meta.url);
const list = document.querySelector("[data-saved-posts]");

async function keepThisPage() {
  await workers.register(new URL("sw.js", root), { scope: root.pathname });
  const registration = await workers.ready;
  const pdfs = document.querySelectorAll('a[type="application/pdf"]');
  const keep = [location.href.split("#")[0], ...[...pdfs].map((link) => link.href)];
  registration.active.postMessage({ keep });
}

// The kept pages that are posts, newest first, read from the worker's cache.
async function savedPosts() {
  const posts = new Map();
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if (!response.headers.get("content-type")?.startsWith("text/html")) continue;
      const doc = new DOMParser().parseFromString(await response.text(), "text/html");
      const date = doc.querySelector('meta[property="article:published_time"]');
      if (date && doc.querySelector("h1")) {
        posts.set(request.url, { title: doc.querySelector("h1").textContent, date });
      }
    }
  }
  return [...posts].sort(([, a], [, b]) => b.date.content.localeCompare(a.date.content));
}

async function showSavedPosts() {
  const items = (await savedPosts()).map(([url, post]) => {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = url;
    link.textContent = post.title;
    item.append(link);
    return item;
  });
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
  document.querySelector("[data-no-saved-posts]").hidden = items.length > 0;
}

if (workers && window.caches) {
  if (list) showSavedPosts();
  else keepThisPage().catch((error) => console.warn("Offline:", error));
}
