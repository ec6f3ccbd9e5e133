// The phone menu is a <details> that opens without JavaScript; with it, Escape closes
// the open menu and puts the focus back on its button.
const menu = document.querySelector(".nav-toggle");
menu?.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && menu.open) {
    menu.open = false;
    menu.querySelector("summary").focus();
  }
});
