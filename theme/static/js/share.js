// The "copy link" button under a post: shown only where the clipboard can be used.
import { fill } from "./fill.js";

for (const button of document.querySelectorAll("button[data-copy-url]")) {
  if (!navigator.clipboard) continue;
  const status = button.closest(".share").querySelector(".share-status");
  button.hidden = false;
  button.addEventListener("click", async () => {
    const url = button.dataset.copyUrl;
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = button.dataset.copied;
    } catch {
      status.textContent = fill(button.dataset.failed, { url });
    }
  });
}
