// conscription-check: the package's entry (pkg/conscription_check.js, copied from
// www/engine/ by scripts/finish-pkg.mjs). It keeps the contract of the wasm-bindgen module it
// wraps (init, initSync, assess, knowledge, convert) and adds what that module cannot do for
// itself:
//
// - Texts per language (issue 15). The module carries the logic, the values and the ids; the
//   texts of each language are a file of their own (texts/en.bin, fr, de, ru, next to this
//   file). init() loads the module and the default language (English, or the `languages` it is
//   given), loadLanguage(lang) any other; assess and knowledge stay synchronous and refuse a
//   language that is not loaded ("language-not-loaded"). The bytes are kept here, so that a
//   fresh instance (below) gets them again.
//
// - Bounded work before the boundary. An argument's size is checked while it is turned into
//   JSON, before anything is copied into WebAssembly memory: an array of more than 1,000
//   elements (summonses are at most 1,000) or more than 1,000,000 characters of JSON is refused
//   with code "too-large" as soon as it is seen, so `{ summonses: new Array(1e7) }` costs
//   nothing.
// - No host exception inside the module. JSON.stringify runs here, inside its own try; a
//   BigInt, a cycle, a throwing getter, toJSON or Proxy, or nesting too deep becomes an
//   AssessError ("invalid-input") without ever reaching the wasm side, so nothing is held
//   there for it (the externref table does not grow).
// - Recovery. The module answers with text (R + result, or E + error) and never throws; a call
//   that ends in an exception anyway (a WebAssembly.RuntimeError, or a stack overflow inside
//   the module when called near the JavaScript stack limit) may have left the instance in a
//   bad state, so the instance is discarded and a fresh one is made from the same compiled
//   module before the next call. reset() does the same on demand.
import * as glue from "./conscription_check_glue.js";

/** Longest JSON text accepted per argument, in UTF-16 code units. */
export const MAX_JSON_LENGTH = 1_000_000;
/** Longest array accepted anywhere (summonses: at most 1,000). */
export const MAX_ARRAY_LENGTH = 1000;
// Deeper nesting is refused here, before JSON.stringify recurses into it (the engine itself
// refuses more than 128 levels; a case has 4).
const MAX_DEPTH = 200;

let exportsNow = null; // the current instance's exports; null before init
let loading = null; // init()'s promise, while it runs
let broken = false; // the last call ended abnormally inside the instance

const LANGS = ["en", "fr", "de", "ru"];
// Literal URLs, one per file, so that bundlers (Vite, webpack) find and copy them as they do
// the .wasm.
const TEXT_URLS = {
  en: () => new URL("./texts/en.bin", import.meta.url),
  fr: () => new URL("./texts/fr.bin", import.meta.url),
  de: () => new URL("./texts/de.bin", import.meta.url),
  ru: () => new URL("./texts/ru.bin", import.meta.url),
};
const texts = new Map(); // lang → the texts file's bytes, loaded into the current instance
const pending = new Map(); // lang → loadLanguage's promise, while it runs

function notReady() {
  return new Error(
    "conscription-check: the engine is not loaded yet. Call `await init()` (browser, bundler) or " +
      "`initSync({ module: bytes })` first; in Node, `import … from \"conscription-check\"` loads it by itself.",
  );
}

function assessError(issues) {
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  const e = new Error(message);
  e.name = "AssessError";
  e.issues = issues;
  return e;
}

/** Whether `e` is an error thrown by assess, knowledge or convert for invalid input. */
export function isAssessError(e) {
  return typeof e === "object" && e !== null && e.name === "AssessError" && Array.isArray(e.issues);
}

const clip = (s, n = 200) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** What a host exception says, without keeping it (and without anything that may throw again). */
function describe(e) {
  try {
    if (e instanceof Error && typeof e.message === "string") return clip(e.message);
  } catch {
    // a throwing getter on the exception itself
  }
  return "it cannot be converted to JSON";
}

class Refusal {
  constructor(issue) {
    this.issue = issue;
  }
}

function tooLarge(path) {
  return {
    path,
    code: "too-large",
    message: `more than ${MAX_JSON_LENGTH} characters of JSON given; at most ${MAX_JSON_LENGTH} are accepted`,
  };
}

/**
 * `value` as JSON text ("" for undefined or null), refusing too much as soon as it is seen.
 * Every exception of the host's (getters, toJSON, Proxies, cycles, BigInt, the stack) is
 * caught here and becomes an AssessError.
 */
