// The preview's reload (authoring/preview.py), never part of the built site: the
// server sends one "reload" event once a build newer than this page has finished.
const generation = document.currentScript.dataset.generation;
const events = new EventSource(`/_preview/events?since=${generation}`);
events.addEventListener("reload", () => {
  events.close();
  window.location.reload();
});
