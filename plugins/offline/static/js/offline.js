// Offline reading (plugins/offline): registers the site's service worker, asks it to
// keep this page, its images and its checklist PDF, downloads that PDF through it,
// and on the offline page lists the kept posts. Without it (no JavaScript, an old
// browser) the site works as before, online.
const workers = navigator.serviceWorker;
const root = new URL("../../", import.meta.url);
const list = document.querySelector("[data-saved-posts]");
const PDF = 'a[type="application/pdf"]';

async function keepThisPage() {
  await workers.register(new URL("sw.js", root), { scope: root.pathname });
  const registration = await workers.ready;
  const pdfs = [...document.querySelectorAll(PDF)].map((link) => link.href);
  const images = [...document.images].map((image) => image.currentSrc || image.src);
  const page = location.href.split("#")[0];
  registration.active.postMessage({ keep: [page, ...pdfs, ...images] });
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
  const newest = ([, a], [, b]) => b.date.content.localeCompare(a.date.content);
  return [...posts].sort(newest);
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

// The browser fetches a download (`<a download>`) itself, past the worker: without a
// connection that fails. So the PDF is fetched through the worker (fresh when online,
// the kept copy offline) and handed over as a file.
async function downloadThroughWorker(event) {
  const link = event.target.closest(`${PDF}[download]`);
  const plain = !(event.button || event.ctrlKey || event.metaKey || event.shiftKey);
  if (!link || !plain || !workers.controller) return;
  event.preventDefault();
  try {
    const response = await fetch(link.href);
    if (!response.ok) throw new Error(`${response.status} ${link.href}`);
    const { saveFile } = await import("./download.js"); // only when it is needed
    saveFile(await response.blob(), new URL(link.href).pathname.split("/").pop());
  } catch {
    location.href = link.href;
  }
}

if (workers && window.caches) {
  if (list) showSavedPosts();
  else keepThisPage().catch((error) => console.warn("Offline:", error));
  document.addEventListener("click", downloadThroughWorker);
}