function toJson(value, path) {
  if (value === undefined || value === null) return "";
  let budget = MAX_JSON_LENGTH;
  const depth = new WeakMap();
  // The replacer sees every key and value before it is written: each costs at least its
  // key's length plus one character of output, a string its length too. It returns the value
  // unchanged, so the text is exactly what JSON.stringify(value) writes.
  function replacer(key, v) {
    budget -= key.length + 1;
    if (typeof v === "string") budget -= v.length;
    else if (typeof v === "object" && v !== null) {
      const d = (depth.get(this) ?? 0) + 1;
      if (d > MAX_DEPTH) throw new Refusal({ path, code: "invalid-input", message: `nested too deeply (more than ${MAX_DEPTH} levels)` });
      depth.set(v, d);
    }
    if (Array.isArray(v) && v.length > MAX_ARRAY_LENGTH) {
      const top = path === "" && this === value && key === "summonses";
      throw new Refusal({
        path: top ? "summonses" : path,
        code: "too-large",
        message: top
          ? `${v.length} summonses given; at most ${MAX_ARRAY_LENGTH} are accepted`
          : `an array of ${v.length} elements given; at most ${MAX_ARRAY_LENGTH} are accepted`,
      });
    }
    if (budget < 0) throw new Refusal(tooLarge(path));
    return v;
  }
  let text;
  try {
    text = JSON.stringify(value, replacer);
  } catch (e) {
    if (e instanceof Refusal) throw assessError([e.issue]);
    throw assessError([{ path, code: "invalid-input", message: `not a plain JSON value: ${describe(e)}` }]);
  }
  if (text === undefined) {
    throw assessError([{ path, code: "invalid-type", message: "expected a JSON value (got a function, symbol or undefined)" }]);
  }
  if (text.length > MAX_JSON_LENGTH) throw assessError([tooLarge(path)]);
  return text;
}

function adopt(ex) {
  exportsNow = ex;
  broken = false;
  // A fresh instance (reset) knows no texts yet: hand it those loaded so far.
  for (const [lang, bytes] of texts) feed(lang, bytes);
  return ex;
}

function unsupportedLanguage(lang, path) {
  const shown = typeof lang === "string" ? `"${clip(lang, 20)}"` : typeof lang;
  return assessError([{ path, code: "unsupported-language", message: `${shown} is not supported; use "en", "fr", "de" or "ru"` }]);
}

/** Hands one language's texts file to the instance; throws an Error if the module refuses it. */
function feed(lang, bytes) {
  const out = glue.loadTexts(lang, bytes);
  if (out[0] !== "R") {
    const page = bytes.length > 0 && bytes[0] === 0x3c; // "<": a web page instead of the file
    throw new Error(
      page
        ? `conscription-check: the server answered the request for texts/${lang}.bin with a web page (the file is not where ` +
            "the package's JavaScript is served from; with Vite's dev server, add optimizeDeps: { exclude: [\"conscription-check\"] }, " +
            "with other tools pass the file: loadLanguage(lang, url)). See the package README."
        : `conscription-check: texts/${lang}.bin: ${out.slice(1)}`,
    );
  }
  texts.set(lang, bytes);
}

