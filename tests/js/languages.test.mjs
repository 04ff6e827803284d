// Texts per language (issue 15): the module carries no text; each language's texts file
// (pkg/texts/<lang>.bin) is handed to it by init, initSync or loadLanguage. Each test here
// works on its own copy of the package (the glue keeps one instance per module URL), so
// nothing is loaded that the test did not load.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { cc as full, root } from "./load.mjs";

const LANGS = ["en", "fr", "de", "ru"];
const wasm = readFileSync(join(root, "pkg/conscription_check_bg.wasm"));
const file = Object.fromEntries(LANGS.map((l) => [l, readFileSync(join(root, `pkg/texts/${l}.bin`))]));
const copies = [];
process.on("exit", () => copies.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fresh copy of the package's entry, with an instance of its own. */
async function fresh() {
  const dir = mkdtempSync(join(tmpdir(), "cc-lang-"));
  copies.push(dir);
  cpSync(join(root, "pkg"), dir, { recursive: true });
  return import(pathToFileURL(join(dir, "conscription_check.js")).href);
}

const student = { birthDate: "2003-05-20", studies: { current: "university", fullTime: true, afterTechnicalCollege: false, changedSubject: false }, health: { fitness: "a" } };
const codes = (fn) => {
  try {
    fn();
  } catch (e) {
    assert.equal(e.name, "AssessError", String(e));
    return e.issues.map((i) => `${i.path} ${i.code}`);
  }
  assert.fail("no AssessError");
};

test("initSync without texts: assess and knowledge refuse every language, convert works", async () => {
  const cc = await fresh();
  assert.equal(cc.isLanguageLoaded("en"), false);
  await assert.rejects(cc.loadLanguage("en", file.en), /not loaded yet/);
  cc.initSync({ module: wasm });
  for (const lang of LANGS) {
    assert.equal(cc.isLanguageLoaded(lang), false);
    assert.deepEqual(codes(() => cc.assess(student, { lang, asOf: "2025-11-01" })), ["options.lang language-not-loaded"]);
    assert.deepEqual(codes(() => cc.knowledge({ lang })), ["options.lang language-not-loaded"]);
  }
  assert.deepEqual(codes(() => cc.assess(student, { asOf: "2025-11-01" })), ["options.lang language-not-loaded"], "the default, en");
  assert.match(codes(() => cc.knowledge())[0], /language-not-loaded/);
  assert.equal(cc.convert(10000, "CHF"), 102);
});

test("one language loaded: results in it are those of the four-language engine; the others are refused", async () => {
  const cc = await fresh();
  cc.initSync({ module: wasm, texts: { fr: file.fr } });
  assert.equal(cc.isLanguageLoaded("fr"), true);
  assert.equal(cc.isLanguageLoaded("en"), false);
  const opts = { lang: "fr", asOf: "2025-11-01" };
  assert.deepEqual(cc.assess(student, opts), full.assess(student, opts));
  assert.deepEqual(cc.knowledge({ lang: "fr" }), full.knowledge({ lang: "fr" }), "glossary's English terms included");
  for (const lang of ["en", "de", "ru"]) {
    assert.deepEqual(codes(() => cc.assess(student, { lang, asOf: "2025-11-01" })), ["options.lang language-not-loaded"]);
  }
  // Bad input is still reported as such in a loaded language; the language check comes first otherwise.
  assert.deepEqual(codes(() => cc.assess({ birthdate: 1 }, opts)), ["birthdate unknown-field"]);
});

test("loadLanguage: bytes or a Response, idempotent, then every language as the four-language engine", async () => {
  const cc = await fresh();
  cc.initSync({ module: wasm, texts: {} });
  await cc.loadLanguage("de", file.de);
  await cc.loadLanguage("ru", new Response(file.ru));
  await cc.loadLanguage("de"); // loaded: resolves at once, nothing fetched
  await Promise.all([cc.loadLanguage("en", Promise.resolve(new Response(file.en))), cc.loadLanguage("en", file.en)]);
  cc.initSync({ module: wasm, texts: { fr: file.fr.buffer.slice(file.fr.byteOffset, file.fr.byteOffset + file.fr.byteLength) } });
  for (const lang of LANGS) {
    assert.equal(cc.isLanguageLoaded(lang), true, lang);
    const opts = { lang, asOf: "2026-03-01" };
    assert.deepEqual(cc.assess({ ...student, summonses: [{ date: "2025-11-10", appeared: false }] }, opts), full.assess({ ...student, summonses: [{ date: "2025-11-10", appeared: false }] }, opts));
  }
});

test("loadLanguage refuses another language, a wrong file, another build's or a damaged one", async () => {
  const cc = await fresh();
  cc.initSync({ module: wasm });
  await assert.rejects(cc.loadLanguage("es", file.en), (e) => e.name === "AssessError" && e.issues[0].code === "unsupported-language");
  await assert.rejects(cc.loadLanguage("ru", file.en), /texts\/ru\.bin: the texts file is for the language "en"/);
  await assert.rejects(cc.loadLanguage("en", wasm), /not a texts file/);
  const other = Uint8Array.from(file.en);
  other[5] ^= 1;
  await assert.rejects(cc.loadLanguage("en", other), /another build/);
  await assert.rejects(cc.loadLanguage("en", file.en.subarray(0, file.en.length - 3)), /damaged/);
  await assert.rejects(cc.loadLanguage("en", new TextEncoder().encode("<!doctype html><p>not found")), /with a web page/);
  await assert.rejects(cc.loadLanguage("en", new Response("gone", { status: 404 })), /HTTP 404/);
  assert.equal(cc.isLanguageLoaded("en"), false, "nothing of it was kept");
  await cc.loadLanguage("en", file.en);
  assert.equal(cc.assess(student, { asOf: "2025-11-01" }).lang, "en");
});

test("a fresh instance (reset) gets the loaded languages again, and no others", async () => {
  const cc = await fresh();
  cc.initSync({ module: wasm, texts: { ru: file.ru } });
  const before = cc.assess(student, { lang: "ru", asOf: "2025-11-01" });
  cc.reset();
  assert.deepEqual(cc.assess(student, { lang: "ru", asOf: "2025-11-01" }), before);
  assert.deepEqual(codes(() => cc.assess(student, { lang: "en", asOf: "2025-11-01" })), ["options.lang language-not-loaded"]);
});

test("init: the default language, the languages it is given, loadLanguage while it runs", async () => {
  const a = await fresh();
  // Node's fetch can't read file: URLs, so the files are given (as a browser would fetch them).
  await assert.rejects(a.default({ module_or_path: wasm, languages: ["es"] }), (e) => e.issues?.[0].path === "options.languages[0]");
  const started = a.default({ module_or_path: wasm, languages: ["ru"], texts: { ru: file.ru } });
  const more = a.loadLanguage("de", file.de); // while init runs
  await started;
  await more;
  assert.deepEqual(LANGS.filter((l) => a.isLanguageLoaded(l)), ["de", "ru"]);

  const b = await fresh();
  await b.default({ module_or_path: wasm, texts: { en: file.en } }); // languages: those given
  assert.deepEqual(LANGS.filter((l) => b.isLanguageLoaded(l)), ["en"]);

  const c = await fresh();
  await c.default({ module_or_path: wasm, languages: [] });
  assert.deepEqual(LANGS.filter((l) => c.isLanguageLoaded(l)), []);
});
