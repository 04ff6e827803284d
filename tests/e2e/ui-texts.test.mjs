// The interface strings (data/texts/ui.toml, built into dist/ui.<lang>.json): every key the
// page asks for exists, every status API.md defines has its words, and the French, German and
// Russian strings are translations, not English left in place. (The pages log a console error
// for any missing key they render, which every browser test fails on.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { LANGS, ROOT, uiTexts } from "./helpers.mjs";

const kebab = (k) => k.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
const ui = async (lang) => uiTexts(lang);

test("every literal key the page uses exists in every language", async () => {
  // The tool's modules (www/app/) and the element.
  const dir = join(ROOT, "www", "app");
  const code = [...readdirSync(dir).filter((f) => f.endsWith(".js")).map((f) => join(dir, f)), join(ROOT, "www", "element.js")]
    .map((f) => readFileSync(f, "utf8")).join("\n");
  const keys = new Set([...code.matchAll(/\bt\("([a-z][\w.-]*)"/g)].map((m) => kebab(m[1])));
  assert.ok(keys.size > 80, `found ${keys.size} keys`);
  for (const lang of LANGS) {
    const u = await ui(lang);
    assert.deepEqual([...keys].filter((k) => !(k in u)), [], `missing in ${lang}`);
  }
});

test("every status, severity and kind of API.md has its words", async () => {
  const want = [
    ...["likely", "unlikely", "uncertain", "not-applicable"].map((s) => `st.deferral.${s}`),
    ...["apply", "possible", "not-applicable", "unknown"].map((s) => `st.restrictions.${s}`),
    ...["high", "moderate", "low", "unknown"].map((s) => `st.return-risk.${s}`),
    ...["high", "moderate", "low", "not-applicable", "unknown"].map((s) => `st.deployment.${s}`),
    "st.payment.illegal",
    ...["likely", "possible", "unlikely", "not-applicable", "unknown"].map((s) => `st.exposure.${s}`),
    ...["below", "within", "above", "unknown"].map((s) => `st.age.${s}`),
    ...["info", "caution", "warning"].map((s) => `sev.${s}`),
    "kind.administrative", "kind.criminal",
    ...["deferral", "restrictions", "return-risk", "deployment", "payment", "age", "exposure"].map((s) => `chip.${s}`),
    ...["age", "deferral", "penalties", "restrictions", "return-risk", "deployment", "payment"].map((s) => `res.${s}`),
  ];
  for (const lang of LANGS) {
    const u = await ui(lang);
    assert.deepEqual(want.filter((k) => !(k in u)), [], `missing in ${lang}`);
  }
});

test("French, German and Russian are translated, in the glossary's terms", async () => {
  const en = await ui("en");
  // Strings that are rightly the same as in English (formats, names, words shared by the languages).
  const same = {
    fr: ["cite.page", "converter.result", "currency.eur", "currency.rub", "money.range", "sev.info"],
    de: ["chip", "f.region", "money.range", "o.region.dagestan", "open.change"],
    ru: ["chip", "money.range", "open.change"],
  };
  for (const lang of ["fr", "de", "ru"]) {
    const u = await ui(lang);
    assert.deepEqual(Object.keys(u).sort(), Object.keys(en).sort(), `${lang} has the same keys`);
    assert.deepEqual(Object.keys(u).filter((k) => u[k] === en[k] && !same[lang].includes(k)), [], `${lang} strings left in English`);
  }
  const ru = await ui("ru");
  const noCyrillic = Object.keys(ru).filter((k) => !/[а-яё]/i.test(ru[k]) && !["chip", "money.range", "age.line", "open.change"].includes(k));
  assert.deepEqual(noCyrillic, [], "Russian strings without Russian");
  const all = async (lang) => Object.values(await ui(lang)).join("\n").toLowerCase();
  const fr = await all("fr");
  for (const term of ["insoumission", "report", "bureau de recrutement militaire", "convocation"]) assert.ok(fr.includes(term), `fr uses "${term}"`);
  const de = await all("de");
  for (const term of ["zurückstellung", "vorladung", "militärkommissariat", "wehrdienstentziehung"]) assert.ok(de.includes(term), `de uses "${term}"`);
  const rus = await all("ru");
  for (const term of ["отсрочк", "повестк", "военкомат", "уклонение от призыва"]) assert.ok(rus.includes(term), `ru uses "${term}"`);
});
