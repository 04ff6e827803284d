// The page's interface texts, data/texts/ui.toml, read with smol-toml for the page and the
// element: one object per language, keyed by the id without "ui." ("ui.quick-exit" is
// "quick-exit"), in id order. They are not in the wasm: `make dist` writes them to
// dist/ui.<lang>.json (and all four into the offline single file), scripts/finish-pkg.mjs to
// pkg/ for the element. The checks of the file (ids, all four languages, the same placeholders
// in each) stay with the knowledge build (src/knowledge/schema.rs, run by build.rs and
// tests/knowledge.rs), which runs before this.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "smol-toml";

export const LANGS = ["en", "fr", "de", "ru"];
export const UI_TOML = join("data", "texts", "ui.toml");

/** { en: { "quick-exit": "Quick exit", … }, fr: …, de: …, ru: … } from data/texts/ui.toml under root. */
export function uiTexts(root) {
  const file = join(root, UI_TOML);
  const doc = parse(readFileSync(file, "utf8"));
  const entries = Array.isArray(doc.text) ? doc.text : [];
  const out = Object.fromEntries(LANGS.map((l) => [l, {}]));
  const ids = entries.map((t) => String(t.id)).sort();
  const byId = new Map(entries.map((t) => [String(t.id), t]));
  for (const id of ids) {
    const t = byId.get(id);
    if (!id.startsWith("ui.")) throw new Error(`${UI_TOML}: text "${id}" does not start with "ui."`);
    for (const lang of LANGS) {
      if (typeof t[lang] !== "string") throw new Error(`${UI_TOML}: text "${id}" has no ${lang}`);
      out[lang][id.slice(3)] = t[lang];
    }
  }
  if (!ids.length) throw new Error(`${UI_TOML}: no [[text]] entries`);
  return out;
}

/** The file of one language, as written to dist/ and pkg/. */
export const uiFileName = (lang) => `ui.${lang}.json`;
