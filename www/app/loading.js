// What the page and the element show before the tool is there: a quick exit while the engine
// loads, and the load failure (the engine could not start, or the page's security policy
// blocked it). These few texts can't come from the interface texts, which may not be loaded yet.
import { h } from "./dom.js";
import { clip } from "./format.js";

// Shown only when the engine cannot start (before any interface text can be read from it).
const LOAD_FAILED = {
  en: "The tool could not start in this browser. Try an up-to-date browser.",
  fr: "L’outil n’a pas pu démarrer dans ce navigateur. Essayez un navigateur à jour.",
  de: "Das Werkzeug konnte in diesem Browser nicht starten. Bitte einen aktuellen Browser verwenden.",
  ru: "Инструмент не удалось запустить в этом браузере. Попробуйте обновлённый браузер.",
};

// Quick exit while the engine loads (element.js): the labels are data/texts/ui.toml's
// "ui.quick-exit" and "ui.quick-exit.hint", repeated here and in quick-exit.js because the
// engine that holds the texts is not there yet (a test checks they are the same).
export const EXIT_LABELS = {
  en: ["Quick exit", "or press Esc twice"],
  fr: ["Sortie rapide", "ou appuyez deux fois sur Échap"],
  de: ["Schnell verlassen", "oder zweimal Esc drücken"],
  ru: ["Быстрый выход", "или дважды нажмите Esc"],
};

/** A quick-exit button (and Esc twice) in a container that has nothing else yet. */
export function showLoadingExit(container, lang, go) {
  const [label, hint] = EXIT_LABELS[lang] || EXIT_LABELS.en;
  let last = 0;
  const box = h("div", { class: "cc", lang, "data-cc-loading": "" },
    h("div", { class: "cc-exit-bar" },
      h("button", { type: "button", class: "cc-exit", "data-cc": "quick-exit", onclick: go }, label),
      h("span", { class: "cc-exit-hint" }, hint)));
  box.addEventListener("keydown", (e) => {
    if (e.key !== "Escape" || e.repeat) return;
    if (Date.now() - last < 1000) go();
    else last = Date.now();
  });
  container.replaceChildren(box);
}

// Shown instead when the page's Content-Security-Policy blocked the engine ({directive}: the
// directive the browser named, e.g. script-src).
const LOAD_BLOCKED = {
  en: "The security policy of this website (Content-Security-Policy, {directive}) prevents the tool from starting. The website’s operator can allow it with script-src 'wasm-unsafe-eval' and connect-src 'self'.",
  fr: "La politique de sécurité de ce site (Content-Security-Policy, {directive}) empêche l’outil de démarrer. L’exploitant du site peut l’autoriser avec script-src 'wasm-unsafe-eval' et connect-src 'self'.",
  de: "Die Sicherheitsrichtlinie dieser Website (Content-Security-Policy, {directive}) verhindert den Start des Werkzeugs. Der Betreiber der Website kann ihn mit script-src 'wasm-unsafe-eval' und connect-src 'self' zulassen.",
  ru: "Политика безопасности этого сайта (Content-Security-Policy, {directive}) не позволяет запустить инструмент. Администратор сайта может разрешить запуск с помощью script-src 'wasm-unsafe-eval' и connect-src 'self'.",
};

/**
 * Shows the load failure in the language of the browser; used by the page and the element.
 * blockedBy: the CSP directive that blocked the engine, if the browser reported one.
 */
export function showLoadError(container, lang, blockedBy = null) {
  const text = blockedBy
    ? (LOAD_BLOCKED[lang] || LOAD_BLOCKED.en).replace("{directive}", clip(blockedBy))
    : LOAD_FAILED[lang] || LOAD_FAILED.en;
  container.replaceChildren(h("p", { class: "cc-load-error", role: "alert", lang, "data-cc": blockedBy ? "load-blocked" : "load-failed" }, text));
}
