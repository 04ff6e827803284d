// Languages and interface texts: which languages the tool speaks, how a browser's or an
// attribute's language maps onto one of them, and how an interface text (data/texts/ui.toml) is
// looked up and filled in.

export const LANGS = ["en", "fr", "de", "ru"];
export const LOCALES = { en: "en-GB", fr: "fr", de: "de", ru: "ru" };

/** The first supported language among candidates (e.g. navigator.languages), else "en". */
export function pickLang(candidates) {
  for (const c of candidates || []) {
    const base = String(c || "").trim().toLowerCase().split(/[-_]/)[0];
    if (LANGS.includes(base)) return base;
  }
  return "en";
}

/** The language a value names exactly ("de", "de-CH"), or null. */
export function langOf(value) {
  if (typeof value !== "string") return null;
  const m = /^([a-z]{2})(?:[-_][a-z0-9]{1,8})*$/i.exec(value.trim());
  const base = m ? m[1].toLowerCase() : null;
  return base && LANGS.includes(base) ? base : null;
}

// Interface text ids are kebab-case (data/texts/ui.toml): "f.studies.fullTime" is "f.studies.full-time".
export const uiKey = (key) => key.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/** Fills the {name} placeholders of an interface text; unknown names stay as they are. */
export function fill(s, params) {
  return oneStop(s.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m)));
}

/** Russian dates end with "г."; a sentence that ends with one takes no second full stop. */
export function oneStop(s) {
  return String(s).replace(/(\d г)\.\./g, "$1.");
}

/**
 * The interface texts of each language (data/texts/ui.toml, which `make dist` writes to
 * ui.<lang>.json next to the page's script): a language's file is loaded when the language is
 * first needed — the form's, and the memo's when it differs — and kept while the tab is open.
 *   url(lang)   where ui.<lang>.json is (the page and the element: next to their script)
 *   preloaded   { en: {…}, … }: texts that are there already (the offline single file has all
 *               four, and loads nothing)
 * get(lang) gives the texts if they are loaded (else undefined); load(lang) a promise of them.
 */
export function textStore({ url, preloaded } = {}) {
  const have = new Map(Object.entries(preloaded || {}));
  const loading = new Map();
  return {
    get: (lang) => have.get(lang),
    load(lang) {
      if (have.has(lang)) return Promise.resolve(have.get(lang));
      if (!LANGS.includes(lang) || !url) return Promise.reject(new Error(`conscription-check: no interface texts for "${lang}"`));
      let p = loading.get(lang);
      if (!p) {
        p = (async () => {
          const res = await fetch(url(lang));
          if (!res.ok) throw new Error(`ui.${lang}.json: HTTP ${res.status}`);
          const texts = await res.json();
          if (!texts || typeof texts !== "object" || Array.isArray(texts)) throw new Error(`ui.${lang}.json: not an object of texts`);
          have.set(lang, texts);
          return texts;
        })().finally(() => loading.delete(lang));
        loading.set(lang, p);
      }
      return p;
    },
  };
}
