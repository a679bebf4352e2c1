// Small browser-side helpers the portal calls through JS interop.
window.portal = {
  // Remembers light or dark for a year, so the server renders the next visit in the same mode.
  saveTheme: function (mode) {
    document.cookie = "portal-theme=" + (mode === "dark" ? "dark" : "light") + "; path=/; max-age=31536000; samesite=lax";
    document.body.classList.toggle("portal-dark", mode === "dark");
    document.body.classList.toggle("portal-light", mode !== "dark");
  },

  // Called once the interactive session is connected.
  markInteractive: function () {
    document.body.dataset.interactive = "true";
  }
};
