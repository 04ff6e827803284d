// Quick exit for the page (index.html and the offline single file), working from the first paint,
// before the engine and the rest of the page have loaded. A classic script, not a module, so it
// runs as soon as the parser reaches it.
//
// - The link #cc-quick-exit is the first thing in the page (first in tab order) and sticky
//   (style.css). Without JavaScript it is a plain link to about:blank.
// - Clicking it, or pressing Esc twice within a second anywhere in the page, leaves at once:
//   what the tool put on the clipboard is overwritten, the form is emptied (app/tool.js
//   registers how), the tab title is blanked and the page is replaced in the history by
//   about:blank (location.replace), so Back does not lead back to the tool.
//
// The labels below are data/texts/ui.toml's "ui.quick-exit" and "ui.quick-exit.hint" (a test
// checks they are the same): they are needed before the engine, which holds the texts, has
// loaded. Once it has, the tool (app/tool.js) sets them from the data.
//
// It also preloads the visitor's language files named by <meta name="cc-preload"> (index.html;
// not in the offline single file), so that app.js's fetch() of them does not wait a round trip.
(function () {
  "use strict";
  var LABELS = {
    en: ["Quick exit", "or press Esc twice"],
    fr: ["Sortie rapide", "ou appuyez deux fois sur Échap"],
    de: ["Schnell verlassen", "oder zweimal Esc drücken"],
    ru: ["Быстрый выход", "или дважды нажмите Esc"],
  };
  var link = document.getElementById("cc-quick-exit");
  var hint = document.getElementById("cc-quick-exit-hint");
  var copied = false;
  var before = [];
  var leaving = false;
  var lastEsc = 0;

  function pick() {
    var list = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]) || [];
    for (var i = 0; i < list.length; i++) {
      var base = String(list[i] || "").toLowerCase().split(/[-_]/)[0];
      if (LABELS[base]) return base;
    }
    return "en";
  }

  function label(text, hintText, lang) {
    if (link) {
      link.textContent = text;
      if (lang) link.setAttribute("lang", lang);
    }
    if (hint) {
      hint.textContent = hintText;
      if (lang) hint.setAttribute("lang", lang);
    }
  }

  /** Overwrites the clipboard: synchronously where the browser allows it, else asynchronously. */
  function clearClipboard() {
    var done = false;
    try {
      var onCopy = function (e) {
        e.clipboardData.setData("text/plain", "");
        e.preventDefault();
        done = true;
      };
      document.addEventListener("copy", onCopy, true);
      document.execCommand("copy");
      document.removeEventListener("copy", onCopy, true);
    } catch (e) {
      done = false;
    }
    var later = null;
    try {
      if (navigator.clipboard && navigator.clipboard.writeText) later = navigator.clipboard.writeText("");
    } catch (e) {
      later = null;
    }
    if (!later) return Promise.resolve(done);
    // Never wait long: leaving matters more than a clipboard the browser refuses to write.
    return Promise.race([
      later.then(function () { return true; }, function () { return done; }),
      new Promise(function (ok) { setTimeout(function () { ok(done); }, 400); }),
    ]);
  }

  function leave() {
    document.title = "";
    location.replace("about:blank");
  }

  function exit(event) {
    if (event && event.preventDefault) event.preventDefault();
    if (leaving) return;
    leaving = true;
    for (var i = 0; i < before.length; i++) {
      try { before[i](); } catch (e) { /* leave anyway */ }
    }
    if (copied) clearClipboard().then(leave, leave);
    else leave();
  }

  function preload(lang) {
    var meta = document.querySelector('meta[name="cc-preload"]');
    if (!meta) return;
    var files = String(meta.getAttribute("content") || "").split(/\s+/);
    for (var i = 0; i < files.length; i++) {
      if (!files[i]) continue;
      var l = document.createElement("link");
      l.rel = "preload";
      l.as = "fetch";
      l.crossOrigin = "anonymous";
      l.href = files[i].replace("{lang}", lang);
      document.head.appendChild(l);
    }
  }
  try {
    preload(pick());
  } catch (e) {
    /* the page fetches them itself */
  }

  if (link) {
    var lang = pick();
    label(LABELS[lang][0], LABELS[lang][1], lang);
    link.addEventListener("click", exit);
  }
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape" || e.repeat) return;
    var now = Date.now();
    if (now - lastEsc < 1000) exit(e);
    else lastEsc = now;
  }, true);

  window.ccQuickExit = {
    /** Leaves now (as the link does). */
    exit: exit,
    /** The tool put something on the clipboard: exit overwrites it. */
    copied: function () { copied = true; },
    /** Runs fn (e.g. emptying the form) just before leaving. */
    beforeExit: function (fn) { before.push(fn); },
    /** The labels in the language the page now shows. */
    label: label,
    LABELS: LABELS,
  };
})();