/** The bytes of a texts file: from `source` (a URL, a Response or its promise, bytes), else fetched next to this file. */
async function textBytes(lang, source) {
  const src = await (source ?? TEXT_URLS[lang]());
  if (src instanceof ArrayBuffer) return new Uint8Array(src);
  if (ArrayBuffer.isView(src)) return new Uint8Array(src.buffer, src.byteOffset, src.byteLength);
  const res = typeof Response === "function" && src instanceof Response ? src : await fetch(src);
  if (!res.ok) throw new Error(`conscription-check: texts/${lang}.bin could not be loaded (HTTP ${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Whether `lang`'s texts are loaded: assess and knowledge in `lang` work now. */
export function isLanguageLoaded(lang) {
  return exportsNow !== null && texts.has(lang);
}

/**
 * Loads the texts of `lang` ("en", "fr", "de" or "ru"): fetches texts/<lang>.bin next to this
 * file, or takes `source` (a URL, a Response or its promise, the bytes). Resolves once assess
 * and knowledge work in `lang`; at once when it is loaded already. May be called while init()
 * runs. Rejects with an AssessError ("unsupported-language") for another language, with an
 * Error when the file cannot be had or is not this package's.
 */
export function loadLanguage(lang, source) {
  if (!LANGS.includes(lang)) return Promise.reject(unsupportedLanguage(lang, "lang"));
  if (isLanguageLoaded(lang)) return Promise.resolve();
  if (!exportsNow && !loading) return Promise.reject(notReady());
  let p = pending.get(lang);
  if (!p) {
    p = (async () => {
      const bytes = textBytes(lang, source);
      bytes.catch(() => {}); // awaited below; not an unhandled rejection if init fails first
      if (!exportsNow) await loading;
      if (!exportsNow) throw notReady();
      if (!texts.has(lang)) feed(lang, await bytes);
    })().finally(() => pending.delete(lang));
    pending.set(lang, p);
  }
  return p;
}

/** The module's own options (what the glue takes), and the texts part: { languages, texts }. */
function splitOptions(options) {
  if (options === null || typeof options !== "object" || Object.getPrototypeOf(options) !== Object.prototype) {
    return [options, {}];
  }
  const { languages, texts: given, ...rest } = options;
  return [rest, { languages, texts: given }];
}

function languagesWanted(languages, given, fallback) {
  const list = languages === undefined ? (given ? Object.keys(given) : fallback) : languages;
  if (!Array.isArray(list)) throw unsupportedLanguage(list, "options.languages");
  list.forEach((l, i) => {
    if (!LANGS.includes(l)) throw unsupportedLanguage(l, `options.languages[${i}]`);
  });
  return [...new Set(list)];
}

/**
 * Discards the current instance and makes a fresh one from the same compiled module
 * (synchronously; about a millisecond). The glue does this by itself before the next call
 * after a call ended in a WebAssembly.RuntimeError; call it if you want a clean instance now.
 * Returns the new instance's exports.
 */
export function reset() {
  const mod = glue.__ccModule();
  if (!exportsNow || !mod) throw notReady();
  glue.__ccForgetInstance();
  return adopt(glue.initSync({ module: mod }));
}

/** Runs one call of the module; an exception out of it means the instance is not to be trusted. */
function call(fn) {
  if (!exportsNow) throw notReady();
  if (broken) reset();
  let out;
  try {
    out = fn();
  } catch (e) {
    broken = true;
    throw e;
  }
  if (out[0] === "E") {
    const { issues } = JSON.parse(out.slice(1));
    throw assessError(issues);
  }
  // `R` + the answer, or (assess) the result's JSON as it is, which starts with `{`.
  return out[0] === "R" ? out.slice(1) : out;
}

function explainLoadFailure(e) {
  const text = describe(e);
  if (/magic word/i.test(text) && /found 3c/i.test(text)) {
    return new Error(
      "conscription-check: the server answered the request for conscription_check_bg.wasm with a web page (the file is not " +
        "where the package's JavaScript is served from). With Vite's dev server, add optimizeDeps: { exclude: " +
        "[\"conscription-check\"] } to vite.config.js; with other tools, pass the .wasm file's URL: " +
        "init({ module_or_path: url }). See the package README.",
      { cause: e },
    );
  }
  return e;
}

/**
 * Loads the engine: fetches conscription_check_bg.wasm next to this file, or what
 * `{ module_or_path }` gives (a URL, a Response, bytes or a WebAssembly.Module), and the texts
 * of the languages `{ languages }` names (default ["en"]; [] for none yet), from next to this
 * file or from `{ texts: { fr: url or bytes, … } }`, fetched while the module compiles.
 * Calling it again does nothing (loadLanguage loads more languages). Returns the instance's
 * exports.
 */
export default function init(options) {
  if (exportsNow) return Promise.resolve(exportsNow);
  if (loading) return loading;
  const run = (async () => {
    await null; // the finally below must not run before `loading` is set
    try {
      const [own, { languages, texts: given }] = splitOptions(options);
      const fetches = languagesWanted(languages, given, ["en"]).map((l) => {
        const bytes = textBytes(l, given?.[l]);
        bytes.catch(() => {}); // awaited below, once the module is there
        return [l, bytes];
      });
      let ex;
      try {
        ex = adopt(await glue.default(own));
      } catch (e) {
        throw explainLoadFailure(e);
      }
      for (const [l, bytes] of fetches) if (!texts.has(l)) feed(l, await bytes);
      return ex;
    } finally {
      loading = null;
    }
  })();
  loading = run;
  return run;
}

/**
 * Loads the engine synchronously from `{ module }`: the .wasm file's bytes or a compiled
 * WebAssembly.Module, and the texts files given as bytes in `{ texts: { en: bytes, … } }`.
 * Calling it again returns the current instance's exports (and loads the texts it is given).
 */
export function initSync(options) {
  const [own, { texts: given }] = splitOptions(options);
  const langs = given ? languagesWanted(undefined, given, []) : [];
  const ex = exportsNow ?? adopt(glue.initSync(own));
  for (const l of langs) {
    const b = given[l];
    if (texts.has(l)) continue;
    if (!(b instanceof ArrayBuffer || ArrayBuffer.isView(b))) {
      throw new Error(`conscription-check: initSync takes the texts as bytes (texts.${l}: an ArrayBuffer or Uint8Array)`);
    }
    feed(l, b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
  }
  return ex;
}

// The module writes every result in the compact form (each finding once, the sources by id:
// less to write, copy and parse); assess() expands it here unless the caller asked for it.
let catalogue = null; // source id → source, the same in every language and for every instance

function sourceCatalogue() {
  if (!catalogue) catalogue = new Map(JSON.parse(call(() => glue.sourcesJson())).map((s) => [s.id, s]));
  return catalogue;
}

function badCompact(what) {
  return new TypeError(`conscription-check: expand() takes a CompactAssessment of this package; ${what}`);
}

/** Expands a compact assessment in place (it is the caller's own copy). */
function expandInPlace(c) {
  const index = c.findings;
  if (typeof index !== "object" || index === null || !Array.isArray(c.sources)) throw badCompact("no findings or sources");
  const finding = (key) => {
    if (typeof key !== "string" || !Object.hasOwn(index, key)) throw badCompact(`no finding under the key ${JSON.stringify(key)}`);
    return index[key];
  };
  const list = (o) => {
    if (!Array.isArray(o?.findings)) throw badCompact("a list of findings is missing");
    o.findings = o.findings.map(finding);
    if (Array.isArray(o.grounds)) for (const g of o.grounds) list(g);
  };
  for (const o of [c.age, c.deferral, ...(Array.isArray(c.penalties) ? c.penalties : [null]), c.restrictions, c.payment, c.returnRisk, c.deployment]) list(o);
  if (!Array.isArray(c.warnings)) throw badCompact("warnings are missing");
  c.warnings = c.warnings.map(finding);
  const sources = sourceCatalogue();
  c.sources = c.sources.map((id) => {
    const s = sources.get(id);
    if (s === undefined) throw badCompact(`no source ${JSON.stringify(id)}`);
    return { ...s };
  });
  delete c.findings;
  return c;
}

/**
 * Assesses a person's situation (see the README). Throws an AssessError on invalid input.
 * With `output: "compact"`, returns the compact form (see expand()).
 */
export function assess(input, options) {
  if (!exportsNow) throw notReady();
  if (input === undefined || input === null) {
    throw assessError([{ path: "", code: "invalid-type", message: "expected the case as an object, got nothing" }]);
  }
  const caseJson = toJson(input, "");
  const optsJson = toJson(options, "options");
  const out = JSON.parse(call(() => glue.assessJson(caseJson, optsJson)));
  // What the module read (a getter may answer differently twice): the options' JSON text.
  const compact = optsJson !== "" && JSON.parse(optsJson)?.output === "compact";
  return compact ? out : expandInPlace(out);
}

/**
 * The Assessment of a compact assessment (assess with `output: "compact"`): equal to what
 * assess gives without the option. The argument is left as it is.
 */
export function expand(compact) {
  if (!exportsNow) throw notReady();
  if (typeof compact !== "object" || compact === null) throw badCompact("got " + (compact === null ? "null" : typeof compact));
  return expandInPlace(structuredClone(compact));
}

/** What the tool knows: version, report date, languages, default rates, the sources. */
export function knowledge(options) {
  if (!exportsNow) throw notReady();
  const optsJson = toJson(options, "options");
  const info = JSON.parse(call(() => glue.knowledgeJson(optsJson)));
  // The page asks for knowledge() before its first assess: the catalogue is taken from here
  // (copies: the caller may change its own), so the first assess need not read it again.
  catalogue ??= new Map(info.sources.map((s) => [s.id, { ...s }]));
  return info;
}

/** Converts roubles to RUB, CHF or EUR at the sources' rates or the given ones. */
export function convert(amountRub, currency, options) {
  if (!exportsNow) throw notReady();
  const optsJson = toJson(options, "options");
  const amount = typeof amountRub === "number" ? amountRub : undefined;
  const cur = typeof currency === "string" ? currency : undefined;
  return Number(call(() => glue.convertJson(amount, cur, optsJson)));
}
