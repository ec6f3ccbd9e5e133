// Site search on /zoeken/ with Pagefind's JS API, self-hosted (see plugins/findability).
// The form is a plain GET form; this script runs the query in the page instead.
import { fill } from "./fill.js";

const form = document.querySelector("form.search-form");
const input = form.querySelector("input[name=q]");
const results = document.querySelector(".search-results");
const status = results.querySelector(".search-status");
const list = results.querySelector(".search-list");
const MAX_RESULTS = 20;
// A match in what a post is about (its title; its tags, article.html) counts as much
// as a heading: such a post ranks above pages that merely mention the word.
const RANKING = { metaWeights: { title: 5, tags: 5 } };

let pagefind;
async function engine() {
  if (!pagefind) {
    const url = new URL(form.dataset.pagefind, document.baseURI);
    pagefind = await import(url.href);
    // Result URLs are root-relative; the site root is the folder above the bundle.
    await pagefind.options({ baseUrl: new URL("..", url).pathname, ranking: RANKING });
  }
  return pagefind;
}

const flat = (text) => text.replace(/\s+/g, " ").trim();

// Keep only text and <mark> from an excerpt: it is shown, never trusted as HTML.
// Pagefind cuts excerpts at words; "…" says where the page's text goes on.
function excerpt(html, content) {
  const parsed = new DOMParser().parseFromString(html, "text/html");
  const out = document.createElement("p");
  for (const node of parsed.body.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      out.append(node.textContent);
    }
  }
  const shown = flat(out.textContent);
  const whole = flat(content);
  const at = whole.indexOf(shown);
  if (at !== 0) out.prepend("… ");
  if (at === -1 || at + shown.length < whole.length) out.append(" …");
  return out;
}

function render(item) {
  const li = document.createElement("li");
  const heading = document.createElement("h3");
  const link = document.createElement("a");
  link.href = item.url;
  link.textContent = item.meta.title;
  heading.append(link);
  li.append(heading, excerpt(item.excerpt, item.content));
  return li;
}

function message(count, query) {
  const template =
    count === 0 ? form.dataset.none : count === 1 ? form.dataset.one : form.dataset.many;
  return fill(template, { n: count, q: query });
}

// Letters and digits only, lowercase, without accents: how words are compared here.
const bare = (word) =>
  word.toLowerCase().normalize("NFD").replace(/[^\p{L}\p{N}]/gu, "");

// Pagefind answers a word it does not know with the longest word it does know that
// the query word begins with ("hoefijzerxyz" finds "hoe"; pagefind_web's
// find_word_extensions), and has no option against it. So a query word counts only
// when Pagefind knows it exactly (its Dutch stem, searched in quotes), or a word on a
// page found begins with it (an unfinished word: "hoefsm"). Results hold every query
// word, so the first one shows whether any word was only guessed.
async function guessed(pagefind, query, first) {
  const found = first.locations.map((at) => bare(first.content.split(/\s+/)[at] ?? ""));
  for (const word of query.split(/\s+/).map(bare).filter(Boolean)) {
    if (found.some((match) => match.startsWith(word))) continue;
    if ((await pagefind.search(`"${word}"`)).results.length === 0) return true;
  }
  return false;
}

let latest = 0;
async function run(query) {
  const ticket = ++latest;
  results.hidden = false;
  list.replaceChildren();
  status.textContent = form.dataset.busy;
  try {
    const pagefind = await engine();
    const search = await pagefind.search(query);
    let items = await Promise.all(
      search.results.slice(0, MAX_RESULTS).map((result) => result.data()),
    );
    if (items.length && (await guessed(pagefind, query, items[0]))) items = [];
    if (ticket !== latest) return;
    list.replaceChildren(...items.map(render));
    status.textContent = message(items.length && search.results.length, query);
  } catch (error) {
    status.textContent = form.dataset.failed;
    console.warn("Pagefind:", error);
  }
}

document.getElementById("zoeken-zonder-js").hidden = true;
form.addEventListener("submit", (event) => {
  event.preventDefault();
  const query = input.value.trim();
  if (!query) return;
  const url = new URL(location.href);
  url.searchParams.set("q", query);
  history.pushState(null, "", url);
  run(query);
});
window.addEventListener("popstate", () => {
  const query = new URLSearchParams(location.search).get("q")?.trim();
  input.value = query ?? "";
  if (query) run(query);
  else results.hidden = true;
});

const initial = new URLSearchParams(location.search).get("q")?.trim();
if (initial) {
  input.value = initial;
  run(initial);
}
