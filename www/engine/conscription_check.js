// conscription-check: the package's entry (pkg/conscription_check.js, copied from
// www/engine/ by scripts/finish-pkg.mjs). It keeps the contract of the wasm-bindgen module it
// wraps (init, initSync, assess, knowledge, convert) and adds what that module cannot do for
// itself:
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
  return ex;
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
  return out.slice(1);
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
 * `{ module_or_path }` gives (a URL, a Response, bytes or a WebAssembly.Module). Calling it
 * again does nothing. Returns the instance's exports.
 */
export default function init(options) {
  if (exportsNow) return Promise.resolve(exportsNow);
  loading ??= (async () => {
    try {
      return adopt(await glue.default(options));
    } catch (e) {
      throw explainLoadFailure(e);
    } finally {
      loading = null;
    }
  })();
  return loading;
}

/**
 * Loads the engine synchronously from `{ module }`: the .wasm file's bytes or a compiled
 * WebAssembly.Module. Calling it again returns the current instance's exports.
 */
export function initSync(options) {
  if (exportsNow) return exportsNow;
  return adopt(glue.initSync(options));
}

/** Assesses a person's situation (see the README). Throws an AssessError on invalid input. */
export function assess(input, options) {
  if (!exportsNow) throw notReady();
  if (input === undefined || input === null) {
    throw assessError([{ path: "", code: "invalid-type", message: "expected the case as an object, got nothing" }]);
  }
  const caseJson = toJson(input, "");
  const optsJson = toJson(options, "options");
  return JSON.parse(call(() => glue.assessJson(caseJson, optsJson)));
}

/** What the tool knows: version, report date, languages, default rates, the sources. */
export function knowledge(options) {
  if (!exportsNow) throw notReady();
  const optsJson = toJson(options, "options");
  return JSON.parse(call(() => glue.knowledgeJson(optsJson)));
}

/** Converts roubles to RUB, CHF or EUR at the sources' rates or the given ones. */
export function convert(amountRub, currency, options) {
  if (!exportsNow) throw notReady();
  const optsJson = toJson(options, "options");
  const amount = typeof amountRub === "number" ? amountRub : undefined;
  const cur = typeof currency === "string" ? currency : undefined;
  return Number(call(() => glue.convertJson(amount, cur, optsJson)));
}
